/**
 * Sends a message and checks the answer's shape, so a caller always gets a `Result`: a missing
 * receiver, a closed port or a malformed answer become `{ ok: false }` instead of a rejection.
 */
import type { GetDataType, SendMessageOptions } from '@webext-core/messaging';
import * as z from 'zod/mini';
import {
  BatchStateSchema,
  ConnectionReportSchema,
  FrameConfigSchema,
  LookupResponseSchema,
  messenger as defaultMessenger,
  SettingsViewSchema,
  TabFindingsSchema,
  type ProtocolMap,
} from './protocol.ts';
import { fail, resultSchema, type Result } from './result.ts';
import { CaseReferenceViewSchema, FeedbackViewSchema } from './feedback-messages.ts';
import { ObjectionOutcomeSchema } from './objection-messages.ts';
import { TabNamesSchema } from './page-names-messages.ts';
import { StoredRecordSchema } from './record-messages.ts';

/** Answer schemas by message (a `Result` of each), checked on arrival by `sendChecked`. */
export const RESPONSE_SCHEMAS = {
  frameConfig: resultSchema(FrameConfigSchema),
  lookup: resultSchema(LookupResponseSchema),
  reportFindings: resultSchema(z.null()),
  verdictsChanged: resultSchema(z.null()),
  getTabFindings: resultSchema(TabFindingsSchema),
  recheckTab: resultSchema(z.object({ codes: z.number() })),
  resumeTab: resultSchema(z.object({ codes: z.number() })),
  checkCodes: resultSchema(BatchStateSchema),
  getBatch: resultSchema(BatchStateSchema),
  getSettings: resultSchema(SettingsViewSchema),
  saveSettings: resultSchema(SettingsViewSchema),
  testConnection: resultSchema(ConnectionReportSchema),
  getFeedback: resultSchema(FeedbackViewSchema),
  submitFeedback: resultSchema(FeedbackViewSchema),
  retryFeedback: resultSchema(z.null()),
  discardFeedback: resultSchema(z.null()),
  setCaseReference: resultSchema(z.null()),
  submitObjection: resultSchema(ObjectionOutcomeSchema),
  reportPageNames: resultSchema(z.null()),
  getTabNames: resultSchema(TabNamesSchema),
  getCaseReference: resultSchema(CaseReferenceViewSchema),
  createRecord: resultSchema(StoredRecordSchema),
  getLastRecord: resultSchema(z.nullable(StoredRecordSchema)),
} as const;

type AnsweringType = keyof typeof RESPONSE_SCHEMAS;
type Value<K extends AnsweringType> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/** Sends `type` (to the background, or to a tab/frame when `target` is given) and returns a checked `Result`. */
export async function sendChecked<K extends AnsweringType>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
  target?: number | SendMessageOptions,
  messenger: Pick<typeof defaultMessenger, 'sendMessage'> = defaultMessenger,
): Promise<Result<Value<K>>> {
  let answer: unknown;
  try {
    answer = await (messenger.sendMessage as (t: K, d: unknown, a?: number | SendMessageOptions) => Promise<unknown>)(type, data, target);
  } catch (error) {
    return fail('internal', `${type}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = z.safeParse(RESPONSE_SCHEMAS[type] as z.ZodMiniType, answer);
  if (!parsed.success) return fail('invalid-message', `${type}: malformed answer (${parsed.error.issues[0]?.message ?? ''})`);
  return parsed.data as Result<Value<K>>;
}
