"""The request loop shared by the numpy reference scripts (driven by bench/numpyProcess.ts over stdin/stdout).

First line printed: 'ready numpy <version> threads ...'. Each input line 'run <n> <steps> <seed>' calls
run(n, steps, seed) -> (ms, a, b) and prints 'ms <ms> <name_a> <a> <name_b> <b>'. 'quit' ends.
"""
import os
import sys

import numpy as np


def serve(run, name_a: str, name_b: str) -> None:
    print(f"ready numpy {np.__version__} threads OMP={os.environ.get('OMP_NUM_THREADS')} "
          f"OPENBLAS={os.environ.get('OPENBLAS_NUM_THREADS')} MKL={os.environ.get('MKL_NUM_THREADS')}", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == 'quit':
            break
        n, steps, seed = int(parts[1]), int(parts[2]), int(parts[3])
        ms, a, b = run(n, steps, seed)
        print(f"ms {ms:.4f} {name_a} {a:.6f} {name_b} {b:.6f}", flush=True)
