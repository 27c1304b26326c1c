"""Notebook 09: a last-step LSTM against average, max and attention pooling, over many seeds.

The notebook's live cells, once per seed: `data.marked_step` (60 steps of 4 features, the class
decided at one marked step; 2,400 training samples, seed 1; 3,000 test samples, seed 3). Four
kinds, each one ordinary model, `LSTM(8)` -> a summary of shape (batch, 8) -> `Dense(3,
softmax)`: "last step" (`return_sequences=False`), "average pooling"
(`GlobalAveragePooling1D`), "max pooling" (`GlobalMaxPooling1D`) and "attention pooling" (a
learned query, `Attention(use_scale=True)`, `Flatten`). Each is built after
`keras.utils.set_random_seed(seed)` (so the four LSTMs start from the same weights) and trained
after `keras.utils.set_random_seed(seed)` again, with Adam(0.02), sparse categorical
cross-entropy, batches of 64, 4 epochs.

Measured per kind: "loss_e1" ... "loss_e4", the mean training loss in each epoch; "accuracy", the
test accuracy; "minus_bayes", that minus the Bayes classifier's accuracy on the same samples;
"group_0" ... "group_5", the test accuracy minus the Bayes classifier's on the samples whose
marked step lies 0-9, 10-19, ..., 50-59 steps from the end. For attention pooling: "at_mark",
the fraction of test samples whose largest attention weight is on the marked step, and
"weight_at_mark", the median weight there. For max pooling, on 500 test sequences cut to random
lengths (each keeps its marked step, NumPy seed 0), padded to 60 with a `Masking` layer in front:
"changed_pre" and "changed_post", how many of the 500 predicted classes `GlobalMaxPooling1D`
changes against a maximum over the real steps only, pre-padded and post-padded.
"""

DESCRIPTION = ("09: a last-step LSTM against average, max and attention pooling on a 60-step "
               "task decided at one marked step")
SEEDS = {"tensorflow": 10, "jax": 5}
KINDS = {"last_step": "last step", "average": "average pooling", "max": "max pooling",
         "attention": "attention pooling"}
DESIGNS = tuple(KINDS.values())
TIMESTEPS, UNITS, EPOCHS = 60, 8, 4


def run(seed):
    import keras
    import numpy as np
    from keras import layers, ops

    from helpers import data

    class LearnedQuery(layers.Layer):
        def build(self, sequence_shape):
            self.query = self.add_weight(shape=(sequence_shape[-1],), initializer="zeros",
                                         name="query")

        def call(self, sequence):
            return ops.broadcast_to(self.query, (ops.shape(sequence)[0], 1, self.query.shape[0]))

        def compute_mask(self, sequence, mask=None):
            return None

    class MaskedGlobalMaxPooling1D(layers.Layer):
        def call(self, sequence, mask=None):
            if mask is not None:
                sequence = ops.where(ops.expand_dims(mask, -1), sequence, float("-inf"))
            return ops.max(sequence, axis=1)

        def compute_mask(self, sequence, mask=None):
            return None

    def classifier(kind, pooling=None, masking=False):
        inputs = keras.Input(shape=(None, 4), name="sequences")
        steps = layers.Masking(mask_value=0.0)(inputs) if masking else inputs
        sequence = layers.LSTM(UNITS, return_sequences=kind != "last_step", name="lstm")(steps)
        if kind == "last_step":
            summary = sequence
        elif kind == "average":
            summary = layers.GlobalAveragePooling1D(name="pool")(sequence)
        elif kind == "max":
            summary = (pooling or layers.GlobalMaxPooling1D)(name="pool")(sequence)
        else:
            query = LearnedQuery(name="query")(sequence)
            context, _ = layers.Attention(use_scale=True, name="attention")(
                [query, sequence], return_attention_scores=True)
            summary = layers.Flatten(name="context")(context)
        probabilities = layers.Dense(3, activation="softmax", name="probabilities")(summary)
        return keras.Model(inputs, probabilities, name=kind)

    x_train, labels_train, _ = data.marked_step(2400, timesteps=TIMESTEPS, seed=1)
    x_test, labels_test, best_accuracy, info = data.marked_step(3000, timesteps=TIMESTEPS,
                                                                seed=3, details=True)
    positions, bayes_correct = info["positions"], info["bayes_correct"]
    distance = TIMESTEPS - 1 - positions
    groups = np.array_split(np.arange(TIMESTEPS), 6)
    rows = []

    def add(kind, metric, value):
        rows.append({"design": KINDS[kind], "metric": metric, "value": float(value)})

    models = {}
    for kind in KINDS:
        keras.utils.set_random_seed(seed)
        model = classifier(kind)
        model.compile(optimizer=keras.optimizers.Adam(0.02),
                      loss="sparse_categorical_crossentropy")
        keras.utils.set_random_seed(seed)
        history = model.fit(x_train, labels_train, batch_size=64, epochs=EPOCHS, verbose=0)
        models[kind] = model
        for epoch, loss in enumerate(history.history["loss"], start=1):
            add(kind, f"loss_e{epoch}", loss)
        right = model.predict(x_test, batch_size=500, verbose=0).argmax(axis=1) == labels_test
        add(kind, "accuracy", right.mean())
        add(kind, "minus_bayes", right.mean() - best_accuracy)
        for g, group in enumerate(groups):
            near = np.isin(distance, group)
            add(kind, f"group_{g}", right[near].mean() - bayes_correct[near].mean())

    attention = models["attention"]
    looker = keras.Model(attention.input, attention.get_layer("attention").output[1])
    weights = ops.convert_to_numpy(looker.predict(x_test, batch_size=500, verbose=0))[:, 0]
    add("attention", "at_mark", (weights.argmax(axis=1) == positions).mean())
    add("attention", "weight_at_mark", np.median(weights[np.arange(len(x_test)), positions]))

    rng = np.random.default_rng(0)
    lengths = rng.integers(positions[:500] + 1, TIMESTEPS + 1)
    cut = [x_test[i, :n] for i, n in enumerate(lengths)]
    answers = {}
    for name, pooling in (("plain", layers.GlobalMaxPooling1D),
                          ("fixed", MaskedGlobalMaxPooling1D)):
        masked = classifier("max", pooling=pooling, masking=True)
        masked.set_weights(models["max"].get_weights())
        for padding in ("pre", "post"):
            padded = keras.utils.pad_sequences(cut, maxlen=TIMESTEPS, padding=padding,
                                               dtype="float32")
            answers[name, padding] = ops.convert_to_numpy(masked(padded)).argmax(axis=1)
    for padding in ("pre", "post"):
        add("max", f"changed_{padding}",
            (answers["plain", padding] != answers["fixed", padding]).sum())
    return rows
