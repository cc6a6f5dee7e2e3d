/**
 * Reading Merton's problem (chapter 7): when it is well posed, how wealth grows under a constant policy, what a
 * value is worth in consumption terms, the best consumption for a given risky fraction, and how often wealth
 * reaches a level (to measure what a clamp on wealth changes). Same conventions as merton.ts: wealth
 * dX = [r_f + pi (mu - r_f) - k] X dt + pi sigma X dW, utility U(c) = c^{1-gamma}/(1-gamma) (log c at gamma = 1).
 */
import { type MertonParams } from './merton';
import { normalCdf } from './stats';
import { requireFinite, requirePositive } from './validate';

function checkParams(p: MertonParams): void {
  for (const [name, v] of Object.entries(p)) requireFinite(name, v as number);
  requirePositive('sigma', p.sigma);
  requirePositive('gamma (relative risk aversion)', p.gamma);
  requirePositive('rho (discount rate)', p.rho);
}

/** Whether the infinite-horizon problem has a finite value, and by how much. */
export interface MertonWellPosedness {
  /** M = r_f + (mu - r_f)^2 / (2 gamma sigma^2): the certainty-equivalent return of the optimal portfolio. */
  M: number;
  /** rho - (1 - gamma) M (rho itself at gamma = 1): the value is finite iff this is > 0. It equals gamma k*. */
  margin: number;
  /** The smallest discount rate with a finite value: (1 - gamma) M (0 for gamma >= 1 when M >= 0). */
  rhoMin: number;
  wellPosed: boolean;
}

/**
 * Well-posedness of the Merton problem: the value is finite iff rho > (1 - gamma) M. For gamma < 1 utility grows
 * without bound and impatience must beat the growth of utility along the best portfolio; for gamma >= 1 (with
 * M >= 0) every rho > 0 works. Never throws on an ill-posed point (it reports it); throws on invalid input.
 */
export function mertonWellPosedness(p: MertonParams): MertonWellPosedness {
  checkParams(p);
  const M = p.rf + (p.mu - p.rf) ** 2 / (2 * p.gamma * p.sigma * p.sigma);
  const rhoMin = p.gamma === 1 ? 0 : Math.max(0, (1 - p.gamma) * M);
  const margin = p.gamma === 1 ? p.rho : p.rho - (1 - p.gamma) * M;
  return { M, margin, rhoMin, wellPosed: margin > 0 };
}

/**
 * Law of log-wealth under a constant policy: log X_t = log x + (b - v^2/2) t + v W_t with
 * b = r_f + pi (mu - r_f) - k and v = pi sigma. Returns the drift b - v^2/2 (the growth rate of wealth) and v.
 */
export function mertonLogGrowth(p: MertonParams, policy: { pi: number; k: number }): { drift: number; vol: number } {
  requireFinite('pi', policy.pi);
  requireFinite('k', policy.k);
  const b = p.rf + policy.pi * (p.mu - p.rf) - policy.k;
  const v = policy.pi * p.sigma;
  return { drift: b - 0.5 * v * v, vol: Math.abs(v) };
}

/**
 * Certainty-equivalent consumption of a value V at discount rho: the constant riskless consumption rate c with
 * int_0^inf e^{-rho t} U(c) dt = U(c)/rho = V, i.e. c = U^{-1}(rho V):
 *   c = ((1 - gamma) rho V)^{1/(1-gamma)}   (gamma != 1),   c = exp(rho V)   (gamma = 1).
 * It is increasing in V, so it ranks policies exactly as V does, and it is in units of consumption (wealth per
 * year) whatever gamma is. V = -Infinity (ruinous policies, gamma > 1) gives 0; a V outside the range of U/rho
 * (V >= 0 for gamma > 1, V <= 0 for gamma < 1) gives Infinity or 0 respectively.
 */
export function certaintyEquivalentConsumption(gamma: number, rho: number, V: number): number {
  requirePositive('gamma', gamma);
  requirePositive('rho', rho);
  if (Number.isNaN(V)) return NaN;
  if (gamma === 1) return Math.exp(rho * V);
  const base = (1 - gamma) * rho * V;
  if (gamma > 1) {
    if (V === -Infinity) return 0;
    if (!(V < 0)) return Infinity;
  } else if (!(V > 0)) return 0;
  return Math.pow(base, 1 / (1 - gamma));
}

/**
 * Closed-form certainty-equivalent consumption of the constant policy (pi, k) started from wealth x:
 *   c = k x (rho / (rho - (1 - gamma) g))^{1/(1-gamma)},   g = r_f + pi (mu - r_f) - k - gamma pi^2 sigma^2 / 2,
 *   c = k x exp((r_f + pi (mu - r_f) - k - pi^2 sigma^2 / 2) / rho)   (gamma = 1),
 * (from mertonPolicyValue and certaintyEquivalentConsumption). Where the policy's value is infinite it returns
 * 0 (value -Infinity, gamma > 1: over-betting ruins utility) or Infinity (value +Infinity, gamma < 1).
 * The value, hence c, depends on pi only through g, a parabola in pi with its top at pi*: so pi = 2 pi* is worth
 * exactly as much as pi = 0 (holding only the riskless asset), and beyond 2 pi* it is worth less.
 */
export function mertonPolicyCE(p: MertonParams, policy: { pi: number; k: number }, x = 1): number {
  checkParams(p);
  requireFinite('pi', policy.pi);
  requirePositive('consumption rate k', policy.k);
  requirePositive('wealth x', x);
  const { mu, rf, sigma, gamma, rho } = p;
  const { pi, k } = policy;
  if (gamma === 1) return k * x * Math.exp((rf + pi * (mu - rf) - k - 0.5 * pi * pi * sigma * sigma) / rho);
  const g = rf + pi * (mu - rf) - k - 0.5 * gamma * pi * pi * sigma * sigma;
  const denom = rho - (1 - gamma) * g;
  if (!(denom > 0)) return gamma > 1 ? 0 : Infinity;
  return k * x * Math.pow(rho / denom, 1 / (1 - gamma));
}

/**
 * Best constant consumption rate for a fixed risky fraction pi: maximising U(k)/(rho - (1 - gamma)(c - k)) over k,
 * with c = r_f + pi (mu - r_f) - gamma pi^2 sigma^2 / 2, gives k = (rho - (1 - gamma) c)/gamma (k = rho at
 * gamma = 1): the Merton formula with M replaced by c(pi), and c(pi*) = M. Throws if that k is not positive (no
 * finite best consumption at this pi).
 */
export function mertonBestConsumption(p: MertonParams, pi: number): number {
  checkParams(p);
  requireFinite('pi', pi);
  const { mu, rf, sigma, gamma, rho } = p;
  if (gamma === 1) return rho;
  const c = rf + pi * (mu - rf) - 0.5 * gamma * pi * pi * sigma * sigma;
  const k = (rho - (1 - gamma) * c) / gamma;
  if (!(k > 0)) throw new Error(`no finite value at pi = ${pi}: rho - (1 - gamma) c(pi) = ${gamma * k} <= 0`);
  return k;
}

/**
 * Probability that a Brownian motion with drift, Y_t = m t + v W_t (Y_0 = 0), reaches the level a != 0 by time T
 * (reflection principle; for a < 0 apply it to -Y):
 *   a > 0:  P = Phi((m T - a)/(v sqrt T)) + e^{2 m a / v^2} Phi((-m T - a)/(v sqrt T)).
 * With Y = log-wealth minus its start, this is the probability that wealth reaches x e^a under a constant policy.
 */
export function driftedBmHitProbability(m: number, v: number, a: number, T: number): number {
  requireFinite('m', m);
  requirePositive('v', v);
  requireFinite('a', a);
  requirePositive('T', T);
  if (a === 0) return 1;
  if (a < 0) return driftedBmHitProbability(-m, v, -a, T);
  const s = v * Math.sqrt(T);
  const first = normalCdf((m * T - a) / s);
  // e^{2ma/v^2} Phi(...) can be inf * 0 for large positive m a: compute in logs.
  const arg = (-m * T - a) / s;
  const ph = normalCdf(arg);
  const second = ph === 0 ? 0 : Math.exp((2 * m * a) / (v * v) + Math.log(ph));
  return Math.min(1, first + second);
}
