/**
 * Adam (Kingma & Ba, 2015) on one flat parameter array, a cosine learning-rate schedule, and an exponential moving
 * average (EMA) of the parameters.
 */

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
    if (!Number.isInteger(size) || size < 1) throw new Error(`Adam needs a positive integer parameter count; got ${size}`);
    if (!(lr > 0 && lr <= 10)) throw new Error(`lr must be in (0, 10]; got ${lr}`);
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new Error(`beta1 and beta2 must be in [0, 1); got ${beta1}, ${beta2}`);
    if (!(eps > 0)) throw new Error(`eps must be > 0; got ${eps}`);
    if (!(weightDecay >= 0)) throw new Error(`weightDecay must be >= 0; got ${weightDecay}`);
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
  if (!Number.isInteger(total) || total < 1) throw new Error(`total must be a positive integer; got ${total}`);
  if (!(lrMax > 0) || !(lrMin >= 0) || lrMin > lrMax) throw new Error(`need 0 <= lrMin <= lrMax, lrMax > 0; got ${lrMin}, ${lrMax}`);
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= total) throw new Error(`warmup must be an integer in [0, ${total}); got ${warmup}`);
  if (k < warmup) return (lrMax * (k + 1)) / warmup;
  const f = Math.min(1, (k - warmup) / (total - warmup));
  return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * f));
}

/** Exponential moving average of parameters: shadow = decay shadow + (1 - decay) params, decay in [0, 1). */
export class Ema {
  readonly shadow: Float64Array;
  readonly decay: number;
  constructor(params: Float64Array, decay = 0.999) {
    if (!(decay >= 0 && decay < 1)) throw new Error(`EMA decay must be in [0, 1); got ${decay}`);
    this.shadow = Float64Array.from(params);
    this.decay = decay;
  }
  /** shadow = decay shadow + (1 - decay) params. */
  update(params: Float64Array): void {
    const d = this.decay;
    for (let i = 0; i < params.length; i++) this.shadow[i] = d * this.shadow[i] + (1 - d) * params[i];
  }
}
