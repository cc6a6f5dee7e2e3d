import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engines/chunked.ts';
import { mertonTasks } from './merton.ts';
import { transferablesOf } from '../runTask.ts';
import { defaults } from '../../app/state/schema.ts';
import { explorerRequest, explorerSchema } from '../../chapters/07-merton/params.ts';

const base = { ...explorerRequest(defaults(explorerSchema)), paths: 200 };
const run = (change: Partial<typeof base>) => runToEnd(mertonTasks.mertonExplorer({ ...base, ...change }));
/** What the page receives: a copy made by transferring the buffers, which leaves the worker's arrays detached. */
const transferred = <T>(value: T): T => structuredClone(value, { transfer: transferablesOf(value) });

describe('the Merton explorer task reuses the parts a change leaves alone', () => {
  it('gives the same numbers whether a policy is recomputed or taken from the recent runs', () => {
    const first = transferred(run({ gamma: 3 }));
    const other = transferred(run({ gamma: 2 }));
    // γ leaves the reader's wealth paths alone and moves Merton's policy.
    expect(other.reader.bands).toEqual(first.reader.bands);
    expect(other.reader.value!.mean).not.toBe(first.reader.value!.mean);
    expect(other.optimal!.pi).not.toBe(first.optimal!.pi);
    // Back to γ = 3: everything from the recent runs, equal to the first run (whose buffers were transferred away).
    expect(transferred(run({ gamma: 3 }))).toEqual(first);
  });

  it('recomputes when anything the paths depend on changes', () => {
    const a = run({ seed: 11 });
    const b = run({ seed: 12 });
    expect(b.reader.bands).not.toEqual(a.reader.bands);
    const c = run({ seed: 11, pi: 1.5 });
    expect(c.reader.bands).not.toEqual(a.reader.bands);
    expect(c.optimal!.bands).toEqual(a.optimal!.bands); // Merton's policy does not depend on the reader's π
  });
});
