import * as z from 'zod/mini';
import { ENTRY_STATES, ListKindSchema } from './list-entry-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, UsccSchema } from './scalars.ts';

/** An objection must say why: at least this many characters besides spaces (issue 10, finding 2). */
export const MIN_OBJECTION_REASON_CHARS = 10;

const nonSpace = (text: string) => Array.from(text.replace(/\s/gu, '')).length;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/u;
/** A phone number somewhere in the text: at least 7 digits, spaces, dashes, brackets or dots between them allowed. */
const PHONE = /\d(?:[\s\-()（）.]*\d){6,}/u;

/** True when a contact text holds something one can reach: a phone number or an email address. */
export function looksLikeContact(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

/**
 * `POST /api/v1/objections` (section (二十七)): the entry's punishments are suspended at once
 * (`disputed`). The objection must give a real reason, a contact that looks like one (phone or
 * email), and name the entry by its document number (文书号, which must match) or another
 * `reference` (the evidence: a judgment, a receipt…). One pending objection per entry.
 */
export const ObjectionRequestSchema = z
  .strictObject({
    code: UsccSchema,
    entryId: LineSchema,
    reason: z.string().check(
      z.maxLength(2000),
      z.refine((s) => nonSpace(s) >= MIN_OBJECTION_REASON_CHARS, {
        error: `the reason needs at least ${MIN_OBJECTION_REASON_CHARS} characters besides spaces`,
      }),
    ),
    contact: z.string().check(z.maxLength(200), z.refine(looksLikeContact, { error: 'the contact must hold a phone number or an email address' })),
    /** The entry's document number (文书号), as the answer gave it. */
    documentNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
    /** Another reference the objection rests on (a judgment, a payment receipt, a case number). */
    reference: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  })
  .check(
    z.refine((o) => o.documentNumber !== undefined || (o.reference !== undefined && o.reference.trim() !== ''), {
      path: ['reference'],
      error: "name the entry's document number (documentNumber) or give a reference",
    }),
  );
export type ObjectionRequest = z.infer<typeof ObjectionRequestSchema>;

/**
 * `POST /api/v1/objections/{id}/resolve` (admin): upheld → the entry is revoked (never monitored);
 * rejected → the entry is where it would be without the objection (listed, or still exited).
 */
export const ObjectionResolutionSchema = z.strictObject({
  outcome: z.enum(['upheld', 'rejected']),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
export type ObjectionResolution = z.infer<typeof ObjectionResolutionSchema>;

export const ObjectionStatusSchema = z.enum(['pending', 'upheld', 'rejected']);

export const ObjectionRecordSchema = z.strictObject({
  id: LineSchema,
  code: UsccSchema,
  entryId: LineSchema,
  status: ObjectionStatusSchema,
  reason: z.string(),
  filedAt: IsoDateTimeSchema,
  resolvedAt: z.nullable(IsoDateTimeSchema),
  department: LineSchema,
});
export type ObjectionRecord = z.infer<typeof ObjectionRecordSchema>;

export const ObjectionResponseSchema = z.strictObject({
  objection: ObjectionRecordSchema,
  entryState: z.enum(ENTRY_STATES),
  ...AnswerStampShape,
});
export type ObjectionResponse = z.infer<typeof ObjectionResponseSchema>;

/** One objection in the admin's queue, with what the admin needs to verify it and its age. */
export const QueuedObjectionSchema = z.strictObject({
  ...ObjectionRecordSchema.shape,
  contact: z.string(),
  documentNumber: z.nullable(LineSchema),
  reference: z.nullable(LineSchema),
  subjectName: z.nullable(LineSchema),
  list: ListKindSchema,
  category: LineSchema,
  entryState: z.enum(ENTRY_STATES),
  /** Seconds since it was filed. */
  ageSeconds: z.number().check(z.int(), z.minimum(0)),
});
export type QueuedObjection = z.infer<typeof QueuedObjectionSchema>;

/** `GET /api/v1/admin/objections?status=pending` (admin): oldest first. */
export const ObjectionQueueQuerySchema = z.strictObject({
  status: z.optional(ObjectionStatusSchema),
});

export const ObjectionQueueResponseSchema = z.strictObject({
  objections: z.array(QueuedObjectionSchema),
  ...AnswerStampShape,
});
export type ObjectionQueueResponse = z.infer<typeof ObjectionQueueResponseSchema>;
