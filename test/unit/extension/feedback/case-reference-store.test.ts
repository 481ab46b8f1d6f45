import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCaseReferenceStore } from '../../../../extension/feedback/case-reference-store.ts';

describe('createCaseReferenceStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one case per tab, a typed one winning over one the page shows', async () => {
    const store = createCaseReferenceStore();
    await store.set(1, 'HYCG-2026-0318', 'page');
    expect(await store.get(1)).toBe('HYCG-2026-0318');
    await store.set(1, ' SP-7 ', 'typed');
    await store.set(1, 'HYCG-2026-0319', 'page');
    expect(await store.get(1)).toBe('SP-7');
    expect(await store.get(2)).toBeNull();
  });

  it('survives a new store (a restarted worker) and forgets a closed tab', async () => {
    await createCaseReferenceStore().set(4, 'SP-4', 'typed');
    const again = createCaseReferenceStore();
    expect(await again.get(4)).toBe('SP-4');
    await again.drop(4);
    expect(await again.get(4)).toBeNull();
  });

  it('does not lose one of two reports sent at once', async () => {
    const store = createCaseReferenceStore();
    await Promise.all([store.set(1, 'A-1', 'page'), store.set(2, 'B-2', 'page')]);
    expect([await store.get(1), await store.get(2)]).toEqual(['A-1', 'B-2']);
  });
});
