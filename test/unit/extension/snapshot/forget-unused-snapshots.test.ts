import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetUnusedSnapshots } from '../../../../extension/snapshot/forget-unused-snapshots.ts';
import { snapshotKeyOwner } from '../../../../extension/snapshot/snapshot-items.ts';

const kept = {
  listSnapshot: 'single',
  listSnapshotDelta: 'single',
  listSnapshotInfo: 'single',
  listSnapshot$: { v: 1 },
  'listSnapshot:city': 'city',
  'listSnapshot:city$': { v: 1 },
  'listSnapshotInfo:city': 'city',
  'listSnapshot:old-district': 'old',
  'listSnapshotDelta:old-district': 'old',
  'listSnapshot:old-district$': { v: 1 },
  settings: { platformUrl: 'http://127.0.0.1:9' },
  tabRecords: [],
};

describe('forgetUnusedSnapshots', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(kept);
  });

  it('keeps the configured platforms’ snapshots and removes the others’ and the single platform’s', async () => {
    await forgetUnusedSnapshots(() => ['city', 'province']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'listSnapshot:city',
      'listSnapshot:city$',
      'listSnapshotInfo:city',
      'settings',
      'tabRecords',
    ]);
  });

  it('keeps only the single platform’s when no list is configured', async () => {
    await forgetUnusedSnapshots(() => null);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'listSnapshot',
      'listSnapshot$',
      'listSnapshotDelta',
      'listSnapshotInfo',
      'settings',
      'tabRecords',
    ]);
  });

  it('asks which platforms are in use just before removing, so a list changed meanwhile keeps its own', async () => {
    let inUse: string[] | null = ['province'];
    const forgetting = forgetUnusedSnapshots(() => inUse);
    inUse = ['old-district'];
    await forgetting;
    const left = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(left).toEqual(expect.arrayContaining(['listSnapshot:old-district', 'listSnapshotDelta:old-district']));
    expect(left).not.toContain('listSnapshot:city');
  });
});

describe('snapshotKeyOwner', () => {
  it.each([
    ['listSnapshot', null],
    ['listSnapshotInfo$', null],
    ['listSnapshotDelta:city', 'city'],
    ['listSnapshot:city.v2$', 'city.v2'],
    ['settings', undefined],
    ['listSnapshots', undefined],
  ])('%s → %s', (key, owner) => {
    expect(snapshotKeyOwner(key)).toBe(owner);
  });
});
