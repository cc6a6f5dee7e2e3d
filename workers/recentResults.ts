/**
 * The last few results of a seeded, deterministic computation, by a key naming everything it depends on. A slider
 * often changes only part of what a figure computes (on the Merton explorer, γ moves Merton's policy but not the
 * reader's wealth paths); the unchanged part is then taken from here instead of recomputed. Results are handed out
 * and stored as copies, because the worker transfers what it returns (its buffers are detached afterwards).
 */
export class RecentResults<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly copy: (value: V) => V,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Most recently used last, so the oldest is the first to go.
    this.entries.delete(key);
    this.entries.set(key, value);
    return this.copy(value);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, this.copy(value));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
