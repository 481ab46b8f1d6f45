/**
 * What each frame reported about its codes for the name/code check (三要素) and for check
 * records: every code it shows, the name the page shows beside it, the frame's URL, title and
 * context. Kept in `storage.session` so a record can still be made after the service worker was
 * stopped and woken again.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { PageNamesReport, TabNames } from '../messaging/page-names-messages.ts';
import { pageNamesItem } from '../settings/storage-items.ts';

export interface FrameNames extends PageNamesReport {
  tabId: number;
  frameId: number;
}

export interface PageNamesStore {
  readonly ready: Promise<void>;
  report(tabId: number, frameId: number, report: PageNamesReport): void;
  /** One row per code across the tab's frames (top frame first); the first name found wins. */
  tab(tabId: number): TabNames;
  /** The tab's frames: the top frame's URL, title and context describe the page. */
  frames(tabId: number): FrameNames[];
  dropTab(tabId: number): void;
}

/** The store; `persist: false` keeps it in memory (unit tests). */
export function createPageNamesStore(o: { persist?: boolean } = {}): PageNamesStore {
  const frames = new Map<string, FrameNames>();
  const persist = o.persist ?? true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (!persist || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void pageNamesItem.setValue([...frames.values()]).catch(() => undefined);
    }, 300);
  };
  const ready = persist
    ? pageNamesItem
        .getValue()
        .then((saved) => {
          for (const f of saved) if (!frames.has(`${f.tabId}:${f.frameId}`)) frames.set(`${f.tabId}:${f.frameId}`, f);
        })
        .catch(() => undefined)
    : Promise.resolve();
  const ofTab = (tabId: number): FrameNames[] => [...frames.values()].filter((f) => f.tabId === tabId).sort((a, b) => a.frameId - b.frameId);

  return {
    ready,
    report(tabId, frameId, report) {
      frames.set(`${tabId}:${frameId}`, { ...report, tabId, frameId });
      save();
    },
    tab(tabId) {
      const rows = new Map<string, TabNames['codes'][number]>();
      for (const frame of ofTab(tabId)) {
        for (const { code, pageName } of frame.codes) {
          const row = rows.get(code);
          if (!row) rows.set(code, { code, pageName, frameIds: [frame.frameId] });
          else {
            row.pageName ??= pageName;
            if (!row.frameIds.includes(frame.frameId)) row.frameIds.push(frame.frameId);
          }
        }
      }
      return { tabId, codes: [...rows.values()] };
    },
    frames: ofTab,
    dropTab(tabId) {
      for (const [key, f] of frames) if (f.tabId === tabId) frames.delete(key);
      save();
    },
  };
}

/** The context of a tab's page: its top frame's (else the first frame's), else `general`. */
export function tabContext(frames: FrameNames[]): CheckContext {
  return frames[0]?.context ?? 'general';
}
