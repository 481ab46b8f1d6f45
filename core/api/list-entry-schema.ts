import * as z from 'zod/mini';
import { IsoDateSchema, IsoDateTimeSchema, LineSchema, TextSchema } from './scalars.ts';

/**
 * Stored state of a list entry; the verdict also checks dates, so a stale `active` past its
 * validity is not active, and an entry whose `listedOn` is after today (China date) is not in
 * force yet. An exited entry may still carry a pending objection (`objection.status`). The
 * platform's state machine: platform/lists/README.md.
 */
export const ENTRY_STATES = ['active', 'disputed', 'exited', 'expired', 'revoked'] as const;
export const EntryStateSchema = z.enum(ENTRY_STATES);
export type EntryState = z.infer<typeof EntryStateSchema>;

export const ListKindSchema = z.enum(['red', 'black']);
export type ListKind = z.infer<typeof ListKindSchema>;

/** How an entry left the list (section (二十)/(二十六): repair and exit). */
export const EntryExitSchema = z.strictObject({
  date: IsoDateSchema,
  reason: TextSchema,
  department: LineSchema,
});

/** An objection being verified or decided (section (二十七)). */
export const EntryObjectionSchema = z.strictObject({
  id: LineSchema,
  status: z.enum(['pending', 'upheld', 'rejected']),
  filedAt: IsoDateTimeSchema,
  resolvedAt: z.nullable(IsoDateTimeSchema),
});

/**
 * The entry's latest credit-repair application (信用修复, section (二十六)), present only when it has
 * had one. While `pending`, the entry stays in force and the card says 信用修复申请审核中; an
 * approved repair exits the entry into monitoring; `lapsed`: the entry ran out before a decision.
 */
export const EntryRepairSchema = z.strictObject({
  id: LineSchema,
  status: z.enum(['pending', 'approved', 'refused', 'lapsed']),
  filedAt: IsoDateTimeSchema,
  decidedAt: z.nullable(IsoDateTimeSchema),
});
export type EntryRepair = z.infer<typeof EntryRepairSchema>;

/** A person the punishment reaches (落实到人): masked unless the caller may see personal data. */
export const RelatedPersonSchema = z.strictObject({
  role: LineSchema,
  name: LineSchema,
  idNumber: z.nullable(LineSchema),
});

/** One red- or black-list entry of a subject. */
export const ListEntrySchema = z.strictObject({
  id: LineSchema,
  list: ListKindSchema,
  category: LineSchema,
  facts: TextSchema,
  legalBasis: TextSchema,
  documentNumber: z.nullable(LineSchema),
  department: LineSchema,
  listedOn: IsoDateSchema,
  validUntil: z.nullable(IsoDateSchema),
  state: EntryStateSchema,
  exit: z.nullable(EntryExitSchema),
  objection: z.nullable(EntryObjectionSchema),
  repairable: z.boolean(),
  repair: z.optional(EntryRepairSchema),
  monitoringUntil: z.nullable(IsoDateSchema),
  visibility: z.enum(['public', 'internal']),
  persons: z.array(RelatedPersonSchema).check(z.maxLength(50)),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;
