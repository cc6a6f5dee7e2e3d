/**
 * A long-lived python3 process running a numpy reference script, one request line in, one answer line out, so
 * engine and numpy rounds can be interleaved in the same run. numpy is pinned to one thread.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

export class NumpyProcess {
  private lines: string[] = [];
  private waiters: ((line: string) => void)[] = [];
  private proc: ChildProcess;

  /** `script` is a file in bench/, e.g. 'ou_numpy.py'. */
  constructor(script: string) {
    this.proc = spawn('python3', [fileURLToPath(new URL(`./${script}`, import.meta.url))], {
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      const w = this.waiters.shift();
      if (w) w(line);
      else this.lines.push(line);
    });
  }

  /** The next line the script prints (its banner first, then one answer per request). */
  readLine(): Promise<string> {
    const l = this.lines.shift();
    return l !== undefined ? Promise.resolve(l) : new Promise<string>((resolve) => this.waiters.push(resolve));
  }

  /** Sends one request line and resolves with the answer line split on spaces. */
  async request(line: string): Promise<string[]> {
    this.proc.stdin!.write(`${line}\n`);
    return (await this.readLine()).split(' ');
  }

  close(): void {
    this.proc.stdin!.write('quit\n');
    this.proc.stdin!.end();
  }
}

/**
 * Times `rounds` rounds of the engine and of numpy, interleaved (engine, numpy, engine, ...) so that a slow spell of
 * the machine hits both, after one untimed warm-up round of each (JIT, page cache, allocator). `describe` prints a
 * round's sanity numbers. Returns the elapsed milliseconds of each side.
 */
export async function interleavedRounds<E extends { ms: number }, N extends { ms: number }>(
  rounds: number,
  engineRound: (seed: number) => E,
  numpyRound: (seed: number) => Promise<N>,
  describe: (e: E, n: N) => string,
): Promise<{ engine: number[]; numpy: number[] }> {
  engineRound(1);
  await numpyRound(1);
  const engine: number[] = [];
  const numpy: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const e = engineRound(100 + r);
    const n = await numpyRound(100 + r);
    engine.push(e.ms);
    numpy.push(n.ms);
    console.log(`round ${r + 1}: ${describe(e, n)}`);
  }
  return { engine, numpy };
}
