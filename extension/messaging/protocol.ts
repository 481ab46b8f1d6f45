/**
 * The one message protocol between the extension's parts: content scripts (one per frame),
 * the background service worker, the popup and the options page. Payloads are plain data and
 * every receiver validates what arrives with the schemas below (a content script runs in a page
 * we do not control). Answers are `Result` values (./result.ts), never thrown errors.
 *
 * Who sends what:
 * - content → background: `frameConfig`, `lookup`, `reportFindings`
 * - background → content (per tab and frame): `verdictsChanged`
 * - popup → background: `getTabFindings`, `recheckTab`, `resumeTab`, `checkCodes`, `getBatch`
 * - background → popup (broadcast, may have no listener): `batchProgress`
 * - options/popup → background: `getSettings`, `saveSettings`, `testConnection`
 * - feedback (feedback-messages.ts): content → background `getFeedback`, `submitFeedback`,
 *   `retryFeedback`, `discardFeedback`, `setCaseReference`; popup → background `getCaseReference`
 * - objections (objection-messages.ts): content → background `submitObjection`
 * - page names (page-names-messages.ts): content → background `reportPageNames`; popup → `getTabNames`
 * - records (record-messages.ts): popup → background `createRecord`, `getLastRecord`
 *
 * The token never appears in any message that leaves the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { ApplicableMeasureSchema } from '../../core/verdict/applicable-measure-schema.ts';
import { CodeViewSchema, ValiditySchema, type CodeView } from '../../core/verdict/code-view-schema.ts';
import { VerdictKindSchema, VerdictLookSchema, VerdictSchema } from '../../core/verdict/verdict-schema.ts';
import type { VerdictKind } from '../../core/verdict/verdict-types.ts';
import { SettingsPatchSchema, SettingsViewSchema, type SettingsPatch, type SettingsView } from '../settings/settings-schema.ts';
import type { Result } from './result.ts';
import {
  FeedbackKeyRequestSchema,
  GetFeedbackRequestSchema,
  SetCaseReferenceRequestSchema,
  SubmitFeedbackRequestSchema,
  type CaseReferenceView,
  type FeedbackKeyRequest,
  type FeedbackView,
  type GetFeedbackRequest,
  type SetCaseReferenceRequest,
  type SubmitFeedbackRequest,
} from './feedback-messages.ts';
import { ObjectionRequestSchema, type ObjectionOutcome, type ObjectionRequestMessage } from './objection-messages.ts';
import { PageNamesReportSchema, type PageNamesReport, type TabNames } from './page-names-messages.ts';
import { CreateRecordRequestSchema, GetRecordRequestSchema, type CreateRecordRequest, type GetRecordRequest, type StoredRecord } from './record-messages.ts';

const Code = z.string().check(z.minLength(1), z.maxLength(64));

// Defined once in core and imported here: a copy drifts (one once dropped `lastKnown`).
export { CodeViewSchema, ValiditySchema, VerdictKindSchema, VerdictSchema, ApplicableMeasureSchema };
export type { CodeView, VerdictKind };

// content → background
export const FrameConfigRequestSchema = z.object({
  url: z.string().check(z.maxLength(8000)),
  /** `<meta name="creditlens-context">` of the page: a hint used when the site has no configured context. */
  contextHint: z.nullable(CheckContextSchema),
});
export const FrameConfigSchema = z.object({
  enabled: z.boolean(),
  context: CheckContextSchema,
  /** False: mark codes with overlay markers only, as where the browser lacks the Highlight API (settings `highlightApi`). */
  highlightApi: z.boolean(),
});
/**
 * The codes a frame shows, each with the validity the scanner found (valid or suspect: invalid
 * codes are never asked); their context is the frame's, which the background keeps since `frameConfig`.
 */
export const LookupRequestSchema = z.object({
  codes: z.array(z.object({ code: Code, validity: ValiditySchema })).check(z.maxLength(10_000)),
});
export const LookupResponseSchema = z.object({ views: z.array(CodeViewSchema) });
export const FindingSchema = z.object({
  code: Code,
  validity: ValiditySchema,
  kind: VerdictKindSchema,
  /** How it is painted (core/verdict/verdict-look.ts): `public` for a clear from the public lists alone; default `kind`. */
  look: z.optional(VerdictLookSchema),
  /** Registered name, when known. */
  name: z.nullable(z.string().check(z.maxLength(500))),
  /** Occurrences in the frame (text and form fields). */
  count: z.number().check(z.int(), z.minimum(0)),
});
/** A frame's findings (its context is the background's, from `frameConfig`). */
export const FindingsReportSchema = z.object({
  url: z.string().check(z.maxLength(8000)),
  findings: z.array(FindingSchema).check(z.maxLength(100_000)),
});

// background → content
export const VerdictsChangedSchema = z.object({ views: z.array(CodeViewSchema) });

// popup → background
export const TabRequestSchema = z.object({ tabId: z.number().check(z.int()) });
export const TabFindingSchema = z.extend(FindingSchema, {
  /** Frames (0: top) the code was found in. */
  frameIds: z.array(z.number().check(z.int())),
});
export const TabFindingsSchema = z.object({
  tabId: z.number().check(z.int()),
  frames: z.array(z.object({ frameId: z.number().check(z.int()), url: z.string(), context: CheckContextSchema })),
  /** One row per code across the tab's frames; counts summed; the strongest kind (core/verdict/verdict-strength.ts) wins. */
  findings: z.array(TabFindingSchema),
  /** Set while the tab is paused for asking too many codes in a minute (`resumeTab` goes on). */
  paused: z.optional(z.nullable(z.object({ held: z.number().check(z.int()), limit: z.number().check(z.int()) }))),
});
export const CheckCodesRequestSchema = z.object({
  /** Raw pasted text or a list of codes; the background finds codes with `matchCodes`. */
  text: z.string().check(z.maxLength(2_000_000)),
  context: CheckContextSchema,
});
export const BatchStateSchema = z.object({
  batchId: z.string().check(z.maxLength(100)),
  total: z.number().check(z.int()),
  done: z.number().check(z.int()),
  finished: z.boolean(),
  /** In input order; `pending` views until answered. */
  views: z.array(CodeViewSchema),
});
export const BatchRequestSchema = z.object({ batchId: z.string().check(z.maxLength(100)) });

// options/popup → background
export const TestConnectionRequestSchema = z.object({
  /** Defaults to the saved URL. */
  platformUrl: z.optional(z.url({ protocol: /^https?$/ })),
  /** Defaults to the saved token; `null` tests without a token. */
  token: z.optional(z.nullable(z.string().check(z.maxLength(4096)))),
});
export const ConnectionReportSchema = z.object({
  platform: z.string(),
  apiVersion: z.string(),
  anonymousReads: z.boolean(),
  latencyMs: z.number(),
  /** null: no token was given; false: the platform refused it. */
  tokenAccepted: z.nullable(z.boolean()),
  /** The accepted token's department, as the platform named it. */
  department: z.optional(z.string().check(z.maxLength(500))),
  asOf: z.string(),
});
export { SettingsViewSchema };

export type FrameConfigRequest = z.infer<typeof FrameConfigRequestSchema>;
export type FrameConfig = z.infer<typeof FrameConfigSchema>;
export type LookupRequest = z.infer<typeof LookupRequestSchema>;
export type LookupResponse = z.infer<typeof LookupResponseSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FindingsReport = z.infer<typeof FindingsReportSchema>;
export type VerdictsChanged = z.infer<typeof VerdictsChangedSchema>;
export type TabRequest = z.infer<typeof TabRequestSchema>;
export type TabFinding = z.infer<typeof TabFindingSchema>;
export type TabFindings = z.infer<typeof TabFindingsSchema>;
export type CheckCodesRequest = z.infer<typeof CheckCodesRequestSchema>;
export type BatchState = z.infer<typeof BatchStateSchema>;
export type BatchRequest = z.infer<typeof BatchRequestSchema>;
export type TestConnectionRequest = z.infer<typeof TestConnectionRequestSchema>;
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;

/** The typed call map for `defineExtensionMessaging`. */
export interface ProtocolMap {
  frameConfig(data: FrameConfigRequest): Result<FrameConfig>;
  lookup(data: LookupRequest): Result<LookupResponse>;
  reportFindings(data: FindingsReport): Result<null>;
  verdictsChanged(data: VerdictsChanged): Result<null>;
  getTabFindings(data: TabRequest): Result<TabFindings>;
  /** Drops the cached answers of the tab's codes and asks again; frames get `verdictsChanged`. */
  recheckTab(data: TabRequest): Result<{ codes: number }>;
  /** The person clicked 继续核查 on a paused tab: its held codes are asked for; frames get `verdictsChanged`. */
  resumeTab(data: TabRequest): Result<{ codes: number }>;
  /** Starts a batch and answers at once; follow it with `getBatch` or `batchProgress`. */
  checkCodes(data: CheckCodesRequest): Result<BatchState>;
  getBatch(data: BatchRequest): Result<BatchState>;
  batchProgress(data: BatchState): void;
  getSettings(): Result<SettingsView>;
  saveSettings(data: SettingsPatch): Result<SettingsView>;
  testConnection(data: TestConnectionRequest): Result<ConnectionReport>;
  /** The card's feedback section for a code: reporter, the tab's case reference, queued and given feedback. */
  getFeedback(data: GetFeedbackRequest): Result<FeedbackView>;
  /** Queues the drafts (saved before they are sent; one idempotency key each); answers the code's view. */
  submitFeedback(data: SubmitFeedbackRequest): Result<FeedbackView>;
  retryFeedback(data: FeedbackKeyRequest): Result<null>;
  discardFeedback(data: FeedbackKeyRequest): Result<null>;
  /** Remembers the case reference for the sender's tab (storage.session). */
  setCaseReference(data: SetCaseReferenceRequest): Result<null>;
  submitObjection(data: ObjectionRequestMessage): Result<ObjectionOutcome>;
  /** A frame's codes with the names shown beside them (name/code check, records). */
  reportPageNames(data: PageNamesReport): Result<null>;
  getTabNames(data: TabRequest): Result<TabNames>;
  getCaseReference(data: TabRequest): Result<CaseReferenceView>;
  /** Asks the platform to check and sign a record of the tab's codes or a pasted list; kept as the last record. */
  createRecord(data: CreateRecordRequest): Result<StoredRecord>;
  getLastRecord(data: GetRecordRequest): Result<StoredRecord | null>;
}

/** Request schemas by message, checked on arrival by `onValidMessage`. */
export const REQUEST_SCHEMAS = {
  frameConfig: FrameConfigRequestSchema,
  lookup: LookupRequestSchema,
  reportFindings: FindingsReportSchema,
  verdictsChanged: VerdictsChangedSchema,
  getTabFindings: TabRequestSchema,
  recheckTab: TabRequestSchema,
  resumeTab: TabRequestSchema,
  checkCodes: CheckCodesRequestSchema,
  getBatch: BatchRequestSchema,
  batchProgress: BatchStateSchema,
  getSettings: z.optional(z.undefined()),
  saveSettings: SettingsPatchSchema,
  testConnection: TestConnectionRequestSchema,
  getFeedback: GetFeedbackRequestSchema,
  submitFeedback: SubmitFeedbackRequestSchema,
  retryFeedback: FeedbackKeyRequestSchema,
  discardFeedback: FeedbackKeyRequestSchema,
  setCaseReference: SetCaseReferenceRequestSchema,
  submitObjection: ObjectionRequestSchema,
  reportPageNames: PageNamesReportSchema,
  getTabNames: TabRequestSchema,
  getCaseReference: TabRequestSchema,
  createRecord: CreateRecordRequestSchema,
  getLastRecord: GetRecordRequestSchema,
} satisfies Record<keyof ProtocolMap, z.ZodMiniType>;

export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
export const { sendMessage, onMessage } = messenger;
