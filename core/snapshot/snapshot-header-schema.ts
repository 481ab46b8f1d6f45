import * as z from 'zod/mini';
import { IsoDateSchema, IsoDateTimeSchema, LineSchema } from '../api/scalars.ts';
import { PlatformRegionSchema } from '../platforms/platform-config-schema.ts';
import { SNAPSHOT_CLASSES } from './snapshot-class.ts';

/** The media type of `GET /api/v1/snapshot`'s answer (snapshot-layout.ts). */
export const SNAPSHOT_MEDIA_TYPE = 'application/vnd.creditlens.snapshot';

export const MAX_SNAPSHOT_TIMELINES = 1_000_000;
export const MAX_SNAPSHOT_CODES = 5_000_000;
const Day = z.number().check(z.int(), z.minimum(0), z.maximum(0xffff));
const ClassId = z.number().check(z.int(), z.minimum(0), z.maximum(SNAPSHOT_CLASSES.length - 1));

/**
 * What a snapshot says about itself, in its signed header: the data revision it reflects
 * (`dataVersion`, the changes feed's cursor: a client applies the changes after it), when it was
 * made, the China day its timelines start on, whose view it is (`public`: an anonymous caller's
 * published entries; `full`: a signed-in caller's), the key that signed it, how many codes follow,
 * and the distinct timelines they point to (snapshot-timeline.ts: `[class, lastDay, …]` pairs),
 * the most used first, so most codes point to a one-byte index. `regions` (issue 17): the regions
 * a platform answers for, when not all — the snapshot speaks only for codes registered there
 * (its absence of a code means "not listed" only in those regions).
 */
export const SnapshotHeaderSchema = z.strictObject({
  format: z.literal('creditlens-snapshot-1'),
  dataVersion: z.number().check(z.int(), z.minimum(0)),
  asOf: IsoDateTimeSchema,
  today: IsoDateSchema,
  scope: z.enum(['public', 'full']),
  keyId: LineSchema,
  regions: z.optional(z.array(PlatformRegionSchema).check(z.minLength(1), z.maxLength(200))),
  count: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SNAPSHOT_CODES)),
  timelines: z
    .array(
      z
        .array(z.number())
        .check(
          z.refine((t) => t.length % 2 === 0 && t.length <= 64 && t.every((v, i) => (i % 2 === 0 ? ClassId : Day).safeParse(v).success), 'class/day pairs'),
        ),
    )
    .check(z.maxLength(MAX_SNAPSHOT_TIMELINES)),
});
export type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;
