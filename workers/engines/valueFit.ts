/**
 * Fitted value functions for sampled policy iteration: a linear model V(x) = sum_j theta_j phi_j(x) fitted by
 * (weighted) least squares, exposing V, V' and V'' for the improvement step and the HJB residual. The interface
 * `ValueFunction1d` is what policy iteration consumes; nn/mlpValue.ts provides the other model, a small MLP.
 */
import { solve } from './linalg';
import { requirePositive } from './validate';

/** What policy iteration needs from a fitted value function. */
export interface ValueFunction1d {
  value(x: number): number;
  dx(x: number): number;
  dxx(x: number): number;
  /** Parameters (for display). */
  readonly theta: readonly number[];
}

/** A feature map with derivatives: phi_j(x), phi_j'(x), phi_j''(x) for j < size. */
export interface Features1d {
  readonly name: string;
  readonly size: number;
  phi(x: number, out: Float64Array): void;
  dphi(x: number, out: Float64Array): void;
  d2phi(x: number, out: Float64Array): void;
}

/** Quadratic features 1, x, x^2 (exact for the LQR value -1/2 P x^2 - d x - c). */
export const quadraticFeatures: Features1d = {
  name: 'quadratic',
  size: 3,
  phi(x, o) {
    o[0] = 1;
    o[1] = x;
    o[2] = x * x;
  },
  dphi(x, o) {
    o[0] = 0;
    o[1] = 1;
    o[2] = 2 * x;
  },
  d2phi(_x, o) {
    o[0] = 0;
    o[1] = 0;
    o[2] = 2;
  },
};

/**
 * CRRA features 1, u(x) with u(x) = x^{1-gamma}/(1-gamma) (log x for gamma = 1): the family that contains the
 * Merton value function, by homotheticity of CRRA utility (wealth scales out). Requires x > 0.
 */
export function crraFeatures(gamma: number): Features1d {
  requirePositive('gamma', gamma);
  const log = gamma === 1;
  return {
    name: `crra(${gamma})`,
    size: 2,
    phi(x, o) {
      o[0] = 1;
      o[1] = log ? Math.log(x) : Math.pow(x, 1 - gamma) / (1 - gamma);
    },
    dphi(x, o) {
      o[0] = 0;
      o[1] = log ? 1 / x : Math.pow(x, -gamma);
    },
    d2phi(x, o) {
      o[0] = 0;
      o[1] = log ? -1 / (x * x) : -gamma * Math.pow(x, -gamma - 1);
    },
  };
}

/** A linear-in-parameters value function over `features`. */
function linearValueFunction(features: Features1d, theta: ArrayLike<number>): ValueFunction1d {
  const th = Array.from(theta);
  if (th.length !== features.size) throw new Error(`theta must have ${features.size} entries; got ${th.length}`);
  const buf = new Float64Array(features.size);
  const dot = (f: (x: number, o: Float64Array) => void, x: number) => {
    f(x, buf);
    let s = 0;
    for (let j = 0; j < th.length; j++) s += th[j] * buf[j];
    return s;
  };
  return {
    theta: th,
    value: (x) => dot(features.phi, x),
    dx: (x) => dot(features.dphi, x),
    dxx: (x) => dot(features.d2phi, x),
  };
}

/**
 * Weighted least squares theta = argmin sum_i w_i (phi(x_i)'theta - y_i)^2 via the normal equations
 * (Phi'W Phi) theta = Phi'W y (sizes are tiny). Returns the fitted value function and the weighted RMS residual.
 */
export function fitLeastSquares(
  features: Features1d,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights?: ArrayLike<number>,
): { fit: ValueFunction1d; rmse: number } {
  const n = xs.length;
  const p = features.size;
  if (ys.length !== n) throw new Error(`xs and ys must have the same length; got ${n} and ${ys.length}`);
  if (n < p) throw new Error(`need at least ${p} sample states to fit ${p} features; got ${n}`);
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = Array.from({ length: p }, () => [0]);
  const phi = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    features.phi(xs[i], phi);
    for (let j = 0; j < p; j++) {
      b[j][0] += w * phi[j] * ys[i];
      for (let k = 0; k < p; k++) A[j][k] += w * phi[j] * phi[k];
    }
  }
  let theta: number[];
  try {
    theta = solve(A, b).map((r) => r[0]);
  } catch {
    throw new Error('least-squares fit is singular: the sample states do not determine the features (spread them out)');
  }
  const fit = linearValueFunction(features, theta);
  let ss = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    ss += w * (fit.value(xs[i]) - ys[i]) ** 2;
    sw += w;
  }
  return { fit, rmse: Math.sqrt(ss / sw) };
}
