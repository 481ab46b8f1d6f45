import type { EntryShape } from './build-entry.ts';
import type { SubjectKind } from './generate-subject.ts';

/** The verdict a reader of the lists must reach for a subject (see core/verdict). */
export type ExpectedVerdict = 'black' | 'disputed' | 'watch' | 'red' | 'clear';

/** One entry of a scenario: which list, which life story, optionally which category. */
export interface ScenarioPart {
  list: 'red' | 'black';
  shape: EntryShape;
  category?: string;
  visibility?: 'internal';
}

/** A subject's story: its kind and its entries. */
export interface Scenario {
  kind?: SubjectKind;
  parts: ScenarioPart[];
}

/** A scenario the committed demo list names by role, so tests and demo pages can rely on it. */
export interface Fixture extends Scenario {
  role: string;
}

/**
 * The named fixtures, always the first subjects of the demo data (in this order). Other engineers'
 * tests and the demo pages use them by role.
 */
export const FIXTURES: readonly Fixture[] = [
  { role: 'black', kind: 'enterprise', parts: [{ list: 'black', shape: 'active', category: '失信被执行人' }] },
  {
    role: 'black-and-red',
    kind: 'enterprise',
    parts: [
      { list: 'red', shape: 'active', category: '纳税信用A级纳税人' },
      { list: 'black', shape: 'active', category: '重大税收违法失信主体' },
    ],
  },
  {
    role: 'red',
    kind: 'enterprise',
    parts: [
      { list: 'red', shape: 'active', category: '纳税信用A级纳税人' },
      { list: 'red', shape: 'active', category: '重合同守信用企业' },
    ],
  },
  { role: 'disputed', kind: 'enterprise', parts: [{ list: 'black', shape: 'disputed', category: '政府采购严重违法失信行为记录' }] },
  { role: 'watch', kind: 'enterprise', parts: [{ list: 'black', shape: 'monitoring', category: '拖欠农民工工资失信联合惩戒对象' }] },
  { role: 'expired-only', kind: 'enterprise', parts: [{ list: 'black', shape: 'expired', category: '环境保护严重失信' }] },
  { role: 'expired-stale', kind: 'enterprise', parts: [{ list: 'black', shape: 'expired-stale', category: '安全生产严重失信' }] },
  { role: 'revoked-only', kind: 'enterprise', parts: [{ list: 'black', shape: 'revoked', category: '失信被执行人' }] },
  { role: 'exited-past-monitoring', kind: 'enterprise', parts: [{ list: 'black', shape: 'past-monitoring', category: '重大税收违法失信主体' }] },
  { role: 'internal-only', kind: 'enterprise', parts: [{ list: 'black', shape: 'active', category: '围标串标', visibility: 'internal' }] },
  { role: 'red-expired', kind: 'enterprise', parts: [{ list: 'red', shape: 'expired', category: '劳动保障A级诚信单位' }] },
  { role: 'clear', kind: 'enterprise', parts: [] },
  { role: 'black-not-repairable', kind: 'enterprise', parts: [{ list: 'black', shape: 'active', category: '非法集资' }] },
  {
    role: 'black-multiple',
    kind: 'enterprise',
    parts: [
      { list: 'black', shape: 'active', category: '拖欠农民工工资失信联合惩戒对象' },
      { list: 'black', shape: 'active', category: '围标串标' },
      { list: 'black', shape: 'past-monitoring', category: '失信被执行人' },
    ],
  },
  { role: 'individual-black', kind: 'individual', parts: [{ list: 'black', shape: 'active', category: '食品药品安全严重失信' }] },
  { role: 'association-red', kind: 'association', parts: [{ list: 'red', shape: 'active', category: '5A级社会组织' }] },
  { role: 'cooperative-red', kind: 'cooperative', parts: [{ list: 'red', shape: 'active', category: '食品安全诚信单位' }] },
  { role: 'institution-clear', kind: 'institution', parts: [] },
];

/**
 * Fixtures of the entry lifecycle (issue 11): one subject in each state the state machine adds.
 * They come after every other subject and draw from their own random stream, so adding them
 * changed no earlier subject's code or verdict.
 */
export const LIFECYCLE_FIXTURES: readonly Fixture[] = [
  { role: 'repair-pending', kind: 'enterprise', parts: [{ list: 'black', shape: 'repair-pending', category: '拖欠农民工工资失信联合惩戒对象' }] },
  { role: 'repair-refused', kind: 'enterprise', parts: [{ list: 'black', shape: 'repair-refused', category: '环境保护严重失信' }] },
  { role: 'future-listing', kind: 'enterprise', parts: [{ list: 'black', shape: 'future', category: '围标串标' }] },
  { role: 'red-disputed', kind: 'enterprise', parts: [{ list: 'red', shape: 'disputed', category: '重合同守信用企业' }] },
  { role: 'exited-disputed', kind: 'enterprise', parts: [{ list: 'black', shape: 'exited-disputed', category: '安全生产严重失信' }] },
];

/** How often each story appears among the other subjects (weights). */
export const SCENARIO_WEIGHTS: Readonly<Record<string, number>> = {
  none: 10,
  red: 14,
  redTwo: 6,
  black: 14,
  blackTwo: 3,
  blackWithHistory: 4,
  blackAndRed: 5,
  disputed: 5,
  disputedAndRed: 2,
  watch: 6,
  watchAndRed: 2,
  pastMonitoring: 5,
  expired: 4,
  expiredStale: 3,
  revoked: 4,
  redExpired: 4,
  internal: 4,
};

/** The entries of each weighted story; categories are drawn to fit the subject's kind. */
export const SCENARIO_PARTS: Readonly<Record<string, ScenarioPart[]>> = {
  none: [],
  red: [{ list: 'red', shape: 'active' }],
  redTwo: [
    { list: 'red', shape: 'active' },
    { list: 'red', shape: 'active' },
  ],
  black: [{ list: 'black', shape: 'active' }],
  blackTwo: [
    { list: 'black', shape: 'active' },
    { list: 'black', shape: 'active' },
  ],
  blackWithHistory: [
    { list: 'black', shape: 'active' },
    { list: 'black', shape: 'past-monitoring' },
  ],
  blackAndRed: [
    { list: 'red', shape: 'active' },
    { list: 'black', shape: 'active' },
  ],
  disputed: [{ list: 'black', shape: 'disputed' }],
  disputedAndRed: [
    { list: 'red', shape: 'active' },
    { list: 'black', shape: 'disputed' },
  ],
  watch: [{ list: 'black', shape: 'monitoring' }],
  watchAndRed: [
    { list: 'red', shape: 'active' },
    { list: 'black', shape: 'monitoring' },
  ],
  pastMonitoring: [{ list: 'black', shape: 'past-monitoring' }],
  expired: [{ list: 'black', shape: 'expired' }],
  expiredStale: [{ list: 'black', shape: 'expired-stale' }],
  revoked: [{ list: 'black', shape: 'revoked' }],
  redExpired: [{ list: 'red', shape: 'expired' }],
  internal: [{ list: 'black', shape: 'active', visibility: 'internal' }],
};

/** Which kind of subject each generated subject is (weights). */
export const KIND_WEIGHTS: Readonly<Record<SubjectKind, number>> = {
  enterprise: 75,
  individual: 10,
  cooperative: 5,
  association: 5,
  institution: 5,
};

/** Shapes whose entry is in force and not disputed: they count as listed. */
const IN_FORCE: readonly EntryShape[] = ['active', 'repair-pending', 'repair-refused'];
/** Shapes of a black entry that left the list and is still in its monitoring period. */
const MONITORED: readonly EntryShape[] = ['monitoring', 'exited-disputed'];

/**
 * The verdict a scenario must produce, by the rules of core/verdict (written independently here, so
 * each checks the other): black (a black entry in force) beats disputed (a black entry under
 * objection: punishments suspended) beats red (a red entry in force) beats disputed (a red entry
 * under objection: incentives held) beats watch (left the black list, still in the monitoring
 * period) beats clear. An entry listed for a later day is not in force. `anonymous` ignores
 * internal entries.
 */
export function expectedVerdict(parts: readonly ScenarioPart[], anonymous = false): ExpectedVerdict {
  const seen = parts.filter((p) => !anonymous || p.visibility !== 'internal');
  const has = (list: 'red' | 'black', shapes: readonly EntryShape[]) => seen.some((p) => p.list === list && shapes.includes(p.shape));
  if (has('black', IN_FORCE)) return 'black';
  if (has('black', ['disputed'])) return 'disputed';
  if (has('red', IN_FORCE)) return 'red';
  if (has('red', ['disputed'])) return 'disputed';
  if (has('black', MONITORED)) return 'watch';
  return 'clear';
}
