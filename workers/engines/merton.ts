/**
 * Merton's consumption–investment problem in closed form (Merton 1969, 1971), in the book's conventions:
 * wealth dX = [r_f + pi (mu - r_f) - k] X dt + pi sigma X dW (pi: fraction in the risky asset, k: consumption rate
 * as a fraction of wealth), reward U(k x) with CRRA utility U(c) = c^{1-gamma}/(1-gamma) (log c for gamma = 1),
 * discount rho.
 */
import { requireFinite, requirePositive } from './validate';

/** Wealth quantiles a Merton figure draws as bands: 5-95 %, 25-75 % and the median. */
export const WEALTH_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Market and preference parameters. */
export interface MertonParams {
  mu: number;
  rf: number;
  sigma: number;
  gamma: number;
  rho: number;
}

/** Optimal fractions and the value function. */
export interface MertonSolution {
  /** Optimal risky fraction pi* = (mu - r_f) / (gamma sigma^2). */
  pi: number;
  /** Optimal consumption rate k* = (rho - (1 - gamma) M) / gamma (k* = rho for gamma = 1). */
  k: number;
  /**
   * Value coefficient: V(x) = A x^{1-gamma} / (1-gamma) with A = k*^{-gamma} (gamma != 1); for gamma = 1,
   * V(x) = A log x + B with A = 1/rho.
   */
  A: number;
  /** Constant term of the log-utility value (gamma = 1): B = (log rho + M/rho - 1)/rho; 0 otherwise. */
  B: number;
  /** Certainty-equivalent growth M = r_f + (mu - r_f)^2 / (2 gamma sigma^2) of the optimal portfolio. */
  M: number;
  /** The value function V(x), x > 0. */
  value: (x: number) => number;
}

/**
 * Closed-form solution of the infinite-horizon Merton problem. With V(x) = A x^{1-gamma}/(1-gamma), the HJB
 * rho V = max_{pi,k} { U(kx) + [r_f + pi(mu - r_f) - k] x V' + 1/2 pi^2 sigma^2 x^2 V'' } gives
 *   pi* = (mu - r_f)/(gamma sigma^2),   k* = A^{-1/gamma} = (rho - (1 - gamma) M)/gamma,
 *   A = (gamma / (rho - (1 - gamma) M))^gamma,   M = r_f + (mu - r_f)^2/(2 gamma sigma^2).
 * Log utility (gamma = 1), derived separately with V = A log x + B: matching log x gives rho A = 1, the first-order
 * conditions give k* = 1/A = rho and pi* = (mu - r_f)/sigma^2, and the constant gives
 *   B = (log rho + M/rho - 1)/rho,   M = r_f + (mu - r_f)^2/(2 sigma^2).
 * (It is not the gamma -> 1 limit of the CRRA formula, whose utility differs from log c by 1/(1-gamma).)
 * The problem is well posed only if rho - (1 - gamma) M > 0: otherwise utility grows faster than it is discounted,
 * the value is infinite and this throws.
 */
export function mertonClosedForm(p: MertonParams): MertonSolution {
  const { mu, rf, sigma, gamma, rho } = p;
  for (const [name, v] of Object.entries({ mu, rf, sigma, gamma, rho })) requireFinite(name, v);
  if (!(sigma > 0)) throw new Error(`sigma must be > 0 (a risky asset with no risk is an arbitrage); got ${sigma}`);
  requirePositive('gamma (relative risk aversion)', gamma);
  requirePositive('rho (discount rate)', rho);
  const pi = (mu - rf) / (gamma * sigma * sigma);
  const M = rf + (mu - rf) ** 2 / (2 * gamma * sigma * sigma);
  if (gamma === 1) {
    const A = 1 / rho;
    const B = (Math.log(rho) + M / rho - 1) / rho;
    return { pi, k: rho, A, B, M, value: (x: number) => A * Math.log(x) + B };
  }
  const denom = rho - (1 - gamma) * M;
  if (!(denom > 0)) {
    throw new Error(
      `ill-posed Merton problem: rho - (1 - gamma) M = ${denom.toPrecision(6)} <= 0 (M = r_f + (mu - r_f)^2/(2 gamma sigma^2) = ` +
        `${M.toPrecision(6)}). Utility of the optimally invested wealth grows at rate (1 - gamma) M, faster than the ` +
        `discount rho, so the expected discounted utility is infinite. Raise rho above ${((1 - gamma) * M).toPrecision(6)} ` +
        `or raise gamma.`,
    );
  }
  const k = denom / gamma;
  const A = Math.pow(gamma / denom, gamma);
  return { pi, k, A, B: 0, M, value: (x: number) => (A * Math.pow(x, 1 - gamma)) / (1 - gamma) };
}

/**
 * Exact value of a constant-proportion policy (pi, k) (not necessarily optimal), gamma != 1:
 *   V(x) = U(k x) / (rho - (1 - gamma) g),   g = r_f + pi (mu - r_f) - k - 1/2 gamma pi^2 sigma^2,
 * because E[(k X_t)^{1-gamma}] = (k x)^{1-gamma} e^{(1-gamma) g t}. For gamma = 1:
 *   V(x) = log(k x)/rho + (r_f + pi (mu - r_f) - k - 1/2 pi^2 sigma^2)/rho^2.
 * Throws if the discounted utility is infinite (rho - (1 - gamma) g <= 0) or k <= 0.
 */
export function mertonPolicyValue(p: MertonParams, policy: { pi: number; k: number }): (x: number) => number {
  const { mu, rf, sigma, gamma, rho } = p;
  const { pi, k } = policy;
  requirePositive('consumption rate k', k);
  requireFinite('pi', pi);
  requirePositive('rho', rho);
  if (gamma === 1) {
    const drift = rf + pi * (mu - rf) - k - 0.5 * pi * pi * sigma * sigma;
    return (x: number) => Math.log(k * x) / rho + drift / (rho * rho);
  }
  const g = rf + pi * (mu - rf) - k - 0.5 * gamma * pi * pi * sigma * sigma;
  const denom = rho - (1 - gamma) * g;
  if (!(denom > 0)) {
    throw new Error(`the policy's expected discounted utility is infinite: rho - (1 - gamma) g = ${denom} <= 0`);
  }
  return (x: number) => Math.pow(k * x, 1 - gamma) / (1 - gamma) / denom;
}
