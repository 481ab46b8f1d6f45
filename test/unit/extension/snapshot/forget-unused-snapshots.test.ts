import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetUnusedSnapshots } from '../../../../extension/snapshot/forget-unused-snapshots.ts';

const kept = {
  listSnapshot: 'single',
  listSnapshotDelta: 'single',
  listSnapshotInfo: 'single',
  'listSnapshot:city': 'city',
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
    await forgetUnusedSnapshots(['city', 'province']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['listSnapshot:city', 'listSnapshotInfo:city', 'settings', 'tabRecords']);
  });

  it('keeps only the single platform’s when no list is configured', async () => {
    await forgetUnusedSnapshots(null);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      'listSnapshot',
      'listSnapshotDelta',
      'listSnapshotInfo',
      'settings',
      'tabRecords',
    ]);
  });
});
