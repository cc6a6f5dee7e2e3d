/**
 * A small MLP as a fitted value function of one variable, the alternative to linear features in sampled policy
 * iteration (valueFit.ts): V(x) = m_y + s_y N((x - m_x)/s_x), with N a scalar network trained by Adam on the mean
 * squared error over the sample states. Policy improvement and the HJB residual need V' and V'', which come from
 * propagating a second-order jet (value, d/du, d^2/du^2) through the layers:
 *   z = W h + b           ->  z' = W h',  z'' = W h''            (linear)
 *   h = act(z)            ->  h' = act'(z) z',  h'' = act''(z) z'^2 + act'(z) z''
 * and the chain rule for the standardisation: V' = (s_y / s_x) N',  V'' = (s_y / s_x^2) N''.
 */
import { Mlp, type Activation } from './mlp';
import { Adam, cosineLr } from './adam';
import type { ValueFunction1d } from '../valueFit';
import { requireInteger } from '../validate';

/** act, act' and act'' at z. tanh: t, 1 - t^2, -2 t (1 - t^2). SiLU z s(z): see the derivation in the body. */
function activationJet(kind: Activation, z: number): [number, number, number] {
  if (kind === 'tanh') {
    const t = Math.tanh(z);
    const d = 1 - t * t;
    return [t, d, -2 * t * d];
  }
  // s = sigmoid(z): SiLU = z s, SiLU' = s + z s (1 - s), SiLU'' = s (1 - s) (2 + z (1 - 2 s)).
  const s = 1 / (1 + Math.exp(-z));
  return [z * s, s + z * s * (1 - s), s * (1 - s) * (2 + z * (1 - 2 * s))];
}

/** Value, first and second derivative of a network with one input and one output at the input u. */
export function mlpJet1d(net: Mlp, u: number): [number, number, number] {
  const sz = net.sizes;
  if (sz[0] !== 1 || sz[sz.length - 1] !== 1) throw new Error(`mlpJet1d needs one input and one output; got sizes ${sz.join('x')}`);
  const p = net.params;
  let h = [u];
  let h1 = [1];
  let h2 = [0];
  for (let l = 0; l < net.depth; l++) {
    const nIn = sz[l];
    const nOut = sz[l + 1];
    const w = net.weightOffset(l);
    const b = w + nOut * nIn;
    const last = l === net.depth - 1;
    const o0: number[] = new Array(nOut);
    const o1: number[] = new Array(nOut);
    const o2: number[] = new Array(nOut);
    for (let o = 0; o < nOut; o++) {
      let z = p[b + o];
      let z1 = 0;
      let z2 = 0;
      for (let k = 0; k < nIn; k++) {
        const wk = p[w + o * nIn + k];
        z += wk * h[k];
        z1 += wk * h1[k];
        z2 += wk * h2[k];
      }
      if (last) {
        o0[o] = z;
        o1[o] = z1;
        o2[o] = z2;
      } else {
        const [a, da, d2a] = activationJet(net.activation, z);
        o0[o] = a;
        o1[o] = da * z1;
        o2[o] = d2a * z1 * z1 + da * z2;
      }
    }
    h = o0;
    h1 = o1;
    h2 = o2;
  }
  return [h[0], h1[0], h2[0]];
}

/** Options of `fitMlpValue1d`. */
export interface MlpValueOptions {
  /** Hidden layer widths (default [16, 16]); 1 to 4 layers of 1 to 128 units. */
  hidden?: number[];
  /** Hidden activation (default 'tanh': smooth, so V'' is smooth too). */
  activation?: Activation;
  /** Full-batch Adam steps (default 1500), in [1, 100000]. */
  steps?: number;
  /** Peak learning rate of the cosine schedule (default 0.02). */
  lr?: number;
  seed?: number;
  /**
   * The network's input: 'x' (default) or 'log' (log x, for positive states spread over a ratio, such as wealth:
   * V(x) = g(log x), V' = g'/x, V'' = (g'' - g')/x^2).
   */
  input?: 'x' | 'log';
  /** Start from these network parameters (a previous fit of the same shape) instead of a fresh initialisation. */
  warmStart?: Float64Array;
}

/**
 * Fits V(x) ~ y by an MLP on standardised inputs and outputs (mean squared error, full batch, Adam with cosine
 * decay). Returns the value function (with exact V', V'' of the network), the RMS residual at the data, and the
 * network parameters (to warm-start the next fit).
 */
export function fitMlpValue1d(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  opts: MlpValueOptions = {},
): { fit: ValueFunction1d; rmse: number; params: Float64Array } {
  const logInput = opts.input === 'log';
  if (logInput) {
    for (let i = 0; i < xs.length; i++) if (!(xs[i] > 0)) throw new Error(`input 'log' needs positive states; got ${xs[i]}`);
    const inner = fitMlpValue1d(Array.from(xs, Math.log), ys, { ...opts, input: 'x' });
    const g = inner.fit;
    const fit: ValueFunction1d = {
      theta: g.theta,
      value: (x) => g.value(Math.log(x)),
      dx: (x) => g.dx(Math.log(x)) / x,
      dxx: (x) => (g.dxx(Math.log(x)) - g.dx(Math.log(x))) / (x * x),
    };
    return { ...inner, fit };
  }
  const n = xs.length;
  if (ys.length !== n) throw new Error(`xs and ys must have the same length; got ${n} and ${ys.length}`);
  if (n < 2) throw new Error(`an MLP value fit needs at least 2 sample states; got ${n}`);
  const hidden = opts.hidden ?? [16, 16];
  if (hidden.length < 1 || hidden.length > 4 || hidden.some((h) => !Number.isInteger(h) || h < 1 || h > 128)) {
    throw new Error(`hidden must be 1 to 4 layer widths, each an integer in [1, 128]; got [${hidden.join(', ')}]`);
  }
  const steps = opts.steps ?? 1500;
  requireInteger('steps', steps, 1, 100_000);
  const lr = opts.lr ?? 0.02;
  const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, a) => s + a, 0) / n;
  const sd = (v: ArrayLike<number>, m: number) => Math.sqrt(Array.from(v).reduce((s, a) => s + (a - m) ** 2, 0) / n);
  const mx = mean(xs);
  const my = mean(ys);
  const sx = sd(xs, mx);
  if (!(sx > 0)) throw new Error('the sample states are all equal: an MLP fit needs them spread out');
  const sy = sd(ys, my) || 1;
  const net = new Mlp([1, ...hidden, 1], opts.activation ?? 'tanh', opts.seed ?? 0);
  if (opts.warmStart) {
    if (opts.warmStart.length !== net.params.length) throw new Error(`warmStart must hold ${net.params.length} parameters; got ${opts.warmStart.length}`);
    net.params.set(opts.warmStart);
  }
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = (xs[i] - mx) / sx;
    v[i] = (ys[i] - my) / sy;
  }
  const adam = new Adam(net.params.length, { lr });
  const dOut = new Float64Array(n);
  for (let k = 0; k < steps; k++) {
    const out = net.forward(u, n);
    for (let i = 0; i < n; i++) dOut[i] = (2 / n) * (out[i] - v[i]);
    net.zeroGrad();
    net.backward(dOut);
    adam.step(net.params, net.grads, cosineLr(k, steps, lr, lr / 20));
  }
  const fit: ValueFunction1d = {
    theta: Array.from(net.params),
    value: (x) => my + sy * mlpJet1d(net, (x - mx) / sx)[0],
    dx: (x) => (sy / sx) * mlpJet1d(net, (x - mx) / sx)[1],
    dxx: (x) => (sy / (sx * sx)) * mlpJet1d(net, (x - mx) / sx)[2],
  };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (fit.value(xs[i]) - ys[i]) ** 2;
  return { fit, rmse: Math.sqrt(ss / n), params: Float64Array.from(net.params) };
}
