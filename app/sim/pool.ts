/**
 * A pool of simulation workers, created on first use and reused. A job goes to an idle worker, else to a busy one
 * as its next job (the worker starts it the moment the current one ends, with no round trip through the main
 * thread: a figure's full run queued behind its preview on one worker used to wait ~30 ms for the page to draw the
 * preview first), else waits in a queue. Aborting a job removes it from the queue or asks its worker to stop
 * (within one chunk, or before it starts). A worker that dies (an uncaught error in it) is replaced: the job it was
 * running fails with a message for the reader, and its next job goes back to the front of the queue.
 * A worker can also die without a word (closed, killed for memory, hung in a loop that never yields): while it runs
 * a job, a watchdog pings it, and one that has not answered for `silentMs` is replaced the same way.
 */
import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../../workers/sim.worker.ts';
import type { TaskName, TaskParams, TaskResult } from '../../workers/tasks.ts';

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

interface Job {
  id: number;
  task: TaskName;
  params: unknown;
  options: JobOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
  /** The job running, then the one sent to start after it (at most PIPELINE in all). */
  jobs: Job[];
  /** When the oldest unanswered ping was sent (performance.now()), or null when every ping has been answered. */
  waitingSince: number | null;
}

export interface WatchdogOptions {
  /** How often a busy worker is pinged. */
  pingMs: number;
  /** How long a busy worker may stay silent before it is replaced. Far above any chunk's length (~5–20 ms). */
  silentMs: number;
}

const WATCHDOG: WatchdogOptions = { pingMs: 1000, silentMs: 8000 };

/** Jobs a worker holds at once: the running one and the next. */
const PIPELINE = 2;

export class AbortedError extends Error {
  constructor() {
    super('superseded');
    this.name = 'AbortError';
  }
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  /** How many workers died and were replaced (for tests and the console). */
  replaced = 0;

  private watchdog: ReturnType<typeof setInterval> | 0 = 0;

  constructor(
    private readonly size: number,
    private readonly createWorker: () => Worker,
    private readonly timing: WatchdogOptions = WATCHDOG,
  ) {}

  run<N extends TaskName>(task: N, params: TaskParams<N>, options: JobOptions = {}): Promise<TaskResult<N>> {
    return new Promise<TaskResult<N>>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new AbortedError());
      const job: Job = { id: this.nextId++, task, params, options, resolve: resolve as (v: unknown) => void, reject };
      options.signal?.addEventListener('abort', () => this.abort(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Number of workers started so far. */
  get started(): number {
    return this.slots.length;
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.jobs.includes(job));
    if (slot) void slot.api.cancel(job.id).catch(() => {});
    job.reject(new AbortedError());
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.jobs.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.find((s) => s.jobs.length < PIPELINE);
      if (!slot) return;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    const slot: Slot = { worker, api: Comlink.wrap<SimWorkerApi>(worker), jobs: [], waitingSince: null };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.replace(slot, event.message || 'unknown error');
    });
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    slot.worker.terminate();
    slot.api[Comlink.releaseProxy]();
    this.slots.splice(i, 1);
    this.replaced++;
    const [job, ...waiting] = slot.jobs;
    slot.jobs = [];
    this.queue.unshift(...waiting);
    job?.reject(
      new Error(
        `The simulation worker stopped unexpectedly (${why.replace(/^Uncaught (Error: )?/, '')}). It has been restarted; change a setting to try again.`,
      ),
    );
    this.dispatch();
  }

  /** Runs while any worker has a job: pings the busy ones and replaces those silent for too long. */
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const busy = this.slots.filter((s) => s.jobs.length > 0);
      if (!busy.length) {
        clearInterval(this.watchdog);
        this.watchdog = 0;
        return;
      }
      // Silence is measured from an unanswered ping, not from the last answer: a hidden tab's timers are throttled
      // to a minute, and a worker that answered every ping it got is alive however rarely it was asked.
      const now = performance.now();
      for (const slot of busy) {
        if (slot.waitingSince !== null) {
          if (now - slot.waitingSince > this.timing.silentMs) this.replace(slot, 'it stopped answering');
          continue;
        }
        slot.waitingSince = now;
        void slot.api.ping().then(
          () => (slot.waitingSince = null),
          () => {},
        );
      }
    }, this.timing.pingMs);
  }

  private start(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    this.watch();
    const progress = job.options.onProgress ? Comlink.proxy(job.options.onProgress) : undefined;
    // An answer counts only while the job is still this worker's: one requeued from a worker that died is
    // answered by the worker that runs it next, not by the dead one's dangling call.
    const settle = (finish: () => void) => {
      const i = slot.jobs.indexOf(job);
      if (i < 0) return;
      slot.jobs.splice(i, 1);
      finish();
      this.dispatch();
    };
    slot.api.run(job.id, job.task, job.params, progress).then(
      (value) => settle(() => job.resolve(value)),
      (error: unknown) => settle(() => job.reject(error instanceof Error ? error : new Error(String(error)))),
    );
  }
}

let shared: WorkerPool | null = null;

/** The book's pool: as many workers as cores less one for the page, at least 1 and at most 4. */
export function simulationPool(): WorkerPool {
  if (!shared) {
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
    shared = new WorkerPool(
      Math.max(1, Math.min(4, cores - 1)),
      () => new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
    );
  }
  return shared;
}
