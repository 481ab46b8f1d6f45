/**
 * Where the background keeps the list snapshot, in `storage.local` (it survives the browser
 * closing, so an outage right after a restart still has it): the signed bytes as downloaded, with
 * the key they were verified with (checked again on every start), the deltas applied since, and
 * what the popup shows. Checked on every read: storage is also written by hand and by tests.
 * With several platforms each keeps its own (`platformSnapshotItems`).
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

/** One platform's snapshot, its deltas and what the popup shows of it. */
export interface SnapshotItems {
  snapshot: CheckedItem<StoredSnapshot | null>;
  delta: CheckedItem<StoredDelta | null>;
  info: CheckedItem<SnapshotInfo | null>;
}

const NAMES = { snapshot: 'listSnapshot', delta: 'listSnapshotDelta', info: 'listSnapshotInfo' } as const;

const defineItems = (suffix: string): SnapshotItems => ({
  snapshot: checkedItem(`local:${NAMES.snapshot}${suffix}`, parse(StoredSnapshotSchema)),
  delta: checkedItem(`local:${NAMES.delta}${suffix}`, parse(StoredDeltaSchema)),
  info: checkedItem(`local:${NAMES.info}${suffix}`, parse(SnapshotInfoSchema)),
});

/**
 * Whose snapshot a `storage.local` key holds (WXT's `…$` key beside an item holds its version):
 * `null` the single platform's, a platform id, or undefined when the key is not a snapshot's.
 */
export function snapshotKeyOwner(key: string): string | null | undefined {
  const bare = key.endsWith('$') ? key.slice(0, -1) : key;
  const colon = bare.indexOf(':');
  const name = colon < 0 ? bare : bare.slice(0, colon);
  if (!Object.values<string>(NAMES).includes(name)) return undefined;
  return colon < 0 ? null : bare.slice(colon + 1);
}

/** The single platform's. */
export const SINGLE_SNAPSHOT_ITEMS: SnapshotItems = defineItems('');
export const snapshotItem = SINGLE_SNAPSHOT_ITEMS.snapshot;
export const snapshotDeltaItem = SINGLE_SNAPSHOT_ITEMS.delta;
export const snapshotInfoItem = SINGLE_SNAPSHOT_ITEMS.info;

const byPlatform = new Map<string, SnapshotItems>();
/** Each platform's of several (issue 17): `local:listSnapshot:<platform id>`, …; ids are `[A-Za-z0-9._-]`. */
export function platformSnapshotItems(platformId: string): SnapshotItems {
  let items = byPlatform.get(platformId);
  if (!items) byPlatform.set(platformId, (items = defineItems(`:${platformId}`)));
  return items;
}
