import type { StoredEntry, StoredEvent, StoredObjection, StoredRepair, StoredSubject } from '../db/stored-records.ts';
import { buildEntry } from './build-entry.ts';
import { describePart } from './describe-part.ts';
import {
  expectedVerdict,
  FIXTURES,
  KIND_WEIGHTS,
  LIFECYCLE_FIXTURES,
  SCENARIO_PARTS,
  SCENARIO_WEIGHTS,
  type ExpectedVerdict,
  type Scenario,
  type ScenarioPart,
} from './demo-scenarios.ts';
import { generateResidentId } from './generate-resident-id.ts';
import { generatePersonName, generateSubject, type GeneratedSubject } from './generate-subject.ts';
import { BLACK_CATEGORIES, RED_CATEGORIES, type ListCategory } from './list-categories.ts';
import { SeedRandom } from './seed-random.ts';

/** The seed and size of the committed demo data set. */
export const DEMO_SEED = 2018;
export const DEMO_SUBJECTS = 300;
/** Valid codes that are deliberately not in the database (one as a fixture, the rest at the end). */
const NOT_IN_DATABASE = 5;
/** Offset of the lifecycle fixtures' own random stream from the seed. */
const LIFECYCLE_STREAM = 0x11;

/** What a reader must conclude about one demo subject (one line of demo-subjects.json). */
export interface DemoSubjectExpectation {
  role?: string;
  code: string;
  name: string | null;
  expectedVerdict: ExpectedVerdict;
  /** Only when an anonymous caller (public entries only) must conclude differently. */
  anonymousVerdict?: ExpectedVerdict;
  /** Only for valid codes the platform holds no subject for. */
  inDatabase?: false;
  note: string;
}

/** One generated subject with everything stored about it; `subject` is null for codes kept out of the database. */
export interface GeneratedRecord {
  subject: StoredSubject | null;
  entries: StoredEntry[];
  objections: StoredObjection[];
  repairs: StoredRepair[];
  events: StoredEvent[];
  expectation: DemoSubjectExpectation;
}

/** Options of the generator: how many subjects, which PRNG seed, and the day the data is seeded. */
export interface DemoDataOptions {
  subjects?: number;
  seed?: number;
  today: string;
}

function pickCategory(random: SeedRandom, part: ScenarioPart, kind: string, used: Set<string>): ListCategory {
  const all = part.list === 'red' ? RED_CATEGORIES : BLACK_CATEGORIES;
  if (part.category) {
    const named = all.find((c) => c.category === part.category);
    if (!named) throw new Error(`unknown ${part.list} category ${part.category}`);
    return named;
  }
  const needsRepair = part.shape === 'monitoring' || part.shape === 'past-monitoring';
  const fits = all.filter((c) => (c.kinds.length === 0 || c.kinds.includes(kind)) && (!needsRepair || c.repairable) && !used.has(c.category));
  return random.pick(fits.length > 0 ? fits : all);
}

function buildRecord(random: SeedRandom, index: number, scenario: Scenario & { role?: string }, generated: GeneratedSubject, today: string): GeneratedRecord {
  const { subject, kind, representative } = generated;
  const used = new Set<string>();
  const record: GeneratedRecord = {
    subject,
    entries: [],
    objections: [],
    repairs: [],
    events: [],
    expectation: { code: subject.code, name: subject.name, expectedVerdict: 'clear', note: '' },
  };
  const notes: string[] = [];
  scenario.parts.forEach((part, k) => {
    const category = pickCategory(random, part, kind, used);
    used.add(category.category);
    const withPersons = category.list === 'black' && (scenario.role !== undefined || random.chance(0.7));
    const persons = withPersons ? [representative] : [];
    if (withPersons && kind === 'enterprise' && random.chance(0.3)) {
      persons.push({ role: '主要负责人', name: generatePersonName(random), idNumber: generateResidentId(random, subject.regionCode ?? '420105') });
    }
    const built = buildEntry(
      { random, today, code: subject.code, id: `e${String(index + 1).padStart(7, '0')}-${k + 1}`, persons, visibility: part.visibility ?? 'public' },
      category,
      part.shape,
    );
    record.entries.push(built.entry);
    if (built.objection) record.objections.push(built.objection);
    if (built.repair) record.repairs.push(built.repair);
    record.events.push(...built.events);
    notes.push(describePart(part, category));
  });
  const verdict = expectedVerdict(scenario.parts);
  const anonymous = expectedVerdict(scenario.parts, true);
  record.expectation = {
    ...(scenario.role ? { role: scenario.role } : {}),
    code: subject.code,
    name: subject.name,
    expectedVerdict: verdict,
    ...(anonymous !== verdict ? { anonymousVerdict: anonymous } : {}),
    note: notes.length > 0 ? notes.join('；') : '无红黑名单记录',
  };
  return record;
}

function notInDatabase(random: SeedRandom, taken: Set<string>, role?: string): GeneratedRecord {
  const { subject } = generateSubject(random, 'enterprise', taken);
  return {
    subject: null,
    entries: [],
    objections: [],
    repairs: [],
    events: [],
    expectation: {
      ...(role ? { role } : {}),
      code: subject.code,
      name: null,
      expectedVerdict: 'clear',
      inDatabase: false,
      note: '代码有效，但平台未收录该主体（found: false）',
    },
  };
}

/**
 * Generates the demo data set, one subject at a time (so a million subjects never sit in memory):
 * first the named fixtures, then subjects with weighted random stories, then a few valid codes that
 * are deliberately not stored, then the entry-lifecycle fixtures (their own random stream). Deterministic for a given seed; dates are relative to `today`.
 */
export function* generateDemoData(options: DemoDataOptions): Generator<GeneratedRecord> {
  const count = options.subjects ?? DEMO_SUBJECTS;
  const random = new SeedRandom(options.seed ?? DEMO_SEED);
  const taken = new Set<string>();
  let index = 0;
  for (const fixture of FIXTURES) {
    if (index >= count) return;
    yield buildRecord(random, index, fixture, generateSubject(random, fixture.kind ?? 'enterprise', taken, true), options.today);
    index++;
  }
  yield notInDatabase(random, taken, 'not-in-db');
  for (; index < count; index++) {
    const kind = random.weighted(KIND_WEIGHTS);
    const story = random.weighted(SCENARIO_WEIGHTS);
    yield buildRecord(random, index, { kind, parts: SCENARIO_PARTS[story] ?? [] }, generateSubject(random, kind, taken), options.today);
  }
  for (let i = 1; i < NOT_IN_DATABASE; i++) yield notInDatabase(random, taken);
  const lifecycle = new SeedRandom((options.seed ?? DEMO_SEED) + LIFECYCLE_STREAM);
  for (const fixture of LIFECYCLE_FIXTURES) {
    yield buildRecord(lifecycle, index, fixture, generateSubject(lifecycle, fixture.kind ?? 'enterprise', taken, true), options.today);
    index++;
  }
}
