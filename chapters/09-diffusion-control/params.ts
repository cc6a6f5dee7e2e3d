/**
 * Parameter schemas of chapter 9's figures and the requests they send to the worker, in one place so that the unit
 * tests check exactly what the figures show.
 */
import { defineFigureParams } from '../../app/state/figureParams.ts';
import type { Values } from '../../app/state/schema.ts';
import { lambdaGrid, type DcDsmParams, type DcParticlesParams, type DcValueParams, type DcVerificationParams } from '../../workers/tasks/diffusionControl.ts';

export const particlesParams = defineFigureParams('dc-particles', {
  method: { label: 'sampler (0 reverse SDE, 1 probability flow)', symbol: 'm', min: 0, max: 1, step: 1, default: 0, integer: true },
  lambda: { label: 'score scale', symbol: 'λ', min: 0, max: 3, step: 0.05, default: 1 },
  steps: { label: 'time steps', symbol: 'K', min: 10, max: 2000, step: 10, default: 200, integer: true, log: true },
  particles: { label: 'particles', symbol: 'n', min: 100, max: 10000, step: 100, default: 4000, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

/** Snapshots recorded for playback. */
export const PARTICLE_FRAMES = 41;

export function particlesRequest(v: Values<typeof particlesParams.schema>): DcParticlesParams {
  return { method: v.method, lambda: v.lambda, steps: v.steps, particles: v.particles, seed: v.seed, record: PARTICLE_FRAMES };
}

export const verificationParams = defineFigureParams('dc-verification', {
  particles: { label: 'paths per control', symbol: 'N', min: 100, max: 5000, step: 100, default: 500, integer: true, log: true },
  steps: { label: 'Euler–Maruyama steps', symbol: 'K', min: 100, max: 5000, step: 100, default: 2000, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

/** The control scales of the verification figure: 7 points log-spaced from 1/4 to 2 (1 is the middle but one). */
export const LAMBDAS = lambdaGrid(0.25, 2, 7);

export function verificationRequest(v: Values<typeof verificationParams.schema>): DcVerificationParams {
  return { lambdas: LAMBDAS, particles: v.particles, steps: v.steps, seed: v.seed };
}

export const dsmParams = defineFigureParams('dc-dsm', {
  steps: { label: 'training steps', symbol: 'K', min: 100, max: 8000, step: 100, default: 2000, integer: true, log: true },
  batch: { label: 'batch size', symbol: 'B', min: 32, max: 1024, step: 32, default: 256, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

/** Particles drawn with the learned score. */
export const DSM_PARTICLES = 1000;

export function dsmRequest(v: Values<typeof dsmParams.schema>): DcDsmParams {
  return { steps: v.steps, batch: v.batch, seed: v.seed, particles: DSM_PARTICLES };
}

export const valueParams = defineFigureParams('dc-value', {
  betaMax: { label: 'noise rate at the end', symbol: 'βₘₐₓ', min: 1, max: 20, step: 0.5, default: 4 },
  x0: { label: 'fixed start', symbol: 'x₀', min: -3, max: 3, step: 0.1, default: 1.5 },
  paths: { label: 'paths', symbol: 'N', min: 100, max: 5000, step: 100, default: 2000, integer: true, log: true },
  seed: { label: 'random seed', symbol: 's', min: 1, max: 99999, step: 1, default: 1, integer: true },
});

export function valueRequest(v: Values<typeof valueParams.schema>): DcValueParams {
  return { betaMax: v.betaMax, x0: v.x0, paths: v.paths, seed: v.seed };
}
