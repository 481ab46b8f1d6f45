/**
 * A check record in parts, one per platform (issue 17): a page whose codes belong to several
 * platforms (a city's and the province's) is checked by each platform for the codes it covers,
 * and each signs its own part. The set is the file kept with the procurement file; each part
 * verifies on its own against its own platform's key (`npm run cli -- verify --platform A
 * --platform B set.json`), so a one-character edit in any part fails that part. Which platform
 * signed a part (`platformUrl`) is not signed: a verifier trusts only the platforms it is given.
 * What ties the parts together is: each signs the same `set` (check-record-schema.ts
 * `RecordSetRefSchema`), judged as a whole by judge-record-set.ts.
 */
import * as z from 'zod/mini';
import { SignedCheckRecordSchema } from '../api/check-record-schema.ts';
import { LineSchema } from '../api/scalars.ts';

/** At most one part per configured platform (core/platforms allows 20). */
export const MAX_RECORD_PARTS = 20;

export const RecordPartSchema = z.strictObject({
  platformId: z.string().check(z.maxLength(64)),
  platformName: LineSchema,
  platformUrl: z.string().check(z.maxLength(2000)),
  signed: SignedCheckRecordSchema,
});
export type RecordPart = z.infer<typeof RecordPartSchema>;

export const CheckRecordSetSchema = z.strictObject({
  kind: z.literal('creditlens-record-set'),
  version: z.literal(1),
  parts: z.array(RecordPartSchema).check(z.minLength(1), z.maxLength(MAX_RECORD_PARTS)),
});
export type CheckRecordSet = z.infer<typeof CheckRecordSetSchema>;

/** The set of `parts`, as saved. */
export function checkRecordSet(parts: readonly RecordPart[]): CheckRecordSet {
  return { kind: 'creditlens-record-set', version: 1, parts: [...parts] };
}
