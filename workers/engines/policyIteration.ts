/**
 * Sampled policy iteration for the book's two closed-form problems (chapter 6):
 *
 *   1. evaluation: at each sample state x_i, Feynman–Kac Monte Carlo of the current policy,
 *        y_i = mean over paths of  sum_n e^{-rho t_n} (r_n + e^{-rho dt} r_{n+1})/2 dt  +  e^{-rho T} V_prev(X_T),
 *      with the exact transition of the closed loop (no SDE discretisation bias; trapezoidal rewards, O(dt^2)),
 *      and the tail bootstrapped from the previous iteration's fitted value (0 at the first iteration);
 *   2. fit: least squares of y on features (quadratic for the LQR; CRRA for Merton), or, as an option, a small
 *      MLP (nn/mlpValue.ts), giving V, V', V'';
 *   3. improvement: maximise r(x, a) + L^a V(x). LQR (control-affine, quadratic cost): closed form
 *      a(x) = beta V'(x) / r at each sample state, projected by least squares onto the affine policies
 *      a = -K x + u0 (exact for quadratic features: K = -2 beta theta_2 / r, u0 = beta theta_1 / r).
 *      Merton: gradient ascent on the sample average of H(x; pi, k) = U(k x) + [r_f + pi (mu - r_f) - k] x V'
 *      + 1/2 pi^2 sigma^2 x^2 V'' over constant fractions (pi, log k), with backtracking;
 *   4. diagnostics: fit RMSE, RMS error of the fit against the exact value of the evaluated policy, and the RMS
 *      HJB residual rho V(x) - max_a { r(x, a) + L^a V(x) } over the sample states.
 * The same seed gives the same run; the job yields after every evaluated sample state.
 */
import type { Chunked } from './chunked';
import { seedState } from './random';
import { fillNormals } from './normal';
import { lqrDiscounted, stabilisesDiscounted, type ScalarLqrParams } from './lqr';
import { mertonClosedForm, mertonPolicyValue, type MertonParams } from './merton';
import { crraFeatures, fitLeastSquares, quadraticFeatures, type Features1d, type ValueFunction1d } from './valueFit';
import { fitMlpValue1d, type MlpValueOptions } from './nn/mlpValue';
import { requireFinite, requireInteger, requirePositive } from './validate';

/** Options shared by both models. */
interface SampledPiOptions {
  /** Number of policy-iteration steps (1..50). */
  iterations: number;
  /** Sample states for evaluation (default: LQR 12 evenly in [-2, 2]; Merton 8 geometric in [0.5, 2]). */
  states?: number[];
  /** Monte Carlo paths per sample state (common random numbers across states within an iteration). */
  paths: number;
  /** Time step of the evaluation (default LQR 0.02, Merton 0.05). */
  dt?: number;
  /** Evaluation horizon; the rest is bootstrapped from the previous fit (default LQR 10, Merton 40). */
  horizon?: number;
  seed: number;
  /**
   * The value model: 'features' (default: least squares on the problem's features, which contain the exact value)
   * or 'mlp' (a small network that knows nothing of the problem; options in `mlp`, warm-started across iterations).
   * The network needs more sample states than the features do, because improvement reads V' (and, for Merton,
   * V''): measured with seed 1, the LQR ends 1.2% below K* from 25 states but 12% below from 12; Merton, from 16
   * states with `mlp: { input: 'log' }`, ends with pi 11% and k 5% above the optimum, its fit's V'' being noisy.
   */
  valueModel?: 'features' | 'mlp';
  mlp?: MlpValueOptions;
}

/** LQR: start from a = -K0 x + u0 (default K0 = 0, u0 = 0; it must stabilise the discounted closed loop). */
interface SampledPiLqr extends SampledPiOptions {
  model: 'lqr';
  params: ScalarLqrParams;
  K0?: number;
}

/** Merton: start from constant fractions (default pi = 0, k = rho). */
interface SampledPiMerton extends SampledPiOptions {
  model: 'merton';
  params: MertonParams;
  policy0?: { pi: number; k: number };
}

export type SampledPiParams = SampledPiLqr | SampledPiMerton;

/** Diagnostics of one iteration (for the policy that was evaluated in it, and the improved one). */
export interface SampledPiIteration {
  iteration: number;
  /** Policy evaluated in this iteration: LQR {K, u0}; Merton {pi, k}. */
  policy: { K: number; u0: number } | { pi: number; k: number };
  /** Policy after improvement. */
  improved: { K: number; u0: number } | { pi: number; k: number };
  /** Fitted parameters of V (features: LQR 1, x, x^2; Merton 1, u(x); or the MLP's weights). */
  theta: number[];
  /** RMS of fit minus Monte Carlo values at the sample states. */
  fitRmse: number;
  /** Mean Monte Carlo standard error at the sample states. */
  mcStderr: number;
  /** RMS over states of fit minus the exact value of the evaluated policy. */
  valueError: number;
  /** RMS over states of the HJB residual rho V - max_a { r + L^a V } of the fit. */
  hjbResidual: number;
}

/** Result: per-iteration diagnostics, the final policy, the closed-form optimum for comparison. */
export interface SampledPiResult {
  iterations: SampledPiIteration[];
  final: { K: number; u0: number } | { pi: number; k: number };
  exact: { K: number } | { pi: number; k: number };
  states: number[];
}

/** Exact value of the affine LQR policy a = -K x + u0: V = -1/2 P x^2 - d x - c (see the derivation in the code). */
export function lqrAffinePolicyValue(p: ScalarLqrParams, K: number, u0: number): (x: number) => number {
  const { alpha, beta, q, r, sigma, rho } = p;
  const a = alpha - beta * K;
  const b = beta * u0;
  if (!stabilisesDiscounted(p, K)) throw new Error(`policy K = ${K} does not stabilise the discounted closed loop: need rho > 2 (alpha - beta K)`);
  // rho V = r(x) + L V with r(x) = -1/2 (q + r K^2) x^2 + r K u0 x - 1/2 r u0^2, L V = (a x + b) V' + sigma^2 V''/2.
  const P = (q + r * K * K) / (rho - 2 * a);
  const d = (r * K * u0 - b * P) / (a - rho);
  const c = (0.5 * r * u0 * u0 + b * d + 0.5 * sigma * sigma * P) / rho;
  return (x: number) => -0.5 * P * x * x - d * x - c;
}

/**
 * Sampled policy iteration (see the module comment). Throws on invalid options, a non-stabilising initial LQR
 * policy, or an ill-posed Merton problem.
 */
export function* policyIterationSampled(p: SampledPiParams): Chunked<SampledPiResult> {
  requireInteger('iterations', p.iterations, 1, 50);
  requireInteger('paths', p.paths, 2, 1_000_000);
  const isLqr = p.model === 'lqr';
  if (!isLqr && p.model !== 'merton') throw new Error(`model must be 'lqr' or 'merton'; got ${String((p as { model: unknown }).model)}`);
  const { dt, horizon, states } = sampledPiDefaults(p);
  requirePositive('dt', dt);
  requireFinite('horizon', horizon);
  if (!(horizon >= dt)) throw new Error(`horizon must be >= dt; got ${horizon}`);
  const steps = Math.round(horizon / dt);
  if (p.paths * steps > 2e8) throw new Error(`paths * horizon/dt = ${p.paths * steps} per state is too much work (at most 2e8)`);
  const features: Features1d = isLqr ? quadraticFeatures : crraFeatures((p.params as MertonParams).gamma);
  const valueModel = p.valueModel ?? 'features';
  if (valueModel !== 'features' && valueModel !== 'mlp') throw new Error(`valueModel must be 'features' or 'mlp'; got ${String(valueModel)}`);
  let mlpParams: Float64Array | undefined;
  if (states.length < features.size) throw new Error(`need at least ${features.size} sample states; got ${states.length}`);
  for (const x of states) {
    requireFinite('state', x);
    if (!isLqr && !(x > 0)) throw new Error(`Merton sample states (wealth) must be > 0; got ${x}`);
  }
  const rho = p.params.rho;
  const disc = Math.exp(-rho * dt);
  const tailWeight = Math.exp(-rho * steps * dt);
  const totalWork = p.iterations * states.length;
  let done = 0;

  let exact: SampledPiResult['exact'];
  let lqr: { K: number; u0: number } = { K: 0, u0: 0 };
  let mer: { pi: number; k: number } = { pi: 0, k: 0 };
  if (p.model === 'lqr') {
    const ex = lqrDiscounted(p.params);
    exact = { K: ex.K };
    lqr = { K: p.K0 ?? 0, u0: 0 };
    requireFinite('K0', lqr.K);
    lqrAffinePolicyValue(p.params, lqr.K, 0); // throws if not stabilising
  } else {
    const ex = mertonClosedForm(p.params);
    exact = { pi: ex.pi, k: ex.k };
    mer = p.policy0 ? { ...p.policy0 } : { pi: 0, k: p.params.rho };
    mertonPolicyValue(p.params, mer); // validates
  }

  const iterations: SampledPiIteration[] = [];
  let prev: ValueFunction1d | null = null;
  const z = new Float64Array(steps);
  const ys = new Float64Array(states.length);
  const ses = new Float64Array(states.length);
  for (let it = 0; it < p.iterations; it++) {
    // --- Evaluation at every sample state, common random numbers (same seed and stream for every state).
    let stepCoef: { c0: number; c1: number; c2: number };
    let reward: (x: number) => number;
    if (p.model === 'lqr') {
      const { alpha, beta, q, r, sigma } = p.params;
      stepCoef = lqrExactStep(alpha - beta * lqr.K, beta * lqr.u0, sigma, dt);
      const { K, u0 } = lqr;
      reward = (x: number) => {
        const act = -K * x + u0;
        return -0.5 * (q * x * x + r * act * act);
      };
    } else {
      const { mu, rf, sigma, gamma } = p.params;
      const { pi, k } = mer;
      const bb = rf + pi * (mu - rf) - k;
      const v = pi * sigma;
      stepCoef = { c0: (bb - 0.5 * v * v) * dt, c1: 0, c2: v * Math.sqrt(dt) };
      reward = gamma === 1 ? (x: number) => Math.log(k * x) : (x: number) => Math.pow(k * x, 1 - gamma) / (1 - gamma);
    }
    for (let si = 0; si < states.length; si++) {
      const st = seedState(p.seed, it);
      let sum = 0;
      let sumSq = 0;
      const { c0, c1, c2 } = stepCoef;
      for (let m = 0; m < p.paths; m++) {
        fillNormals(st, z, 0, steps);
        let x = states[si];
        let df = 1;
        let acc = 0;
        let rPrev = reward(x);
        if (p.model === 'lqr') {
          // Inlined reward -1/2 (q x^2 + r (u0 - K x)^2) and exact affine transition.
          const { q, r } = p.params;
          const { K, u0 } = lqr;
          for (let n = 0; n < steps; n++) {
            x = c1 * x + c0 + c2 * z[n];
            const act = u0 - K * x;
            const rNext = -0.5 * (q * x * x + r * act * act);
            acc += df * 0.5 * (rPrev + disc * rNext);
            df *= disc;
            rPrev = rNext;
          }
        } else {
          // Log-wealth recursion: log X <- log X + c0 + c2 Z; U(k X) = e^{(1-gamma)(log k + log X)}/(1-gamma).
          const g1 = 1 - p.params.gamma;
          const logU = g1 === 0;
          let lx = Math.log(x);
          const lk = Math.log(mer.k);
          for (let n = 0; n < steps; n++) {
            lx += c0 + c2 * z[n];
            const rNext = logU ? lk + lx : Math.exp(g1 * (lk + lx)) / g1;
            acc += df * 0.5 * (rPrev + disc * rNext);
            df *= disc;
            rPrev = rNext;
          }
          x = Math.exp(lx);
        }
        let est = acc * dt;
        if (prev) est += tailWeight * prev.value(x);
        sum += est;
        sumSq += est * est;
      }
      const mean = sum / p.paths;
      ys[si] = mean;
      ses[si] = Math.sqrt(Math.max(0, (sumSq / p.paths - mean * mean) / (p.paths - 1)));
      done++;
      yield done / totalWork;
    }
    // --- Fit.
    let fitted: { fit: ValueFunction1d; rmse: number };
    if (valueModel === 'mlp') {
      const m = fitMlpValue1d(states, ys, { seed: p.seed, ...p.mlp, warmStart: mlpParams });
      mlpParams = m.params;
      fitted = m;
    } else {
      fitted = fitLeastSquares(features, states, ys);
    }
    const { fit, rmse } = fitted;
    // --- Diagnostics against the exact value of the evaluated policy, and the HJB residual of the fit.
    let exactV: (x: number) => number;
    let hamMax: (x: number) => number; // max_a { r + L^a V } for the fit
    if (p.model === 'lqr') {
      exactV = lqrAffinePolicyValue(p.params, lqr.K, lqr.u0);
      const { alpha, beta, q, r, sigma } = p.params;
      hamMax = (x) => {
        const V1 = fit.dx(x);
        return -0.5 * q * x * x + alpha * x * V1 + (beta * beta * V1 * V1) / (2 * r) + 0.5 * sigma * sigma * fit.dxx(x);
      };
    } else {
      exactV = mertonPolicyValue(p.params, mer);
      const pp = p.params;
      hamMax = (x) => {
        const V1 = fit.dx(x);
        const V2 = fit.dxx(x);
        if (!(V1 > 0 && V2 < 0)) return NaN; // not concave increasing: no maximiser
        const piS = (-(pp.mu - pp.rf) * V1) / (pp.sigma * pp.sigma * x * V2);
        const c = pp.gamma === 1 ? 1 / V1 : Math.pow(V1, -1 / pp.gamma);
        const U = pp.gamma === 1 ? Math.log(c) : Math.pow(c, 1 - pp.gamma) / (1 - pp.gamma);
        return U + (pp.rf + piS * (pp.mu - pp.rf)) * x * V1 - c * V1 + 0.5 * piS * piS * pp.sigma * pp.sigma * x * x * V2;
      };
    }
    let ve = 0;
    let hr = 0;
    let se = 0;
    for (let si = 0; si < states.length; si++) {
      const x = states[si];
      ve += (fit.value(x) - exactV(x)) ** 2;
      hr += (rho * fit.value(x) - hamMax(x)) ** 2;
      se += ses[si];
    }
    const evaluated = isLqr ? { ...lqr } : { ...mer };
    // --- Improvement.
    if (p.model === 'lqr') {
      const { beta, r } = p.params;
      lqr = projectAffine(
        states,
        states.map((x) => (beta * fit.dx(x)) / r),
      );
    } else {
      mer = improveMerton(p.params, fit, states, mer);
    }
    iterations.push({
      iteration: it + 1,
      policy: evaluated,
      improved: isLqr ? { ...lqr } : { ...mer },
      theta: [...fit.theta],
      fitRmse: rmse,
      mcStderr: se / states.length,
      valueError: Math.sqrt(ve / states.length),
      hjbResidual: Math.sqrt(hr / states.length),
    });
    prev = fit;
    if (p.model === 'lqr' && it + 1 < p.iterations) {
      // The improved policy must still stabilise for the next evaluation to be finite.
      lqrAffinePolicyValue(p.params, lqr.K, lqr.u0);
    }
  }
  return { iterations, final: isLqr ? lqr : mer, exact, states };
}

/** Defaults of `policyIterationSampled`: time step, horizon and sample states of the model. */
function sampledPiDefaults(p: SampledPiParams): { dt: number; horizon: number; states: number[] } {
  const isLqr = p.model === 'lqr';
  return {
    dt: p.dt ?? (isLqr ? 0.02 : 0.05),
    horizon: p.horizon ?? (isLqr ? 10 : 40),
    states: p.states ?? (isLqr ? Array.from({ length: 12 }, (_, i) => -2 + (4 * i) / 11) : Array.from({ length: 8 }, (_, i) => 0.5 * Math.pow(4, i / 7))),
  };
}

/**
 * Exact step X <- c1 X + c0 + c2 Z of dX = (a X + b) dt + sigma dW over dt: c1 = e^{a dt}, c0 = b (e^{a dt} - 1)/a,
 * c2 = sigma sqrt((e^{2 a dt} - 1)/(2 a)), with the limits b dt and sigma sqrt(dt) as a dt -> 0.
 */
function lqrExactStep(a: number, b: number, sigma: number, dt: number): { c0: number; c1: number; c2: number } {
  const ad = a * dt;
  const g1 = Math.abs(ad) < 1e-12 ? dt : Math.expm1(ad) / a;
  const g2 = Math.abs(ad) < 1e-12 ? dt : Math.expm1(2 * ad) / (2 * a);
  return { c1: Math.exp(ad), c0: b * g1, c2: sigma * Math.sqrt(g2) };
}

/**
 * The readable version of `policyIterationSampled` with the features value model: each iteration evaluates the
 * current policy at every sample state by Monte Carlo, one path at a time (exact transition, trapezoidal rewards,
 * tail e^{-rho T} V_prev(X_T)), fits the features by least squares and improves the policy (LQR: the greedy
 * action beta V'/r projected on affine policies; Merton: `improveMerton`). No validation, no diagnostics, no MLP.
 * Same draws in the same order (a fresh stream `it` of the seed for each state: common random numbers; one
 * `fillNormals` block per path), so the same fits and policies up to rounding (tested): to 1e-10 for the LQR; for
 * Merton the first fit agrees to 1e-10 but `improveMerton`'s gradient ascent stops at a tolerance (or after 500
 * steps), so rounding-level differences in the fit (the fast version steps log-wealth) move the improved k by up
 * to ~1e-7 relative, and later iterations inherit that.
 */
export function policyIterationSampledReference(p: SampledPiParams): { iterations: { improved: SampledPiResult['final']; theta: number[] }[] } {
  const { dt, horizon, states } = sampledPiDefaults(p);
  const steps = Math.round(horizon / dt);
  const { rho } = p.params;
  const disc = Math.exp(-rho * dt);
  const features = p.model === 'lqr' ? quadraticFeatures : crraFeatures(p.params.gamma);
  let lqr = { K: p.model === 'lqr' ? (p.K0 ?? 0) : 0, u0: 0 };
  let mer = p.model === 'merton' ? (p.policy0 ?? { pi: 0, k: rho }) : { pi: 0, k: 0 };
  let prev: ValueFunction1d | null = null;
  const z = new Float64Array(steps);
  const iterations: { improved: SampledPiResult['final']; theta: number[] }[] = [];
  for (let it = 0; it < p.iterations; it++) {
    let step: (x: number, z: number) => number;
    let reward: (x: number) => number;
    if (p.model === 'lqr') {
      const { alpha, beta, q, r, sigma } = p.params;
      const { K, u0 } = lqr;
      const { c0, c1, c2 } = lqrExactStep(alpha - beta * K, beta * u0, sigma, dt);
      step = (x, z) => c1 * x + c0 + c2 * z;
      reward = (x) => -0.5 * (q * x * x + r * (u0 - K * x) ** 2);
    } else {
      const { mu, rf, sigma, gamma } = p.params;
      const { pi, k } = mer;
      const b = rf + pi * (mu - rf) - k;
      const v = pi * sigma;
      step = (x, z) => x * Math.exp((b - 0.5 * v * v) * dt + v * Math.sqrt(dt) * z);
      reward = (x) => (gamma === 1 ? Math.log(k * x) : Math.pow(k * x, 1 - gamma) / (1 - gamma));
    }
    const ys = states.map((x0) => {
      const st = seedState(p.seed, it); // the same paths for every state
      let sum = 0;
      for (let m = 0; m < p.paths; m++) {
        fillNormals(st, z, 0, steps);
        let x = x0;
        let value = 0;
        let df = 1;
        for (let n = 0; n < steps; n++) {
          const x1 = step(x, z[n]);
          value += df * 0.5 * (reward(x) + disc * reward(x1)); // trapezoid, discounted (times dt below)
          df *= disc;
          x = x1;
        }
        sum += value * dt + (prev ? Math.exp(-rho * steps * dt) * prev.value(x) : 0);
      }
      return sum / p.paths;
    });
    const { fit } = fitLeastSquares(features, states, ys);
    if (p.model === 'lqr')
      lqr = projectAffine(
        states,
        states.map((x) => (p.params.beta * fit.dx(x)) / p.params.r),
      );
    else mer = improveMerton(p.params, fit, states, mer);
    iterations.push({ improved: p.model === 'lqr' ? { ...lqr } : { ...mer }, theta: [...fit.theta] });
    prev = fit;
  }
  return { iterations };
}

/** The affine policy a = -K x + u0 closest (least squares over the states) to the greedy actions a_i. */
function projectAffine(states: number[], actions: number[]): { K: number; u0: number } {
  const n = states.length;
  const mx = states.reduce((s, x) => s + x, 0) / n;
  const ma = actions.reduce((s, a) => s + a, 0) / n;
  let sxa = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxa += (states[i] - mx) * (actions[i] - ma);
    sxx += (states[i] - mx) ** 2;
  }
  const slope = sxa / sxx;
  return { K: -slope, u0: ma - slope * mx };
}

/**
 * Improvement for Merton by gradient steps: maximise J(pi, l) = mean_i H(x_i; pi, k = e^l) with
 * H = U(k x) + [r_f + pi (mu - r_f) - k] x V'(x) + 1/2 pi^2 sigma^2 x^2 V''(x), by gradient ascent with
 * backtracking (Armijo) line search from the current policy; at most 500 steps, stopping when the step is below
 * 1e-12. Requires V' > 0 and V'' < 0 at the states (a concave increasing fit); otherwise keeps the policy.
 */
function improveMerton(pp: MertonParams, fit: ValueFunction1d, states: number[], start: { pi: number; k: number }): { pi: number; k: number } {
  const n = states.length;
  const V1 = states.map((x) => fit.dx(x));
  const V2 = states.map((x) => fit.dxx(x));
  if (!V1.every((v) => v > 0) || !V2.every((v) => v < 0)) return start;
  const J = (pi: number, l: number) => {
    const k = Math.exp(l);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = states[i];
      const c = k * x;
      const U = pp.gamma === 1 ? Math.log(c) : Math.pow(c, 1 - pp.gamma) / (1 - pp.gamma);
      s += U + (pp.rf + pi * (pp.mu - pp.rf) - k) * x * V1[i] + 0.5 * pi * pi * pp.sigma * pp.sigma * x * x * V2[i];
    }
    return s / n;
  };
  const grad = (pi: number, l: number): [number, number] => {
    const k = Math.exp(l);
    let gp = 0;
    let gl = 0;
    for (let i = 0; i < n; i++) {
      const x = states[i];
      gp += (pp.mu - pp.rf) * x * V1[i] + pi * pp.sigma * pp.sigma * x * x * V2[i];
      // dH/dk = x (k x)^{-gamma} - x V'; chain rule dk/dl = k.
      gl += k * (x * Math.pow(k * x, -pp.gamma) - x * V1[i]);
    }
    return [gp / n, gl / n];
  };
  let pi = start.pi;
  let l = Math.log(start.k);
  let f = J(pi, l);
  let step = 1;
  for (let it = 0; it < 500; it++) {
    const [gp, gl] = grad(pi, l);
    const g2 = gp * gp + gl * gl;
    if (!(g2 > 0)) break;
    step *= 4; // try a larger step each time, then backtrack
    let accepted = false;
    for (let bt = 0; bt < 60; bt++) {
      const np = pi + step * gp;
      const nl = l + step * gl;
      const nf = J(np, nl);
      if (nf >= f + 1e-4 * step * g2) {
        pi = np;
        l = nl;
        f = nf;
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted || step * Math.sqrt(g2) < 1e-12) break;
  }
  return { pi, k: Math.exp(l) };
}
