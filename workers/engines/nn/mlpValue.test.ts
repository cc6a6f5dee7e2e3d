import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Mlp } from './mlp';
import { fitMlpValue1d, mlpJet1d } from './mlpValue';

describe('mlpJet1d', () => {
  it('value matches forward, and the derivatives match central differences (tanh and SiLU)', () => {
    for (const act of ['tanh', 'silu'] as const) {
      const net = new Mlp([1, 8, 8, 1], act, 3);
      fc.assert(
        fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (u) => {
          const [v, d1, d2] = mlpJet1d(net, u);
          expect(v).toBeCloseTo(net.forward(new Float64Array([u]), 1)[0], 12);
          const h = 1e-4;
          const f = (t: number) => mlpJet1d(net, t)[0];
          const fd1 = (f(u + h) - f(u - h)) / (2 * h);
          const fd2 = (f(u + h) - 2 * f(u) + f(u - h)) / (h * h);
          expect(Math.abs(d1 - fd1)).toBeLessThan(1e-7 * (1 + Math.abs(d1)));
          expect(Math.abs(d2 - fd2)).toBeLessThan(1e-4 * (1 + Math.abs(d2)));
          // and the first derivative's own difference quotient gives the second
          const g = (t: number) => mlpJet1d(net, t)[1];
          expect(Math.abs(d2 - (g(u + h) - g(u - h)) / (2 * h))).toBeLessThan(1e-7 * (1 + Math.abs(d2)));
        }),
        { numRuns: 60, seed: 7 },
      );
    }
  });

  it('rejects a network that is not scalar to scalar', () => {
    expect(() => mlpJet1d(new Mlp([2, 4, 1]), 0)).toThrow(/one input and one output/);
  });
});

describe('fitMlpValue1d', () => {
  it("fits the LQR value -1/2 P x^2 - c through 12 states, with V and V' close and V'' about right in the interior", () => {
    const P = 0.2659751;
    const c = 0.1196888;
    const xs = Array.from({ length: 12 }, (_, i) => -2 + (4 * i) / 11);
    const ys = xs.map((x) => -0.5 * P * x * x - c);
    const { fit, rmse, params } = fitMlpValue1d(xs, ys, { seed: 1 });
    expect(rmse).toBeLessThan(2e-3);
    expect(params.length).toBe(1 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
    for (const x of [-1.5, -0.5, 0.3, 1.2]) {
      expect(Math.abs(fit.value(x) - (-0.5 * P * x * x - c))).toBeLessThan(3e-3);
      expect(Math.abs(fit.dx(x) - -P * x)).toBeLessThan(0.02);
      expect(Math.abs(fit.dxx(x) - -P)).toBeLessThan(0.08);
    }
  });

  it("with input 'log', fits a CRRA value -A/x over wealth in [0.5, 2] and returns V', V'' by the chain rule", () => {
    const A = 18.2;
    const xs = Array.from({ length: 16 }, (_, i) => 0.5 * Math.pow(4, i / 15));
    const { fit } = fitMlpValue1d(
      xs,
      xs.map((x) => -A / x),
      { input: 'log', seed: 1 },
    );
    for (const x of [0.7, 1, 1.5]) {
      expect(Math.abs(fit.value(x) / (-A / x) - 1)).toBeLessThan(2e-3);
      expect(Math.abs(fit.dx(x) / (A / (x * x)) - 1)).toBeLessThan(0.03);
      expect(Math.abs(fit.dxx(x) / ((-2 * A) / x ** 3) - 1)).toBeLessThan(0.15);
    }
    expect(() => fitMlpValue1d([0, 1], [1, 2], { input: 'log' })).toThrow(/positive/);
  });

  it('warm-starts from earlier parameters and validates its input', () => {
    const xs = [0, 1, 2, 3];
    const ys = [0, 1, 4, 9];
    const first = fitMlpValue1d(xs, ys, { hidden: [8], steps: 300, seed: 2 });
    const again = fitMlpValue1d(xs, ys, { hidden: [8], steps: 1, lr: 1e-6, warmStart: first.params });
    expect(again.rmse).toBeCloseTo(first.rmse, 4);
    expect(() => fitMlpValue1d([1, 1], [0, 1])).toThrow(/spread out/);
    expect(() => fitMlpValue1d(xs, ys, { hidden: [] })).toThrow(/hidden/);
    expect(() => fitMlpValue1d(xs, ys, { warmStart: new Float64Array(3) })).toThrow(/warmStart/);
  });
});
