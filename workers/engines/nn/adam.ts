/**
 * Adam (Kingma & Ba, 2015) on one flat parameter array, a cosine learning-rate schedule, and an exponential moving
 * average (EMA) of the parameters.
 */
import { requireInRange, requireInteger, requireNonNegative, requirePositive } from '../validate';

/** Options of Adam: step size lr > 0, moment decays beta1, beta2 in [0, 1), eps > 0, decoupled weight decay >= 0. */
export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
}

export class Adam {
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** First and second moment estimates. */
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** Number of steps taken. */
  t = 0;

  /** Adam state for `size` parameters; defaults lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8, weightDecay 0. */
  constructor(size: number, { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0 }: AdamOptions = {}) {
    requireInteger('Adam parameter count', size, 1);
    requireInRange('lr', lr, 0, 10, { open: 'lo' });
    requireInRange('beta1', beta1, 0, 1, { open: 'hi' });
    requireInRange('beta2', beta2, 0, 1, { open: 'hi' });
    requirePositive('eps', eps);
    requireNonNegative('weightDecay', weightDecay);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /**
   * One step: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; mhat = m/(1 - b1^t); vhat = v/(1 - b2^t);
   * theta -= lr (mhat/(sqrt(vhat) + eps) + weightDecay theta). `lr` overrides the stored rate for this step.
   */
  step(params: Float64Array, grads: Float64Array, lr = this.lr): void {
    if (params.length !== this.m.length || grads.length !== this.m.length) {
      throw new Error(`params and grads must have length ${this.m.length}; got ${params.length}, ${grads.length}`);
    }
    this.t++;
    const { beta1: b1, beta2: b2, eps, weightDecay: wd, m, v } = this;
    const c1 = 1 / (1 - b1 ** this.t);
    const c2 = 1 / (1 - b2 ** this.t);
    for (let i = 0; i < params.length; i++) {
      const g = grads[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      params[i] -= lr * ((m[i] * c1) / (Math.sqrt(v[i] * c2) + eps) + wd * params[i]);
    }
  }
}

/**
 * Cosine decay with linear warm-up: lr(k) = lrMax (k + 1) / warmup for k < warmup, then
 * lrMin + 1/2 (lrMax - lrMin) (1 + cos(pi (k - warmup)/(total - warmup))), for step k in [0, total].
 */
export function cosineLr(k: number, total: number, lrMax: number, lrMin = 0, warmup = 0): number {
  requireInteger('total', total, 1);
  if (!(lrMax > 0) || !(lrMin >= 0) || lrMin > lrMax) throw new Error(`need 0 <= lrMin <= lrMax, lrMax > 0; got ${lrMin}, ${lrMax}`);
  requireInteger('warmup', warmup, 0, total - 1);
  if (k < warmup) return (lrMax * (k + 1)) / warmup;
  const f = Math.min(1, (k - warmup) / (total - warmup));
  return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * f));
}

/** Exponential moving average of parameters: shadow = decay shadow + (1 - decay) params, decay in [0, 1). */
export class Ema {
  readonly shadow: Float64Array;
  readonly decay: number;
  constructor(params: Float64Array, decay = 0.999) {
    requireInRange('EMA decay', decay, 0, 1, { open: 'hi' });
    this.shadow = Float64Array.from(params);
    this.decay = decay;
  }
  /** shadow = decay shadow + (1 - decay) params. */
  update(params: Float64Array): void {
    const d = this.decay;
    for (let i = 0; i < params.length; i++) this.shadow[i] = d * this.shadow[i] + (1 - d) * params[i];
  }
}
