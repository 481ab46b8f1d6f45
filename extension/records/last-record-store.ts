/**
 * The last signed check record, in `storage.local`: the popup closes as soon as it loses focus,
 * and a record the platform signed must not be lost with it. Whatever is stored is checked
 * against the schema when read back.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { StoredRecordSchema, type StoredRecord } from '../messaging/record-messages.ts';

export interface LastRecordStore {
  load(): Promise<StoredRecord | null>;
  save(record: StoredRecord): Promise<void>;
}

const KEY = 'local:lastRecord' as const;

/** The store over `storage.local`. */
export function createLastRecordStore(): LastRecordStore {
  return {
    async load() {
      const parsed = z.safeParse(StoredRecordSchema, await storage.getItem(KEY).catch(() => null));
      return parsed.success ? parsed.data : null;
    },
    save: (record) => storage.setItem(KEY, record),
  };
}
