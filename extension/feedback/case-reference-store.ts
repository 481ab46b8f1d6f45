/**
 * The case reference (审批事项编号, 项目编号) feedback is filed under, remembered per tab in
 * `storage.session`: staff type it once per page, and every card of the page (in any frame)
 * starts with it. One typed by the user wins over one found in a labelled field of the page.
 */
import { caseReferencesItem, type StoredCaseReferences as Stored } from '../settings/storage-items.ts';

type Source = 'typed' | 'page';

export interface CaseReferenceStore {
  get(tabId: number): Promise<string | null>;
  set(tabId: number, value: string, source: Source): Promise<void>;
  drop(tabId: number): Promise<void>;
}

/** The store over `storage.session` (cleared when the browser closes). */
export function createCaseReferenceStore(): CaseReferenceStore {
  let chain: Promise<unknown> = Promise.resolve();
  const read = (): Promise<Stored> => caseReferencesItem.getValue().catch(() => ({}));
  // Serialized, so two frames reporting at once do not overwrite each other.
  const update = (change: (all: Stored) => void): Promise<void> => {
    const next = chain.then(async () => {
      const all = await read();
      change(all);
      await caseReferencesItem.setValue(all).catch(() => undefined);
    });
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    async get(tabId) {
      await chain;
      return (await read())[String(tabId)]?.value || null;
    },
    set: (tabId, value, source) =>
      update((all) => {
        const before = all[String(tabId)];
        if (source === 'page' && before?.source === 'typed') return;
        if (value.trim() === '') delete all[String(tabId)];
        else all[String(tabId)] = { value: value.trim(), source };
      }),
    drop: (tabId) => update((all) => void delete all[String(tabId)]),
  };
}
