"""Notebook 08: four multi-step designs (MIMO, RepeatVector, seq2seq, recursive), over many seeds.

The notebook's live cells, once per seed: `data.driven_oscillators` (T = 30 steps of (a, b, u)
in, K = 10 steps of (a, b) out, noise 0.5; 2,048 training windows, seed 1; 2,000 test windows,
seed 2), a and b centred on their training means. After `keras.utils.set_random_seed(seed)`
the four designs are built in the notebook's order, each with LSTMs of 32 units:

- "MIMO": an encoder's last output and the flattened future schedule -> `Dense(K * 2)`;
- "RepeatVector": the encoder's last output repeated K times, beside the schedule, read by a
  decoder LSTM with `return_sequences=True` -> `Dense(2)` at every step;
- "seq2seq": the encoder's states passed to a decoder (`initial_state`) that reads the previous
  step's (a, b) and this step's u, trained with teacher forcing, run free at inference;
- "recursive": a one-step model trained on all 39 steps of each 40-step window (29 of its
  targets exact past values, 10 noisy), fed its own predictions at inference.

Each is compiled with Adam(0.02) and MSE and trained with a plain `fit`, batches of 128, 4
epochs, after `keras.utils.set_random_seed(seed)` again.

Measured, as fractions of the noise variance: "h1" ... "h10", the test MSE at each horizon
(running free for seq2seq and recursive); "all", over every horizon; "own", the MSE against the
noise-free targets, every horizon. For seq2seq and recursive also: "forced_h1" ...
"forced_h10", the test MSE teacher forced (reading the observed targets instead of their own
predictions); "clean_h1" ... "clean_h10", the same teacher forced with the noise-free targets
(possible only because the generator knows them); and "slope", how far the forecast of a, 6
steps ahead, moves per unit of the a fed back for it (the observed a 5 steps ahead, raised by
0.5), averaged over the test windows (not a fraction of the noise variance).
"""

DESCRIPTION = ("08: four designs that forecast K = 10 steps from T = 30 (MIMO, RepeatVector, "
               "seq2seq, recursive) on one task with a known noise floor")
SEEDS = {"tensorflow": 10, "jax": 5}
DESIGNS = ("MIMO", "RepeatVector", "seq2seq", "recursive")
T, K, UNITS = 30, 10, 32
NUDGE, AT = 0.5, 5


def run(seed):
    import keras
    import numpy as np
    from keras import layers, ops

    from helpers import data, metrics

    x_train, u_train, y_train, noise_variance = data.driven_oscillators(2048, seed=1)
    x_test, u_test, y_test, _, truth = data.driven_oscillators(2000, seed=2, details=True)
    level = x_train[..., :2].mean(axis=(0, 1))
    x_train[..., :2] -= level
    x_test[..., :2] -= level
    y_train, y_test, clean_test = y_train - level, y_test - level, truth["clean"] - level

    keras.utils.set_random_seed(seed)  # the initial weights of the four designs
    past = keras.Input(shape=(T, 3), name="past")
    u_future = keras.Input(shape=(K, 1), name="u_future")
    state = layers.LSTM(UNITS, name="mimo_encoder")(past)
    both = layers.Concatenate(name="mimo_state_and_u")([state, layers.Flatten()(u_future)])
    flat = layers.Dense(K * 2, name="mimo_head")(both)
    forecast = layers.Reshape((K, 2), name="mimo_forecast")(flat)
    mimo = keras.Model([past, u_future], forecast, name="mimo")

    state = layers.LSTM(UNITS, name="repeat_encoder")(past)
    repeated = layers.RepeatVector(K, name="repeat")(state)
    steps_in = layers.Concatenate(name="repeat_and_u")([repeated, u_future])
    decoded = layers.LSTM(UNITS, return_sequences=True, name="repeat_decoder")(steps_in)
    forecast = layers.Dense(2, name="repeat_head")(decoded)
    repeat = keras.Model([past, u_future], forecast, name="repeat_vector")

    def decoder_inputs(x_past, y_future, u_future):
        previous = np.concatenate([x_past[:, -1:, :2], y_future[:, :-1]], axis=1)
        return np.concatenate([previous, u_future], axis=2)

    teacher_train = decoder_inputs(x_train, y_train, u_train)
    encoder_lstm = layers.LSTM(UNITS, return_state=True, name="seq2seq_encoder")
    decoder_lstm = layers.LSTM(UNITS, return_sequences=True, return_state=True,
                               name="seq2seq_decoder")
    seq2seq_head = layers.Dense(2, name="seq2seq_head")
    _, h, c = encoder_lstm(past)
    previous_and_u = keras.Input(shape=(K, 3), name="previous_and_u")
    decoded, _, _ = decoder_lstm(previous_and_u, initial_state=[h, c])
    seq2seq = keras.Model([past, previous_and_u], seq2seq_head(decoded), name="seq2seq")

    encoder = keras.Model(past, [h, c], name="encoder")
    step_in = keras.Input(shape=(1, 3), name="step_in")
    h_in, c_in = keras.Input(shape=(UNITS,), name="h_in"), keras.Input(shape=(UNITS,), name="c_in")
    step_out, h_out, c_out = decoder_lstm(step_in, initial_state=[h_in, c_in])
    decoder_step = keras.Model([step_in, h_in, c_in], [seq2seq_head(step_out), h_out, c_out],
                               name="decoder_step")

    def decode(x_past, u_future):
        h, c = encoder(x_past)
        previous = x_past[:, -1:, :2]
        outputs = []
        for k in range(K):
            step = ops.concatenate([previous, u_future[:, k:k + 1]], axis=-1)
            y_k, h, c = decoder_step([step, h, c])
            outputs.append(y_k)
            previous = y_k
        return ops.convert_to_numpy(ops.concatenate(outputs, axis=1))

    def one_step_rows(x_past, y_future, u_future):
        ab = np.concatenate([x_past[..., :2], y_future], axis=1)
        u = np.concatenate([x_past[..., 2:], u_future], axis=1)
        return np.concatenate([ab[:, :-1], u[:, 1:]], axis=2), ab[:, 1:]

    one_step_lstm = layers.LSTM(UNITS, return_sequences=True, return_state=True,
                                name="one_step_lstm")
    one_step_head = layers.Dense(2, name="one_step_head")
    rows = keras.Input(shape=(None, 3), name="rows")
    sequence, _, _ = one_step_lstm(rows)
    one_step = keras.Model(rows, one_step_head(sequence), name="one_step")
    sequence, h_out, c_out = one_step_lstm(rows, initial_state=[h_in, c_in])
    one_step_carry = keras.Model([rows, h_in, c_in], [one_step_head(sequence), h_out, c_out],
                                 name="one_step_carry")
    rows_train, rows_targets = one_step_rows(x_train, y_train, u_train)

    def recursive(x_past, u_future):
        past_rows = np.concatenate([x_past[:, :, :2], np.concatenate(
            [x_past[:, 1:, 2:], u_future[:, :1]], axis=1)], axis=2)
        zeros = np.zeros((len(x_past), UNITS), "float32")
        y_t, h, c = one_step_carry([past_rows, zeros, zeros])
        outputs = [y_t[:, -1:]]
        for k in range(1, K):
            step = ops.concatenate([outputs[-1], u_future[:, k:k + 1]], axis=-1)
            y_t, h, c = one_step_carry([step, h, c])
            outputs.append(y_t)
        return ops.convert_to_numpy(ops.concatenate(outputs, axis=1))

    models = {"MIMO": mimo, "RepeatVector": repeat, "seq2seq": seq2seq, "recursive": one_step}
    train_inputs = {"MIMO": [x_train, u_train], "RepeatVector": [x_train, u_train],
                    "seq2seq": [x_train, teacher_train], "recursive": rows_train}
    train_targets = {"MIMO": y_train, "RepeatVector": y_train, "seq2seq": y_train,
                     "recursive": rows_targets}
    for name, model in models.items():
        model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
        keras.utils.set_random_seed(seed)
        model.fit(train_inputs[name], train_targets[name], batch_size=128, epochs=4, verbose=0)

    forecasts = {"MIMO": ops.convert_to_numpy(mimo([x_test, u_test])),
                 "RepeatVector": ops.convert_to_numpy(repeat([x_test, u_test])),
                 "seq2seq": decode(x_test, u_test), "recursive": recursive(x_test, u_test)}
    teacher_test = decoder_inputs(x_test, y_test, u_test)
    rows_test, _ = one_step_rows(x_test, y_test, u_test)
    one_step_forced = ops.convert_to_numpy(one_step(rows_test))  # every row, past included
    forced = {"seq2seq": ops.convert_to_numpy(seq2seq([x_test, teacher_test])),
              "recursive": one_step_forced[:, -K:]}
    clean_rows, _ = one_step_rows(x_test, clean_test, u_test)
    forced_clean = {
        "seq2seq": ops.convert_to_numpy(seq2seq([x_test, decoder_inputs(x_test, clean_test,
                                                                         u_test)])),
        "recursive": ops.convert_to_numpy(one_step(clean_rows))[:, -K:]}
    nudged_teacher, nudged_rows = teacher_test.copy(), rows_test.copy()
    nudged_teacher[:, AT, 0] += NUDGE
    nudged_rows[:, T + AT - 1, 0] += NUDGE
    moved = {"seq2seq": (ops.convert_to_numpy(seq2seq([x_test, nudged_teacher]))
                         - forced["seq2seq"])[:, AT, 0],
             "recursive": (ops.convert_to_numpy(one_step(nudged_rows))
                           - one_step_forced)[:, T + AT - 1, 0]}

    rows = []

    def add(design, metric, value):
        rows.append({"design": design, "metric": metric, "value": float(value)})

    def per_horizon(reference, forecast):
        return metrics.mse(reference, forecast, axis=(0, 2)) / noise_variance  # (K,)

    for name in DESIGNS:
        by_step = per_horizon(y_test, forecasts[name])
        for k in range(K):
            add(name, f"h{k + 1}", by_step[k])
        add(name, "all", metrics.mse(y_test, forecasts[name]) / noise_variance)
        add(name, "own", metrics.mse(clean_test, forecasts[name]) / noise_variance)
    for name in ("seq2seq", "recursive"):
        by_step = per_horizon(y_test, forced[name])
        for k in range(K):
            add(name, f"forced_h{k + 1}", by_step[k])
        by_step = per_horizon(y_test, forced_clean[name])
        for k in range(K):
            add(name, f"clean_h{k + 1}", by_step[k])
        add(name, "slope", moved[name].mean() / NUDGE)
    return rows
