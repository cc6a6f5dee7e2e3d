/**
 * Worker tasks for chapter 10 (reward fine-tuning as KL-regularised control), on chapter 9's ring and schedule with
 * the linear reward r(x) = b . x, where the tilted law, h, the optimal control and its trade-off are exact
 * (workers/engines/diffusion/tilt.ts).
 *
 * - rfParticles: particles from the pretrained start p_T to the tilted law under the optimal control, with snapshots
 *   for playback, the share of particles nearest each mode against the exact tilted weights, and E[r] by Monte Carlo
 *   against its exact value.
 * - rfTradeoff: the exact curve of E[r] against KL(P^{u*} || P^pre) over a grid of temperatures, with the memoryless
 *   curve beside it and the current temperature's point.
 * - rfBias: the value-function bias on 1-D data: the end law of the optimal control from the untilted start p_T
 *   against the tilted law, exact and by simulation, and KL(p_end || ptilde) over beta_max.
 */
import { within, type Chunked } from '../engines/chunked.ts';
import { Rng } from '../engines/random.ts';
import { compileMixture, gmmLogDensity, gmmSample, type CompiledMixture } from '../engines/diffusion/gmm.ts';
import { sampleDiffusion } from '../engines/diffusion/samplers.ts';
import { DC_BIMODAL, dcRing, dcSchedule, lambdaGrid } from '../engines/diffusion/dcSetup.ts';
import { biasSchedule, RF_BIAS, RF_GRID, RF_LAMBDAS, RF_TMIN } from '../engines/diffusion/rfSetup.ts';
import { controlledScore, endLaw, exactTradeoff, memorylessTradeoff, noisedMarginal, tiltedMixture } from '../engines/diffusion/tilt.ts';

/** Gauss–Hermite nodes per coordinate of the figures' quadratures (on the ring 16 and 40 agree to 1e-13: tilt.test.ts). */
export const RF_NODES = 16;

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} must be a whole number from ${lo} to ${hi}; got ${v}`);
}

function checkRange(name: string, v: number, lo: number, hi: number): void {
  if (!(v >= lo && v <= hi)) throw new Error(`${name} must be between ${lo} and ${hi}; got ${v}`);
}

function checkReward(b: number[], lambda: number): void {
  for (const v of b) checkRange('each coordinate of b', v, -5, 5);
  checkRange('the temperature λ', lambda, 0.01, 100);
}

interface RfParticlesParams {
  b: number[];
  lambda: number;
  steps: number;
  particles: number;
  seed: number;
  /** Snapshots for playback (first and last included). */
  record: number;
}

interface RfParticlesResult {
  /** record x particles x 2 (Float32). */
  snapshots: Float32Array;
  times: Float64Array;
  final: Float64Array;
  /** Per mode of the ring: the share of final particles nearest it, the exact tilted weight and the pretrained one. */
  share: Float64Array;
  tiltedWeights: Float64Array;
  dataWeights: Float64Array;
  /** ln p_data and ln ptilde on an RF_GRID.n x RF_GRID.n grid of cell centres over [lo, hi]^2 (row 0 at the bottom). */
  logData: Float64Array;
  logTilted: Float64Array;
  /** E[r(X_T)] over the particles with its standard error, and exact. */
  rewardMc: number;
  rewardSe: number;
  reward: number;
  /** KL(P^{u*} || P^pre) from the start p_T, exact, and for a memoryless schedule. */
  kl: number;
  klMemoryless: number;
}

/** ln density of a 2-D mixture at the cell centres of the RF_GRID grid, row-major with row 0 at the bottom. */
function densityGrid(m: CompiledMixture): Float64Array {
  const { n, lo, hi } = RF_GRID;
  const out = new Float64Array(n * n);
  const pt = new Float64Array(2);
  const h = (hi - lo) / n;
  const sch = dcSchedule();
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      pt[0] = lo + (i + 0.5) * h;
      pt[1] = lo + (j + 0.5) * h;
      out[j * n + i] = gmmLogDensity(m, pt, 0, sch);
    }
  }
  return out;
}

function* rfParticles(p: RfParticlesParams): Chunked<RfParticlesResult> {
  checkInt('the number of particles', p.particles, 10, 20_000);
  checkInt('the number of steps', p.steps, 2, 5000);
  if (p.b.length !== 2) throw new Error(`b must have 2 coordinates; got ${p.b.length}`);
  checkReward(p.b, p.lambda);
  const schedule = dcSchedule();
  const model = compileMixture(dcRing());
  const init = gmmSample(model, p.particles, new Rng(p.seed, 5), schedule.T, schedule);
  const res = yield* within(
    sampleDiffusion({
      schedule,
      score: controlledScore(model, schedule, p.b, p.lambda),
      dim: 2,
      particles: p.particles,
      steps: p.steps,
      method: 'sde-em',
      seed: p.seed,
      tMin: RF_TMIN,
      record: Math.min(p.record, p.steps + 1),
      denoise: true,
      init,
    }),
    0,
    0.9,
  );
  const { mixture } = tiltedMixture(model, p.b, p.lambda);
  const K = model.K;
  const share = new Float64Array(K);
  let sum = 0;
  let sumSq = 0;
  const n = p.particles;
  for (let i = 0; i < n; i++) {
    const x = res.final[2 * i];
    const y = res.final[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('the particles left every finite number');
    let best = 0;
    let bestD = Infinity;
    for (let k = 0; k < K; k++) {
      const dd = (x - model.mu[2 * k]) ** 2 + (y - model.mu[2 * k + 1]) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = k;
      }
    }
    share[best] += 1 / n;
    const r = p.b[0] * x + p.b[1] * y;
    sum += r;
    sumSq += r * r;
  }
  const rewardMc = sum / n;
  const rewardSe = Math.sqrt(Math.max(0, sumSq / n - rewardMc * rewardMc) / (n - 1));
  const ex = exactTradeoff(model, schedule, p.b, p.lambda, undefined, RF_NODES);
  return {
    snapshots: res.snapshots,
    times: res.times,
    final: res.final,
    share,
    tiltedWeights: Float64Array.from(mixture.weights),
    dataWeights: Float64Array.from(model.logW, Math.exp),
    logData: densityGrid(model),
    logTilted: densityGrid(compileMixture(mixture)),
    rewardMc,
    rewardSe,
    reward: ex.reward,
    kl: ex.kl,
    klMemoryless: memorylessTradeoff(model, p.b, p.lambda).kl,
  };
}

interface RfTradeoffParams {
  b: number[];
  lambda: number;
}

interface RfTradeoffResult {
  lambdas: Float64Array;
  /** Exact E[r] and KL(P^{u*} || P^pre) per temperature, from the start p_T of the chapter's schedule. */
  reward: Float64Array;
  kl: Float64Array;
  /** The same for a memoryless schedule: E_tilde[r] and KL(ptilde || p_data). */
  rewardMemoryless: Float64Array;
  klMemoryless: Float64Array;
  /** The current temperature's point, and the reward of the data, E_data[r]. */
  current: { reward: number; kl: number };
  dataReward: number;
}

function* rfTradeoff(p: RfTradeoffParams): Chunked<RfTradeoffResult> {
  if (p.b.length !== 2) throw new Error(`b must have 2 coordinates; got ${p.b.length}`);
  checkReward(p.b, p.lambda);
  const schedule = dcSchedule();
  const model = compileMixture(dcRing());
  const lambdas = lambdaGrid(RF_LAMBDAS.lo, RF_LAMBDAS.hi, RF_LAMBDAS.count);
  const n = lambdas.length;
  const out = { reward: new Float64Array(n), kl: new Float64Array(n), rewardMemoryless: new Float64Array(n), klMemoryless: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const ex = exactTradeoff(model, schedule, p.b, lambdas[k], undefined, RF_NODES);
    const ml = memorylessTradeoff(model, p.b, lambdas[k]);
    out.reward[k] = ex.reward;
    out.kl[k] = ex.kl;
    out.rewardMemoryless[k] = ml.reward;
    out.klMemoryless[k] = ml.kl;
    if (k % 10 === 9) yield (k + 1) / (n + 1);
  }
  const cur = exactTradeoff(model, schedule, p.b, p.lambda, undefined, RF_NODES);
  let dataReward = 0;
  for (let k = 0; k < model.K; k++) dataReward += Math.exp(model.logW[k]) * (p.b[0] * model.mu[2 * k] + p.b[1] * model.mu[2 * k + 1]);
  return { lambdas: Float64Array.from(lambdas), ...out, current: { reward: cur.reward, kl: cur.kl }, dataReward };
}

interface RfBiasParams {
  betaMax: number;
  b: number;
  lambda: number;
  paths: number;
  seed: number;
}

interface RfBiasResult {
  /** Grid of x and, on it, the data, the tilted and the end law's densities (exact). */
  xs: Float64Array;
  data: Float64Array;
  tilted: Float64Array;
  end: Float64Array;
  /** Where the simulated controlled paths end (at s = 0). */
  final: Float64Array;
  /** KL(p_end || ptilde) at this beta_max, and over the grid of beta_max. */
  kl: number;
  betaMaxGrid: Float64Array;
  klGrid: Float64Array;
  /** alpha_T of this schedule: how much of its start the pretrained process remembers. */
  alphaT: number;
  /** E[r] at the end (exact) and under the tilted law. */
  reward: number;
  rewardTilted: number;
}

/** Euler–Maruyama steps of the bias figure's paths. */
export const BIAS_STEPS = 500;

function* rfBias(p: RfBiasParams): Chunked<RfBiasResult> {
  checkRange('β_max', p.betaMax, 0.1, 50);
  checkInt('the number of paths', p.paths, 10, 20_000);
  checkReward([p.b], p.lambda);
  const schedule = biasSchedule(p.betaMax);
  const model = compileMixture(DC_BIMODAL);
  const b = [p.b];
  const e = endLaw(model, schedule, b, p.lambda, undefined, RF_BIAS.nodes);
  if (!(Math.abs(e.mass - 1) < 1e-6)) throw new Error('the quadrature of the end law is not accurate for these values: raise λ or lower |b|');
  const { mixture } = tiltedMixture(model, b, p.lambda);
  const tilted = compileMixture(mixture);
  const { lo, hi, n } = RF_BIAS.x;
  const xs = Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const pt = new Float64Array(1);
  const dens = (f: (x: Float64Array) => number) =>
    Float64Array.from(xs, (x) => {
      pt[0] = x;
      return Math.exp(f(pt));
    });
  const data = dens((x) => gmmLogDensity(model, x, 0, schedule));
  const tiltedD = dens((x) => gmmLogDensity(tilted, x, 0, schedule));
  const end = dens((x) => e.logDensity(x));
  const grid = lambdaGrid(RF_BIAS.grid.lo, RF_BIAS.grid.hi, RF_BIAS.grid.count);
  const klGrid = Float64Array.from(grid, (bm) => endLaw(model, biasSchedule(bm), b, p.lambda, undefined, RF_BIAS.nodes).kl);
  yield 0.1;
  const init = gmmSample(noisedMarginal(model, schedule, schedule.T), p.paths, new Rng(p.seed, 5));
  const res = yield* within(
    sampleDiffusion({
      schedule,
      score: controlledScore(model, schedule, b, p.lambda),
      dim: 1,
      particles: p.paths,
      steps: BIAS_STEPS,
      method: 'sde-em',
      seed: p.seed,
      tMin: 0,
      init,
    }),
    0.1,
    1,
  );
  return {
    xs,
    data,
    tilted: tiltedD,
    end,
    final: res.final,
    kl: e.kl,
    betaMaxGrid: Float64Array.from(grid),
    klGrid,
    alphaT: schedule.alpha(schedule.T),
    reward: exactTradeoff(model, schedule, b, p.lambda, undefined, RF_BIAS.nodes).reward,
    rewardTilted: memorylessTradeoff(model, b, p.lambda).reward,
  };
}

export const rewardFineTuningTasks = { rfParticles, rfTradeoff, rfBias };
