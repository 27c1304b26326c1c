"""Notebook 05, section 6 onwards: five LSTM recipes on Seattle's weather, over many seeds.

The notebook's pipeline, once per seed, with one plain model per recipe (no packing): the days
of 2012-2013 fit the statistics of the "choose" round (scored on 2014), those of 2012-2014 the
"report" round (scored on 2015); `Normalization` and `StringLookup` adapted on those days only;
13 features per day (4 numbers, the departure from climatology, the calendar's sine and cosine,
the word one-hot); windows of 14 days (`weather.make_windows`). Each recipe is
`LSTM(16, return_sequences=every_step)` + `Dense(horizons)` predicting the departures from
climatology in units of the training spread, trained with Adam(0.01) in batches of 64: in the
choose round with early stopping on 2014 (patience 3, best weights kept), then, in the report
round, a new model from the same seed refit on 2012-2014 for the chosen number of epochs.

The features are those of notebook 05's section 5, written here with NumPy instead of Keras
layers (the same arithmetic), so that the experiment runs without the notebook.

Measured per recipe: "epochs" (chosen on 2014); "val_mae_h{h}" and "test_mae_h{h}" (°C) for
each horizon h it forecasts; the Diebold-Mariano interval (lags 1-13) of its test MAE minus a
baseline's, "dm_{baseline}_{mean,low,high}_h{h}", against persistence and the linear model at
h = 1 and, for the 7-day recipes, against the better baseline on 2014 at every h; for the
next-day recipe with the word, "move_{word}": how far (°C, mean absolute) its 2015 forecasts
move when that word replaces the real one on every day (`[UNK]` for a word never seen).
"""

DESCRIPTION = ("05: LSTM recipes on Seattle's weather (the loss at the last step or at every "
               "step, with or without the word, next day or 7 days) against the baselines")
SEEDS = {"tensorflow": 10, "jax": 5}
RECIPES = {  # name: (loss at every step?, horizons, reads the word?)
    "next day, loss at last step": (False, 1, True),
    "next day, loss at every step": (True, 1, True),
    "next day, loss at last step, no word": (False, 1, False),
    "7 days, loss at last step": (False, 7, True),
    "7 days, loss at every step": (True, 7, True),
}
DESIGNS = tuple(RECIPES)
LENGTH, LAGS = 14, 13


def _harmonics(day_of_year):
    import numpy as np

    angle = 2 * np.pi * np.asarray(day_of_year, "float64") / 365.25
    return np.stack([np.ones_like(angle), np.sin(angle), np.cos(angle), np.sin(2 * angle),
                     np.cos(2 * angle)], axis=-1)


def _statistics(days, numeric, horizons):
    """What a round learns from its training days: (features, normal, spread, vocabulary)."""
    import keras
    import numpy as np
    from keras import layers

    normalize = layers.Normalization(axis=-1)
    normalize.adapt(days[numeric].to_numpy())
    lookup = layers.StringLookup()
    lookup.adapt(days["weather"].to_numpy())
    curve, *_ = np.linalg.lstsq(_harmonics(days["day_of_year"].to_numpy()),
                                days["temp_max"].to_numpy(), rcond=None)
    spread = float(days["temp_max"].std())
    mean = keras.ops.convert_to_numpy(normalize.mean)[0]
    std = np.sqrt(keras.ops.convert_to_numpy(normalize.variance)[0])
    vocabulary = lookup.get_vocabulary()

    def features(raw, word=None):
        """(samples, 14, 13); `word` replaces every day's word."""
        numbers = (np.stack([raw[c] for c in numeric], axis=-1) - mean) / std
        departure = (raw["temp_max"] - _harmonics(raw["day_of_year"]) @ curve) / spread
        angle = 2 * np.pi * raw["day_of_year"] / 365.25
        if word is None:
            index = keras.ops.convert_to_numpy(lookup(raw["weather"]))
        else:
            index = np.full(raw["weather"].shape, vocabulary.index(word))
        one_hot = np.eye(len(vocabulary))[index]
        return np.concatenate([numbers, departure[..., None], np.sin(angle)[..., None],
                               np.cos(angle)[..., None], one_hot], axis=-1).astype("float32")

    def normal(raw):
        """Climatology of the day h ahead of every step: (samples, 14, 7)."""
        return _harmonics(raw["day_of_year"][..., None] + horizons) @ curve

    return features, normal, spread, vocabulary


def _data():
    """Everything the recipes share, identical for every seed: windows, features, baselines."""
    import numpy as np
    import pandas as pd

    from helpers import weather

    frame = weather.load_seattle_weather()
    splits = weather.split_by_year(frame)
    for split in splits.values():
        split["day_of_year"] = split["date"].dt.day_of_year
    rounds = {"choose": (["train"], "validation"), "report": (["train", "validation"], "test")}
    horizons = np.arange(1, 8)
    numeric = list(weather.NUMERIC)
    columns = [*numeric, "weather", "day_of_year"]
    windows = {name: weather.make_windows(split, length=LENGTH, horizons=horizons,
                                          columns=columns) for name, split in splits.items()}
    out = {}
    for name, (fit, scored) in rounds.items():
        days = pd.concat([splits[split] for split in fit])
        features, normal, spread, vocabulary = _statistics(days, numeric, horizons)
        part = {"features": features, "spread": spread, "vocabulary": vocabulary,
                "fit": fit, "scored": scored}
        for split in [*fit, scored]:
            raw, y, y_steps = windows[split]
            part[split] = {"x": features(raw), "normal": normal(raw), "y": y, "y_steps": y_steps,
                           "raw": raw}
        fit_x = np.concatenate([np.c_[part[s]["x"][:, -1], np.ones(len(part[s]["x"]))]
                                for s in fit])
        fit_y = np.concatenate([part[s]["y"] for s in fit])
        weights, *_ = np.linalg.lstsq(fit_x, fit_y, rcond=None)
        last = part[scored]
        part["baselines"] = {
            "persistence": np.repeat(last["raw"]["temp_max"][:, -1:], 7, axis=1),
            "climatology": last["normal"][:, -1],
            "linear": np.c_[last["x"][:, -1], np.ones(len(last["x"]))] @ weights}
        out[name] = part
    return out


_CACHE = {}


def run(seed):
    import keras
    import numpy as np
    from keras import layers

    from helpers import metrics

    if "data" not in _CACHE:
        _CACHE["data"] = _data()
    data = _CACHE["data"]
    choose, report = data["choose"], data["report"]
    truth_val, truth_test = choose["validation"]["y"], report["test"]["y"]
    val_mae = {b: metrics.mae(truth_val, f, axis=0) for b, f in choose["baselines"].items()}
    better = ["persistence" if val_mae["persistence"][h] < val_mae["climatology"][h]
              else "climatology" for h in range(7)]
    rows = []

    def add(design, metric, value):
        rows.append({"design": design, "metric": metric, "value": float(value)})

    def model_for(every_step, horizons):
        keras.utils.set_random_seed(seed)
        inputs = keras.Input(shape=(LENGTH, choose["train"]["x"].shape[-1]), name="features")
        hidden = layers.LSTM(16, return_sequences=every_step, name="lstm")(inputs)
        model = keras.Model(inputs, layers.Dense(horizons, name="head")(hidden))
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
        return model

    def xy(part, splits, every_step, horizons, word):
        x = np.concatenate([part[s]["x"] for s in splits])
        if not word:
            x = x.copy()
            x[..., 7:] = 0.0  # the word's one-hot columns: a model that cannot read it
        steps = np.concatenate([(part[s]["y_steps"] - part[s]["normal"]) for s in splits])
        targets = steps[..., :horizons] / part["spread"]
        return x, (targets if every_step else targets[:, -1])

    def in_degrees(model, part, split, x):
        departures = keras.ops.convert_to_numpy(model(x))
        departures = departures[:, -1] if departures.ndim == 3 else departures
        return part[split]["normal"][:, -1, :departures.shape[1]] + departures * part["spread"]

    for recipe, (every_step, horizons, word) in RECIPES.items():
        model = model_for(every_step, horizons)
        x, target = xy(choose, ["train"], every_step, horizons, word)
        x_val, target_val = xy(choose, ["validation"], every_step, horizons, word)
        stop = keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)
        keras.utils.set_random_seed(seed)
        history = model.fit(x, target, validation_data=(x_val, target_val), batch_size=64,
                            epochs=40, verbose=0, callbacks=[stop])
        epochs = int(np.argmin(history.history["val_loss"])) + 1
        add(recipe, "epochs", epochs)
        forecast = in_degrees(model, choose, "validation", x_val)
        for h, value in enumerate(metrics.mae(truth_val[:, :horizons], forecast, axis=0)):
            add(recipe, f"val_mae_h{h + 1}", value)

        model = model_for(every_step, horizons)
        x, target = xy(report, ["train", "validation"], every_step, horizons, word)
        x_test, _ = xy(report, ["test"], every_step, horizons, word)
        keras.utils.set_random_seed(seed)
        model.fit(x, target, batch_size=64, epochs=epochs, verbose=0)
        forecast = in_degrees(model, report, "test", x_test)
        errors = np.abs(forecast - truth_test[:, :horizons])
        for h in range(horizons):
            add(recipe, f"test_mae_h{h + 1}", errors[:, h].mean())
        against = {"persistence": [0], "linear": [0]} if horizons == 1 else \
            {"better": list(range(7))}
        for baseline, hs in against.items():
            for h in hs:
                name = better[h] if baseline == "better" else baseline
                other = np.abs(report["baselines"][name] - truth_test)[:, h]
                mean, low, high = metrics.difference_interval(errors[:, h], other, LAGS)
                for part, value in (("mean", mean), ("low", low), ("high", high)):
                    add(recipe, f"dm_{baseline}_{part}_h{h + 1}", value)
        if recipe == "next day, loss at last step":
            usual = keras.ops.convert_to_numpy(model(x_test))
            for word_ in report["vocabulary"]:
                replaced = report["features"](report["test"]["raw"], word=word_)
                moved = keras.ops.convert_to_numpy(model(replaced))
                add(recipe, f"move_{word_}", np.abs(moved - usual).mean() * report["spread"])
    return rows
