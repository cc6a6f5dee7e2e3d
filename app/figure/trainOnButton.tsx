/**
 * A figure whose task is a training run the reader starts (chapter 9's score network, chapter 10's control network):
 * nothing trains until the Train button arms the figure; Cancel disarms it and says so; a run that finished with the
 * current settings disarms it too, so that changing the settings afterwards waits for the button again. Leaving the
 * chapter forgets the request, so coming back does not start training by itself.
 *
 *   const training = trainOnButton();
 *   defineFigure({ …, useEnabled: training.useEnabled, useView: (input) => { const t = training.useView(input); … } })
 */
import { useEffect, type ReactNode } from 'react';
import { create } from 'zustand';
import type { SimStatus } from '../sim/useSimulation.ts';

interface TrainingView {
  /** A run is in flight. */
  running: boolean;
  /** Why the picture shows an older network, or null. */
  notice: string | null;
  /** The Train or Cancel button. */
  actions: ReactNode;
}

export function trainOnButton() {
  const useTraining = create<{ armed: boolean; stopped: boolean; setArmed: (armed: boolean) => void; finish: () => void }>((set) => ({
    armed: false,
    stopped: false,
    setArmed: (armed) => set({ armed, stopped: !armed }),
    finish: () => set({ armed: false, stopped: false }),
  }));

  function useView({
    status,
    values,
    shown,
  }: {
    status: SimStatus;
    values: Record<string, number>;
    shown: { values: Record<string, number> } | null;
  }): TrainingView {
    const armed = useTraining((s) => s.armed);
    const setArmed = useTraining((s) => s.setArmed);
    const stopped = useTraining((s) => s.stopped);
    useEffect(() => () => useTraining.getState().finish(), []);
    const running = armed && status === 'loading';
    const trained = shown?.values ?? null;
    const same = trained !== null && Object.keys(values).every((k) => trained[k] === values[k]);
    useEffect(() => {
      if (armed && status === 'ready' && same) useTraining.getState().finish();
    }, [armed, status, same]);
    const notice =
      !armed && shown
        ? stopped
          ? 'Training stopped; showing the last finished network.'
          : same
            ? null
            : 'Settings changed: press Train to train with them; showing the last finished network.'
        : null;
    const actions = running ? (
      <button type="button" className="figure-action" data-action="cancel" onClick={() => setArmed(false)}>
        Cancel training
      </button>
    ) : (
      <button type="button" className="figure-action" data-action="train" onClick={() => setArmed(true)} disabled={status === 'ready' && same}>
        {shown ? 'Train again with these settings' : 'Train the network'}
      </button>
    );
    return { running, notice, actions };
  }

  return { useEnabled: () => useTraining((s) => s.armed), useView };
}
