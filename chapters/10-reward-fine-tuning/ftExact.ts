/**
 * The exact side of the training figure, from the closed forms of tilt.ts on chapter 9's model: the trade-off curve
 * over the temperature, the optimum at one temperature, and the optimal control on the figure's slice.
 */
import { compileMixture } from '../../workers/engines/diffusion/gmm.ts';
import { DC_RING, dcRing, dcSchedule, lambdaGrid } from '../../workers/engines/diffusion/dcSetup.ts';
import { exactTradeoff, memorylessTradeoff, optimalControl } from '../../workers/engines/diffusion/tilt.ts';
import { FT_SETUP, slicePoints } from '../../workers/engines/diffusion/fineTune.ts';

const mixture = compileMixture(dcRing());
const schedule = dcSchedule();

/** Temperatures of the drawn curve: log-spaced over the slider's range and beyond it on both sides. */
export const FT_CURVE_LAMBDAS = lambdaGrid(0.4, 20, 40);

/**
 * The trade-off curve over the temperature, in its memoryless closed form (tilt.ts' memorylessTradeoff): on chapter 9's
 * schedule (alpha_T = 0.0066) it differs from the exact curve from the start p_T by under 1e-4 (numbers test), and it
 * costs microseconds instead of a quadrature per point.
 */
export function ftCurve(): { lambda: Float64Array; reward: Float64Array; kl: Float64Array } {
  const pts = FT_CURVE_LAMBDAS.map((l) => memorylessTradeoff(mixture, FT_SETUP.b, l));
  return { lambda: Float64Array.from(FT_CURVE_LAMBDAS), reward: Float64Array.from(pts, (p) => p.reward), kl: Float64Array.from(pts, (p) => p.kl) };
}

/** The exact optimum at temperature lambda from the start p_T: E[r(X_T)] and KL(P^{u*} || P^pre) (6 Gauss–Hermite nodes per coordinate). */
export function ftExactPoint(lambda: number): { reward: number; kl: number } {
  const { reward, kl } = exactTradeoff(mixture, schedule, FT_SETUP.b, lambda, undefined, 6);
  return { reward, kl };
}

/** u* . b/|b| on the slice (slicePoints) at each of the slice's generation times. */
export function ftExactControl(lambda: number): { angle: Float64Array; u: Float64Array[] } {
  const b = FT_SETUP.b;
  const nb = Math.hypot(...b);
  const m = FT_SETUP.sliceAngles.length;
  const u = FT_SETUP.sliceTimes.map((t) => {
    const xs = slicePoints(schedule, t, DC_RING.radius);
    return Float64Array.from({ length: m }, (_, i) => {
      const v = optimalControl(mixture, schedule, b, lambda, t, [xs[2 * i], xs[2 * i + 1]]);
      return (v[0] * b[0] + v[1] * b[1]) / nb;
    });
  });
  return { angle: Float64Array.from(FT_SETUP.sliceAngles), u };
}
