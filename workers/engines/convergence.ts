/**
 * Strong and weak convergence of Euler–Maruyama and Milstein on geometric Brownian motion
 * dX = X (m dt + v dW), whose exact solution X_T = x0 exp((m - v^2/2) T + v W_T) is known path by path.
 * All step sizes are driven by the same Brownian path (fine increments summed to coarse ones), so the errors are
 * differences on one probability space (Kloeden & Platen, ch. 9–10).
 */
import type { Chunked } from './chunked';
import { seedState } from './random';
import { fillNormals } from './normal';
import { linearFit } from './stats';
import { requireFinite, requireInteger, requirePositive } from './validate';

/** Parameters of `gbmConvergence`. */
export interface GbmConvergenceParams {
  m: number;
  v: number;
  x0: number;
  T: number;
  /** Step counts to compare, each dividing the largest one (e.g. [8, 16, 32, 64, 128]). */
  stepsList: number[];
  paths: number;
  seed: number;
}

/** Errors per step size; `se*` are Monte Carlo standard errors of the corresponding estimates. */
export interface GbmConvergenceResult {
  dt: number[];
  /** Strong error E|X_T^h - X_T| for EM and Milstein. */
  strongEm: number[];
  strongMilstein: number[];
  strongEmSe: number[];
  strongMilsteinSe: number[];
  /** Weak error |E X_T^h - E X_T|, estimated as the mean of the coupled difference X_T^h - X_T. */
  weakEm: number[];
  weakMilstein: number[];
  weakEmSe: number[];
  weakMilsteinSe: number[];
  /** Least-squares slopes of log error against log dt (orders). */
  slopes: { strongEm: number; strongMilstein: number; weakEm: number; weakMilstein: number };
}

/**
 * For each path: draw the finest Brownian increments, and for every step count N in `stepsList` run
 *   EM:        X <- X (1 + m h + v dW),
 *   Milstein:  X <- X (1 + m h + v dW + 1/2 v^2 (dW^2 - h)),   h = T / N,
 * from the same increments; compare with X_T = x0 exp((m - v^2/2) T + v W_T). Strong errors E|X^h - X| have
 * orders 1/2 (EM) and 1 (Milstein); weak errors |E X^h - E X| have order 1 for both.
 */
export function* gbmConvergence(p: GbmConvergenceParams): Chunked<GbmConvergenceResult> {
  const { m, v, x0, T, stepsList, paths, seed } = p;
  requireFinite('m', m);
  requireFinite('v', v);
  requireFinite('x0', x0);
  requirePositive('T', T);
  if (!Array.isArray(stepsList) || stepsList.length < 2) throw new Error('stepsList needs at least two step counts');
  const fine = Math.max(...stepsList);
  for (const N of stepsList) {
    if (!Number.isInteger(N) || N < 1 || fine % N !== 0) {
      throw new Error(`every step count must be a positive integer dividing the largest (${fine}); got ${N}`);
    }
  }
  if (fine > 1_000_000) throw new Error(`the largest step count must be at most 1,000,000; got ${fine}`);
  requireInteger('paths', paths, 2, 10_000_000);
  const L = stepsList.length;
  const st = seedState(seed);
  const dW = new Float64Array(fine);
  const hf = T / fine;
  const sq = Math.sqrt(hf);
  const sums = Array.from({ length: 8 }, () => new Float64Array(L)); // |dE|, |dE|^2, |dM|, |dM|^2, dE, dE^2, dM, dM^2
  const chunk = Math.max(1, Math.floor(200_000 / (fine * (1 + L / 4))));
  for (let i0 = 0; i0 < paths; i0 += chunk) {
    const i1 = Math.min(paths, i0 + chunk);
    for (let i = i0; i < i1; i++) {
      fillNormals(st, dW);
      let W = 0;
      for (let n = 0; n < fine; n++) {
        dW[n] *= sq;
        W += dW[n];
      }
      const exact = x0 * Math.exp((m - 0.5 * v * v) * T + v * W);
      for (let l = 0; l < L; l++) {
        const N = stepsList[l];
        const r = fine / N;
        const h = T / N;
        let xe = x0;
        let xm = x0;
        for (let n = 0; n < N; n++) {
          let w = 0;
          for (let q = n * r, qe = q + r; q < qe; q++) w += dW[q];
          xe *= 1 + m * h + v * w;
          xm *= 1 + m * h + v * w + 0.5 * v * v * (w * w - h);
        }
        const de = xe - exact;
        const dm = xm - exact;
        sums[0][l] += Math.abs(de);
        sums[1][l] += de * de;
        sums[2][l] += Math.abs(dm);
        sums[3][l] += dm * dm;
        sums[4][l] += de;
        sums[5][l] += de * de;
        sums[6][l] += dm;
        sums[7][l] += dm * dm;
      }
    }
    yield i1 / paths;
  }
  const meanSe = (s1: number, s2: number): [number, number] => {
    const mu = s1 / paths;
    const varr = Math.max(0, (s2 / paths - mu * mu) * (paths / (paths - 1)));
    return [mu, Math.sqrt(varr / paths)];
  };
  const res: GbmConvergenceResult = {
    dt: stepsList.map((N) => T / N),
    strongEm: [],
    strongMilstein: [],
    strongEmSe: [],
    strongMilsteinSe: [],
    weakEm: [],
    weakMilstein: [],
    weakEmSe: [],
    weakMilsteinSe: [],
    slopes: { strongEm: NaN, strongMilstein: NaN, weakEm: NaN, weakMilstein: NaN },
  };
  for (let l = 0; l < L; l++) {
    let [a, b] = meanSe(sums[0][l], sums[1][l]);
    res.strongEm.push(a);
    res.strongEmSe.push(b);
    [a, b] = meanSe(sums[2][l], sums[3][l]);
    res.strongMilstein.push(a);
    res.strongMilsteinSe.push(b);
    [a, b] = meanSe(sums[4][l], sums[5][l]);
    res.weakEm.push(Math.abs(a));
    res.weakEmSe.push(b);
    [a, b] = meanSe(sums[6][l], sums[7][l]);
    res.weakMilstein.push(Math.abs(a));
    res.weakMilsteinSe.push(b);
  }
  const ld = res.dt.map(Math.log);
  const slope = (e: number[]) => linearFit(ld, e.map(Math.log)).slope;
  res.slopes = {
    strongEm: slope(res.strongEm),
    strongMilstein: slope(res.strongMilstein),
    weakEm: slope(res.weakEm),
    weakMilstein: slope(res.weakMilstein),
  };
  return res;
}
