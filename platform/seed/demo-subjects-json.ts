import { generateDemoData, type DemoDataOptions } from './generate-demo-data.ts';

/** Any fixed day: the expectations never depend on the day the data is seeded. */
const ANY_DAY = '2018-03-07';

/**
 * The text of platform/seed/demo-subjects.json: every demo subject (named fixtures first) with the
 * verdict a reader must reach. `npm run platform -- seed --write-list` writes it; a unit test checks
 * the committed file still matches the generator.
 */
export function demoSubjectsJson(options: Omit<DemoDataOptions, 'today'> = {}): string {
  const subjects = Array.from(generateDemoData({ ...options, today: ANY_DAY }), (record) => record.expectation);
  return `${JSON.stringify(subjects, null, 2)}\n`;
}
