/**
 * Every key the extension stores, declared once, as WXT storage items (`storage.defineItem`):
 * the settings and the feedback queue in `storage.local` (they survive updates), the background's
 * working state in `storage.session` (emptied when the browser closes, and on every update or
 * reload of the extension, so no older shape of it is ever read back). Whatever is read back is
 * checked against its schema first: storage is also written by earlier versions, by tests and by
 * hand in the browser's devtools. Background and extension pages only — content scripts have no
 * `storage.session` and never import this file.
 *
 * Versions: each item is at version 1 with no migration; no stored shape has changed in a way a
 * schema with defaults does not absorb. The status cache inside `backgroundState` is the one shape
 * that did change (the answer cache became query-core's dehydrated state): it lives in session
 * storage, which an update empties, and core/query/persisted-status-query.ts still reads the
 * previous entries. The check record moved from `lastRecord` to `tabRecords` (`dropRetiredKeys`).
 */
import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { QueuedFeedbackSchema, type QueuedFeedback } from '../../core/feedback/queued-feedback-schema.ts';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { PageNamesReportSchema } from '../messaging/page-names-messages.ts';
import { StoredRecordSchema } from '../messaging/record-messages.ts';
import { FindingSchema } from '../messaging/protocol.ts';
import { parseStoredSettings, type Settings } from './settings-schema.ts';
import { parseManagedPolicy, type ManagedPolicy } from './managed-policy.ts';

/** A storage item whose stored value is checked on every read (`read` turns anything into a `T`). */
export interface CheckedItem<T> {
  readonly key: StorageItemKey;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `fn` with the checked new value after every change; returns the function that stops. */
  watch(fn: (value: T) => void): () => void;
}

/** Defines `key` as a versioned WXT item and checks what it reads with `read`. */
export function checkedItem<T>(key: StorageItemKey, read: (stored: unknown) => T): CheckedItem<T> {
  const item: WxtStorageItem<unknown, Record<string, never>> = storage.defineItem<unknown>(key, { fallback: null, version: 1 });
  return {
    key,
    getValue: async () => read(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch: (fn) => item.watch((value) => fn(read(value))),
  };
}

/** The entries of a stored array that pass `schema`; one broken entry does not cost the others. */
export function validEntries<S extends z.ZodMiniType>(schema: S): (stored: unknown) => z.infer<S>[] {
  return (stored) => (Array.isArray(stored) ? stored.flatMap((e: unknown) => entryOf(schema, e)) : []);
}

function entryOf<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S>[] {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? [parsed.data as z.infer<S>] : [];
}

// storage.local

/** The person's own settings (the policy is laid over them: effective-settings.ts); broken → defaults. */
export const settingsItem: CheckedItem<Settings> = checkedItem('local:settings', parseStoredSettings);

/**
 * The enterprise policy as last read from `storage.managed` (null: never read yet). The background
 * starts on it, because Chromium answers `storage.managed` only seconds after the browser starts
 * (effective-settings.ts `readRememberedSettings`); checked again like the policy itself.
 */
export const lastPolicyItem: CheckedItem<ManagedPolicy | null> = checkedItem('local:lastPolicy', (stored) =>
  stored === null || stored === undefined ? null : parseManagedPolicy(stored),
);

/** Feedback saved before it is sent (core/feedback's queue), resumed on every worker start. */
export const feedbackQueueItem: CheckedItem<QueuedFeedback[]> = checkedItem('local:feedbackQueue', validEntries(QueuedFeedbackSchema));

const TabRecordSchema = z.object({
  tabId: z.nullable(z.number().check(z.int())),
  pageUrl: z.nullable(z.string()),
  caseReference: z.nullable(z.string()),
  stored: StoredRecordSchema,
});
export type StoredTabRecord = z.infer<typeof TabRecordSchema>;

/** The signed check record of each tab, page and case (records/last-record-store.ts); a broken entry is dropped alone. */
export const tabRecordsItem: CheckedItem<StoredTabRecord[]> = checkedItem('local:tabRecords', validEntries(TabRecordSchema));

/**
 * Keys an earlier version stored and this one no longer reads. `local:lastRecord` held one record
 * for the whole browser; a record now belongs to a tab, page and case (`tabRecords`), and the old
 * one names none of them, so no popup may be offered it.
 */
const RETIRED_KEYS: StorageItemKey[] = ['local:lastRecord'];

/** Whether the page's first-run hint was dismissed (its own file: the content script reads it). */
export { firstRunHintItem } from './first-run-hint-item.ts';

/** Removes the retired keys (once per background start; removing a missing key is a no-op). */
export function dropRetiredKeys(): Promise<void> {
  return storage.removeItems(RETIRED_KEYS);
}

// storage.session

const FrameRecordSchema = z.object({
  tabId: z.number().check(z.int()),
  frameId: z.number().check(z.int()),
  url: z.string(),
  context: CheckContextSchema,
  codes: z.array(z.string()),
  findings: z.array(FindingSchema),
});
const BackgroundStateSchema = z.object({
  /** query-core's dehydrated status queries; each entry is checked when hydrated (core/query). */
  cache: z.optional(z.unknown()),
  cursor: z.optional(z.nullable(z.number())),
  /** Several platforms (issue 17): each changes feed's cursor, by platform id. */
  cursors: z.optional(z.record(z.string(), z.nullable(z.number()))),
  platformUrl: z.optional(z.string()),
  /** The platform and credentials the cache holds answers for (background/answer-source.ts). */
  source: z.optional(z.string()),
  frames: z.optional(z.array(FrameRecordSchema)),
});
export type BackgroundState = z.infer<typeof BackgroundStateSchema>;

/** The background's cache, changes-feed cursor and frames, so a stopped service worker resumes without re-asking. */
export const backgroundStateItem: CheckedItem<BackgroundState> = checkedItem('session:backgroundState', (stored) => {
  const parsed = z.safeParse(BackgroundStateSchema, stored ?? {});
  return parsed.success ? parsed.data : {};
});

const CaseReferencesSchema = z.record(z.string(), z.object({ value: z.string().check(z.maxLength(200)), source: z.enum(['typed', 'page']) }));
export type StoredCaseReferences = z.infer<typeof CaseReferencesSchema>;

/** The case reference of each tab (by tab id), typed or found on its page. */
export const caseReferencesItem: CheckedItem<StoredCaseReferences> = checkedItem('session:caseReferences', (stored) => {
  const parsed = z.safeParse(CaseReferencesSchema, stored ?? {});
  return parsed.success ? parsed.data : {};
});

const FrameNamesSchema = z.extend(PageNamesReportSchema, { tabId: z.number().check(z.int()), frameId: z.number().check(z.int()) });
export type StoredFrameNames = z.infer<typeof FrameNamesSchema>;

/** What each frame reported for the name/code check and for records. */
export const pageNamesItem: CheckedItem<StoredFrameNames[]> = checkedItem('session:pageNames', validEntries(FrameNamesSchema));
