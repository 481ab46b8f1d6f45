import * as z from 'zod/mini';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, UsccSchema } from './scalars.ts';

/** One change: the code whose answer may differ now. The cursor increases strictly. */
export const ChangeSchema = z.strictObject({
  cursor: z.number().check(z.int(), z.minimum(1)),
  code: UsccSchema,
  at: IsoDateTimeSchema,
  kind: z.enum(['listed', 'updated', 'disputed', 'resolved', 'exited', 'expired', 'revoked', 'removed']),
});
export type Change = z.infer<typeof ChangeSchema>;

/** `GET /api/v1/changes?since=<cursor>`: changes after `since`, oldest first; `cursor` is the last one returned. */
export const ChangesResponseSchema = z.strictObject({
  changes: z.array(ChangeSchema),
  cursor: z.number().check(z.int(), z.minimum(0)),
  hasMore: z.boolean(),
  /** The department of the caller's token (null: no token), so a client can say whose token it holds. */
  department: z.optional(z.nullable(LineSchema)),
  ...AnswerStampShape,
});
export type ChangesResponse = z.infer<typeof ChangesResponseSchema>;
