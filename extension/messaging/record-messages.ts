/**
 * Payloads of the check record (信用查询记录) messages from the popup: what to record, and the
 * signed record as the background keeps it. protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { SignedCheckRecordSchema } from '../../core/api/check-record-schema.ts';

const CaseReference = z.string().check(z.maxLength(200));

// popup → background
export const CreateRecordRequestSchema = z.object({
  /** Record every code of this tab… */
  tabId: z.nullable(z.number().check(z.int())),
  /** …or of this pasted text (when `tabId` is null). */
  text: z.nullable(z.string().check(z.maxLength(2_000_000))),
  /** null: the tab's context (top frame first), else `general`. */
  context: z.nullable(CheckContextSchema),
  caseReference: z.nullable(CaseReference),
});
export const StoredRecordSchema = z.object({
  signed: SignedCheckRecordSchema,
  /** Where it came from: a tab's page, or a pasted list. */
  source: z.enum(['tab', 'text']),
  /** Codes left out because a record holds at most 500. */
  omitted: z.number().check(z.int(), z.minimum(0)),
});

export type CreateRecordRequest = z.infer<typeof CreateRecordRequestSchema>;
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
