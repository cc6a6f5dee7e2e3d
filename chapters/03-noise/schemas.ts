/**
 * The parameter schemas of the chapter's figures and the worker requests built from their values: plain data and
 * pure functions, so that the unit tests run exactly the requests the figures send.
 */
import { choice, type Schema, type Values, seedParam } from '../../app/state/schema.ts';
import type { GbmConvergenceParams } from '../../workers/engines/convergence.ts';
import { QV_MAX_K } from '../../workers/engines/brownian.ts';
import type { BrownianZoomParams, QuadraticVariationParams } from '../../workers/tasks/noise.ts';
import type { SdeLawsParams } from '../../workers/tasks/sdeLaws.ts';
import { lawCurves, type Model } from './laws.ts';

export const zoomSchema = {
  zoom: { label: 'zoom depth (window w = 2⁻ᶻ)', symbol: 'z', min: 0, max: 30, step: 1, default: 4, integer: true },
  center: { label: 'window centre', symbol: 't₀', min: 0, max: 1, step: 0.01, default: 0.37 },
  rescale: choice('rescale the window by √w', '√w', ['not rescaled', 'rescaled by √w'], 1),
  seed: seedParam(3),
} satisfies Schema;

export function zoomRequest(v: Values<typeof zoomSchema>): BrownianZoomParams {
  return { seed: v.seed, center: v.center, zoom: v.zoom };
}

export const qvSchema = {
  t: { label: 'interval end', symbol: 't', min: 0.1, max: 1, step: 0.05, default: 1 },
  k: { label: 'partition: n = 2ᵏ intervals', symbol: 'k', min: 0, max: QV_MAX_K, step: 1, default: 4, integer: true },
  seed: seedParam(),
} satisfies Schema;

export function qvRequest(v: Values<typeof qvSchema>): QuadraticVariationParams {
  return { seed: v.seed, t: v.t, k: v.k };
}

export const lawsSchema = {
  // Short option names, so that each radio group is one row in a projector's rail; the label says them in full.
  model: choice('model: Ornstein–Uhlenbeck (OU) or geometric Brownian motion (GBM)', 'M', ['OU', 'GBM']),
  scheme: choice('scheme: the exact transition or Euler–Maruyama steps', 'S', ['exact', 'Euler–Maruyama']),
  theta: { label: 'pull rate', symbol: 'θ', min: 0.1, max: 5, step: 0.1, default: 1 },
  sigma: { label: 'noise', symbol: 'σ', min: 0.1, max: 2, step: 0.1, default: 0.5 },
  x0: { label: 'start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 2 },
  mu: { label: 'drift', symbol: 'μ', min: -0.5, max: 1, step: 0.05, default: 0.1 },
  vol: { label: 'volatility', symbol: 'σ', min: 0.05, max: 1, step: 0.05, default: 0.4 },
  s0: { label: 'start', symbol: 'x₀', min: 0.2, max: 5, step: 0.1, default: 1 },
  T: { label: 'horizon', symbol: 'T', min: 0.25, max: 5, step: 0.25, default: 2 },
  paths: { label: 'number of paths', symbol: 'N', min: 10, max: 5000, step: 10, default: 2000, integer: true, log: true },
  seed: seedParam(),
} satisfies Schema;

/** Time steps per path (Euler–Maruyama step T/200; the exact scheme is exact at any step). */
const LAW_STEPS = 200;
export const LAW_RECORD = 101;
export const LAW_BINS = 40;

function lawInput(v: Values<typeof lawsSchema>) {
  const gbm = v.model === 1;
  return { model: (gbm ? 'gbm' : 'ou') as Model, theta: v.theta, mu: v.mu, sigma: gbm ? v.vol : v.sigma, x0: gbm ? v.s0 : v.x0, T: v.T, steps: LAW_STEPS };
}

export function lawsRequest(v: Values<typeof lawsSchema>): SdeLawsParams {
  const input = lawInput(v);
  const c = lawCurves(input);
  return {
    model: input.model,
    scheme: v.scheme === 1 ? 'em' : 'exact',
    theta: v.theta,
    mu: v.mu,
    sigma: input.sigma,
    x0: input.x0,
    T: v.T,
    steps: LAW_STEPS,
    paths: v.paths,
    seed: v.seed,
    record: LAW_RECORD,
    bins: LAW_BINS,
    histMin: c.histDomain[0],
    histMax: c.histDomain[1],
  };
}

export const convergenceSchema = {
  m: { label: 'drift', symbol: 'μ', min: -1, max: 1.5, step: 0.05, default: 0.8 },
  v: { label: 'volatility', symbol: 'σ', min: 0.1, max: 1.5, step: 0.05, default: 0.6 },
  paths: { label: 'number of paths', symbol: 'N', min: 1000, max: 100000, step: 1000, default: 20000, integer: true, log: true },
  seed: seedParam(),
} satisfies Schema;

/** Step counts on [0, 1]: h = 1/8 ... 1/256, all driven by the same Brownian increments. */
export const STEPS_LIST = [8, 16, 32, 64, 128, 256];
const X0 = 1;
export const HORIZON = 1;

export function convergenceRequest(v: Values<typeof convergenceSchema>): GbmConvergenceParams {
  return { m: v.m, v: v.v, x0: X0, T: HORIZON, stepsList: STEPS_LIST, paths: v.paths, seed: v.seed };
}
