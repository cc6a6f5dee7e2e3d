/**
 * Chapter 10's training task on a short run: the shapes of its snapshots, the pretrained start, and its input checks.
 * The default run against the exact curve over seeds is in fineTuneTraining.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { tasks } from '../tasks.ts';
import { defaultRequest } from '../../app/figure/defaultRequest.ts';
import { FtTraining } from '../../chapters/10-reward-fine-tuning/FtTraining.tsx';
import { FT_SETUP } from '../engines/diffusion/fineTune.ts';

const fig = defaultRequest(FtTraining, 'ftTraining');

describe('ftTraining (figure ft-training)', () => {
  it('the figure asks for lambda 1, 1500 steps of 256, 4000 paths of 100 steps', () => {
    expect(fig).toEqual({ lambda: 1, steps: 1500, batch: 256, seed: 1, paths: 4000, evalSteps: 100 });
  });

  it('a short run returns seven snapshots from the pretrained model (KL 0) on, and the control on its slice', () => {
    const r = runToEnd(tasks.ftTraining({ ...fig, steps: 40, batch: 64, paths: 100, evalSteps: 20 }));
    expect(Array.from(r.step)).toEqual([0, 7, 13, 20, 27, 33, 40]);
    expect(r.kl[0]).toBe(0);
    expect(r.kl[6]).toBeGreaterThan(0);
    const m = FT_SETUP.sliceAngles.length;
    const q = FT_SETUP.sliceTimes.length;
    expect(r.slices.length).toBe(7 * q * m);
    expect(r.slices.subarray(0, q * m).every((v) => v === 0)).toBe(true);
    expect(r.lossCurve.length).toBe(40);
  });

  it('bad input is a sentence', () => {
    expect(() => runToEnd(tasks.ftTraining({ ...fig, lambda: 0 }))).toThrow(/temperature lambda must be between 0.1 and 10/);
    expect(() => runToEnd(tasks.ftTraining({ ...fig, batch: 100 }))).toThrow(/multiple of 16/);
    expect(() => runToEnd(tasks.ftTraining({ ...fig, steps: 5 }))).toThrow(/training steps must be a whole number from 10/);
  });
});
