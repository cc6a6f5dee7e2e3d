/** Worker for bench/ou.ts: samples its share of OU paths on its own random stream when asked. */
import { parentPort, workerData } from 'node:worker_threads';
import { runToEnd } from '../workers/engines/chunked.ts';
import { sampleLinearSde1d } from '../workers/engines/sde.ts';
import { OU } from './ou_params.ts';

const { stream } = workerData as { stream: number };
parentPort!.on('message', (msg: { paths: number; steps: number; seed: number }) => {
  const t0 = performance.now();
  const r = runToEnd(sampleLinearSde1d({ ...OU, steps: msg.steps, paths: msg.paths, seed: msg.seed, record: 2, stream }));
  parentPort!.postMessage({ ms: performance.now() - t0, sum: r.mean * msg.paths });
});
