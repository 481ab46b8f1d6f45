import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLastRecordStore } from '../../../../extension/records/last-record-store.ts';

const stored = (recordId: string) => ({
  signed: {
    record: {
      version: 1 as const,
      recordId,
      platform: 'p',
      issuedAt: '2026-11-26T02:00:00.000Z',
      context: 'procurement' as const,
      caseReference: 'A-1',
      operator: null,
      department: 'd',
      source: { url: null, title: null },
      items: [],
      asOf: '2026-11-26T02:00:00.000Z',
      dataVersion: 1,
    },
    signature: { algorithm: 'Ed25519' as const, keyId: 'k', value: 'c2ln' },
  },
  source: 'tab' as const,
  omitted: 0,
});

describe('createLastRecordStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a record back only to its tab, on the same page and case', async () => {
    const store = createLastRecordStore();
    await store.save({ tabId: 1, pageUrl: 'http://gov/bid.html#top', caseReference: 'A-1' }, stored('r1'));
    await store.save({ tabId: 2, pageUrl: 'http://gov/approval.html', caseReference: null }, stored('r2'));
    expect((await store.load({ tabId: 1, pageUrl: 'http://gov/bid.html', caseReference: 'A-1' }))?.signed.record.recordId).toBe('r1');
    expect((await store.load({ tabId: 2, pageUrl: 'http://gov/approval.html', caseReference: null }))?.signed.record.recordId).toBe('r2');
    expect(await store.load({ tabId: 1, pageUrl: 'http://gov/approval.html', caseReference: 'A-1' })).toBeNull();
    expect(await store.load({ tabId: 1, pageUrl: 'http://gov/bid.html', caseReference: 'B-2' })).toBeNull();
    expect(await store.load({ tabId: 3, pageUrl: 'http://gov/bid.html', caseReference: 'A-1' })).toBeNull();
  });

  it('forgets a tab’s record, and keeps a list pasted without a tab apart', async () => {
    const store = createLastRecordStore();
    await store.save({ tabId: 1, pageUrl: 'http://gov/bid.html', caseReference: null }, stored('r1'));
    await store.save({ tabId: null, pageUrl: null, caseReference: null }, stored('r0'));
    await store.forget(1);
    expect(await store.load({ tabId: 1, pageUrl: 'http://gov/bid.html', caseReference: null })).toBeNull();
    expect((await store.load({ tabId: null, pageUrl: null, caseReference: null }))?.signed.record.recordId).toBe('r0');
  });
});
