/**
 * Which frame of which tab shows which codes, so an updated verdict reaches exactly the frames
 * that show it, and the popup can list a tab's codes. Plain data, so it can be persisted to
 * `storage.session` and survive the service worker being stopped.
 */
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { Finding } from '../messaging/protocol.ts';

export interface FrameRecord {
  tabId: number;
  frameId: number;
  url: string;
  context: CheckContext;
  codes: string[];
  findings: Finding[];
}

export interface FrameRegistry {
  /** A frame (re)started: forget what it had. */
  reset(tabId: number, frameId: number, url: string, context: CheckContext): void;
  addCodes(tabId: number, frameId: number, codes: string[]): void;
  /** The frame's findings; its context stays the one `reset` gave it (frameConfig), never what a message says. */
  setFindings(tabId: number, frameId: number, url: string, findings: Finding[]): void;
  /** The context the frame was configured with (`general` for a frame never configured). */
  contextOf(tabId: number, frameId: number): CheckContext;
  dropTab(tabId: number): void;
  frame(tabId: number, frameId: number): FrameRecord | undefined;
  framesOf(tabId: number): FrameRecord[];
  /** Frames showing `code`. */
  framesWith(code: string): FrameRecord[];
  /** Every code some frame shows. */
  allCodes(): Set<string>;
  toJSON(): FrameRecord[];
  /** Takes back what a previous service-worker life saved; frames reported since then win. */
  restore(saved: FrameRecord[]): void;
}

/** An empty registry, or one restored from `toJSON()` output. */
export function createFrameRegistry(saved: FrameRecord[] = [], onChange: () => void = () => undefined): FrameRegistry {
  const frames = new Map<string, FrameRecord>();
  const key = (tabId: number, frameId: number) => `${tabId}:${frameId}`;
  for (const record of saved) frames.set(key(record.tabId, record.frameId), record);

  const ensure = (tabId: number, frameId: number, url = '', context: CheckContext = 'general'): FrameRecord => {
    let record = frames.get(key(tabId, frameId));
    if (!record) {
      record = { tabId, frameId, url, context, codes: [], findings: [] };
      frames.set(key(tabId, frameId), record);
    }
    return record;
  };

  return {
    reset(tabId, frameId, url, context) {
      frames.set(key(tabId, frameId), { tabId, frameId, url, context, codes: [], findings: [] });
      onChange();
    },
    addCodes(tabId, frameId, codes) {
      const record = ensure(tabId, frameId);
      const known = new Set(record.codes);
      for (const code of codes) if (!known.has(code)) record.codes.push(code);
      onChange();
    },
    setFindings(tabId, frameId, url, findings) {
      const record = ensure(tabId, frameId, url);
      Object.assign(record, { url, findings });
      onChange();
    },
    contextOf: (tabId, frameId) => frames.get(key(tabId, frameId))?.context ?? 'general',
    dropTab(tabId) {
      for (const [k, record] of frames) if (record.tabId === tabId) frames.delete(k);
      onChange();
    },
    frame: (tabId, frameId) => frames.get(key(tabId, frameId)),
    framesOf: (tabId) => [...frames.values()].filter((r) => r.tabId === tabId),
    framesWith: (code) => [...frames.values()].filter((r) => r.codes.includes(code)),
    allCodes() {
      const all = new Set<string>();
      for (const record of frames.values()) for (const code of record.codes) all.add(code);
      return all;
    },
    toJSON: () => [...frames.values()],
    restore(records) {
      for (const record of records) if (!frames.has(key(record.tabId, record.frameId))) frames.set(key(record.tabId, record.frameId), record);
    },
  };
}
