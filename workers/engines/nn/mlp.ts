/**
 * A small multilayer perceptron written out plainly so that it can be read in a code panel: dense layers
 * h_{l+1} = act(W_l h_l + b_l) with a linear last layer, forward and backward on Float64Array batches.
 *
 * Parameters live in one flat Float64Array (`params`), gradients in another of the same layout (`grads`), so that
 * an optimiser (adam.ts) is a loop over one array. Layer l has W_l (out x in, row-major) followed by b_l (out).
 */
import { Rng } from '../random';
import { normalFromState } from '../normal';
import { requireInteger } from '../validate';

/** Hidden-layer nonlinearity: tanh, or SiLU(z) = z sigmoid(z) (also called swish). */
export type Activation = 'tanh' | 'silu';

/** act'(z): tanh' = 1 - tanh^2; SiLU' = sigma(z) (1 + z (1 - sigma(z))) with SiLU(z) = z sigma(z). */
function actGrad(kind: Activation, z: number): number {
  if (kind === 'tanh') {
    const t = Math.tanh(z);
    return 1 - t * t;
  }
  const sg = 1 / (1 + Math.exp(-z));
  return sg * (1 + z * (1 - sg));
}

export class Mlp {
  /** Layer widths, input first, output last (e.g. [18, 64, 64, 2]). */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  /** All weights and biases, layer by layer: W_0, b_0, W_1, b_1, ... */
  readonly params: Float64Array;
  /** Gradient of the loss with respect to `params` (same layout), accumulated by `backward`. */
  readonly grads: Float64Array;
  /** Offset of W_l in params; b_l follows at wOff[l] + out_l * in_l. */
  private readonly wOff: number[];
  // Cache of the last forward pass (needed by backward): pre-activations z_l and activations h_l per layer.
  private batch = 0;
  private capacity = 0;
  private dhs: Float64Array[] = [];
  private hs: Float64Array[] = [];
  private zs: Float64Array[] = [];

  /**
   * A network with layer widths `sizes` (2 to 10 layers, each width in [1, 4096]) and hidden activation `activation`.
   * Weights start N(0, 1/in) (LeCun initialisation), biases 0, drawn from `seed`.
   */
  constructor(sizes: number[], activation: Activation = 'silu', seed = 0) {
    if (sizes.length < 2 || sizes.length > 10) throw new Error(`an MLP needs 2 to 10 layer sizes; got ${sizes.length}`);
    for (const s of sizes) requireInteger('each layer size', s, 1, 4096);
    if (activation !== 'tanh' && activation !== 'silu') throw new Error(`activation must be 'tanh' or 'silu'; got ${activation}`);
    this.sizes = [...sizes];
    this.activation = activation;
    this.wOff = [];
    let total = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      this.wOff.push(total);
      total += sizes[l + 1] * sizes[l] + sizes[l + 1];
    }
    this.params = new Float64Array(total);
    this.grads = new Float64Array(total);
    const rng = new Rng(seed);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const nIn = sizes[l];
      const scale = 1 / Math.sqrt(nIn);
      for (let i = 0; i < sizes[l + 1] * nIn; i++) this.params[this.wOff[l] + i] = scale * normalFromState(rng.state);
    }
  }

  /** Offset in `params` of layer l's weights W_l (out x in, row-major); its biases b_l follow them. */
  weightOffset(l: number): number {
    requireInteger('layer', l, 0, this.depth - 1);
    return this.wOff[l];
  }

  /** Number of layers of weights (sizes.length - 1). */
  get depth(): number {
    return this.sizes.length - 1;
  }

  /** Sets every gradient to zero (call before a backward pass that should not accumulate). */
  zeroGrad(): void {
    this.grads.fill(0);
  }

  /**
   * Forward pass on a batch x of n rows of sizes[0] numbers; returns the n rows of outputs (a view into the cache,
   * valid until the next forward). Hidden layers: h = act(W h_prev + b); last layer linear: y = W h_prev + b.
   */
  forward(x: Float64Array, n: number): Float64Array {
    const L = this.depth;
    const sz = this.sizes;
    if (!Number.isInteger(n) || n < 1 || x.length < n * sz[0]) {
      throw new Error(`forward needs n >= 1 rows of ${sz[0]} inputs; got n = ${n}, ${x.length} numbers`);
    }
    if (n > this.capacity) {
      // Grow the cache (never shrink): a smaller batch reuses the front of the same arrays.
      this.capacity = n;
      this.hs = sz.map((s) => new Float64Array(n * s));
      this.zs = sz.map((s) => new Float64Array(n * s));
      this.dhs = sz.map((s) => new Float64Array(n * s));
    }
    this.batch = n;
    this.hs[0].set(x.subarray(0, n * sz[0]));
    const p = this.params;
    for (let l = 0; l < L; l++) {
      const nIn = sz[l];
      const nOut = sz[l + 1];
      const w = this.wOff[l];
      const b = w + nOut * nIn;
      const hIn = this.hs[l];
      const z = this.zs[l + 1];
      const hOut = this.hs[l + 1];
      const last = l === L - 1;
      // z = W h + b for each row; four outputs at a time share each load of h and give the CPU four independent
      // sums to work on (a single running sum is limited by the latency of floating-point addition).
      for (let i = 0; i < n; i++) {
        const hRow = i * nIn;
        let o = 0;
        for (; o + 3 < nOut; o += 4) {
          const w0 = w + o * nIn;
          const w1 = w0 + nIn;
          const w2 = w1 + nIn;
          const w3 = w2 + nIn;
          let s0 = p[b + o];
          let s1 = p[b + o + 1];
          let s2 = p[b + o + 2];
          let s3 = p[b + o + 3];
          for (let k = 0; k < nIn; k++) {
            const hk = hIn[hRow + k];
            s0 += p[w0 + k] * hk;
            s1 += p[w1 + k] * hk;
            s2 += p[w2 + k] * hk;
            s3 += p[w3 + k] * hk;
          }
          z[i * nOut + o] = s0;
          z[i * nOut + o + 1] = s1;
          z[i * nOut + o + 2] = s2;
          z[i * nOut + o + 3] = s3;
        }
        for (; o < nOut; o++) {
          let s = p[b + o];
          const wRow = w + o * nIn;
          for (let k = 0; k < nIn; k++) s += p[wRow + k] * hIn[hRow + k];
          z[i * nOut + o] = s;
        }
      }
      // h = act(z) on hidden layers, h = z on the last (linear) layer.
      if (last) hOut.set(z.subarray(0, n * nOut));
      else if (this.activation === 'silu') for (let j = 0; j < n * nOut; j++) hOut[j] = z[j] / (1 + Math.exp(-z[j]));
      else for (let j = 0; j < n * nOut; j++) hOut[j] = Math.tanh(z[j]);
    }
    return this.hs[L].subarray(0, n * sz[L]);
  }

  /**
   * Backward pass for the last forward batch. `dOut` (n rows of outputs) is dLoss/dOutput; adds dLoss/dparams to
   * `grads` and returns dLoss/dInput (n rows of sizes[0]; a view into the cache, valid until the next backward). Chain rule per layer, from the last:
   *   dW_l += delta_l^T h_l,  db_l += sum_rows delta_l,  dh_l = delta_l W_l,  delta_{l-1} = dh_l * act'(z_l).
   */
  backward(dOut: Float64Array): Float64Array {
    const L = this.depth;
    const sz = this.sizes;
    const n = this.batch;
    if (n === 0) throw new Error('backward needs a forward pass first');
    if (dOut.length < n * sz[L]) throw new Error(`dOut must hold ${n} rows of ${sz[L]}; got ${dOut.length} numbers`);
    const p = this.params;
    const g = this.grads;
    let delta = dOut.subarray(0, n * sz[L]);
    for (let l = L - 1; l >= 0; l--) {
      const nIn = sz[l];
      const nOut = sz[l + 1];
      const w = this.wOff[l];
      const b = w + nOut * nIn;
      const hIn = this.hs[l];
      const dh = this.dhs[l].subarray(0, n * nIn);
      dh.fill(0);
      // dW[o, :] += sum_i delta[i, o] h[i, :] and db[o] += sum_i delta[i, o]; rows i taken four at a time.
      for (let o = 0; o < nOut; o++) {
        const wRow = w + o * nIn;
        let i = 0;
        for (; i + 3 < n; i += 4) {
          const d0 = delta[i * nOut + o];
          const d1 = delta[(i + 1) * nOut + o];
          const d2 = delta[(i + 2) * nOut + o];
          const d3 = delta[(i + 3) * nOut + o];
          g[b + o] += d0 + d1 + d2 + d3;
          const h0 = i * nIn;
          const h1 = h0 + nIn;
          const h2 = h1 + nIn;
          const h3 = h2 + nIn;
          for (let k = 0; k < nIn; k++) {
            g[wRow + k] += d0 * hIn[h0 + k] + d1 * hIn[h1 + k] + d2 * hIn[h2 + k] + d3 * hIn[h3 + k];
          }
        }
        for (; i < n; i++) {
          const d = delta[i * nOut + o];
          g[b + o] += d;
          for (let k = 0; k < nIn; k++) g[wRow + k] += d * hIn[i * nIn + k];
        }
      }
      // dh[i, :] = sum_o delta[i, o] W[o, :]; outputs o taken four at a time.
      for (let i = 0; i < n; i++) {
        const hRow = i * nIn;
        let o = 0;
        for (; o + 3 < nOut; o += 4) {
          const d0 = delta[i * nOut + o];
          const d1 = delta[i * nOut + o + 1];
          const d2 = delta[i * nOut + o + 2];
          const d3 = delta[i * nOut + o + 3];
          const w0 = w + o * nIn;
          const w1 = w0 + nIn;
          const w2 = w1 + nIn;
          const w3 = w2 + nIn;
          for (let k = 0; k < nIn; k++) {
            dh[hRow + k] += d0 * p[w0 + k] + d1 * p[w1 + k] + d2 * p[w2 + k] + d3 * p[w3 + k];
          }
        }
        for (; o < nOut; o++) {
          const d = delta[i * nOut + o];
          const wRow = w + o * nIn;
          for (let k = 0; k < nIn; k++) dh[hRow + k] += d * p[wRow + k];
        }
      }
      if (l > 0) {
        const z = this.zs[l];
        for (let i = 0; i < n * nIn; i++) dh[i] *= actGrad(this.activation, z[i]);
      }
      delta = dh;
    }
    return delta;
  }
}
