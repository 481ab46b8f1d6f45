/**
 * The check records of the tabs, in `storage.local`: the popup closes as soon as it loses focus,
 * and a record the platform signed must not be lost with it. A record belongs to the tab it was
 * made from, that tab's page and its case reference: the popup of another tab, of the same tab on
 * another page or of another case is not offered it (issue 14). A pasted list made without a tab
 * is kept apart. Whatever is stored is checked against the schema when read back.
 */
import type { StoredRecord } from '../messaging/record-messages.ts';
import { tabRecordsItem, type StoredTabRecord as Entry } from '../settings/storage-items.ts';

/** Whose a record is: a tab (null: none), its page's URL and the case reference it showed then. */
export interface RecordOwner {
  tabId: number | null;
  pageUrl: string | null;
  caseReference: string | null;
}

export interface LastRecordStore {
  /** The record of `owner`: only one made for the same tab, page and case reference. */
  load(owner: RecordOwner): Promise<StoredRecord | null>;
  save(owner: RecordOwner, record: StoredRecord): Promise<void>;
  /** Forgets the tab's record (its last attempt failed). */
  forget(tabId: number | null): Promise<void>;
}

/** Records of this many tabs are kept; the oldest go first. */
const KEEP = 20;

/** A page's URL without its fragment: scrolling to an anchor is the same page. */
export function pageKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

/** The store over `storage.local`. */
export function createLastRecordStore(): LastRecordStore {
  async function entries(): Promise<Entry[]> {
    return tabRecordsItem.getValue().catch(() => []);
  }
  return {
    async load(owner) {
      const entry = (await entries()).find((e) => e.tabId === owner.tabId);
      if (!entry) return null;
      if (entry.pageUrl !== pageKey(owner.pageUrl) || (entry.caseReference ?? null) !== (owner.caseReference ?? null)) return null;
      return entry.stored;
    },
    async save(owner, stored) {
      const others = (await entries()).filter((e) => e.tabId !== owner.tabId);
      const entry: Entry = { tabId: owner.tabId, pageUrl: pageKey(owner.pageUrl), caseReference: owner.caseReference ?? null, stored };
      await tabRecordsItem.setValue([...others.slice(-(KEEP - 1)), entry]);
    },
    async forget(tabId) {
      const all = await entries();
      const kept = all.filter((e) => e.tabId !== tabId);
      if (kept.length !== all.length) await tabRecordsItem.setValue(kept);
    },
  };
}
