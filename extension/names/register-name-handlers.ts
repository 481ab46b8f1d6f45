/**
 * `reportPageNames` (content scripts: a frame's codes and the names beside them) and
 * `getTabNames` (popup: the tab's codes with their page names, to list name/code mismatches).
 */
import { onValidMessage } from '../messaging/on-valid-message.ts';
import { fail, ok } from '../messaging/result.ts';
import type { PageNamesStore } from './page-names-store.ts';

/** Registers the handlers; returns the function that removes them. */
export function registerNameHandlers(store: PageNamesStore): () => void {
  const removers = [
    onValidMessage('reportPageNames', async (report, origin) => {
      if (origin.tabId === null || origin.frameId === null) return fail('permission', 'reportPageNames is for content scripts');
      await store.ready;
      store.report(origin.tabId, origin.frameId, report);
      return ok(null);
    }),
    onValidMessage('getTabNames', async ({ tabId }, origin) => {
      if (!origin.extensionPage) return fail('permission', 'getTabNames is for extension pages');
      await store.ready;
      return ok(store.tab(tabId));
    }),
  ];
  return () => removers.forEach((remove) => remove());
}
