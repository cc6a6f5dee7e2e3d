/**
 * Parameter schemas of chapter 7's figures and the requests they send to the worker, in one place so that the
 * unit tests check exactly what the figures show. The market and preferences are the explorer's; the other two
 * figures share them (`shares: MertonExplorer.params`: their sliders for them drive the same values).
 */
import type { Values } from '../../app/state/schema.ts';
import { mertonClosedForm, mertonWellPosedness, type MertonParams } from '../../workers/engines/index.ts';
import type { MertonExplorerParams, MertonPolicyIterationParams, MertonValueCurveParams } from '../../workers/tasks/merton.ts';
import { seedParam } from '../../app/state/schema.ts';

const marketSchema = {
  mu: { label: 'expected return of the stock', symbol: 'μ', min: 0, max: 0.2, step: 0.005, default: 0.08 },
  rf: { label: 'riskless rate', symbol: 'r_f', min: 0, max: 0.1, step: 0.005, default: 0.03 },
  sigma: { label: 'volatility of the stock', symbol: 'σ', min: 0.05, max: 0.6, step: 0.01, default: 0.2 },
  gamma: { label: 'relative risk aversion', symbol: 'γ', min: 0.2, max: 8, step: 0.1, default: 2 },
  rho: { label: 'discount rate', symbol: 'ρ', min: 0.005, max: 0.2, step: 0.005, default: 0.05 },
};

/** The keys of the market, which the value curve and policy iteration share with the explorer. */
export const MARKET_KEYS = ['mu', 'rf', 'sigma', 'gamma', 'rho'] as const;

export const explorerSchema = {
  ...marketSchema,
  pi: { label: 'your fraction in the stock', symbol: 'π', min: -0.5, max: 4, step: 0.05, default: 1 },
  k: { label: 'your consumption rate', symbol: 'k', min: 0.005, max: 0.2, step: 0.005, default: 0.03 },
  paths: { label: 'number of paths', symbol: 'N', min: 100, max: 5000, step: 100, default: 1000, integer: true, log: true },
  seed: seedParam(),
};

/** The value curve: the market (shared with the explorer; it shows μ, σ, γ, ρ), then its own paths and seed. */
export const valueSchema = {
  ...marketSchema,
  paths: { label: 'paths per fraction', symbol: 'N', min: 50, max: 2000, step: 50, default: 300, integer: true, log: true },
  seed: seedParam(),
};

/** Policy iteration: the market (shared with the explorer; it shows γ, ρ), then its own settings. */
export const piSchema = {
  ...marketSchema,
  iterations: { label: 'policy-iteration steps', symbol: 'n', min: 1, max: 12, step: 1, default: 6, integer: true },
  paths: { label: 'paths per sample state', symbol: 'N', min: 20, max: 1000, step: 10, default: 200, integer: true, log: true },
  pi0: { label: 'initial fraction', symbol: 'π₀', min: -0.5, max: 3, step: 0.05, default: 0 },
  k0: { label: 'initial consumption rate', symbol: 'k₀', min: 0.005, max: 0.2, step: 0.005, default: 0.02 },
  seed: seedParam(),
};

export type ExplorerValues = Values<typeof explorerSchema>;

/**
 * Years of wealth shown, exact log-normal steps over them, recorded points, individual paths drawn. The log-normal
 * step is exact for any length, so stepping straight from one recorded time to the next (a quarter year) gives the
 * same law at the recorded times as any finer grid, at a twelfth of the cost of 2,000 steps.
 */
export const HORIZON = 40;
export const RECORD = 161;
const STEPS = RECORD - 1;
export const SHOWN = 12;
/** Feynman–Kac value estimates: step and horizon (beyond it the exact value of the discretised chain is added). */
const VALUE_DT = 0.05;
const VALUE_HORIZON = 50;
/** The value-against-pi curve: pi from 0 to 3 pi* in 30 intervals (pi*, 2 pi* are grid points), step 0.1. */
export const CURVE_N = 31;
const CURVE_DT = 0.1;
const CURVE_HORIZON = 100;

export function market(v: Pick<ExplorerValues, 'mu' | 'rf' | 'sigma' | 'gamma' | 'rho'>): MertonParams {
  return { mu: v.mu, rf: v.rf, sigma: v.sigma, gamma: v.gamma, rho: v.rho };
}

/**
 * The reader-facing sentence for an ill-posed point, or null when the problem has a finite value. It names the
 * numbers and the two ways out.
 */
export function illPosedMessage(m: MertonParams): string | null {
  const w = mertonWellPosedness(m);
  if (w.wellPosed) return null;
  return (
    `No optimal policy: with γ = ${m.gamma} and ρ = ${m.rho} the problem is ill-posed. ` +
    `Invested as well as possible, wealth raises utility (unbounded above when γ < 1) at the rate (1 − γ)M = ${w.rhoMin.toFixed(5)}, ` +
    `faster than the discount ρ = ${m.rho} shrinks it: consuming little enough makes the expected discounted utility as large as one likes, so no policy is optimal. ` +
    `Raise ρ above ${w.rhoMin.toFixed(5)}, or raise γ.`
  );
}

export function explorerRequest(v: ExplorerValues): MertonExplorerParams {
  return {
    ...market(v),
    pi: v.pi,
    k: v.k,
    paths: v.paths,
    seed: v.seed,
    horizon: HORIZON,
    steps: STEPS,
    record: RECORD,
    shown: SHOWN,
    valueDt: VALUE_DT,
    valueHorizon: VALUE_HORIZON,
  };
}

/** pi from 0 to 3 pi* (or from 3 pi* to 0 when pi* < 0; [-1, 1] when pi* = 0), with k fixed at k*. */
export function curveRange(m: MertonParams): { piMin: number; piMax: number; k: number; piStar: number } {
  const s = mertonClosedForm(m);
  const a = Math.min(0, 3 * s.pi);
  const b = Math.max(0, 3 * s.pi);
  return a === b ? { piMin: -1, piMax: 1, k: s.k, piStar: s.pi } : { piMin: a, piMax: b, k: s.k, piStar: s.pi };
}

/** At an ill-posed point there is no k* to hold fixed: the figure is blocked and this request (at γ = 2, ρ = 0.05) is never sent. */
export function valueRequest(m: MertonParams, v: Pick<Values<typeof valueSchema>, 'paths' | 'seed'>): MertonValueCurveParams {
  if (!mertonWellPosedness(m).wellPosed) m = { ...m, gamma: 2, rho: 0.05 };
  const r = curveRange(m);
  return { ...m, k: r.k, piMin: r.piMin, piMax: r.piMax, n: CURVE_N, paths: v.paths, seed: v.seed, dt: CURVE_DT, horizon: CURVE_HORIZON };
}

export function piRequest(m: MertonParams, v: Pick<Values<typeof piSchema>, 'iterations' | 'paths' | 'seed' | 'pi0' | 'k0'>): MertonPolicyIterationParams {
  return { ...m, iterations: v.iterations, paths: v.paths, seed: v.seed, pi0: v.pi0, k0: v.k0 };
}

/** Standard normal quantiles of WEALTH_QUANTILES (0.05, 0.25, 0.5, 0.75, 0.95), for the exact bands. */
export const NORMAL_Z = [-1.6448536269514722, -0.6744897501960817, 0, 0.6744897501960817, 1.6448536269514722] as const;

/** Exact quantile of log10 wealth at time t from x = 1 under a constant policy: log10(e) (drift t + z vol sqrt(t)). */
export function exactLog10Quantile(drift: number, vol: number, t: number, z: number): number {
  return Math.LOG10E * (drift * t + z * vol * Math.sqrt(t));
}
