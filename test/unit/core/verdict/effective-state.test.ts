import { describe, expect, it } from 'vitest';
import type { EntryState } from '../../../../core/api/list-entry-schema.ts';
import { effectiveState } from '../../../../core/verdict/effective-state.ts';
import { makeEntry } from '../fixtures/make-entry.ts';

describe('effectiveState', () => {
  it.each<[EntryState, string | null, EntryState]>([
    ['active', null, 'active'],
    ['active', '2026-03-01', 'active'],
    ['active', '2026-03-02', 'active'],
    ['active', '2026-02-28', 'expired'],
    ['disputed', null, 'disputed'],
    ['disputed', '2026-03-01', 'disputed'],
    ['disputed', '2026-02-28', 'expired'],
    ['exited', null, 'exited'],
    ['exited', '2027-01-01', 'exited'],
    ['expired', '2027-01-01', 'expired'],
    ['revoked', null, 'revoked'],
  ])('returns %s with validUntil %s as %s on 2026-03-01', (state, validUntil, expected) => {
    expect(effectiveState(makeEntry({ state, validUntil }), '2026-03-01')).toBe(expected);
  });
});
