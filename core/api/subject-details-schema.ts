import * as z from 'zod/mini';
import { ListEntrySchema } from './list-entry-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, TextSchema } from './scalars.ts';
import { SubjectSchema } from './subject-schema.ts';

/** One event in a subject's history: listed, exited, disputed, objection resolved, repair filed/decided, monitoring ended… */
export const SubjectEventSchema = z.strictObject({
  at: IsoDateTimeSchema,
  entryId: z.nullable(LineSchema),
  kind: z.enum([
    'listed',
    'updated',
    'disputed',
    'objection-upheld',
    'objection-rejected',
    'exited',
    'expired',
    'revoked',
    'repair-filed',
    'repair-approved',
    'repair-refused',
    'monitoring-ended',
  ]),
  note: TextSchema,
});
export type SubjectEvent = z.infer<typeof SubjectEventSchema>;

/** `GET /api/v1/subjects/{code}`: the subject, every entry (current and past) and its history. */
export const SubjectDetailsSchema = z.strictObject({
  subject: SubjectSchema,
  entries: z.array(ListEntrySchema),
  history: z.array(SubjectEventSchema),
  ...AnswerStampShape,
});
export type SubjectDetails = z.infer<typeof SubjectDetailsSchema>;
