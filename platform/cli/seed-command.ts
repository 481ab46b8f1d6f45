import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chinaDate } from '../../core/verdict/china-date.ts';
import { openCommandDatabase, type CommandTarget } from './command-database.ts';
import { DEMO_META_KEY, ensureDemoTokens } from '../auth/demo-tokens.ts';
import { demoSubjectsJson } from '../seed/demo-subjects-json.ts';
import { DEMO_SEED, DEMO_SUBJECTS } from '../seed/generate-demo-data.ts';
import { seedDatabase } from '../seed/seed-database.ts';

/** Where the committed list of demo subjects lives. */
export const DEMO_SUBJECTS_PATH = fileURLToPath(new URL('../seed/demo-subjects.json', import.meta.url));

/**
 * `seed [--subjects N] [--seed S] [--write-list]`: fills an empty database with the demo data set
 * (dates relative to today) and the demo tokens, marking it as the demo (`serve --demo` runs it),
 * or with `--write-list` rewrites platform/seed/demo-subjects.json.
 */
export async function seedCommand(target: CommandTarget, flags: Map<string, string | true>): Promise<number> {
  const subjects = flags.has('subjects') ? Number(flags.get('subjects')) : DEMO_SUBJECTS;
  const seed = flags.has('seed') ? Number(flags.get('seed')) : DEMO_SEED;
  if (!Number.isInteger(subjects) || subjects < 1 || !Number.isInteger(seed)) {
    console.error('seed: --subjects and --seed take integers');
    return 2;
  }
  if (flags.has('write-list')) {
    writeFileSync(DEMO_SUBJECTS_PATH, demoSubjectsJson({ subjects, seed }));
    console.log(`wrote ${DEMO_SUBJECTS_PATH}`);
    return 0;
  }
  const { repos, name, close } = await openCommandDatabase(target);
  if ((await repos.subjects.count()) > 0) {
    console.error(`seed: ${name} already holds ${await repos.subjects.count()} subjects; delete it first`);
    await close();
    return 1;
  }
  if ((await repos.meta.get(DEMO_META_KEY)) === 'no') {
    console.error(`seed: ${name} is a real platform (init); the demo data set and its published tokens need a database of their own`);
    await close();
    return 1;
  }
  const report = await seedDatabase(repos, {
    subjects,
    seed,
    today: chinaDate(new Date()),
    keepExpectations: false,
    onProgress: (n) => process.stderr.write(`  ${n} subjects…\n`),
  });
  // A demo database: the published demo tokens open it, and `serve` wants --demo for it.
  await ensureDemoTokens(repos);
  await close();
  console.log(`seeded ${report.subjects} subjects, ${report.entries} entries into ${name} in ${(report.milliseconds / 1000).toFixed(2)} s (seed ${seed})`);
  return 0;
}
