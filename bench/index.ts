/**
 * `npm run bench`: every benchmark, one after the other, each printing its own figures.
 * Pass names to run only some: `npm run bench -- match platform`.
 */
export {};

const BENCHES: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  match: () => import('./match-throughput.ts'),
  platform: () => import('./platform-throughput.ts'),
  'form-load': () => import('./form-load.ts'),
  scan: () => import('./scan-cost.ts'),
  extension: () => import('./extension-cost.ts'),
  'cold-start': () => import('./cold-start.ts'),
  widget: () => import('./widget-size.ts'),
  snapshot: () => import('./snapshot-size.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  const bench = await load();
  await bench.run();
}
