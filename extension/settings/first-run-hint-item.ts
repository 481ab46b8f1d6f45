/**
 * Whether the first-run hint on the page (extension/content/show-first-run-hint.tsx) was
 * dismissed: closed, its legend opened, or a card opened. A `storage.local` item of its own file,
 * because the content script reads it: storage-items.ts also defines `storage.session` items,
 * which a content script has no access to (WXT reads an item once it is defined). Re-exported
 * from storage-items.ts with every other key.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';

const item: WxtStorageItem<unknown, Record<string, never>> = storage.defineItem<unknown>('local:firstRunHint', { fallback: null, version: 1 });

export const firstRunHintItem = {
  key: 'local:firstRunHint' as const,
  /** True once dismissed; anything else stored (by hand, by an older version) reads as not dismissed. */
  dismissed: async (): Promise<boolean> => {
    const stored = await item.getValue();
    return typeof stored === 'object' && stored !== null && (stored as { dismissed?: unknown }).dismissed === true;
  },
  dismiss: (): Promise<void> => item.setValue({ dismissed: true }),
};
