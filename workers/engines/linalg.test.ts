import { describe, expect, it } from 'vitest';
import { cholesky, eye, inv, isHurwitz, lyapunov, matmul, maxAbs, solve, sub, transpose, add } from './linalg';

describe('linalg', () => {
  it('solves, inverts and factorises small matrices', () => {
    const A = [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ];
    const x = solve(A, [[1], [2], [3]]);
    expect(maxAbs(sub(matmul(A, x), [[1], [2], [3]]))).toBeLessThan(1e-14);
    expect(maxAbs(sub(matmul(A, inv(A)), eye(3)))).toBeLessThan(1e-14);
    const L = cholesky(A)!;
    expect(maxAbs(sub(matmul(L, transpose(L)), A))).toBeLessThan(1e-14);
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(() =>
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [[1], [2]],
      ),
    ).toThrow(/singular/);
  });

  it('solves Lyapunov equations and tests Hurwitz stability', () => {
    const M = [
      [-1, 2],
      [0, -3],
    ];
    const C = [
      [1, 0.5],
      [0.5, 2],
    ];
    const X = lyapunov(M, C);
    expect(maxAbs(add(add(matmul(transpose(M), X), matmul(X, M)), C))).toBeLessThan(1e-13);
    expect(isHurwitz(M)).toBe(true);
    expect(
      isHurwitz([
        [0.1, 0],
        [0, -1],
      ]),
    ).toBe(false);
    expect(
      isHurwitz([
        [0, 1],
        [-1, 0],
      ]),
    ).toBe(false); // eigenvalues on the imaginary axis
    expect(
      isHurwitz([
        [-0.1, 1],
        [-1, -0.1],
      ]),
    ).toBe(true); // a stable focus
  });
});
