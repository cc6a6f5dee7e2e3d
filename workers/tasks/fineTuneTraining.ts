/**
 * Worker task of chapter 10's training figure: a control network fine-tunes chapter 9's pretrained model (the 8-mode
 * ring, the VP schedule, the exact score) for the reward r(x) = b.x at temperature lambda, by reward-weighted
 * regression (workers/engines/diffusion/fineTune.ts). It reports progress, can be cancelled between chunks, and
 * returns snapshots of training: at each checkpoint the Monte Carlo reward and KL (same paths for every checkpoint)
 * and the control along the reward's direction at a few generation times.
 */
import type { Chunked } from '../engines/chunked.ts';
import { compileMixture } from '../engines/diffusion/gmm.ts';
import { DC_RING, dcRing, dcSchedule } from '../engines/diffusion/dcSetup.ts';
import { FT_SETUP, fineTune, networkControl, slicePoints } from '../engines/diffusion/fineTune.ts';

interface FtTrainingParams {
  lambda: number;
  steps: number;
  batch: number;
  seed: number;
  /** Monte Carlo paths of the last snapshot's reward and KL (the others get an eighth, at least 10), and the
   * Euler–Maruyama steps of every snapshot's. */
  paths: number;
  evalSteps: number;
}

interface FtTrainingResult {
  /** Training step of each checkpoint (the first is 0: the pretrained model). */
  step: Float64Array;
  reward: Float64Array;
  rewardSe: Float64Array;
  kl: Float64Array;
  klSe: Float64Array;
  lossCurve: Float64Array;
  lossEvery: number;
  /** The control's component along b on the circle of the noised mode centres (slicePoints) at the angles sliceAngles
   * (degrees) and generation times sliceTimes: checkpoint-major, then time, then angle (Float32). */
  sliceAngles: Float64Array;
  sliceTimes: Float64Array;
  slices: Float32Array;
}

/** Monte Carlo paths of each snapshot's reward and KL but the last: an eighth of the last one's, at least 10. */
export const snapshotPaths = (paths: number) => Math.max(10, Math.round(paths / 8));

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be a whole number from ${lo} to ${hi}; got ${v}`);
}

function* ftTraining(p: FtTrainingParams): Chunked<FtTrainingResult> {
  if (!(p.lambda >= 0.1 && p.lambda <= 10)) throw new Error(`the temperature lambda must be between 0.1 and 10; got ${p.lambda}`);
  checkInt('the number of training steps', p.steps, 10, 20_000);
  checkInt('the batch size', p.batch, 16, 2048);
  if (p.batch % 16) throw new Error(`the batch size must be a multiple of 16; got ${p.batch}`);
  checkInt('the number of paths', p.paths, 10, 20_000);
  checkInt('the number of time steps', p.evalSteps, 10, 2000);
  checkInt('the seed', p.seed, 0, 2 ** 31 - 1);
  const mixture = compileMixture(dcRing());
  const schedule = dcSchedule();
  const b = [...FT_SETUP.b];
  const lossEvery = Math.max(1, Math.round(p.steps / 100));
  const res = yield* fineTune({
    mixture,
    schedule,
    b,
    lambda: p.lambda,
    steps: p.steps,
    batch: p.batch,
    seed: p.seed,
    lossEvery,
    checkpoints: FT_SETUP.checkpoints,
    evaluate: { paths: snapshotPaths(p.paths), finalPaths: p.paths, steps: p.evalSteps, seed: p.seed + 1 },
  });
  const n = res.snapshots.length;
  const times = Float64Array.from(FT_SETUP.sliceTimes);
  const m = FT_SETUP.sliceAngles.length;
  const nb = Math.hypot(...b);
  const u = new Float64Array(2 * m);
  const slices = new Float32Array(n * times.length * m);
  res.snapshots.forEach((snap, c) => {
    const control = networkControl(snap.model, mixture, schedule);
    times.forEach((t, q) => {
      control(slicePoints(schedule, t, DC_RING.radius), m, schedule.T - t, u);
      for (let i = 0; i < m; i++) slices[(c * times.length + q) * m + i] = (u[2 * i] * b[0] + u[2 * i + 1] * b[1]) / nb;
    });
  });
  const col = (f: (s: (typeof res.snapshots)[0]) => number) => Float64Array.from(res.snapshots, f);
  return {
    step: col((s) => s.step),
    reward: col((s) => s.reward?.mean ?? NaN),
    rewardSe: col((s) => s.reward?.stdErr ?? NaN),
    kl: col((s) => s.kl?.mean ?? NaN),
    klSe: col((s) => s.kl?.stdErr ?? NaN),
    lossCurve: res.lossCurve,
    lossEvery: res.lossEvery,
    sliceAngles: Float64Array.from(FT_SETUP.sliceAngles),
    sliceTimes: times,
    slices,
  };
}

export const fineTuneTrainingTasks = { ftTraining };
