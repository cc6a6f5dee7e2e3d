import { describe, expect, it } from 'vitest';
import { Mlp } from './mlp';
import { Adam, cosineLr, Ema } from './adam';
import { Rng } from '../random';
import { normalFromState } from '../normal';

/** Loss = 1/2 sum (y - target)^2 over a batch; returns loss and dLoss/dy. */
function loss(net: Mlp, x: Float64Array, n: number, target: Float64Array): { L: number; dy: Float64Array } {
  const y = net.forward(x, n);
  const dy = new Float64Array(y.length);
  let L = 0;
  for (let i = 0; i < y.length; i++) {
    dy[i] = y[i] - target[i];
    L += 0.5 * dy[i] * dy[i];
  }
  return { L, dy };
}

describe('MLP gradients equal central finite differences', () => {
  it.each(['tanh', 'silu'] as const)('%s: every parameter and every input', (activation) => {
    const net = new Mlp([3, 5, 4, 2], activation, 7);
    const rng = new Rng(1);
    // Non-zero biases so that their gradients are exercised away from 0.
    for (let i = 0; i < net.params.length; i++) net.params[i] += 0.1 * normalFromState(rng.state);
    const n = 4;
    const x = Float64Array.from({ length: n * 3 }, () => normalFromState(rng.state));
    const target = Float64Array.from({ length: n * 2 }, () => normalFromState(rng.state));
    net.zeroGrad();
    const { dy } = loss(net, x, n, target);
    const dx = net.backward(dy);
    const e = 1e-6;
    let worst = 0;
    for (let i = 0; i < net.params.length; i++) {
      const p0 = net.params[i];
      net.params[i] = p0 + e;
      const lp = loss(net, x, n, target).L;
      net.params[i] = p0 - e;
      const lm = loss(net, x, n, target).L;
      net.params[i] = p0;
      const fd = (lp - lm) / (2 * e);
      worst = Math.max(worst, Math.abs(fd - net.grads[i]) / (1e-6 + Math.abs(fd)));
    }
    // Central differences: truncation ~ e^2 = 1e-12, rounding ~ 1e-16 L / e = 1e-10; relative error below 1e-6.
    expect(worst).toBeLessThan(1e-6);
    for (let i = 0; i < x.length; i++) {
      const x0 = x[i];
      x[i] = x0 + e;
      const lp = loss(net, x, n, target).L;
      x[i] = x0 - e;
      const lm = loss(net, x, n, target).L;
      x[i] = x0;
      expect(dx[i]).toBeCloseTo((lp - lm) / (2 * e), 7);
    }
  });

  it('rejects bad layouts and batches', () => {
    expect(() => new Mlp([3])).toThrow(/2 to 10 layer sizes/);
    expect(() => new Mlp([3, 0, 1])).toThrow(/layer size must be an integer in \[1, 4096\]/);
    expect(() => new Mlp([3, 1]).forward(new Float64Array(2), 1)).toThrow(/rows of 3 inputs/);
  });
});

describe('Adam, cosine decay and EMA', () => {
  it('Adam fits y = sin(2x) on [-2, 2] with a 1-32-1 tanh net', () => {
    const net = new Mlp([1, 32, 1], 'tanh', 3);
    const n = 64;
    const x = Float64Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
    const target = x.map((v) => Math.sin(2 * v));
    const opt = new Adam(net.params.length, { lr: 0.01 });
    const ema = new Ema(net.params, 0.99);
    let L = 0;
    for (let k = 0; k < 1500; k++) {
      net.zeroGrad();
      const r = loss(net, x, n, target);
      L = r.L / n;
      net.backward(r.dy.map((d) => d / n));
      opt.step(net.params, net.grads, cosineLr(k, 1500, 0.02, 1e-4, 50));
      ema.update(net.params);
    }
    expect(L).toBeLessThan(1e-3); // mean 1/2 squared error
    expect(cosineLr(0, 100, 1, 0, 10)).toBeCloseTo(0.1, 15);
    expect(cosineLr(100, 100, 1, 0.1, 10)).toBeCloseTo(0.1, 15);
    expect(cosineLr(55, 100, 1, 0, 10)).toBeCloseTo(0.5, 15);
    expect(ema.shadow.length).toBe(net.params.length);
  });
});
