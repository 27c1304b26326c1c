"""Notebook 06, section 6: what forgetting the mask costs a last-timestep LSTM, over many seeds.

The notebook's live cells, once per seed: the task of `data.ragged_readings` (3 features, 4 to
20 steps, noise 0.5; 6,000 training sequences, seed 1; 1,000 validation, seed 3; 2,000 test,
seed 2), padded to 20 steps with `keras.utils.pad_sequences`. Three ways, each an
`LSTM(16)` + `Dense(1)` built after `keras.utils.set_random_seed(seed)`, so that the three start
from the same weights, and trained with Adam(0.01), batches of 256, 10 epochs, after
`keras.utils.set_random_seed(seed)` again, so that they read the same batches:

- "post-padded, masked": `padding="post"`, with `layers.Masking()` first;
- "post-padded, no mask": `padding="post"`, no mask (up to 16 zeros after the last real step);
- "pre-padded, no mask": `padding="pre"` (the default), no mask.

Measured, all in units of the noise floor: "loss_e1" ... "loss_e10" and "val_e1" ... "val_e10",
the training and validation MSE after each epoch; "test", the test MSE; "excess" and
"excess_se", the mean over the test sequences of the way's squared error minus the exact rule's
(the generator without noise), and its standard error. For "post-padded, no mask",
"minus_masked" and "minus_masked_se": its squared error minus the masked way's, paired by test
sequence. For "pre-padded, no mask": "masked_minus" and "masked_minus_se", the masked way's
squared error minus its own; "candidate_bias", the mean absolute bias of the LSTM's candidate
block after training (0 at the start); and how far its test predictions move (not in units of
the floor) when each sequence is fed alone ("alone_mean", "alone_max") or pre-padded to 30 steps
("pad30_mean", "pad30_max"). For the masked way, "pad30_max": the same for its predictions
post-padded to 30 steps with the mask.
"""

DESCRIPTION = ("06: a last-timestep LSTM on sequences of 4 to 20 steps, post-padded with a mask, "
               "post-padded without, pre-padded without")
SEEDS = {"tensorflow": 10, "jax": 5}
DESIGNS = ("post-padded, masked", "post-padded, no mask", "pre-padded, no mask")
EPOCHS, MAX_STEPS = 10, 20


def run(seed):
    import keras
    import numpy as np
    from keras import layers

    from helpers import data

    def task(samples, data_seed, noise=0.5):
        sequences, y, noise_variance = data.ragged_readings(samples, max_timesteps=MAX_STEPS,
                                                            noise=noise, seed=data_seed)
        return sequences, y, noise_variance

    def pad(sequences, padding, length=MAX_STEPS):
        return keras.utils.pad_sequences(sequences, maxlen=length, padding=padding,
                                         dtype="float32")

    train, y_train, floor = task(6000, 1)
    val, y_val, _ = task(1000, 3)
    test, y_test, _ = task(2000, 2)
    _, y_test_clean, _ = task(2000, 2, noise=1e-9)  # the exact rule on the same sequences
    rule_errors = (y_test - y_test_clean)[:, 0] ** 2
    ways = {"post-padded, masked": ("post", True), "post-padded, no mask": ("post", False),
            "pre-padded, no mask": ("pre", False)}
    rows, errors, models = [], {}, {}

    def add(design, metric, value):
        rows.append({"design": design, "metric": metric, "value": float(value)})

    def paired(a, b):
        difference = (a - b) / floor
        return difference.mean(), difference.std(ddof=1) / np.sqrt(len(difference))

    for design, (padding, masked) in ways.items():
        keras.utils.set_random_seed(seed)  # the same initial weights for the three ways
        inputs = keras.Input(shape=(None, 3), name="sequences")
        hidden = layers.Masking(name="masking")(inputs) if masked else inputs
        outputs = layers.Dense(1, name="head")(layers.LSTM(16, name="lstm")(hidden))
        model = keras.Model(inputs, outputs, name="last_step")  # as the notebook builds it
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
        lstm, head = model.get_layer("lstm"), model.get_layer("head")
        keras.utils.set_random_seed(seed)  # the same batches for the three ways
        history = model.fit(pad(train, padding), y_train, batch_size=256, epochs=EPOCHS,
                            validation_data=(pad(val, padding), y_val), verbose=0).history
        for epoch in range(EPOCHS):
            add(design, f"loss_e{epoch + 1}", history["loss"][epoch] / floor)
            add(design, f"val_e{epoch + 1}", history["val_loss"][epoch] / floor)
        prediction = keras.ops.convert_to_numpy(model(pad(test, padding)))[:, 0]
        errors[design] = (y_test[:, 0] - prediction) ** 2
        add(design, "test", errors[design].mean() / floor)
        for metric, value in zip(("excess", "excess_se"), paired(errors[design], rule_errors),
                                 strict=True):
            add(design, metric, value)
        models[design] = (lstm, head, prediction)

    for metric, value in zip(("minus_masked", "minus_masked_se"),
                             paired(errors["post-padded, no mask"],
                                    errors["post-padded, masked"]), strict=True):
        add("post-padded, no mask", metric, value)
    for metric, value in zip(("masked_minus", "masked_minus_se"),
                             paired(errors["post-padded, masked"],
                                    errors["pre-padded, no mask"]), strict=True):
        add("pre-padded, no mask", metric, value)

    def predict(lstm, head, x, mask=None):
        return keras.ops.convert_to_numpy(head(lstm(x, mask=mask)))[:, 0]

    lstm, head, padded = models["pre-padded, no mask"]
    x_pre = pad(test, "pre")
    alone = np.abs(padded - predict(lstm, head, x_pre, x_pre.any(axis=2)))  # = each alone
    pad30 = np.abs(padded - predict(lstm, head, pad(test, "pre", 30)))
    bias = keras.ops.convert_to_numpy(lstm.cell.bias).reshape(4, -1)  # i, f, candidate, o
    design = "pre-padded, no mask"
    add(design, "candidate_bias", np.abs(bias[2]).mean())
    for name, moved in (("alone", alone), ("pad30", pad30)):
        add(design, f"{name}_mean", moved.mean())
        add(design, f"{name}_max", moved.max())
    lstm, head, _ = models["post-padded, masked"]
    x_post, x_post_30 = pad(test, "post"), pad(test, "post", 30)
    add("post-padded, masked", "pad30_max",
        np.abs(predict(lstm, head, x_post, x_post.any(axis=2))
               - predict(lstm, head, x_post_30, x_post_30.any(axis=2))).max())
    return rows
