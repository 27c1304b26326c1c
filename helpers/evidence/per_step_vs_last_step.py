"""Notebook 04, section 2: per-step, last-step and copied targets for one LSTM, over many seeds.

The notebook's live cells, once per seed: the task of `data.smoothed_signals` (1,000 training
sequences of 20 steps, noise 0.3; test set seed 3), `LSTM(16)` + `Dense(2)` built after
`keras.utils.set_random_seed(seed)`, so that the three designs start from the same weights, and
trained with Adam(0.01), batches of 64, 10 epochs, after `keras.utils.set_random_seed(seed)`
again, so that they read the same batches:

- "per-step": `return_sequences=True`, the running averages at every step as targets;
- "last-step": `return_sequences=False`, the last step's targets only;
- "copied": `return_sequences=True`, the last step's targets copied to every step.

Measured on the test set: "ratio_e1" ... "ratio_e10", the MSE at the last step after each
epoch over the noise floor; "excess", the last step's MSE against the noise-free targets over
the noise floor after epoch 10; for "copied" also "step_0" ... "step_19", its MSE at each step
against the final targets over the noise floor.
"""

DESCRIPTION = ("04: per-step against last-step supervision of the same LSTM, and last-step "
               "targets copied to every step")
SEEDS = {"tensorflow": 10, "jax": 5}
DESIGNS = ("per-step", "last-step", "copied")
EPOCHS, TIMESTEPS = 10, 20


def run(seed):
    import keras
    import numpy as np
    from keras import layers

    from helpers import data, metrics

    x_train, y_train, noise_variance = data.smoothed_signals(1000, timesteps=TIMESTEPS,
                                                             noise=0.3, seed=1)
    x_test, y_test, _ = data.smoothed_signals(1000, timesteps=TIMESTEPS, noise=0.3, seed=3)
    clean_last = data.smoothed_targets(x_test)[:, -1]
    y_train_last, y_test_last = y_train[:, -1], y_test[:, -1]
    targets = {"per-step": y_train, "last-step": y_train_last,
               "copied": np.repeat(y_train_last[:, None], TIMESTEPS, axis=1)}
    rows = []

    class LastStepScore(keras.callbacks.Callback):
        """After each epoch: the test MSE at the last step over the noise floor."""

        def __init__(self, design):
            super().__init__()
            self.design = design

        def on_epoch_end(self, epoch, logs=None):
            prediction = keras.ops.convert_to_numpy(self.model(x_test))
            last = prediction if prediction.ndim == 2 else prediction[:, -1]
            rows.append({"design": self.design, "metric": f"ratio_e{epoch + 1}",
                         "value": metrics.mse(y_test_last, last) / noise_variance})

    for design in DESIGNS:
        keras.utils.set_random_seed(seed)  # the same initial weights for the three designs
        inputs = keras.Input(shape=(None, 3), name="sequences")
        hidden = layers.LSTM(16, return_sequences=design != "last-step", name="lstm")(inputs)
        model = keras.Model(inputs, layers.Dense(2, name="head")(hidden))
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
        keras.utils.set_random_seed(seed)  # the same batches for the three designs
        model.fit(x_train, targets[design], batch_size=64, epochs=EPOCHS, verbose=0,
                  callbacks=[LastStepScore(design)])
        prediction = keras.ops.convert_to_numpy(model(x_test))
        last = prediction if prediction.ndim == 2 else prediction[:, -1]
        rows.append({"design": design, "metric": "excess",
                     "value": metrics.mse(clean_last, last) / noise_variance})
        if design == "copied":
            copied = np.repeat(y_test_last[:, None], TIMESTEPS, axis=1)
            by_step = metrics.mse(copied, prediction, axis=(0, 2)) / noise_variance
            rows += [{"design": design, "metric": f"step_{t}", "value": value}
                     for t, value in enumerate(by_step)]
    return rows
