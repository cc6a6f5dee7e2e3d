/**
 * The glossary's definitions, loaded the first time they are needed: a <Term> popover opens, or the glossary page
 * starts (app/book/chapters.ts loads them before it renders). With their rendered math they weigh 336 kB (19 kB
 * gzip), more than half the book's entry script, which every page would otherwise download before it comes alive.
 */
let definitions: Record<string, string> | null = null;
let loading: Promise<Record<string, string>> | null = null;

export function loadGlossaryDefinitions(): Promise<Record<string, string>> {
  loading ??= import('virtual:glossary-definitions').then(
    (m) => (definitions = m.definitions),
    (e: unknown) => {
      // A failed load (offline before the chunk was cached) is tried again by the next popover, not remembered.
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The definitions if they have loaded, else null. */
export function glossaryDefinitions(): Record<string, string> | null {
  return definitions;
}
