import { describe, expect, it } from 'vitest';
import { dayNumber, FOREVER_DAY } from '../../../../core/snapshot/china-day-number.ts';
import { classOnDay, snapshotTimeline } from '../../../../core/snapshot/snapshot-timeline.ts';
import { makeEntry } from '../fixtures/make-entry.ts';

const d = dayNumber;

describe('snapshotTimeline', () => {
  it.each([
    ['an active black entry without end', [makeEntry()], [1, FOREVER_DAY]],
    ['a black entry ending on a date', [makeEntry({ validUntil: '2026-12-31' })], [1, d('2026-12-31')]],
    ['a black entry with monitoring after it', [makeEntry({ state: 'exited', validUntil: '2026-06-30', monitoringUntil: '2027-03-01' })], [5, d('2027-03-01')]],
    [
      'black, then monitored after its validity',
      [makeEntry({ validUntil: '2026-12-31', monitoringUntil: '2027-06-30' })],
      [1, d('2026-12-31'), 5, d('2027-06-30')],
    ],
    ['a disputed black entry', [makeEntry({ state: 'disputed' })], [2, FOREVER_DAY]],
    ['a disputed red entry', [makeEntry({ list: 'red', state: 'disputed' })], [3, FOREVER_DAY]],
    ['a red entry', [makeEntry({ list: 'red', validUntil: '2027-01-01' })], [4, d('2027-01-01')]],
    ['red under black: black first, then red', [makeEntry({ validUntil: '2026-12-31' }), makeEntry({ list: 'red' })], [1, d('2026-12-31'), 4, FOREVER_DAY]],
    ['an entry not yet in force', [makeEntry({ listedOn: '2026-12-10' })], [0, d('2026-12-09'), 1, FOREVER_DAY]],
    ['an expired entry: nothing', [makeEntry({ validUntil: '2026-11-30' })], []],
    ['a revoked entry: nothing', [makeEntry({ state: 'revoked', monitoringUntil: '2027-01-01' })], []],
    ['no entries: nothing', [], []],
    ['an internal-only black entry: withheld (a page may read what is painted)', [makeEntry({ visibility: 'internal' })], [6, FOREVER_DAY]],
    ['internal black over public black: black', [makeEntry({ visibility: 'internal' }), makeEntry()], [1, FOREVER_DAY]],
    [
      'internal black over public red: withheld, then red',
      [makeEntry({ visibility: 'internal', validUntil: '2026-12-31' }), makeEntry({ list: 'red' })],
      [6, d('2026-12-31'), 4, FOREVER_DAY],
    ],
  ])('%s', (_, entries, expected) => {
    expect(snapshotTimeline(entries, '2026-12-02')).toEqual(expected);
  });
});

describe('classOnDay', () => {
  const timeline = [1, d('2026-12-31'), 5, d('2027-06-30')];
  it.each([
    ['2026-12-02', 1],
    ['2026-12-31', 1],
    ['2027-01-01', 5],
    ['2027-06-30', 5],
    ['2027-07-01', 0],
  ])('on %s gives class %d', (day, cls) => {
    expect(classOnDay(timeline, d(day))).toBe(cls);
  });
});
