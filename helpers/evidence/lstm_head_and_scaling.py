"""Notebook 02, section 1: the source answer's first example, four ways, over many seeds.

The notebook's live cell, once per seed: `LSTM(4, return_sequences=True)` fitted to the targets
101...208 of `data.seed_data()` (repeated 100 times: 300 updates of Adam(0.02) in batches of 8),
bare or with a `Dense(4)` head at every step, on raw targets or on targets scaled by
(y - 150) / 100 and mapped back after. Measured on the two samples, in the targets' units:
"mse", and the predictions' "min" and "max".
"""

DESCRIPTION = ("02: a bare LSTM against a Dense head, scaled targets, and both, on the source "
               "answer's targets 101...208")
SEEDS = {"tensorflow": 10, "jax": 5}
DESIGNS = ("bare LSTM", "bare LSTM + scaled targets", "Dense head", "Dense head + scaled targets")
CENTER, SPREAD = 150.0, 100.0


def run(seed):
    import keras
    import numpy as np
    from keras import layers

    from helpers import data, metrics

    x, y, _ = data.seed_data()
    x_repeated, y_repeated = np.tile(x, (100, 1, 1)), np.tile(y, (100, 1, 1))
    rows = []
    for design in DESIGNS:
        head, scaled = design.startswith("Dense head"), design.endswith("scaled targets")
        keras.utils.set_random_seed(seed)
        inputs = keras.Input(shape=(2, 3), name="sequences")
        hidden = layers.LSTM(4, return_sequences=True, name="lstm")(inputs)
        model = keras.Model(inputs, layers.Dense(4, name="head")(hidden) if head else hidden)
        model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
        targets = (y_repeated - CENTER) / SPREAD if scaled else y_repeated
        model.fit(x_repeated, targets, batch_size=8, epochs=12, verbose=0)
        prediction = keras.ops.convert_to_numpy(model(x))
        if scaled:
            prediction = prediction * SPREAD + CENTER
        rows += [{"design": design, "metric": "mse", "value": metrics.mse(y, prediction)},
                 {"design": design, "metric": "min", "value": prediction.min()},
                 {"design": design, "metric": "max", "value": prediction.max()}]
    return rows
