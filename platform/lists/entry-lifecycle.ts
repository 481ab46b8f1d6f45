import type { Change } from '../../core/api/changes-schema.ts';
import type { EntryState } from '../../core/api/list-entry-schema.ts';
import type { SubjectEvent } from '../../core/api/subject-details-schema.ts';

// The life of a list entry, in one place: every state, every allowed transition and what each one
// records. Every path that changes an entry (import, admin routes, objections, repairs, the expiry
// sweep) asks `nextPosition` first and refuses what this table does not allow. See README.md.

/**
 * Where an entry stands in its life: listed (in force while its dates say so), exited (off the
 * list; a black exit starts key monitoring), expired (ran past its validity), revoked (an upheld
 * objection: it was wrong, the reputation restored). `none`: not stored yet.
 */
export const LIFECYCLE_STATES = ['none', 'listed', 'exited', 'expired', 'revoked'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/**
 * An entry's position: its state, and what is pending on it. An objection being verified
 * suspends the punishments of a listed entry (`disputed`, section (二十七)); it can also be
 * pending on an entry that has since exited or expired. A repair application (section (二十六))
 * leaves the entry in force until it is decided.
 */
export interface EntryPosition {
  state: LifecycleState;
  objectionPending: boolean;
  repairPending: boolean;
}

export const TRANSITION_NAMES = [
  'list',
  'update',
  'dispute',
  'uphold-objection',
  'reject-objection',
  'exit',
  'file-repair',
  'approve-repair',
  'refuse-repair',
  'expire',
  'end-monitoring',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** One allowed transition: from which states, with what pending, to where, and what it records. */
export interface Transition {
  from: readonly LifecycleState[];
  /** Required value of `objectionPending` (absent: either). */
  objection?: boolean;
  /** Required value of `repairPending` (absent: either). */
  repair?: boolean;
  to: LifecycleState | 'same';
  /** The pending flags afterwards (absent: unchanged). */
  objectionAfter?: boolean;
  repairAfter?: boolean;
  /** History events, in order, and the kind of the one change in the feed. */
  events: readonly SubjectEvent['kind'][];
  change: Change['kind'];
  /** What it does, for refusals ("cannot <verb>: …") and the README. */
  verb: string;
}

/** Every allowed transition. Anything else is refused (409 conflict) with the reason `nextPosition` gives. */
export const TRANSITIONS: Readonly<Record<TransitionName, Transition>> = {
  list: { from: ['none'], to: 'listed', objectionAfter: false, repairAfter: false, events: ['listed'], change: 'listed', verb: 'list the entry' },
  // Descriptive fields only (facts, basis, names; dates while listed): never the state or what is pending.
  // A revoked entry is not updated: it was wrong, and it stays removed.
  update: { from: ['listed', 'exited', 'expired'], to: 'same', events: ['updated'], change: 'updated', verb: 'update the entry' },
  dispute: {
    from: ['listed', 'exited'],
    objection: false,
    repair: false,
    to: 'same',
    objectionAfter: true,
    events: ['disputed'],
    change: 'disputed',
    verb: 'file an objection',
  },
  // Upheld: the entry was wrong. Revoked, never monitored, whatever it had become meanwhile.
  'uphold-objection': {
    from: ['listed', 'exited', 'expired'],
    objection: true,
    to: 'revoked',
    objectionAfter: false,
    repairAfter: false,
    events: ['objection-upheld', 'revoked'],
    change: 'revoked',
    verb: 'uphold the objection',
  },
  // Rejected: the entry is where it would be without the objection now (listed, or still exited/expired).
  'reject-objection': {
    from: ['listed', 'exited', 'expired'],
    objection: true,
    to: 'same',
    objectionAfter: false,
    events: ['objection-rejected'],
    change: 'resolved',
    verb: 'reject the objection',
  },
  // An exit while an objection is pending keeps the objection pending: it is still decided later.
  exit: { from: ['listed'], repair: false, to: 'exited', events: ['exited'], change: 'exited', verb: 'exit the entry' },
  'file-repair': {
    from: ['listed'],
    objection: false,
    repair: false,
    to: 'same',
    repairAfter: true,
    events: ['repair-filed'],
    change: 'updated',
    verb: 'file a repair application',
  },
  'approve-repair': {
    from: ['listed'],
    repair: true,
    to: 'exited',
    repairAfter: false,
    events: ['repair-approved', 'exited'],
    change: 'exited',
    verb: 'approve the repair',
  },
  'refuse-repair': { from: ['listed'], repair: true, to: 'same', repairAfter: false, events: ['repair-refused'], change: 'updated', verb: 'refuse the repair' },
  // By date (the sweep): a pending repair lapses; a pending objection stays to be decided.
  expire: { from: ['listed'], to: 'expired', repairAfter: false, events: ['expired'], change: 'expired', verb: 'expire the entry' },
  'end-monitoring': { from: ['exited', 'expired'], to: 'same', events: ['monitoring-ended'], change: 'updated', verb: 'end the monitoring period' },
};

const STATE_WORDS: Record<LifecycleState, string> = {
  none: 'not on the platform',
  listed: 'listed',
  exited: 'exited',
  expired: 'expired',
  revoked: 'revoked (an objection to it was upheld)',
};

/** The refusal of a transition, or where it leads. */
export type NextPosition = { ok: true; position: EntryPosition; transition: Transition } | { ok: false; reason: string };

/** Where `name` takes an entry at `position`, or why it may not happen. Pure: the table decides. */
export function nextPosition(position: EntryPosition, name: TransitionName): NextPosition {
  const t = TRANSITIONS[name];
  const refuse = (why: string): NextPosition => ({ ok: false, reason: `cannot ${t.verb}: ${why}` });
  if (!t.from.includes(position.state)) return refuse(`the entry is ${STATE_WORDS[position.state]}`);
  if (t.objection === false && position.objectionPending) return refuse('an objection to this entry is being verified; it must be resolved first');
  if (t.objection === true && !position.objectionPending) return refuse('no objection to this entry is pending');
  if (t.repair === false && position.repairPending) return refuse('a repair application for this entry is pending; it must be decided first');
  if (t.repair === true && !position.repairPending) return refuse('no repair application for this entry is pending');
  return {
    ok: true,
    transition: t,
    position: {
      state: t.to === 'same' ? position.state : t.to,
      objectionPending: t.objectionAfter ?? position.objectionPending,
      repairPending: t.repairAfter ?? position.repairPending,
    },
  };
}

/** The state an entry at `position` is stored (and answered) with: a listed entry under objection is `disputed`. */
export function storedState(position: EntryPosition): EntryState {
  if (position.state === 'none') throw new Error('an entry that is not stored has no stored state');
  if (position.state === 'listed') return position.objectionPending ? 'disputed' : 'active';
  return position.state;
}

/** The lifecycle state of a stored state (`disputed` is listed with an objection pending). */
export function lifecycleState(stored: EntryState): LifecycleState {
  return stored === 'active' || stored === 'disputed' ? 'listed' : stored;
}
