"""Notebook 07, section 4: a model trained on 20-step sequences, run on streams up to 2,000 steps.

The notebook's live cells, once per seed: notebook 02's task (`data.smoothed_signals`, 3,000
training sequences of 20 steps, noise 0.3, seed 1), `LSTM(16, return_sequences=True)` +
`Dense(2)` built after `keras.utils.set_random_seed(seed)` and trained with Adam(0.01), batches
of 64, 10 epochs; then 1,000 streams of 2,000 steps (seed 3), run from a zero state.

Measured, as a fraction of the noise variance, against the noise-free targets
(`data.smoothed_targets`): "length_{n}" for n in LENGTHS, the MSE on the last 10 steps of the
streams' first n steps (an output depends only on the steps up to it, so those are streams of n
steps); "window_20", the same on the last 10 of the 2,000 steps when the model re-runs a
20-step window from a zero state at each step. One design: "LSTM(16), trained on 20 steps".
"""

DESCRIPTION = ("07: the error of a model trained on 20-step sequences on streams of 20 to 2,000 "
               "steps, and of a 20-step sliding window")
SEEDS = {"tensorflow": 20, "jax": 10}
DESIGN = "LSTM(16), trained on 20 steps"
DESIGNS = (DESIGN,)
LENGTHS = (20, 50, 100, 200, 500, 1000, 2000)


def run(seed):
    import keras
    import numpy as np
    from keras import layers

    from helpers import data, metrics

    x_train, y_train, noise_variance = data.smoothed_signals(3000, timesteps=20, noise=0.3,
                                                             seed=1)
    keras.utils.set_random_seed(seed)
    inputs = keras.Input(shape=(None, 3), name="sequences")
    hidden = layers.LSTM(16, return_sequences=True, name="lstm")(inputs)
    trained = keras.Model(inputs, layers.Dense(2, name="head")(hidden), name="whole_sequences")
    trained.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    trained.fit(x_train, y_train, batch_size=64, epochs=10, verbose=0)

    long_x, _, _ = data.smoothed_signals(1000, timesteps=2000, noise=0.3, seed=3)
    clean = data.smoothed_targets(long_x)
    long_out = trained.predict(long_x, batch_size=50, verbose=0)
    rows = []
    for length in LENGTHS:
        last = slice(length - 10, length)
        rows.append({"design": DESIGN, "metric": f"length_{length}",
                     "value": metrics.mse(clean[:, last], long_out[:, last]) / noise_variance})
    ends = range(1990, 2000)
    windows = np.stack([long_x[:, end - 19:end + 1] for end in ends], axis=1).reshape(-1, 20, 3)
    window_out = keras.ops.convert_to_numpy(trained(windows))[:, -1].reshape(1000, 10, 2)
    rows.append({"design": DESIGN, "metric": "window_20",
                 "value": metrics.mse(clean[:, -10:], window_out) / noise_variance})
    return rows
