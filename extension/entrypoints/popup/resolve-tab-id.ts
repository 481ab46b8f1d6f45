/**
 * Which tab the popup reports on: `?tabId=` when given (e2e tests open the popup as a page of its
 * own, where there is no "current tab"), otherwise the active tab of the popup's window.
 */
import { browser } from 'wxt/browser';

/** The tab id from `search`, or the active tab's; null when there is none. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
