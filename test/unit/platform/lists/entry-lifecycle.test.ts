import { describe, expect, it } from 'vitest';
import {
  nextPosition,
  storedState,
  TRANSITION_NAMES,
  type EntryPosition,
  type LifecycleState,
  type TransitionName,
} from '../../../../platform/lists/entry-lifecycle.ts';

const at = (state: LifecycleState, flags = ''): EntryPosition => ({ state, objectionPending: flags.includes('O'), repairPending: flags.includes('R') });
const label = (p: EntryPosition) => `${p.state}${p.objectionPending ? '+objection' : ''}${p.repairPending ? '+repair' : ''}`;

/** Every position an entry can be in (a pending objection and a pending repair never coexist). */
const POSITIONS: EntryPosition[] = [
  at('none'),
  at('listed'),
  at('listed', 'O'),
  at('listed', 'R'),
  at('exited'),
  at('exited', 'O'),
  at('expired'),
  at('expired', 'O'),
  at('revoked'),
];

/** Every allowed transition and where it leads; anything not here is refused. */
const ALLOWED: [EntryPosition, TransitionName, EntryPosition][] = [
  [at('none'), 'list', at('listed')],
  [at('listed'), 'update', at('listed')],
  [at('listed', 'O'), 'update', at('listed', 'O')],
  [at('listed', 'R'), 'update', at('listed', 'R')],
  [at('exited'), 'update', at('exited')],
  [at('exited', 'O'), 'update', at('exited', 'O')],
  [at('expired'), 'update', at('expired')],
  [at('expired', 'O'), 'update', at('expired', 'O')],
  [at('listed'), 'dispute', at('listed', 'O')],
  [at('exited'), 'dispute', at('exited', 'O')],
  [at('listed', 'O'), 'uphold-objection', at('revoked')],
  [at('exited', 'O'), 'uphold-objection', at('revoked')],
  [at('expired', 'O'), 'uphold-objection', at('revoked')],
  [at('listed', 'O'), 'reject-objection', at('listed')],
  [at('exited', 'O'), 'reject-objection', at('exited')],
  [at('expired', 'O'), 'reject-objection', at('expired')],
  [at('listed'), 'exit', at('exited')],
  [at('listed', 'O'), 'exit', at('exited', 'O')],
  [at('listed'), 'file-repair', at('listed', 'R')],
  [at('listed', 'R'), 'approve-repair', at('exited')],
  [at('listed', 'R'), 'refuse-repair', at('listed')],
  [at('listed'), 'expire', at('expired')],
  [at('listed', 'O'), 'expire', at('expired', 'O')],
  [at('listed', 'R'), 'expire', at('expired')],
  [at('exited'), 'end-monitoring', at('exited')],
  [at('exited', 'O'), 'end-monitoring', at('exited', 'O')],
  [at('expired'), 'end-monitoring', at('expired')],
  [at('expired', 'O'), 'end-monitoring', at('expired', 'O')],
];

const allowedKey = (p: EntryPosition, t: TransitionName) => `${label(p)} ${t}`;
const allowed = new Map(ALLOWED.map(([from, t, to]) => [allowedKey(from, t), to]));
const REFUSED = POSITIONS.flatMap((p) => TRANSITION_NAMES.filter((t) => !allowed.has(allowedKey(p, t))).map((t) => [p, t] as const));

describe('nextPosition', () => {
  it.each(ALLOWED.map(([from, t, to]) => [label(from), t, label(to), from, to] as const))('returns %s --%s--> %s', (_f, t, _t, from, to) => {
    const next = nextPosition(from, t);
    expect(next.ok && next.position).toEqual(to);
  });

  it.each(REFUSED.map(([p, t]) => [t, label(p), p] as const))('refuses %s from %s with a reason', (t, _label, p) => {
    const next = nextPosition(p, t);
    expect(next.ok).toBe(false);
    expect(!next.ok && next.reason).toMatch(/^cannot /);
  });

  it.each<[EntryPosition, TransitionName, RegExp]>([
    [at('listed', 'O'), 'dispute', /objection to this entry is being verified/],
    [at('exited', 'O'), 'dispute', /objection to this entry is being verified/],
    [at('listed', 'R'), 'dispute', /repair application for this entry is pending/],
    [at('revoked'), 'dispute', /revoked \(an objection to it was upheld\)/],
    [at('expired'), 'dispute', /the entry is expired/],
    [at('listed'), 'uphold-objection', /no objection to this entry is pending/],
    [at('listed', 'R'), 'exit', /repair application for this entry is pending; it must be decided first/],
    [at('exited'), 'exit', /cannot exit the entry: the entry is exited/],
    [at('revoked'), 'exit', /revoked/],
    [at('listed', 'O'), 'file-repair', /objection to this entry is being verified/],
    [at('listed', 'R'), 'file-repair', /repair application for this entry is pending/],
    [at('listed'), 'approve-repair', /no repair application for this entry is pending/],
    [at('revoked'), 'update', /revoked/],
    [at('listed'), 'list', /the entry is listed/],
  ])('refuses %j %s saying why', (p, t, reason) => {
    const next = nextPosition(p, t);
    expect(!next.ok && next.reason).toMatch(reason);
  });

  it('covers every position and transition in the two tables', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(POSITIONS.length * TRANSITION_NAMES.length);
  });
});

describe('storedState', () => {
  it.each<[EntryPosition, string]>([
    [at('listed'), 'active'],
    [at('listed', 'O'), 'disputed'],
    [at('listed', 'R'), 'active'],
    [at('exited', 'O'), 'exited'],
    [at('expired', 'O'), 'expired'],
    [at('revoked'), 'revoked'],
  ])('returns the stored state of %j: %s', (p, stored) => {
    expect(storedState(p)).toBe(stored);
  });
});
