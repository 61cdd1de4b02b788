"""The cat lab's three benchmarks in numpy, float64, one BLAS thread, written as the
course's notebooks write them (dnn_app_utils: initialize_parameters[_deep],
L_model_forward, compute_cost, L_model_backward, update_parameters):

- logistic regression, 2000 iterations, learning rate 0.005, w = 0, b = 0;
- the two-layer model [12288, 7, 1], 2500 iterations, learning rate 0.0075,
  np.random.seed(1), W = randn(n_l, n_{l-1}) * 0.01;
- the L-layer model [12288, 20, 7, 5, 1], 2500 iterations, learning rate 0.0075,
  np.random.seed(1), W = randn(n_l, n_{l-1}) / sqrt(n_{l-1}).

The data is the 209 synthetic pictures of benches/cats.rs (pixel-first features j):
    level(i, j) = (37*i + 11*j + 5*((i*j) mod 13)) mod 256
    is_cat(i)   = (7*i mod 5) < 2
    X = levels.reshape(m, -1).T / 255
Each model is trained RUNS times (the machine is shared: the median counts); the
seconds of the training loop (data preparation excluded) and the final cost are
printed, and every iteration's cost is written to target/cats-numpy-costs.json so
that `CATS_BENCH_ONCE=1 cargo bench --bench cats` can compare the lab's costs with
numpy's at every iteration.

Run: python3 benches/cats_numpy.py [RUNS]   (default 3)
"""

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

M, FEATURES = 209, 64 * 64 * 3
HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = [
    ("logistic", [FEATURES, 1], 0.005, 2000),
    ("two-layer", [FEATURES, 7, 1], 0.0075, 2500),
    ("l-layer", [FEATURES, 20, 7, 5, 1], 0.0075, 2500),
]


def data():
    i = np.arange(M, dtype=np.int64)[:, None]
    j = np.arange(FEATURES, dtype=np.int64)[None, :]
    levels = ((37 * i + 11 * j + 5 * ((i * j) % 13)) % 256).astype(np.uint8)
    x = levels.reshape(M, -1).T / 255.0
    y = ((7 * np.arange(M)) % 5 < 2).astype(np.float64).reshape(1, M)
    return x, y


def initialize(dims):
    """The course's initialize_parameters (one hidden layer) or _deep (more)."""
    params = {}
    if len(dims) == 2:
        return {"W1": np.zeros((dims[1], dims[0])), "b1": np.zeros((dims[1], 1))}
    np.random.seed(1)
    for l in range(1, len(dims)):
        w = np.random.randn(dims[l], dims[l - 1])
        params["W" + str(l)] = w * 0.01 if len(dims) == 3 else w / np.sqrt(dims[l - 1])
        params["b" + str(l)] = np.zeros((dims[l], 1))
    return params


def train(x, y, dims, rate, iterations):
    params = initialize(dims)
    layers, m = len(dims) - 1, x.shape[1]
    costs = []
    for _ in range(iterations):
        caches, a = [], x
        for l in range(1, layers + 1):  # L_model_forward
            z = params["W" + str(l)] @ a + params["b" + str(l)]
            caches.append((a, z))
            a = 1 / (1 + np.exp(-z)) if l == layers else np.maximum(0, z)
        cost = (1.0 / m) * (-np.dot(y, np.log(a).T) - np.dot(1 - y, np.log(1 - a).T))
        costs.append(float(np.squeeze(cost)))
        da = -(np.divide(y, a) - np.divide(1 - y, 1 - a))  # L_model_backward
        grads = {}
        for l in range(layers, 0, -1):
            a_prev, z = caches[l - 1]
            if l == layers:
                s = 1 / (1 + np.exp(-z))
                dz = da * s * (1 - s)
            else:
                dz = np.array(da, copy=True)
                dz[z <= 0] = 0
            grads["dW" + str(l)] = 1.0 / m * np.dot(dz, a_prev.T)
            grads["db" + str(l)] = 1.0 / m * np.sum(dz, axis=1, keepdims=True)
            da = np.dot(params["W" + str(l)].T, dz)
        for l in range(1, layers + 1):  # update_parameters
            params["W" + str(l)] -= rate * grads["dW" + str(l)]
            params["b" + str(l)] -= rate * grads["db" + str(l)]
    return costs


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    x, y = data()
    out = {}
    for name, dims, rate, iterations in MODELS:
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            costs = train(x, y, dims, rate, iterations)
            seconds.append(time.perf_counter() - start)
        median = sorted(seconds)[len(seconds) // 2]
        runs_text = ", ".join(f"{s:.2f}" for s in seconds)
        print(f"numpy float64 {name} {dims} {iterations} iterations: {median:.3f} s "
              f"(median of {runs}: {runs_text}), final cost {costs[-1]:.9f}")
        out[name] = costs
    target = os.path.join(HERE, "..", "target")
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "cats-numpy-costs.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
