import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema } from '../../core/api/scalars.ts';

/**
 * `GET /.well-known/creditlens-record-keys`: every public key the platform has signed records
 * with, newest first — the current one (`retiredAt: null`) and the ones retired by rotations —
 * for verifiers that keep keys offline. Platform-only for now: no client in core/ reads it (they
 * read `RecordKeySchema`, one key, optionally by id); it belongs in core/api once one does.
 */
export const RecordKeyListSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  currentKeyId: LineSchema,
  keys: z.array(
    z.strictObject({
      keyId: LineSchema,
      /** base64 of the 32-byte raw public key. */
      publicKey: z.string().check(z.maxLength(100)),
      createdAt: IsoDateTimeSchema,
      retiredAt: z.nullable(IsoDateTimeSchema),
    }),
  ),
  ...AnswerStampShape,
});
export type RecordKeyList = z.infer<typeof RecordKeyListSchema>;
