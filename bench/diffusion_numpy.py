"""numpy reference for `npm run bench -- diffusion`: reverse-time VP SDE (Euler–Maruyama, generation time) for
2-D particles with the exact score of an 8-component isotropic Gaussian mixture (the ring: radius 2, std 0.15),
log-sum-exp responsibilities, vectorised over particles and components.

Protocol (driven by bench/diffusion.ts over stdin/stdout, rounds interleaved with the engine's):
  first line printed: 'ready numpy <version> ...'
  each input line 'run <particles> <steps> <seed>' -> prints 'ms <elapsed> radius <mean |x|> sd <sd of |x|>'
  'quit' ends. One thread: the bench sets OMP/OPENBLAS/MKL_NUM_THREADS=1.
"""
import time

import numpy as np

from numpy_server import serve

K, RADIUS, STD = 8, 2.0, 0.15
BMIN, BMAX, T, TMIN = 0.1, 20.0, 1.0, 1e-3
ANG = 2 * np.pi * np.arange(K) / K
MU = np.stack([RADIUS * np.cos(ANG), RADIUS * np.sin(ANG)], axis=1)  # (K, 2)
LOGW = np.full(K, -np.log(K))
S2 = np.full(K, STD * STD)


def log_alpha(s):
    return -0.25 * s * s * (BMAX - BMIN) / T - 0.5 * s * BMIN


def run(n: int, steps: int, seed: int):
    rng = np.random.default_rng(seed)
    h = (T - TMIN) / steps
    t0 = time.perf_counter()
    x = rng.standard_normal((n, 2))
    z = np.empty((n, 2))
    e = np.empty((n, K))
    dx = np.empty((n, K))
    dy = np.empty((n, K))
    tmp = np.empty((n, K))
    for k in range(steps):
        s = T - k * h
        la = log_alpha(s)
        a = np.exp(la)
        sig2 = -np.expm1(2 * la)
        v = a * a * S2 + sig2
        iv = 1.0 / v
        c = LOGW - np.log(2 * np.pi * v)  # d = 2: -d/2 ln(2 pi v)
        am = a * MU
        # responsibilities by log-sum-exp
        np.subtract(x[:, 0:1], am[:, 0], out=dx)
        np.subtract(x[:, 1:2], am[:, 1], out=dy)
        np.multiply(dx, dx, out=e)
        np.multiply(dy, dy, out=tmp)
        e += tmp
        e *= -0.5 * iv
        e += c
        e -= e.max(axis=1, keepdims=True)
        np.exp(e, out=e)
        tot = e.sum(axis=1)
        e *= iv
        # score = sum_k r_k (a m_k - x) / v_k = -sum_k w_k iv_k d_k / sum_k w_k
        gx = -(e * dx).sum(axis=1) / tot
        gy = -(e * dy).sum(axis=1) / tot
        beta = BMIN + s * (BMAX - BMIN) / T
        rng.standard_normal(out=z)
        # X += [1/2 beta X + beta score] h + sqrt(beta h) Z
        x *= 1 + 0.5 * beta * h
        x[:, 0] += beta * h * gx
        x[:, 1] += beta * h * gy
        z *= np.sqrt(beta * h)
        x += z
    ms = (time.perf_counter() - t0) * 1e3
    r = np.sqrt((x * x).sum(axis=1))
    return ms, float(r.mean()), float(r.std(ddof=1))


if __name__ == '__main__':
    serve(run, 'radius', 'sd')
