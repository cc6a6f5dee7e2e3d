/**
 * Chapter 9's score network trained over four seeds (about a minute): in `npm run test:all` (and CI), not in the
 * quick `npm test`; see vitest.config.ts.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { DcDsm } from '../../chapters/09-diffusion-control/DcDsm.tsx';
import { meanVariance } from '../engines/stats.ts';

/** Mean and sample standard deviation over seeds. */
const m = (v: number[]) => meanVariance(v).mean;
const sd = (v: number[]) => Math.sqrt(meanVariance(v).variance);

const figDsm = defaultRequest(DcDsm, 'dcDsm');

describe('dcDsm (figure dc-dsm)', () => {
  it('over four seeds: score error 0.093 +- 0.015 at s = 0.3, 0.65 +- 0.06 at s = 0.05; MMD^2 0.029 +- 0.008; 58 +- 6% on a mode', { timeout: 300_000 }, () => {
    const rs = [1, 2, 3, 4].map((seed) => runToEnd(tasks.dcDsm({ ...figDsm, seed })));
    const at = (r: (typeof rs)[0], s: number) => r.relError[Array.from(r.times).indexOf(s)];
    const e3 = rs.map((r) => at(r, 0.3));
    const e05 = rs.map((r) => at(r, 0.05));
    const mm = rs.map((r) => r.mmd2);
    const on = rs.map((r) => r.onModes);
    expect(m(e3)).toBeCloseTo(0.093, 3);
    expect(sd(e3)).toBeCloseTo(0.015, 3);
    expect(m(e05)).toBeCloseTo(0.65, 2);
    expect(sd(e05)).toBeCloseTo(0.06, 2);
    expect(m(mm)).toBeCloseTo(0.029, 3);
    expect(sd(mm)).toBeCloseTo(0.008, 3);
    expect(m(on)).toBeCloseTo(0.58, 2);
    expect(sd(on)).toBeCloseTo(0.06, 2);
  });
});
