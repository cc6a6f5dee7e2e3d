/**
 * Benchmark dispatcher: `npm run bench -- <name> [args]` runs bench/<name>.ts's `main(args)`.
 * Benchmarks are measurements, not tests: they print figures and never fail on a slow machine.
 */
const benches: Record<string, () => Promise<{ main: (args: string[]) => Promise<void> }>> = {
  ou: () => import('./ou.ts'),
  page: () => import('./page.ts'),
  diffusion: () => import('./diffusion.ts'),
  lighthouse: () => import('./lighthouse.ts'),
  bytes: () => import('./bytes.ts'),
};

async function dispatch(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !(name in benches)) {
    console.error(`usage: npm run bench -- <name>; known benchmarks: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  const mod = await benches[name]();
  await mod.main(args);
}

dispatch().catch((err) => {
  console.error(err);
  process.exit(1);
});
