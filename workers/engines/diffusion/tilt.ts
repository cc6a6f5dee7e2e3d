/**
 * Reward fine-tuning of a diffusion model as KL-regularised control, exact for Gaussian-mixture data and a linear
 * reward r(x) = b . x (chapter 10). Built on chapter 9's engines: the same mixture (gmm.ts), the same forward process
 * and schedule (schedule.ts), the same generation time t in [0, T] with forward time s = T - t (control.ts).
 *
 * Argument shapes, shared by every export:
 *   model:    the pretrained data law p_data, a `GaussianMixture` (or compiled) with weights w_k, means m_k, stds sd_k;
 *   schedule: the forward noise schedule (`NoiseSchedule`, VP or VE);
 *   b:        the reward's gradient, a d-vector (r(x) = b . x);
 *   lambda:   the temperature, in [1e-3, 1e3] (the target is p_data e^{r/lambda} / Z);
 *   t:        generation time in [0, T]; x: a d-vector;
 *   start:    the law of X_0 shared by the pretrained and the controlled process, a `GaussianMixture`; default
 *             `noisedMarginal(model, schedule, T)`, the pretrained model's own start p_T.
 *
 * The pretrained process is chapter 9's reverse SDE dX = [-f X + g^2 grad ln p_s(X)] dt + g dW. Given X_t = x its end
 * X_T has the law of Y_0 given Y_s = x (the posterior of the data given the noised state), whatever the law of X_0.
 *
 *   tilted law:  p_data(x) e^{b.x/lambda} / Z is the mixture with means m_k + sd_k^2 b / lambda, the same stds, and
 *                weights w_k e^{b.m_k/lambda + sd_k^2 |b|^2 / (2 lambda^2)} / Z (Z is the sum of those numerators).
 *   h_t(x) = E_pre[e^{r(X_T)/lambda} | X_t = x]: integrating the Gaussian kernel of the forward process against
 *                p_data e^{r/lambda} gives p_s(x) h_t(x) = Z ptilde_s(x), with ptilde_s the noised tilted mixture,
 *                so ln h_t = ln Z + ln ptilde_s(x) - ln p_s(x). (Through the posterior: h_t(x) = sum_k gamma_k(x)
 *                exp(b.c_k/lambda + tau_k^2 |b|^2/(2 lambda^2)), gamma_k the responsibilities, c_k and tau_k^2 the
 *                component's posterior mean and variance; the tests check the two forms agree.)
 *   u*(x, t) = g(s) grad ln h_t(x) = g(s) (grad ln ptilde_s - grad ln p_s): the optimally controlled drift
 *                -f x + g^2 grad ln p_s + g u* = -f x + g^2 grad ln ptilde_s is chapter 9's reverse SDE of the tilted
 *                data, started from the pretrained start instead of ptilde_T.
 *   end law with start p_0: p_end(x) = ptilde(x) rho(x), rho(x) = E[p_0(alpha_T x + sigma_T Z) / ptilde_T(alpha_T x
 *                + sigma_T Z)], Z ~ N(0, I): the tilted law only if p_0 = ptilde_T (or alpha_T = 0, a memoryless
 *                schedule). KL(P^{u*} || P^pre) = E[r(X_T)]/lambda - E_{p_0}[ln h_0(X_0)], because
 *                dP^{u*}/dP^pre = e^{r(X_T)/lambda} / h_0(X_0) along every path (Doob's h-transform).
 *
 * A concave quadratic reward r(x) = -(a/2)|x - c|^2 keeps the tilted law a mixture too (`tiltedMixtureQuadratic`).
 *
 * Expectations over a mixture are computed by Gauss–Hermite quadrature per component (tensor rule in d <= 2), with
 * `nodes` points per coordinate: every integrand is analytic and varies on the scale of the component or wider.
 */
import type { NoiseSchedule } from './schedule';
import { compileMixture, gmmLogDensity, gmmScoreBatch, type CompiledMixture, type GaussianMixture } from './gmm';
import type { ScoreFn } from './samplers';
import { requireInRange, requireInteger } from '../validate';

/** Largest dimension the quadratures accept (tensor Gauss–Hermite: nodes^d points per component). */
const MAX_QUAD_DIM = 2;
/** Default Gauss–Hermite nodes per coordinate. */
const TILT_NODES = 24;

function checkLambda(lambda: number): void {
  requireInRange('lambda', lambda, 1e-3, 1e3);
}

function checkB(b: ArrayLike<number>, d: number): void {
  if (b.length !== d) throw new Error(`b must have ${d} coordinates (the data's dimension); got ${b.length}`);
  for (let j = 0; j < d; j++) if (!Number.isFinite(b[j])) throw new Error(`b must be finite; got ${b[j]}`);
}

function toMixture(cm: CompiledMixture): GaussianMixture {
  const { K, d } = cm;
  const weights: number[] = [];
  const means: number[][] = [];
  const stds: number[] = [];
  for (let k = 0; k < K; k++) {
    weights.push(Math.exp(cm.logW[k]));
    means.push(Array.from(cm.mu.subarray(k * d, (k + 1) * d)));
    stds.push(Math.sqrt(cm.s2[k]));
  }
  return { weights, means, stds };
}

/** The tilted law as a mixture (normalised weights) and ln Z, Z = E_data[e^{b.X/lambda}]. */
export interface TiltedMixture {
  mixture: GaussianMixture;
  logZ: number;
}

/** ln sum_k e^{e_k}, shifted by the largest term so that no exponential overflows. */
function logSumExp(e: Float64Array): number {
  let max = -Infinity;
  for (const x of e) if (x > max) max = x;
  let sum = 0;
  for (const x of e) sum += Math.exp(x - max);
  return max + Math.log(sum);
}

/**
 * p_data e^{b.x/lambda} / Z for mixture data: means m_k + sd_k^2 b/lambda, same stds, weights
 * w_k exp(b.m_k/lambda + sd_k^2 |b|^2/(2 lambda^2)) / Z, and ln Z = LSE_k of the log numerators (log-sum-exp).
 */
export function tiltedMixture(model: GaussianMixture | CompiledMixture, b: ArrayLike<number>, lambda: number): TiltedMixture {
  const cm = compileMixture(model);
  checkB(b, cm.d);
  checkLambda(lambda);
  const { K, d } = cm;
  let bb = 0;
  for (let j = 0; j < d; j++) bb += b[j] * b[j];
  const e = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let bm = 0;
    for (let j = 0; j < d; j++) bm += b[j] * cm.mu[k * d + j];
    e[k] = cm.logW[k] + bm / lambda + (0.5 * cm.s2[k] * bb) / (lambda * lambda);
  }
  const logZ = logSumExp(e);
  const weights: number[] = [];
  const means: number[][] = [];
  const stds: number[] = [];
  for (let k = 0; k < K; k++) {
    weights.push(Math.exp(e[k] - logZ));
    const row: number[] = [];
    for (let j = 0; j < d; j++) row.push(cm.mu[k * d + j] + (cm.s2[k] * b[j]) / lambda);
    means.push(row);
    stds.push(Math.sqrt(cm.s2[k]));
  }
  return { mixture: { weights, means, stds }, logZ };
}

/**
 * The tilted law for the concave quadratic reward r(x) = -(a/2)|x - c|^2 (a > 0), which also stays a mixture: with
 * q = a/lambda, component k becomes N((m_k + q sd_k^2 c)/(1 + q sd_k^2), sd_k^2/(1 + q sd_k^2) I), its weight is
 * multiplied by (1 + q sd_k^2)^{-d/2} exp(-q |m_k - c|^2 / (2 (1 + q sd_k^2))), and ln Z is the log-sum-exp of the log
 * numerators. With it in place of the linear tilt, ln h_t = ln Z + ln ptilde_s - ln p_s and u* = g (grad ln ptilde_s -
 * grad ln p_s) hold unchanged.
 */
export function tiltedMixtureQuadratic(model: GaussianMixture | CompiledMixture, a: number, c: ArrayLike<number>, lambda: number): TiltedMixture {
  const cm = compileMixture(model);
  checkB(c, cm.d);
  checkLambda(lambda);
  requireInRange('a', a, 0, 1e3, { open: 'lo' });
  const { K, d } = cm;
  const q = a / lambda;
  const e = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const f = 1 + q * cm.s2[k];
    let dist = 0;
    for (let j = 0; j < d; j++) dist += (cm.mu[k * d + j] - c[j]) ** 2;
    e[k] = cm.logW[k] - 0.5 * d * Math.log(f) - (q * dist) / (2 * f);
  }
  const logZ = logSumExp(e);
  const weights: number[] = [];
  const means: number[][] = [];
  const stds: number[] = [];
  for (let k = 0; k < K; k++) {
    const f = 1 + q * cm.s2[k];
    weights.push(Math.exp(e[k] - logZ));
    const row: number[] = [];
    for (let j = 0; j < d; j++) row.push((cm.mu[k * d + j] + q * cm.s2[k] * c[j]) / f);
    means.push(row);
    stds.push(Math.sqrt(cm.s2[k] / f));
  }
  return { mixture: { weights, means, stds }, logZ };
}

/** The noised marginal p_s of mixture data as a mixture: weights w_k, means alpha_s m_k, stds sqrt(alpha_s^2 sd_k^2 + sigma_s^2). */
export function noisedMarginal(model: GaussianMixture | CompiledMixture, schedule: NoiseSchedule, s: number): GaussianMixture {
  const cm = compileMixture(model);
  requireInRange('time', s, 0, schedule.T);
  const a = schedule.alpha(s);
  const sig2 = schedule.sigma2(s);
  const m = toMixture(cm);
  return { weights: m.weights, means: m.means.map((row) => row.map((v) => a * v)), stds: m.stds.map((sd) => Math.sqrt(a * a * sd * sd + sig2)) };
}

/** ln h_t(x) = ln E_pre[e^{b.X_T/lambda} | X_t = x] = ln Z + ln ptilde_s(x) - ln p_s(x), s = T - t. */
export function logH(
  model: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  b: ArrayLike<number>,
  lambda: number,
  t: number,
  x: ArrayLike<number>,
): number {
  requireInRange('generation time t', t, 0, schedule.T);
  const { mixture, logZ } = tiltedMixture(model, b, lambda);
  const s = schedule.T - t;
  return logZ + gmmLogDensity(mixture, x, s, schedule) - gmmLogDensity(model, x, s, schedule);
}

/** u*(x, t) = g(s) grad ln h_t(x) = g(s) (grad ln ptilde_s(x) - grad ln p_s(x)), s = T - t (a d-vector). */
export function optimalControl(
  model: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  b: ArrayLike<number>,
  lambda: number,
  t: number,
  x: ArrayLike<number>,
): Float64Array {
  const cm = compileMixture(model);
  requireInRange('generation time t', t, 0, schedule.T);
  if (x.length !== cm.d) throw new Error(`point must have ${cm.d} coordinates; got ${x.length}`);
  const tilted = compileMixture(tiltedMixture(cm, b, lambda).mixture);
  const s = schedule.T - t;
  const xs = Float64Array.from(x);
  const pre = new Float64Array(cm.d);
  const out = new Float64Array(cm.d);
  gmmScoreBatch(cm, xs, 1, s, schedule, pre);
  gmmScoreBatch(tilted, xs, 1, s, schedule, out);
  const g = schedule.g(s);
  for (let j = 0; j < cm.d; j++) out[j] = g * (out[j] - pre[j]);
  return out;
}

/**
 * The score of the optimally controlled process as a `ScoreFn`: grad ln p_s + grad ln h = grad ln ptilde_s, so that
 * chapter 9's samplers with this score run the pretrained drift plus g u* (batched, no allocation per call).
 */
export function controlledScore(model: GaussianMixture | CompiledMixture, schedule: NoiseSchedule, b: ArrayLike<number>, lambda: number): ScoreFn {
  const tilted = compileMixture(tiltedMixture(model, b, lambda).mixture);
  return (xs, n, s, out) => gmmScoreBatch(tilted, xs, n, s, schedule, out);
}

/** Gauss–Hermite rule for the standard normal: nodes z_i and weights W_i (sum 1) with sum W_i F(z_i) ~ E F(Z). */
export interface NormalRule {
  nodes: Float64Array;
  weights: Float64Array;
}

/**
 * The n-point Gauss–Hermite rule for N(0, 1), exact for polynomials of degree <= 2n - 1: the roots of the Hermite
 * polynomial by Newton's method on the orthonormal recurrence (Numerical Recipes' gauher), then rescaled from the
 * weight e^{-x^2} to the normal density (nodes times sqrt 2, weights over sqrt pi). n in [1, 200].
 */
export function normalRule(n: number): NormalRule {
  requireInteger('Gauss–Hermite nodes', n, 1, 200);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const PIM4 = Math.pow(Math.PI, -0.25);
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i];
  }
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodes[n - 1 - i] = Math.SQRT2 * x[i];
    weights[n - 1 - i] = w[i] / Math.sqrt(Math.PI);
  }
  return { nodes, weights };
}

/**
 * E_{X ~ mixture}[F(X)] for a vector-valued F with `m` entries, by tensor Gauss–Hermite per component (nodes^d
 * points each, d <= 2). F writes its m values into `out`; it gets a scratch point it must not keep.
 */
export function mixtureExpectation(
  mixture: GaussianMixture | CompiledMixture,
  F: (x: Float64Array, out: Float64Array) => void,
  m: number,
  nodes = TILT_NODES,
): Float64Array {
  const cm = compileMixture(mixture);
  const { K, d } = cm;
  if (d > MAX_QUAD_DIM) throw new Error(`the quadrature handles dimension <= ${MAX_QUAD_DIM}; got ${d}`);
  const rule = normalRule(nodes);
  const x = new Float64Array(d);
  const f = new Float64Array(m);
  const total = new Float64Array(m);
  const add = (w: number) => {
    F(x, f);
    for (let q = 0; q < m; q++) total[q] += w * f[q];
  };
  for (let k = 0; k < K; k++) {
    const sd = Math.sqrt(cm.s2[k]);
    const wk = Math.exp(cm.logW[k]);
    for (let i = 0; i < nodes; i++) {
      x[0] = cm.mu[k * d] + sd * rule.nodes[i];
      if (d === 1) {
        add(wk * rule.weights[i]);
        continue;
      }
      for (let j = 0; j < nodes; j++) {
        x[1] = cm.mu[k * d + 1] + sd * rule.nodes[j];
        add(wk * rule.weights[i] * rule.weights[j]);
      }
    }
  }
  return total;
}

/** Expected reward and path KL of the optimal control. */
export interface Tradeoff {
  /** E[r(X_T)] = b . E[X_T] under the optimally controlled process. */
  reward: number;
  /** KL(P^{u*} || P^pre) = reward/lambda - E_{p_0}[ln h_0(X_0)] (nats). */
  kl: number;
  /** E_{p_0}[ln h_0(X_0)]. */
  meanLogH0: number;
}

/**
 * E[Y_0 | Y_s = x] for mixture data, from the posterior of the data given the noised state: component k has the
 * responsibility gamma_k(x) ∝ w_k N(x; alpha m_k, v_k I) and the mean (sigma^2 m_k + alpha sd_k^2 x)/v_k. Equal to
 * Tweedie's (x + sigma^2 grad ln p_s(x))/alpha, without dividing by alpha (which underflows for a memoryless schedule).
 * Writes the d-vector into `out`.
 */
export function posteriorMean(
  mixture: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  s: number,
  x: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const cm = compileMixture(mixture);
  const { K, d } = cm;
  const a = schedule.alpha(s);
  const sig2 = schedule.sigma2(s);
  const e = new Float64Array(K);
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    const v = a * a * cm.s2[k] + sig2;
    let q = 0;
    for (let j = 0; j < d; j++) q += (x[j] - a * cm.mu[k * d + j]) ** 2;
    e[k] = cm.logW[k] - 0.5 * d * Math.log(v) - (0.5 * q) / v;
    if (e[k] > max) max = e[k];
  }
  let sum = 0;
  for (let j = 0; j < d; j++) out[j] = 0;
  for (let k = 0; k < K; k++) {
    const w = Math.exp(e[k] - max);
    sum += w;
    const v = a * a * cm.s2[k] + sig2;
    for (let j = 0; j < d; j++) out[j] += (w * (sig2 * cm.mu[k * d + j] + a * cm.s2[k] * x[j])) / v;
  }
  for (let j = 0; j < d; j++) out[j] /= sum;
  return out;
}

/**
 * The exact trade-off of the optimal control from the start law `start` (default p_T, the pretrained model's start):
 * E[X_T] = E_{p_0}[ E_tilted[Y_0 | Ytilde_T = X_0] ] with the tilted posterior mean (`posteriorMean`, Tweedie's
 * formula), and KL = E[r]/lambda - E_{p_0}[ln h_0], both by Gauss–Hermite.
 */
export function exactTradeoff(
  model: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  b: ArrayLike<number>,
  lambda: number,
  start?: GaussianMixture | CompiledMixture,
  nodes = TILT_NODES,
): Tradeoff {
  const cm = compileMixture(model);
  const { mixture, logZ } = tiltedMixture(cm, b, lambda);
  const tilted = compileMixture(mixture);
  const p0 = compileMixture(start ?? noisedMarginal(cm, schedule, schedule.T));
  if (p0.d !== cm.d) throw new Error(`the start law must have dimension ${cm.d}; got ${p0.d}`);
  const T = schedule.T;
  const d = cm.d;
  const mean = new Float64Array(d);
  const [reward, meanLogH0] = mixtureExpectation(
    p0,
    (x, out) => {
      posteriorMean(tilted, schedule, T, x, mean);
      let r = 0;
      for (let j = 0; j < d; j++) r += b[j] * mean[j];
      out[0] = r;
      out[1] = logZ + gmmLogDensity(tilted, x, T, schedule) - gmmLogDensity(cm, x, T, schedule);
    },
    2,
    nodes,
  );
  return { reward, kl: reward / lambda - meanLogH0, meanLogH0 };
}

/**
 * The same for a memoryless schedule (alpha_T = 0: X_T independent of X_0, h_0 = Z): the end law is the tilted law,
 * E[r] = b . sum_k wtilde_k mtilde_k and the KL is KL(ptilde || p_data) = E[r]/lambda - ln Z. Closed form.
 */
export function memorylessTradeoff(model: GaussianMixture | CompiledMixture, b: ArrayLike<number>, lambda: number): Tradeoff {
  const { mixture, logZ } = tiltedMixture(model, b, lambda);
  let reward = 0;
  mixture.weights.forEach((w, k) => {
    for (let j = 0; j < b.length; j++) reward += w * b[j] * mixture.means[k][j];
  });
  return { reward, kl: reward / lambda - logZ, meanLogH0: logZ };
}

/** The end law of the optimally controlled process from a start law that is not tilted. */
export interface EndLaw {
  /** ln p_end(x) = ln ptilde(x) + ln rho(x) (inner quadrature with `nodes` points per coordinate). */
  logDensity: (x: ArrayLike<number>) => number;
  /** KL(p_end || ptilde) = E_tilde[rho ln rho] (nats). */
  kl: number;
  /** E_tilde[rho] = total mass of p_end by the same quadrature: 1 up to the quadrature's error. */
  mass: number;
}

/**
 * The end law p_end(x) = ptilde(x) rho(x), rho(x) = E_Z[p_0(alpha_T x + sigma_T Z) / ptilde_T(alpha_T x + sigma_T Z)],
 * of the optimal control when X_0 ~ start (default p_T), and its KL to the tilted law. Both integrals by Gauss–Hermite:
 * the inner over Z ~ N(0, I), the outer over the tilted mixture's components. The mass E_tilde[rho] = 1 exactly; its
 * quadrature value is returned as a check.
 */
export function endLaw(
  model: GaussianMixture | CompiledMixture,
  schedule: NoiseSchedule,
  b: ArrayLike<number>,
  lambda: number,
  start?: GaussianMixture | CompiledMixture,
  nodes = TILT_NODES,
): EndLaw {
  const cm = compileMixture(model);
  const d = cm.d;
  if (d > MAX_QUAD_DIM) throw new Error(`the quadrature handles dimension <= ${MAX_QUAD_DIM}; got ${d}`);
  const tilted = compileMixture(tiltedMixture(cm, b, lambda).mixture);
  const p0 = compileMixture(start ?? noisedMarginal(cm, schedule, schedule.T));
  if (p0.d !== d) throw new Error(`the start law must have dimension ${d}; got ${p0.d}`);
  const T = schedule.T;
  const aT = schedule.alpha(T);
  const sT = schedule.sigma(T);
  // The start law and the noised tilted law at s = T, both as mixtures evaluated at s = 0 (alpha = 1, sigma = 0).
  const tiltedT = compileMixture(noisedMarginal(tilted, schedule, T));
  const rule = normalRule(nodes);
  const y = new Float64Array(d);
  const terms = new Float64Array(nodes ** d);
  const logRho = (x: ArrayLike<number>) => {
    // log-sum-exp over the inner nodes of ln W + ln p_0(y) - ln ptilde_T(y)
    let c = 0;
    let max = -Infinity;
    const push = (lw: number) => {
      const v = lw + gmmLogDensity(p0, y, 0, schedule) - gmmLogDensity(tiltedT, y, 0, schedule);
      terms[c++] = v;
      if (v > max) max = v;
    };
    if (d === 1) {
      for (let i = 0; i < nodes; i++) {
        y[0] = aT * x[0] + sT * rule.nodes[i];
        push(Math.log(rule.weights[i]));
      }
    } else {
      for (let i = 0; i < nodes; i++) {
        for (let j = 0; j < nodes; j++) {
          y[0] = aT * x[0] + sT * rule.nodes[i];
          y[1] = aT * x[1] + sT * rule.nodes[j];
          push(Math.log(rule.weights[i] * rule.weights[j]));
        }
      }
    }
    let sum = 0;
    for (let i = 0; i < c; i++) sum += Math.exp(terms[i] - max);
    return max + Math.log(sum);
  };
  const [kl, mass] = mixtureExpectation(
    tilted,
    (x, out) => {
      const lr = logRho(x);
      const r = Math.exp(lr);
      out[0] = r * lr;
      out[1] = r;
    },
    2,
    nodes,
  );
  return { logDensity: (x) => gmmLogDensity(tilted, x, 0, schedule) + logRho(x), kl, mass };
}
