/**
 * Noise schedules of the forward (noising) SDE dY = f(s) Y ds + g(s) dB on s in [0, T], linear in Y, so that
 * Y_s | Y_0 ~ N(alpha(s) Y_0, sigma(s)^2 I). Two families:
 *
 * - VP (variance preserving, Song et al. 2021): f = -1/2 beta(s), g^2 = beta(s), beta linear from betaMin to betaMax
 *   over [0, T]; alpha(s) = exp(-1/4 s^2 (betaMax - betaMin)/T - 1/2 s betaMin), sigma^2 = 1 - alpha^2.
 * - VE (variance exploding): f = 0, alpha = 1, sigma(s)^2 = sigmaMin^2 ((sigmaMax/sigmaMin)^(2 s/T) - 1) (exactly 0
 *   at s = 0), g^2 = d sigma^2/ds = (2/T) ln(sigmaMax/sigmaMin) sigmaMin^2 (sigmaMax/sigmaMin)^(2 s/T).
 *
 * Time s is *forward* (noising) time. Samplers run in *generation* time tau = T - s (see samplers.ts).
 */
import { requireInRange } from '../validate';

/** A forward noise schedule; every function takes forward time s in [0, T]. */
export interface NoiseSchedule {
  readonly kind: 'vp' | 've';
  /** Horizon T of the forward process (1 for the defaults). */
  readonly T: number;
  /** g(s)^2, the squared diffusion coefficient (for VP this is beta(s)). */
  beta(s: number): number;
  /** g(s) = sqrt(beta(s)). */
  g(s: number): number;
  /** Linear drift coefficient f(s) in dY = f(s) Y ds + g(s) dB (VP: -beta/2; VE: 0). */
  f(s: number): number;
  /** Mean coefficient alpha(s): E[Y_s | Y_0] = alpha(s) Y_0. */
  alpha(s: number): number;
  /** ln alpha(s) (exact, no cancellation). */
  logAlpha(s: number): number;
  /** Noise standard deviation sigma(s): Var[Y_s | Y_0] = sigma(s)^2 I. */
  sigma(s: number): number;
  /** sigma(s)^2, computed without cancellation near s = 0. */
  sigma2(s: number): number;
  /** Variance per coordinate of the reference prior N(0, v I) the samplers start from: alpha(T)^2 + sigma(T)^2. */
  priorVariance(): number;
}

/** Options of the VP schedule. */
export interface VpOptions {
  /** beta at s = 0 (default 0.1), in (0, 1000]. */
  betaMin?: number;
  /** beta at s = T (default 20), in [betaMin, 1000]. */
  betaMax?: number;
  /** Horizon T (default 1), in (0, 1000]. */
  T?: number;
}

/**
 * The variance-preserving schedule: beta(s) = betaMin + (s/T)(betaMax - betaMin),
 * alpha(s) = exp(-1/4 s^2 (betaMax - betaMin)/T - 1/2 s betaMin) = exp(-1/2 int_0^s beta),
 * sigma(s)^2 = 1 - alpha(s)^2 (computed as -expm1(2 ln alpha)). With T = 1 this is the book's convention
 * alpha_t = exp(-1/4 t^2 (beta_max - beta_min) - 1/2 t beta_min).
 */
export function vpSchedule({ betaMin = 0.1, betaMax = 20, T = 1 }: VpOptions = {}): NoiseSchedule {
  requireInRange('betaMin', betaMin, 0, 1000, { open: 'lo' });
  requireInRange('betaMax', betaMax, 0, 1000, { open: 'lo' });
  requireInRange('T', T, 0, 1000, { open: 'lo' });
  if (betaMax < betaMin) throw new Error(`betaMax must be >= betaMin (${betaMin}); got ${betaMax}`);
  const slope = (betaMax - betaMin) / T;
  const logAlpha = (s: number) => -0.25 * s * s * slope - 0.5 * s * betaMin;
  const beta = (s: number) => betaMin + s * slope;
  const sigma2 = (s: number) => -Math.expm1(2 * logAlpha(s));
  return {
    kind: 'vp',
    T,
    beta,
    g: (s) => Math.sqrt(beta(s)),
    f: (s) => -0.5 * beta(s),
    alpha: (s) => Math.exp(logAlpha(s)),
    logAlpha,
    sigma: (s) => Math.sqrt(sigma2(s)),
    sigma2,
    priorVariance: () => Math.exp(2 * logAlpha(T)) + sigma2(T),
  };
}

/** Options of the VE schedule. */
export interface VeOptions {
  /** Noise scale near s = 0 (default 0.01), in (0, sigmaMax). */
  sigmaMin?: number;
  /** Noise scale at s = T (default 10), in (sigmaMin, 1e4]. */
  sigmaMax?: number;
  /** Horizon T (default 1), in (0, 1000]. */
  T?: number;
}

/**
 * The variance-exploding schedule: f = 0, alpha = 1, sigma(s)^2 = sigmaMin^2 (rho^(2s/T) - 1) with
 * rho = sigmaMax/sigmaMin (so sigma(0) = 0 exactly and sigma(T)^2 = sigmaMax^2 - sigmaMin^2), and
 * g(s)^2 = d sigma^2/ds = (2 ln rho / T) sigmaMin^2 rho^(2s/T).
 */
export function veSchedule({ sigmaMin = 0.01, sigmaMax = 10, T = 1 }: VeOptions = {}): NoiseSchedule {
  requireInRange('sigmaMin', sigmaMin, 0, 1e4, { open: 'lo' });
  requireInRange('sigmaMax', sigmaMax, 0, 1e4, { open: 'lo' });
  requireInRange('T', T, 0, 1000, { open: 'lo' });
  if (!(sigmaMax > sigmaMin)) throw new Error(`sigmaMax must be > sigmaMin (${sigmaMin}); got ${sigmaMax}`);
  const lr = Math.log(sigmaMax / sigmaMin);
  const m2 = sigmaMin * sigmaMin;
  const sigma2 = (s: number) => m2 * Math.expm1((2 * lr * s) / T);
  const beta = (s: number) => ((2 * lr) / T) * m2 * Math.exp((2 * lr * s) / T);
  return {
    kind: 've',
    T,
    beta,
    g: (s) => Math.sqrt(beta(s)),
    f: () => 0,
    alpha: () => 1,
    logAlpha: () => 0,
    sigma: (s) => Math.sqrt(sigma2(s)),
    sigma2,
    priorVariance: () => 1 + sigma2(T),
  };
}
