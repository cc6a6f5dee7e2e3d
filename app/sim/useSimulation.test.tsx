// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Simulation } from './useSimulation.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A fake pool: every run waits until the test settles it; aborting rejects it as the real pool does. */
interface PendingRun {
  params: { n: number };
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
}
const runs: PendingRun[] = [];
vi.mock('./pool.ts', () => {
  class AbortedError extends Error {}
  return {
    AbortedError,
    simulationPool: () => ({
      run: (_task: string, params: { n: number }, options: { signal?: AbortSignal }) =>
        new Promise((resolve, reject) => {
          runs.push({ params, resolve, reject, signal: options.signal });
          options.signal?.addEventListener('abort', () => reject(new AbortedError()));
        }),
    }),
  };
});

const { useSimulation } = await import('./useSimulation.ts');

type State = Simulation<unknown, unknown>;
let seen: State[] = [];
function Probe({ n, preview }: { n: number; preview?: number }) {
  // The fake pool ignores the task name; any registered name type-checks.
  const sim = useSimulation('selfTest' as never, { n } as never, preview === undefined ? {} : { preview: { n: preview } as never });
  seen.push(sim as State);
  return null;
}

describe('useSimulation with a preview', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    runs.length = 0;
    seen = [];
    host = document.createElement('div');
    root = createRoot(host);
  });
  afterEach(() => act(() => root.unmount()));
  const last = () => seen[seen.length - 1];

  it('asks for the preview, then at once for the full run; shows the preview loading, then the full result ready', async () => {
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    // Both are queued together, the preview first: the full run does not wait for the preview's answer.
    expect(runs.map((r) => r.params.n)).toEqual([500, 4000]);
    await act(async () => runs[0].resolve('cheap'));
    expect(last()).toMatchObject({ status: 'loading', result: 'cheap', resultParams: { n: 500 }, preview: true });
    await act(async () => runs[1].resolve('full'));
    expect(last()).toMatchObject({ status: 'ready', result: 'full', resultParams: { n: 4000 }, preview: false });
  });

  it('a preview that answers after the full run is dropped', async () => {
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    await act(async () => runs[1].resolve('full'));
    await act(async () => runs[0].resolve('late cheap'));
    expect(seen.some((s) => s.result === 'late cheap')).toBe(false);
    expect(last()).toMatchObject({ status: 'ready', result: 'full', preview: false });
  });

  it('a change during the preview drops it: its result never shows and the new preview runs', async () => {
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    await act(async () => root.render(<Probe n={8000} preview={1000} />));
    expect(runs[0].signal?.aborted).toBe(true);
    expect(runs[1].signal?.aborted).toBe(true);
    await act(async () => runs[0].resolve('stale'));
    await act(async () => runs[1].resolve('stale full'));
    expect(seen.some((s) => s.result === 'stale' || s.result === 'stale full')).toBe(false);
    expect(runs.map((r) => r.params.n)).toEqual([500, 4000, 1000, 8000]);
    await act(async () => runs[2].resolve('cheap 2'));
    await act(async () => runs[3].resolve('full 2'));
    expect(last()).toMatchObject({ status: 'ready', result: 'full 2', preview: false });
  });

  it('without a preview (or one equal to the request) only the full request runs', async () => {
    await act(async () => root.render(<Probe n={100} />));
    await act(async () => root.render(<Probe n={200} preview={200} />));
    expect(runs.map((r) => r.params.n)).toEqual([100, 200]);
  });

  it('an error in the preview is shown as the figure error', async () => {
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    await act(async () => runs[0].reject(new Error('paths must be positive')));
    expect(last()).toMatchObject({ status: 'error', preview: false });
    expect(last().error).toMatch(/paths must be positive/);
  });

  it('going back to the last finished values during a run shows that result again, ready (not loading forever)', async () => {
    await act(async () => root.render(<Probe n={100} />));
    await act(async () => runs[0].resolve('a'));
    expect(last()).toMatchObject({ status: 'ready', result: 'a' });
    // → then ← before the new run ends.
    await act(async () => root.render(<Probe n={200} />));
    expect(last().status).toBe('loading');
    await act(async () => root.render(<Probe n={100} />));
    expect(runs[1].signal?.aborted).toBe(true);
    expect(last()).toMatchObject({ status: 'ready', result: 'a', resultParams: { n: 100 }, preview: false });
    expect(runs).toHaveLength(2);
  });

  it('the same after a preview of the new values was shown', async () => {
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    await act(async () => runs[0].resolve('cheap a'));
    await act(async () => runs[1].resolve('full a'));
    await act(async () => root.render(<Probe n={8000} preview={1000} />));
    await act(async () => runs[2].resolve('cheap b'));
    expect(last()).toMatchObject({ status: 'loading', result: 'cheap b', preview: true });
    await act(async () => root.render(<Probe n={4000} preview={500} />));
    expect(last()).toMatchObject({ status: 'ready', result: 'full a', resultParams: { n: 4000 }, preview: false });
  });
});
