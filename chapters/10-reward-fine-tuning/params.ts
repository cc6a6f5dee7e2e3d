/** The reward's sliders, shared by the particle figure and the trade-off figure (one slice, one place in the URL). */
import type { Schema } from '../../app/state/schema.ts';
import { RF_B, RF_LAMBDA } from '../../workers/engines/diffusion/rfSetup.ts';

export const REWARD_SCHEMA = {
  b1: { label: 'reward gradient, first coordinate', symbol: 'b₁', min: -3, max: 3, step: 0.1, default: RF_B[0] },
  b2: { label: 'reward gradient, second coordinate', symbol: 'b₂', min: -3, max: 3, step: 0.1, default: RF_B[1] },
  lambda: { label: 'temperature', symbol: 'λ', min: 0.1, max: 10, step: 0.01, default: RF_LAMBDA, log: true },
} as const satisfies Schema;

export const REWARD_KEYS = ['b1', 'b2', 'lambda'] as const;
