import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema } from './scalars.ts';

/** One public key of the list, with its life: a verifier applies the same rules as the platform (core/record/judge-record-time.ts). */
export const RecordKeyListItemSchema = z.strictObject({
  keyId: LineSchema,
  /** base64 of the 32-byte raw public key. */
  publicKey: z.string().check(z.maxLength(100)),
  createdAt: IsoDateTimeSchema,
  /** When a rotation replaced it; records issued after do not verify with it. */
  retiredAt: z.nullable(IsoDateTimeSchema),
  /** Marked compromised from this time (`rotate-record-key --compromised --since`); records issued since do not verify. */
  compromisedSince: z.nullable(IsoDateTimeSchema),
});
export type RecordKeyListItem = z.infer<typeof RecordKeyListItemSchema>;

/**
 * `GET /.well-known/creditlens-record-keys`: every public key the platform has signed records
 * with, newest first — the current one (`retiredAt: null`) and the ones retired by rotations —
 * with retirement and compromise times, for verifiers that keep keys offline (`cli verify --key`)
 * and for `cli verify` online, which judges a record by the same rules as the platform.
 */
export const RecordKeyListSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  currentKeyId: LineSchema,
  keys: z.array(RecordKeyListItemSchema),
  ...AnswerStampShape,
});
export type RecordKeyList = z.infer<typeof RecordKeyListSchema>;
