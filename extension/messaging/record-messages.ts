/**
 * Payloads of the check record (信用查询记录) messages from the popup: what to record, and the
 * signed record as the background keeps it. protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { SignedCheckRecordSchema } from '../../core/api/check-record-schema.ts';
import { MAX_RECORD_PARTS, RecordPartSchema } from '../../core/record/check-record-set-schema.ts';

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
  /** The project's name (项目名称) for the printed record, as typed. */
  projectName: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  /** The tab whose popup asks: the record is kept for it, its page and case (issue 14). Absent: `tabId`. */
  ownerTabId: z.optional(z.nullable(z.number().check(z.int()))),
  /** Names given with a pasted list (a bidders' sheet), by code: compared with the registered names. */
  names: z.optional(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(500)))),
});
/** `getLastRecord`: the record of this tab (its current page and case), or of a list pasted without a tab (null). */
export const GetRecordRequestSchema = z.object({ tabId: z.nullable(z.number().check(z.int())) });
export const StoredRecordSchema = z.object({
  /** The record (with several platforms: the first part's). */
  signed: SignedCheckRecordSchema,
  /** With several platforms configured: every platform's signed part, in configured order (core/record/check-record-set-schema.ts). */
  parts: z.optional(z.array(RecordPartSchema).check(z.maxLength(MAX_RECORD_PARTS))),
  /** Where it came from: a tab's page, or a pasted list. */
  source: z.enum(['tab', 'text']),
  /** Codes left out because a record holds at most 500. */
  omitted: z.number().check(z.int(), z.minimum(0)),
});

export type CreateRecordRequest = z.infer<typeof CreateRecordRequestSchema>;
export type StoredRecord = z.infer<typeof StoredRecordSchema>;
export type GetRecordRequest = z.infer<typeof GetRecordRequestSchema>;
