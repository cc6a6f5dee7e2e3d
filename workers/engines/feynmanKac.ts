/**
 * Feynman–Kac policy evaluation by Monte Carlo: V^a(x) = E_x[ int_0^T e^{-rho s} r(X_s, a(X_s)) ds
 * + e^{-rho T} V^a(X_T) ], on the time grid t_n = n dt with Euler–Maruyama steps, left-point rewards and the
 * per-step discount e^{-rho dt}:
 *   estimate = sum_{n<N} e^{-rho t_n} r(X_n) dt + e^{-rho T} tail(X_N),   N = T / dt.
 * The tail is handled honestly: `tail: 'chain'` adds the exact value of the time-discretised chain (then the
 * estimator is unbiased for that chain's value, whatever the horizon); 'continuous' adds the exact value of the
 * continuous-time policy; 'none' drops it (biased by the omitted e^{-rho T} term, reported as `tailMean`).
 * Either way the result carries the exact chain value and the exact continuous value, so the discretisation bias
 * is visible: on the post's LQR at x0 = 1 with dt = 0.05 the chain's value is 8.84% below the continuous one.
 */
import type { Chunked } from './chunked';
import { seedState } from './random';
import { fillNormals } from './normal';
import { lqrDiscounted, stabilisesDiscounted, type ScalarLqrParams } from './lqr';
import { mertonPolicyValue, type MertonParams } from './merton';
import { requireFinite, requireInteger, requirePositive } from './validate';

/** LQR policy a = -K x on the scalar LQR of `lqrDiscounted`. */
interface LqrEvaluation {
  model: 'lqr';
  params: ScalarLqrParams;
  /** Feedback gain K (a = -K x). */
  gain: number;
}

/** Constant-proportion Merton policy: risky fraction pi, consumption rate k (consumption k x). */
interface MertonEvaluation {
  model: 'merton';
  params: MertonParams;
  policy: { pi: number; k: number };
  /**
   * 'em' (default): X_{n+1} = X_n (1 + b dt + v sqrt(dt) Z); 'exact': X_{n+1} = X_n exp((b - v^2/2) dt + v sqrt(dt) Z),
   * with b = r_f + pi (mu - r_f) - k and v = pi sigma.
   */
  scheme?: 'em' | 'exact';
}

/** Options shared by both models. */
interface EvaluationOptions {
  x0: number;
  dt: number;
  horizon: number;
  paths: number;
  seed: number;
  /** Random stream (default 0). */
  stream?: number;
  /** What to add at the horizon (default 'chain' where the chain value exists, else 'continuous'). */
  tail?: 'chain' | 'continuous' | 'none';
  /** Record the first `recordPaths` (<= 100) paths: state and cumulative discounted reward at `record` times. */
  recordPaths?: number;
  record?: number;
}

export type EvaluatePolicyParams = (LqrEvaluation | MertonEvaluation) & EvaluationOptions;

/** Result of `evaluatePolicyMC`. */
export interface PolicyEvaluationResult {
  /** Monte Carlo mean of the estimator and its standard error (sample sd / sqrt(paths)). */
  mean: number;
  stderr: number;
  /** Mean of the discounted tail term e^{-rho T} tail(X_T) that was added (0 for tail 'none'). */
  tailMean: number;
  /** e^{-rho T}: the weight of everything beyond the horizon. */
  tailWeight: number;
  steps: number;
  dt: number;
  /** Exact value of the time-discretised chain under the policy (NaN where it does not exist, see below). */
  chainValue: number;
  /** Exact value of the continuous-time policy at x0. */
  continuousValue: number;
  /** (chainValue - continuousValue) / |continuousValue|: the discretisation bias of the scheme. */
  relativeBias: number;
  /** With recordPaths: times, states x[i * record + j] and cumulative discounted rewards. */
  recorded?: { t: Float32Array; x: Float32Array; cumulative: Float32Array; paths: number; record: number };
}

/**
 * Exact value of the Euler–Maruyama chain of the scalar LQR under a = -K x, with left-point rewards and the
 * per-step discount gamma = e^{-rho dt}: X_{n+1} = a X_n + s Z_n with a = 1 + (alpha - beta K) dt, s = sigma sqrt(dt),
 * reward -1/2 w X_n^2 dt with w = q + r K^2. Then V_dt(x) = -1/2 P x^2 - c with
 *   P = w dt / (1 - gamma a^2),   c = gamma P s^2 / (2 (1 - gamma)),
 * which needs gamma a^2 < 1 (else the discounted chain diverges and this throws).
 */
export function lqrChainValue(params: ScalarLqrParams, K: number, dt: number): { P: number; c: number; value: (x: number) => number } {
  const { alpha, beta, q, r, sigma, rho } = params;
  const a = 1 + (alpha - beta * K) * dt;
  const gamma = Math.exp(-rho * dt);
  if (!(gamma * a * a < 1)) {
    throw new Error(
      `the discretised closed loop diverges under discounting: e^{-rho dt} (1 + (alpha - beta K) dt)^2 = ${gamma * a * a} >= 1; ` +
        'choose a smaller dt or a stabilising gain',
    );
  }
  const w = q + r * K * K;
  const P = (w * dt) / (1 - gamma * a * a);
  const c = (gamma * P * sigma * sigma * dt) / (2 * -Math.expm1(-rho * dt));
  return { P, c, value: (x: number) => -0.5 * P * x * x - c };
}

/**
 * Exact value of the continuous-time LQR policy a = -K x: V_K(x) = -1/2 P_K x^2 - c_K with
 * P_K = (q + r K^2) / (rho - 2 (alpha - beta K)),  c_K = sigma^2 P_K / (2 rho); needs rho > 2 (alpha - beta K).
 */
export function lqrContinuousPolicyValue(params: ScalarLqrParams, K: number): { P: number; c: number; value: (x: number) => number } {
  const { alpha, beta, q, r, sigma, rho } = params;
  if (!stabilisesDiscounted(params, K)) {
    throw new Error(`the gain K = ${K} does not stabilise the discounted LQR: need rho > 2 (alpha - beta K), got ${rho} <= ${2 * (alpha - beta * K)}`);
  }
  const P = (q + r * K * K) / (rho - 2 * (alpha - beta * K));
  const c = (sigma * sigma * P) / (2 * rho);
  return { P, c, value: (x: number) => -0.5 * P * x * x - c };
}

/**
 * Exact value of the Merton chain under the exact (log-normal) step with left-point rewards and per-step discount
 * e^{-rho dt}: E U(k X_n) = U(k x) e^{(1-gamma) g n dt} with g = b - gamma v^2/2, so
 *   V_dt(x) = U(k x) dt / (1 - e^{-(rho - (1-gamma) g) dt})   (gamma != 1),
 *   V_dt(x) = log(k x) dt / (1 - e^{-rho dt}) + (b - v^2/2) dt^2 e^{-rho dt} / (1 - e^{-rho dt})^2   (gamma = 1).
 * (For the EM step with gamma > 1 it does not exist: E[(1 + b dt + v sqrt(dt) Z)^{1-gamma}] is infinite.)
 */
export function mertonChainValue(params: MertonParams, policy: { pi: number; k: number }, dt: number): (x: number) => number {
  const { mu, rf, sigma, gamma, rho } = params;
  const { pi, k } = policy;
  const b = rf + pi * (mu - rf) - k;
  const v = pi * sigma;
  const disc = Math.exp(-rho * dt);
  if (gamma === 1) {
    const one = -Math.expm1(-rho * dt);
    return (x: number) => (Math.log(k * x) * dt) / one + ((b - 0.5 * v * v) * dt * dt * disc) / (one * one);
  }
  const g = b - 0.5 * gamma * v * v;
  const rate = rho - (1 - gamma) * g;
  if (!(rate > 0)) throw new Error(`the policy's expected discounted utility is infinite: rho - (1 - gamma) g = ${rate} <= 0`);
  return (x: number) => ((Math.pow(k * x, 1 - gamma) / (1 - gamma)) * dt) / -Math.expm1(-rate * dt);
}

/** Normals are drawn per path in blocks of this many steps (by `evaluatePolicyMC` and its reference). */
const MC_BLOCK = 512;

/**
 * Feynman–Kac Monte Carlo evaluation of a fixed policy (see the module comment for the estimator). Paths are
 * simulated one at a time with blocks of normals from the seeded stream; the job yields its progress every
 * ~200,000 path-steps. Throws on dt <= 0, a horizon shorter than one step, a non-stabilising LQR gain, a
 * non-positive Merton consumption rate, or Merton wealth that turns non-positive under the EM step.
 */
export function* evaluatePolicyMC(p: EvaluatePolicyParams): Chunked<PolicyEvaluationResult> {
  requireFinite('x0', p.x0);
  requireFinite('horizon', p.horizon);
  requirePositive('dt', p.dt);
  if (!(p.horizon >= p.dt)) throw new Error(`horizon must be at least one step (>= dt = ${p.dt}); got ${p.horizon}`);
  const steps = Math.round(p.horizon / p.dt);
  if (Math.abs(steps * p.dt - p.horizon) > 1e-9 * p.horizon) {
    throw new Error(`horizon / dt must be a whole number of steps; got ${p.horizon} / ${p.dt} = ${p.horizon / p.dt}`);
  }
  if (steps > 10_000_000) throw new Error(`horizon / dt = ${steps} steps; at most 10,000,000 are allowed`);
  requireInteger('paths', p.paths, 2, 10_000_000);
  const recN = Math.min(p.recordPaths ?? 0, p.paths);
  requireInteger('recordPaths (capped at paths)', recN, 0, 100);
  const record = p.record ?? Math.min(steps + 1, 201);
  if (recN > 0) requireInteger('record', record, 2, steps + 1);
  const dt = p.dt;
  const sdt = Math.sqrt(dt);
  const rho = p.params.rho;
  requirePositive('rho', rho);
  const disc = Math.exp(-rho * dt);
  const tailWeight = Math.exp(-rho * steps * dt);

  // Model-specific step, reward and tail.
  let a1 = 0; // LQR: X <- a1 X + s Z ; Merton EM: X <- X (a1 + s Z) ; Merton exact: X <- X exp(a1 + s Z)
  let s = 0;
  let w = 0; // LQR reward weight: r(x) = -1/2 w x^2
  let kind = 0; // 0 LQR, 1 Merton EM, 2 Merton exact
  let tailFn: ((x: number) => number) | null = null;
  let chainValue = NaN;
  let continuousValue: number;
  let reward: (x: number) => number;
  let gammaU = 0;
  let kc = 0;
  let logU = false;
  const tail = p.tail;
  if (p.model === 'lqr') {
    requireFinite('gain', p.gain);
    lqrDiscounted(p.params); // validates the parameters
    const { alpha, beta, q, r, sigma } = p.params;
    const cont = lqrContinuousPolicyValue(p.params, p.gain);
    const chain = lqrChainValue(p.params, p.gain, dt);
    a1 = 1 + (alpha - beta * p.gain) * dt;
    s = sigma * sdt;
    w = q + r * p.gain * p.gain;
    kind = 0;
    chainValue = chain.value(p.x0);
    continuousValue = cont.value(p.x0);
    reward = (x: number) => -0.5 * w * x * x;
    const t = tail ?? 'chain';
    tailFn = t === 'chain' ? chain.value : t === 'continuous' ? cont.value : null;
  } else if (p.model === 'merton') {
    const { mu, rf, sigma, gamma } = p.params;
    const { pi, k } = p.policy;
    mertonPolicyValue(p.params, p.policy); // validates
    requireFinite('pi', pi);
    requirePositive('consumption rate k', k);
    requirePositive('initial wealth x0', p.x0);
    const cont = mertonPolicyValue(p.params, p.policy);
    const b = rf + pi * (mu - rf) - k;
    const v = pi * sigma;
    const scheme = p.scheme ?? 'em';
    if (scheme !== 'em' && scheme !== 'exact') throw new Error(`scheme must be 'em' or 'exact'; got ${String(scheme)}`);
    kind = scheme === 'em' ? 1 : 2;
    a1 = scheme === 'em' ? 1 + b * dt : (b - 0.5 * v * v) * dt;
    s = v * sdt;
    continuousValue = cont(p.x0);
    // The chain value has a closed form for the exact (log-normal) step only; for the EM step with gamma > 1 it
    // does not exist (E[(1 + b dt + v sqrt(dt) Z)^{1-gamma}] is infinite).
    const chain = scheme === 'exact' ? mertonChainValue(p.params, p.policy, dt) : null;
    chainValue = chain ? chain(p.x0) : NaN;
    gammaU = gamma;
    kc = k;
    logU = gamma === 1;
    reward = logU ? (x: number) => Math.log(kc * x) : (x: number) => Math.pow(kc * x, 1 - gammaU) / (1 - gammaU);
    const t = tail ?? (chain ? 'chain' : 'continuous');
    if (t === 'chain' && !chain) {
      throw new Error("tail 'chain' needs the exact-step chain value: use scheme 'exact' for Merton, or tail 'continuous'");
    }
    tailFn = t === 'chain' ? chain : t === 'continuous' ? cont : null;
  } else {
    throw new Error(`model must be 'lqr' or 'merton'; got ${String((p as { model: unknown }).model)}`);
  }

  const oneMinusGamma = 1 - gammaU;
  const invOneMinusGamma = 1 / oneMinusGamma;
  const st = seedState(p.seed, p.stream ?? 0);
  const zb = new Float64Array(MC_BLOCK);
  let sum = 0;
  let sumSq = 0;
  let tailSum = 0;
  const idx = new Int32Array(record);
  for (let j = 0; j < record; j++) idx[j] = Math.round((j * steps) / (record - 1));
  const recX = recN > 0 ? new Float32Array(recN * record) : null;
  const recC = recN > 0 ? new Float32Array(recN * record) : null;
  const chunk = Math.max(1, Math.floor(200_000 / steps));
  for (let i0 = 0; i0 < p.paths; i0 += chunk) {
    const i1 = Math.min(p.paths, i0 + chunk);
    for (let i = i0; i < i1; i++) {
      let x = p.x0;
      let y = Math.log(kc * x); // Merton exact: ln(k x)
      let acc = 0;
      let df = 1;
      const rec = recX !== null && i < recN;
      let j = 1;
      if (rec) {
        recX![i * record] = x;
        recC![i * record] = 0;
      }
      for (let n0 = 0; n0 < steps; n0 += MC_BLOCK) {
        const cnt = Math.min(MC_BLOCK, steps - n0);
        fillNormals(st, zb, 0, cnt);
        if (kind === 0) {
          for (let n = 0; n < cnt; n++) {
            acc += df * x * x;
            df *= disc;
            x = a1 * x + s * zb[n];
            if (rec && n0 + n + 1 === idx[j]) {
              recX![i * record + j] = x;
              recC![i * record + j] = -0.5 * w * dt * acc;
              j++;
            }
          }
        } else if (kind === 1) {
          for (let n = 0; n < cnt; n++) {
            acc += df * reward(x);
            df *= disc;
            x *= a1 + s * zb[n];
            if (!(x > 0)) {
              throw new Error(
                `wealth became non-positive under the Euler–Maruyama step (dt = ${dt} too large for pi sigma = ${s / sdt}); ` +
                  "use a smaller dt or scheme 'exact'",
              );
            }
            if (rec && n0 + n + 1 === idx[j]) {
              recX![i * record + j] = x;
              recC![i * record + j] = acc * dt;
              j++;
            }
          }
        } else {
          // The exact step in log space, y = ln(k x): the state needs no exponential, the CRRA reward
          // (k x)^(1-gamma)/(1-gamma) = e^((1-gamma) y)/(1-gamma) one (log utility: none), where x *= exp(.) and
          // pow(k x, 1 - gamma) took two. Same law; about 2x faster.
          for (let n = 0; n < cnt; n++) {
            acc += df * (logU ? y : Math.exp(oneMinusGamma * y) * invOneMinusGamma);
            df *= disc;
            y += a1 + s * zb[n];
            if (rec && n0 + n + 1 === idx[j]) {
              recX![i * record + j] = Math.exp(y) / kc;
              recC![i * record + j] = acc * dt;
              j++;
            }
          }
        }
      }
      if (kind === 2) x = Math.exp(y) / kc;
      let est = kind === 0 ? -0.5 * w * dt * acc : acc * dt;
      if (tailFn) {
        const tv = tailWeight * tailFn(x);
        est += tv;
        tailSum += tv;
      }
      sum += est;
      sumSq += est * est;
    }
    yield i1 / p.paths;
  }
  const mean = sum / p.paths;
  const variance = Math.max(0, (sumSq - p.paths * mean * mean) / (p.paths - 1));
  const result: PolicyEvaluationResult = {
    mean,
    stderr: Math.sqrt(variance / p.paths),
    tailMean: tailSum / p.paths,
    tailWeight,
    steps,
    dt,
    chainValue,
    continuousValue,
    relativeBias: (chainValue - continuousValue) / Math.abs(continuousValue),
  };
  if (recN > 0) {
    const t = new Float32Array(record);
    for (let j = 0; j < record; j++) t[j] = idx[j] * dt;
    result.recorded = { t, x: recX!, cumulative: recC!, paths: recN, record };
  }
  return result;
}

/**
 * The readable version of `evaluatePolicyMC`: one path at a time, with the model's step and reward written out;
 * no recording, no validation (give it parameters the fast version accepts). It draws the same normals in the same
 * order (per path, blocks of MC_BLOCK from `fillNormals`) and gives the same mean and standard error up to
 * rounding, about 1e-12 relative (tested).
 */
export function evaluatePolicyMCReference(p: EvaluatePolicyParams): { mean: number; stderr: number } {
  const { dt, paths } = p;
  const steps = Math.round(p.horizon / dt);
  const disc = Math.exp(-p.params.rho * dt);
  let step: (x: number, z: number) => number;
  let reward: (x: number) => number;
  let tail: ((x: number) => number) | null;
  if (p.model === 'lqr') {
    const { alpha, beta, q, r, sigma } = p.params;
    const K = p.gain;
    step = (x, z) => x + (alpha - beta * K) * x * dt + sigma * Math.sqrt(dt) * z; // Euler–Maruyama, a = -K x
    reward = (x) => -0.5 * (q * x * x + r * (K * x) ** 2);
    const t = p.tail ?? 'chain';
    tail = t === 'chain' ? lqrChainValue(p.params, K, dt).value : t === 'continuous' ? lqrContinuousPolicyValue(p.params, K).value : null;
  } else {
    const { mu, rf, sigma, gamma } = p.params;
    const { pi, k } = p.policy;
    const b = rf + pi * (mu - rf) - k;
    const v = pi * sigma;
    const exact = p.scheme === 'exact';
    step = exact ? (x, z) => x * Math.exp((b - 0.5 * v * v) * dt + v * Math.sqrt(dt) * z) : (x, z) => x * (1 + b * dt + v * Math.sqrt(dt) * z);
    reward = (x) => (gamma === 1 ? Math.log(k * x) : Math.pow(k * x, 1 - gamma) / (1 - gamma));
    const t = p.tail ?? (exact ? 'chain' : 'continuous');
    tail = t === 'chain' ? mertonChainValue(p.params, p.policy, dt) : t === 'continuous' ? mertonPolicyValue(p.params, p.policy) : null;
  }
  const st = seedState(p.seed, p.stream ?? 0);
  const z = new Float64Array(MC_BLOCK);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < paths; i++) {
    let x = p.x0;
    let value = 0; // sum_n e^{-rho t_n} r(X_n) dt, left-point rewards
    let df = 1;
    for (let n0 = 0; n0 < steps; n0 += MC_BLOCK) {
      const cnt = Math.min(MC_BLOCK, steps - n0);
      fillNormals(st, z, 0, cnt);
      for (let n = 0; n < cnt; n++) {
        value += df * reward(x) * dt;
        df *= disc;
        x = step(x, z[n]);
      }
    }
    if (tail) value += Math.exp(-p.params.rho * steps * dt) * tail(x); // e^{-rho T} V(X_T)
    sum += value;
    sumSq += value * value;
  }
  const mean = sum / paths;
  return { mean, stderr: Math.sqrt(Math.max(0, (sumSq - paths * mean * mean) / (paths - 1)) / paths) };
}

/**
 * The martingale control variate of chapter 5 on the regulator under a = -K x: Euler–Maruyama paths from x0 with
 * step dt up to T, each scored by the return G = sum_n e^{-rho t_n} r(X_n) dt + e^{-rho T} phi(X_T) with the guess
 * phi = V^K (the continuous-time value), and by G~ = G - sum_n e^{-rho t_n} phi'(X_n) sigma sqrt(dt) Z_n, whose
 * added sum has mean exactly zero (Z_n is independent of X_n). Returns the sample means and standard deviations of
 * G and G~ over the paths.
 */
export function lqrControlVariate(
  params: ScalarLqrParams,
  K: number,
  x0: number,
  dt: number,
  T: number,
  paths: number,
  seed: number,
): { mean: number; sd: number; meanCv: number; sdCv: number } {
  requirePositive('dt', dt);
  requireInteger('paths', paths, 2, 1_000_000);
  const { alpha, beta, q, r, sigma, rho } = params;
  const { P, value } = lqrContinuousPolicyValue(params, K);
  const steps = Math.round(T / dt);
  const a = 1 + (alpha - beta * K) * dt;
  const s = sigma * Math.sqrt(dt);
  const w = q + r * K * K;
  const disc = Math.exp(-rho * dt);
  const st = seedState(seed, 0);
  const z = new Float64Array(steps);
  let m1 = 0;
  let m2 = 0;
  let c1 = 0;
  let c2 = 0;
  for (let i = 0; i < paths; i++) {
    fillNormals(st, z, 0, steps);
    let x = x0;
    let df = 1;
    let g = 0;
    let cv = 0;
    for (let n = 0; n < steps; n++) {
      g += df * -0.5 * w * x * x * dt;
      cv -= df * -P * x * s * z[n];
      x = a * x + s * z[n];
      df *= disc;
    }
    g += df * value(x);
    m1 += g;
    m2 += g * g;
    c1 += g + cv;
    c2 += (g + cv) * (g + cv);
  }
  const sd = (s1: number, s2: number) => Math.sqrt(Math.max(0, (s2 - (s1 * s1) / paths) / (paths - 1)));
  return { mean: m1 / paths, sd: sd(m1, m2), meanCv: c1 / paths, sdCv: sd(c1, c2) };
}
