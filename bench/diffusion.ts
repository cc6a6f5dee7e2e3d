/**
 * `npm run bench -- diffusion [rounds]`: reverse-time VP SDE sampling (Euler–Maruyama in generation time) of 10,000
 * 2-D particles x 500 steps with the exact score of an 8-component Gaussian mixture (ring, radius 2, std 0.15),
 * engine (workers/engines/diffusion, one thread) against numpy (vectorised over particles x components, one
 * thread), interleaved round by round; medians. Then one score-network training run (denoising score matching,
 * 2x64 SiLU MLP) with its wall time and score error. Last line:
 * `diffusion: engine E M particle-steps/s, numpy N M particle-steps/s, ratio R`.
 */
import { interleavedRounds, median, NumpyProcess } from './numpyProcess.ts';
import { runToEnd } from '../workers/engines/chunked.ts';
import { vpSchedule } from '../workers/engines/diffusion/schedule.ts';
import { ringMixture } from '../workers/engines/diffusion/gmm.ts';
import { exactScore, sampleDiffusion } from '../workers/engines/diffusion/samplers.ts';
import { learnedScore, scoreGridError, trainDsm } from '../workers/engines/diffusion/dsm.ts';

const PARTICLES = 10_000;
const STEPS = 500;
const schedule = vpSchedule({ betaMin: 0.1, betaMax: 20 });
const ring = ringMixture(8, 2, 0.15);

async function numpyRound(np: NumpyProcess, seed: number): Promise<{ ms: number; radius: number; sd: number }> {
  const p = await np.request(`run ${PARTICLES} ${STEPS} ${seed}`);
  return { ms: Number(p[1]), radius: Number(p[3]), sd: Number(p[5]) };
}

function radiusStats(x: Float64Array): { radius: number; sd: number } {
  const n = x.length / 2;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.hypot(x[2 * i], x[2 * i + 1]);
    s += r;
    s2 += r * r;
  }
  const m = s / n;
  return { radius: m, sd: Math.sqrt((s2 - n * m * m) / (n - 1)) };
}

function engineRound(seed: number): { ms: number; radius: number; sd: number } {
  const t0 = performance.now();
  const r = runToEnd(sampleDiffusion({ schedule, score: exactScore(ring, schedule), dim: 2, particles: PARTICLES, steps: STEPS, method: 'sde-em', seed }));
  return { ms: performance.now() - t0, ...radiusStats(r.final) };
}

export async function main(args: string[]): Promise<void> {
  const rounds = Math.max(3, Number(args[0] ?? 7) | 0);
  const trainSteps = Math.max(0, Number(args[1] ?? 4000) | 0);
  const np = new NumpyProcess('diffusion_numpy.py');
  const banner = await np.readLine();
  console.log(`${banner}; node ${process.version}; ${PARTICLES} particles x ${STEPS} steps, 8-mode ring, ${rounds} rounds interleaved`);
  console.log('target: |x| of the ring data has mean ~2.0 (radius 2, mode std 0.15)');
  const { engine: eng, numpy: nps } = await interleavedRounds(
    rounds,
    engineRound,
    (seed) => numpyRound(np, seed),
    (e, n) =>
      `engine ${e.ms.toFixed(1)} ms (mean |x| ${e.radius.toFixed(4)}, sd ${e.sd.toFixed(4)}), ` +
      `numpy ${n.ms.toFixed(1)} ms (mean |x| ${n.radius.toFixed(4)}, sd ${n.sd.toFixed(4)})`,
  );
  np.close();

  if (trainSteps > 0) {
    const t0 = performance.now();
    const res = runToEnd(trainDsm({ mixture: ring, schedule, steps: trainSteps, batch: 512, hidden: [64, 64], seed: 1 }));
    const ms = performance.now() - t0;
    const score = learnedScore(res.model, schedule);
    const errs = [0.05, 0.1, 0.3, 0.6].map((s) => `${scoreGridError(score, ring, schedule, s).relError.toFixed(3)} at s = ${s}`);
    console.log(
      `score network (2x64 SiLU, batch 512, Adam 5e-3 cosine, EMA): ${trainSteps} steps in ${(ms / 1000).toFixed(1)} s ` +
        `(${(ms / trainSteps).toFixed(2)} ms/step); density-weighted relative score error ${errs.join(', ')}`,
    );
  }

  const work = PARTICLES * STEPS;
  const eRate = work / median(eng) / 1e3;
  const nRate = work / median(nps) / 1e3;
  console.log(`medians: engine ${median(eng).toFixed(1)} ms, numpy ${median(nps).toFixed(1)} ms`);
  console.log(`diffusion: engine ${eRate.toFixed(1)} M particle-steps/s, numpy ${nRate.toFixed(1)} M particle-steps/s, ratio ${(eRate / nRate).toFixed(2)}`);
}
