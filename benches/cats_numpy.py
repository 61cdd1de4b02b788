"""The cat lab's logistic-regression benchmark in numpy, float64, one BLAS thread.

The same 2000 batch iterations (learning rate 0.005) over the same 209 synthetic
pictures x 12288 features as benches/cats.rs, written the course's way:
    X = levels.reshape(m, -1).T / 255        (12288, m)
    A = sigmoid(w.T @ X + b)
    cost = -(1/m) * sum(Y log A + (1 - Y) log(1 - A))
    dw = (1/m) X (A - Y).T,  db = (1/m) sum(A - Y)
Synthetic data (pixel-first features j):
    level(i, j) = (37*i + 11*j + 5*((i*j) mod 13)) mod 256
    is_cat(i)   = (7*i mod 5) < 2
Prints the seconds of the training loop (data preparation excluded) and the cost
of the last iteration, which must match the Rust run.

Run: python3 benches/cats_numpy.py
"""

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402

M, FEATURES, ITERATIONS, RATE = 209, 64 * 64 * 3, 2000, 0.005


def data():
    i = np.arange(M, dtype=np.int64)[:, None]
    j = np.arange(FEATURES, dtype=np.int64)[None, :]
    levels = ((37 * i + 11 * j + 5 * ((i * j) % 13)) % 256).astype(np.uint8)
    x = levels.reshape(M, -1).T / 255.0
    y = ((7 * np.arange(M)) % 5 < 2).astype(np.float64).reshape(1, M)
    return x, y


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train(x, y):
    w, b = np.zeros((FEATURES, 1)), 0.0
    m = x.shape[1]
    cost = None
    for _ in range(ITERATIONS):
        a = sigmoid(w.T @ x + b)
        cost = -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / m
        dw = x @ (a - y).T / m
        db = np.sum(a - y) / m
        w -= RATE * dw
        b -= RATE * db
    return cost


def main():
    x, y = data()
    start = time.perf_counter()
    cost = train(x, y)
    seconds = time.perf_counter() - start
    print(f"numpy float64 logistic 2000 iterations: {seconds:.3f} s, final cost {cost:.9f}")


if __name__ == "__main__":
    main()
