import * as z from 'zod/mini';
import { ENTRY_STATES } from './list-entry-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, TextSchema, UsccSchema } from './scalars.ts';

/** A credit-repair application as the platform holds it. */
export const RepairRecordSchema = z.strictObject({
  id: LineSchema,
  code: UsccSchema,
  entryId: LineSchema,
  status: z.enum(['pending', 'approved', 'refused', 'lapsed']),
  materials: TextSchema,
  reference: LineSchema,
  department: LineSchema,
  filedAt: IsoDateTimeSchema,
  decidedAt: z.nullable(IsoDateTimeSchema),
  decisionNote: z.nullable(TextSchema),
});
export type RepairRecord = z.infer<typeof RepairRecordSchema>;

/** Answer of `POST /api/v1/repairs` and `POST /api/v1/repairs/{id}/decide`. */
export const RepairResponseSchema = z.strictObject({
  repair: RepairRecordSchema,
  entryState: z.enum(ENTRY_STATES),
  ...AnswerStampShape,
});
export type RepairResponse = z.infer<typeof RepairResponseSchema>;
