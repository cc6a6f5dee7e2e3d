/**
 * Every number chapter 7's prose quotes, computed from the engines (never typed in), so that the text, the
 * figures and the exercises cannot disagree. Checked in merton.test.ts.
 */
import {
  driftedBmHitProbability,
  mertonBestConsumption,
  mertonChainValue,
  mertonClosedForm,
  mertonLogGrowth,
  mertonPolicyCE,
  mertonWellPosedness,
  type MertonParams,
} from '../../workers/engines/index.ts';
import { formatScientific } from '../../app/plots/format.ts';

/** The source post's market and preferences. */
export const post: MertonParams = { mu: 0.08, rf: 0.03, sigma: 0.2, gamma: 2, rho: 0.05 };
const opt = mertonClosedForm(post);
const kelly = mertonClosedForm({ ...post, gamma: 1 });

/** The post's bound on the risky fraction, its wealth clamp, and the horizon it simulates. */
const POST_PI_MAX = 1.5;
const POST_X_MIN = 0.01;
const POST_X_MAX = 40;

// The post's pi bound binds when pi* = (mu - rf)/(gamma sigma^2) > 1.5.
const gammaBind = (post.mu - post.rf) / (POST_PI_MAX * post.sigma ** 2);
const sigmaBind = Math.sqrt((post.mu - post.rf) / (POST_PI_MAX * post.gamma));

// Its cost at gamma = 0.5: the best policy with pi <= 1.5 (pi = 1.5 and the best k for it) against Merton's.
const low: MertonParams = { ...post, gamma: 0.5 };
const lowOpt = mertonClosedForm(low);
const lowCE = mertonPolicyCE(low, lowOpt);
const clippedK = mertonBestConsumption(low, POST_PI_MAX);
const clippedCE = mertonPolicyCE(low, { pi: POST_PI_MAX, k: clippedK });

// The wealth clamp: how often Merton's wealth reaches 40 or 0.01 within 40 years.
const growth = mertonLogGrowth(post, opt);
const T = 40;
const hitHigh1 = driftedBmHitProbability(growth.drift, growth.vol, Math.log(POST_X_MAX / 1), T);
const hitLow1 = driftedBmHitProbability(growth.drift, growth.vol, Math.log(POST_X_MIN / 1), T);
const hitHigh20 = driftedBmHitProbability(growth.drift, growth.vol, Math.log(POST_X_MAX / 20), T);

// Discretisation: the chain the Monte Carlo samples (exact steps, left-point rewards, dt = 0.05) against V.
const chainBias = mertonChainValue(post, opt, 0.05)(1) / opt.value(1) - 1;

export const N = {
  piStar: opt.pi,
  M: opt.M,
  kStar: opt.k,
  A: opt.A,
  V1: opt.value(1),
  piKelly: kelly.pi,
  logGrowth: growth.drift,
  logVol: growth.vol,
  gammaBind,
  sigmaBind,
  lowPiStar: lowOpt.pi,
  lowK: lowOpt.k,
  lowCE,
  clippedK,
  clippedCE,
  clipLoss: 1 - clippedCE / lowCE,
  hitHigh1,
  hitLow1,
  hitHigh20,
  chainBias,
  rhoMinHalf: mertonWellPosedness({ ...post, gamma: 0.5 }).rhoMin,
  ceStar: mertonPolicyCE(post, opt),
  ceCash: mertonPolicyCE(post, { pi: 0, k: opt.k }),
  /** The explorer's default policy for the reader: all in the stock, consuming 3% a year. */
  ceReader: mertonPolicyCE(post, { pi: 1, k: 0.03 }),
  /**
   * At k = k* (gamma > 1) the value is -infinity beyond pi* + sqrt(2 (M - k* + rho/(gamma - 1)) / (gamma sigma^2)),
   * where g(pi) = M - k* - gamma sigma^2 (pi - pi*)^2 / 2 reaches -rho/(gamma - 1); as a multiple of pi*.
   */
  ruinMultiple: (opt.pi + Math.sqrt((2 * (opt.M - opt.k + post.rho / (post.gamma - 1))) / (post.gamma * post.sigma ** 2))) / opt.pi,
};

/** Exercise 1's market: pi* and k* there. */
const ex1: MertonParams = { mu: 0.1, rf: 0.02, sigma: 0.25, gamma: 3, rho: 0.04 };
export const ex1Solution = mertonClosedForm(ex1);

/** A number as the prose shows it: `digits` significant digits, Unicode minus. */
export function show(v: number, digits = 3): string {
  return Number(v.toPrecision(digits)).toString().replace('-', '−');
}

/** A small number in scientific notation with Unicode superscripts, e.g. 1.1 × 10⁻⁵. */
export function sci(v: number, digits = 2): string {
  return formatScientific(v, { digits, plain: null });
}

/** A percentage with `digits` significant digits. */
export function pct(v: number, digits = 2): string {
  return `${show(100 * v, digits)}%`;
}
