/**
 * Where the background keeps the list snapshot, in `storage.local` (it survives the browser
 * closing, so an outage right after a restart still has it): the signed bytes as downloaded, with
 * the key they were verified with (checked again on every start), the deltas applied since, and
 * what the popup shows. Checked on every read: storage is also written by hand and by tests.
 */
import * as z from 'zod/mini';
import { checkedItem, type CheckedItem } from '../settings/storage-items.ts';

const StoredSnapshotSchema = z.object({
  source: z.string().check(z.maxLength(5000)),
  keyId: z.string().check(z.maxLength(500)),
  publicKey: z.string().check(z.maxLength(100)),
  bytes: z.string(),
});
export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

const StoredDeltaSchema = z.object({
  source: z.string().check(z.maxLength(5000)),
  changed: z.array(z.tuple([z.string().check(z.maxLength(18)), z.array(z.number())])),
  dataVersion: z.number(),
  feedReadAt: z.nullable(z.number()),
});
export type StoredDelta = z.infer<typeof StoredDeltaSchema>;

/** What the popup shows of the snapshot: its size, age and data version, or why there is none. */
export const SnapshotInfoSchema = z.object({
  /** `ok`: verified and in use; `refused`: the last download did not verify; `failed`: it could not be downloaded; `none`: not yet. */
  state: z.enum(['none', 'ok', 'refused', 'failed']),
  message: z.nullable(z.string().check(z.maxLength(2000))),
  count: z.number(),
  bytes: z.number(),
  dataVersion: z.nullable(z.number()),
  asOf: z.nullable(z.string().check(z.maxLength(40))),
  scope: z.nullable(z.enum(['public', 'full'])),
  feedReadAt: z.nullable(z.number()),
  /** Whether the snapshot speaks for the platform now (the feed was read within the freshness window). */
  current: z.boolean(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

const parse =
  <S extends z.ZodMiniType>(schema: S) =>
  (stored: unknown): z.infer<S> | null => {
    const parsed = z.safeParse(schema, stored);
    return parsed.success ? (parsed.data as z.infer<S>) : null;
  };

export const snapshotItem: CheckedItem<StoredSnapshot | null> = checkedItem('local:listSnapshot', parse(StoredSnapshotSchema));
export const snapshotDeltaItem: CheckedItem<StoredDelta | null> = checkedItem('local:listSnapshotDelta', parse(StoredDeltaSchema));
export const snapshotInfoItem: CheckedItem<SnapshotInfo | null> = checkedItem('local:listSnapshotInfo', parse(SnapshotInfoSchema));
