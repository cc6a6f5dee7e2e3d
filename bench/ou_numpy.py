"""numpy reference for `npm run bench -- ou`: vectorised in-place Euler–Maruyama for the OU process.

Protocol (driven by bench/ou.ts over stdin/stdout, so rounds interleave with the engine's):
  first line printed: 'ready numpy <version>'
  each input line 'run <paths> <steps> <seed>' -> prints 'ms <elapsed> mean <m> var <v>'
  'quit' ends. One thread: the bench sets OMP/OPENBLAS/MKL_NUM_THREADS=1 (numpy's RNG is single-threaded anyway).
"""
import time

import numpy as np

from numpy_server import serve

A, B, S, X0, T = -1.0, 0.5, 0.3, 1.0, 1.0  # dX = (A X + B) dt + S dW on [0, T]


def run(paths: int, steps: int, seed: int):
    rng = np.random.default_rng(seed)
    dt = T / steps
    c1, c0, c2 = 1.0 + A * dt, B * dt, S * np.sqrt(dt)
    t0 = time.perf_counter()
    x = np.full(paths, X0)
    z = np.empty(paths)
    for _ in range(steps):
        rng.standard_normal(out=z)
        x *= c1
        x += c0
        z *= c2
        x += z
    ms = (time.perf_counter() - t0) * 1e3
    return ms, float(x.mean()), float(x.var(ddof=1))


if __name__ == '__main__':
    serve(run, 'mean', 'var')
