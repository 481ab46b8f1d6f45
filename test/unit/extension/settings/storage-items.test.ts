import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  backgroundStateItem,
  caseReferencesItem,
  checkedItem,
  dropRetiredKeys,
  feedbackQueueItem,
  pageNamesItem,
  settingsItem,
  tabRecordsItem,
  validEntries,
} from '../../../../extension/settings/storage-items.ts';
import { parseStoredSettings } from '../../../../extension/settings/settings-schema.ts';
import * as z from 'zod/mini';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const queued = {
  request: {
    idempotencyKey: 'key-00000001',
    code: withUsccCheck('91420100MA4K3N2X7'),
    entryId: 'e-1',
    measureId: 'm-1',
    outcome: 'applied',
    reason: null,
    caseReference: 'CG-1',
    note: null,
    operator: null,
    context: 'procurement',
  },
  status: 'pending',
  enqueuedAt: '2026-12-02T06:00:00.000Z',
  attempts: 0,
  nextAttemptAt: null,
  error: null,
};

describe('storage items', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('returns the settings stored under local:settings, defaults filled in', async () => {
    await fakeBrowser.storage.local.set({ settings: { platformUrl: 'https://credit.example.gov.cn', operator: '张三' } });
    expect(await settingsItem.getValue()).toEqual({ ...parseStoredSettings({}), platformUrl: 'https://credit.example.gov.cn', operator: '张三' });
  });

  it.each([
    ['nothing stored', undefined],
    ['a string', 'not settings'],
    ['a broken URL', { platformUrl: 'javascript:alert(1)' }],
    ['a number out of range', { freshnessMinutes: -1 }],
  ])('returns the defaults when %s is stored under local:settings', async (_, stored) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ settings: stored });
    expect(await settingsItem.getValue()).toEqual(parseStoredSettings({}));
  });

  it('writes the key an e2e test or an earlier version reads', async () => {
    await settingsItem.setValue({ ...parseStoredSettings({}), operator: '李四' });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ operator: '李四' });
  });

  it('keeps the valid feedback of a queue and drops a broken entry alone', async () => {
    await fakeBrowser.storage.local.set({ feedbackQueue: [queued, { request: 'broken' }, { ...queued, status: 'sent?' }] });
    expect(await feedbackQueueItem.getValue()).toEqual([queued]);
  });

  it('reads the background state from session storage and drops a frame of the wrong shape', async () => {
    const frame = { tabId: 1, frameId: 0, url: 'http://127.0.0.1/a', context: 'general', codes: ['X'], findings: [] };
    await fakeBrowser.storage.session.set({ backgroundState: { cursor: 3, source: 's', frames: [frame] } });
    expect(await backgroundStateItem.getValue()).toEqual({ cursor: 3, source: 's', frames: [frame] });
    await fakeBrowser.storage.session.set({ backgroundState: { cursor: 3, frames: [{ ...frame, context: 'nowhere' }] } });
    expect(await backgroundStateItem.getValue()).toEqual({});
  });

  it('reads case references and page names from session storage, checked', async () => {
    await fakeBrowser.storage.session.set({ caseReferences: { 7: { value: 'CG-1', source: 'typed' } } });
    expect(await caseReferencesItem.getValue()).toEqual({ 7: { value: 'CG-1', source: 'typed' } });
    await fakeBrowser.storage.session.set({ caseReferences: { 7: { value: 'CG-1', source: 'guessed' } } });
    expect(await caseReferencesItem.getValue()).toEqual({});
    const names = { tabId: 7, frameId: 0, url: 'http://127.0.0.1/a', title: null, context: 'general', codes: [{ code: 'X', pageName: null }] };
    await fakeBrowser.storage.session.set({ pageNames: [names, { tabId: 'seven' }] });
    expect(await pageNamesItem.getValue()).toEqual([names]);
  });

  it('drops a tab record of the wrong shape and removes the retired lastRecord key, keeping the others', async () => {
    await fakeBrowser.storage.local.set({ tabRecords: [{ tabId: 'seven' }], lastRecord: { signed: {} }, settings: { operator: '张三' } });
    expect(await tabRecordsItem.getValue()).toEqual([]);
    await dropRetiredKeys();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['settings', 'tabRecords']);
  });

  it('calls a watcher with the checked new value', async () => {
    const item = checkedItem('local:probe', validEntries(z.number()));
    const seen: number[][] = [];
    const stop = item.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ probe: [1, 'two', 3] });
    stop();
    await fakeBrowser.storage.local.set({ probe: [4] });
    expect(seen).toEqual([[1, 3]]);
  });
});
