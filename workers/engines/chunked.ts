/**
 * A long computation split into chunks. The generator yields its progress, a number in [0, 1], after each chunk
 * of work (aim for 5–20 ms of work per chunk) and returns its result. The caller decides what happens between
 * chunks: in a worker, report progress and check for cancellation; in Node or a test, nothing (see `runToEnd`).
 * Engines stay pure: they never see a worker, a timer or a message port.
 */
export type Chunked<T> = Generator<number, T, undefined>;

/** Runs a chunked computation to its end on the current thread, calling `onProgress` after each chunk. */
export function runToEnd<T>(job: Chunked<T>, onProgress?: (fraction: number) => void): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/**
 * Runs `job` as the part [lo, hi] of a larger job: yields lo + (hi - lo) p for each progress p of `job` and returns
 * its result. Use it with `yield*` to report the overall progress of jobs run one after another.
 */
export function* within<T>(job: Chunked<T>, lo: number, hi: number): Chunked<T> {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    yield lo + (hi - lo) * step.value;
  }
}
