/**
 * `npm run bench -- ou [rounds]`: 10,000 OU paths x 1,000 Euler–Maruyama steps with the engine (fused xoshiro128**
 * + ziggurat kernel, one thread) and with numpy (default_rng, vectorised in-place EM, one thread), interleaved
 * round by round; medians. Then the engine on 2 worker_threads (each its own random stream, half the paths each)
 * against one worker. Last line: `ou-em: engine E M path-steps/s, numpy N M path-steps/s, ratio R`.
 */
import { Worker } from 'node:worker_threads';
import { interleavedRounds, median, NumpyProcess } from './numpyProcess.ts';
import { runToEnd } from '../workers/engines/chunked.ts';
import { sampleLinearSde1d } from '../workers/engines/sde.ts';
import { ouEmMoments } from '../workers/engines/ou.ts';
import { OU } from './ou_params.ts';

const PATHS = 10_000;
const STEPS = 1_000;

async function numpyRound(np: NumpyProcess, seed: number): Promise<{ ms: number; mean: number; variance: number }> {
  const parts = await np.request(`run ${PATHS} ${STEPS} ${seed}`);
  return { ms: Number(parts[1]), mean: Number(parts[3]), variance: Number(parts[5]) };
}

function engineRound(seed: number): { ms: number; mean: number; variance: number } {
  const t0 = performance.now();
  const r = runToEnd(sampleLinearSde1d({ ...OU, steps: STEPS, paths: PATHS, seed, record: 2 }));
  return { ms: performance.now() - t0, mean: r.mean, variance: r.variance };
}

function startWorker(stream: number): Worker {
  return new Worker(new URL('./ou_worker_boot.mjs', import.meta.url), { workerData: { stream } });
}

function ask(w: Worker, paths: number, seed: number): Promise<{ ms: number }> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { ms: number }) => {
      w.off('error', onError);
      resolve(msg);
    };
    const onError = (err: Error) => {
      w.off('message', onMessage);
      reject(err);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage({ paths, steps: STEPS, seed });
  });
}

export async function main(args: string[]): Promise<void> {
  const rounds = Math.max(3, Number(args[0] ?? 9) | 0);
  const np = new NumpyProcess('ou_numpy.py');
  const banner = await np.readLine();
  console.log(`${banner}; node ${process.version}; ${PATHS} paths x ${STEPS} steps, ${rounds} rounds interleaved`);
  // Exact moments of the EM chain (a sanity check of both samplers): dX = (a X + b) dt + s dW is OU with
  // theta = -a, mu = -b / a.
  const ex = ouEmMoments({ theta: -OU.a, mu: -OU.b / OU.a, sigma: OU.s, x0: OU.x0, t: OU.T, steps: STEPS });
  console.log(`exact EM moments of X_T: mean ${ex.mean.toFixed(6)}, variance ${ex.variance.toFixed(6)}`);

  const { engine: eng, numpy: nps } = await interleavedRounds(
    rounds,
    engineRound,
    (seed) => numpyRound(np, seed),
    (e, n) =>
      `engine ${e.ms.toFixed(1)} ms (mean ${e.mean.toFixed(4)}, var ${e.variance.toFixed(5)}), ` +
      `numpy ${n.ms.toFixed(1)} ms (mean ${n.mean.toFixed(4)}, var ${n.variance.toFixed(5)})`,
  );
  np.close();

  // Two worker_threads, each on its own stream, half of the paths each, against one worker doing all of them.
  const w0 = startWorker(0);
  const w1 = startWorker(1);
  await ask(w0, PATHS, 1);
  await ask(w1, PATHS, 1);
  const one: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    await ask(w0, PATHS, 200 + r);
    one.push(performance.now() - t0);
    t0 = performance.now();
    await Promise.all([ask(w0, PATHS / 2, 300 + r), ask(w1, PATHS / 2, 300 + r)]);
    two.push(performance.now() - t0);
  }
  await w0.terminate();
  await w1.terminate();

  const work = PATHS * STEPS;
  const eRate = work / median(eng) / 1e3; // M path-steps/s
  const nRate = work / median(nps) / 1e3;
  const oneRate = work / median(one) / 1e3;
  const twoRate = work / median(two) / 1e3;
  console.log(`medians: engine ${median(eng).toFixed(1)} ms, numpy ${median(nps).toFixed(1)} ms`);
  console.log(
    `workers: 1 worker ${oneRate.toFixed(1)} M path-steps/s, 2 workers (streams 0 and 1) ${twoRate.toFixed(1)} M ` +
      `path-steps/s, speed-up ${(median(one) / median(two)).toFixed(2)}x`,
  );
  console.log(`ou-em: engine ${eRate.toFixed(1)} M path-steps/s, numpy ${nRate.toFixed(1)} M path-steps/s, ratio ${(eRate / nRate).toFixed(2)}`);
}
