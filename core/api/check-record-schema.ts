import * as z from 'zod/mini';
import { MAX_CODES_PER_STATUS_REQUEST } from './api-limits.ts';
import { CheckContextSchema } from './check-context-schema.ts';
import { ListEntrySchema } from './list-entry-schema.ts';
import { AnswerStampShape, IsoDateTimeSchema, LineSchema, TextSchema } from './scalars.ts';

/**
 * The credit-check record (信用查询记录) a procurement officer keeps with the file: what the
 * platform answered for every code, signed by the platform (Ed25519 over the canonical JSON of
 * `record`), so the saved copy can be verified later as exactly what the platform said.
 */
export const VERDICT_KINDS = ['black', 'disputed', 'red', 'watch', 'clear', 'invalid', 'unknown', 'pending'] as const;

export const RecordItemSchema = z.strictObject({
  code: z.string().check(z.maxLength(64)),
  found: z.boolean(),
  invalid: z.boolean(),
  registeredName: z.nullable(LineSchema),
  /** The name the page showed next to the code, when the caller sent one. */
  pageName: z.nullable(LineSchema),
  /** Whether the page's name agrees with the registered one (null: nothing to compare). */
  nameMatches: z.nullable(z.boolean()),
  verdict: z.enum(VERDICT_KINDS),
  reason: TextSchema,
  entries: z.array(ListEntrySchema),
  measures: z.array(z.strictObject({ id: LineSchema, item: LineSchema, kind: z.enum(['reward', 'punishment']), basis: TextSchema, suspended: z.boolean() })),
});
export type RecordItem = z.infer<typeof RecordItemSchema>;

/**
 * Fields of a record whose values the caller stated in its request (`CheckRecordRequest`) and
 * the platform signs as stated, not as checked: who the operator is, which page the codes came
 * from, the names that page showed, the case reference.
 */
export const CALLER_STATED_FIELDS = ['caseReference', 'operator', 'source', 'pageNames', 'projectName', 'set'] as const;
export type CallerStatedField = (typeof CALLER_STATED_FIELDS)[number];

/**
 * A record in parts (several platforms, issue 17): each platform signs its part with the same
 * set — one id, every platform asked and every code of the whole record — so a verifier can tell
 * a part dropped, repeated or taken from another check (core/record/check-record-set-schema.ts).
 */
export const RecordSetRefSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/)),
  platforms: z.array(z.string().check(z.maxLength(2000))).check(z.minLength(1), z.maxLength(20)),
  codes: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
});
export type RecordSetRef = z.infer<typeof RecordSetRefSchema>;

export const CheckRecordSchema = z.strictObject({
  version: z.literal(1),
  recordId: LineSchema,
  platform: LineSchema,
  issuedAt: IsoDateTimeSchema,
  context: CheckContextSchema,
  caseReference: z.nullable(LineSchema),
  /** The project's name (项目名称) as the caller stated it; absent in records from before it existed. */
  projectName: z.optional(z.nullable(LineSchema)),
  operator: z.nullable(LineSchema),
  department: LineSchema,
  source: z.strictObject({ url: z.nullable(z.string().check(z.maxLength(2000))), title: z.nullable(LineSchema) }),
  items: z.array(RecordItemSchema).check(z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  /**
   * Which of `caseReference`, `operator`, `source` and the items' `pageName` hold what the caller
   * stated (CALLER_STATED_FIELDS): signed as "the caller said so", not attested by the platform.
   * An operator taken from the token's label is the platform's own and is not listed. Absent in
   * records issued before this field existed (they still verify): read those fields as stated.
   */
  callerStated: z.optional(z.array(z.enum(CALLER_STATED_FIELDS)).check(z.maxLength(CALLER_STATED_FIELDS.length))),
  /** The set this record is a part of, as the caller stated it; absent for a record on its own. */
  set: z.optional(RecordSetRefSchema),
  ...AnswerStampShape,
});
export type CheckRecord = z.infer<typeof CheckRecordSchema>;

export const RecordSignatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: LineSchema,
  /** base64 of the 64-byte signature over canonicalJson(record) in UTF-8. */
  value: z.string().check(z.maxLength(200)),
});

export const SignedCheckRecordSchema = z.strictObject({
  record: CheckRecordSchema,
  signature: RecordSignatureSchema,
});
export type SignedCheckRecord = z.infer<typeof SignedCheckRecordSchema>;

/** `POST /api/v1/records`: the platform checks the codes itself and signs what it answered. */
export const CheckRecordRequestSchema = z.strictObject({
  codes: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(MAX_CODES_PER_STATUS_REQUEST)),
  context: CheckContextSchema,
  caseReference: z.optional(z.nullable(LineSchema)),
  projectName: z.optional(z.nullable(LineSchema)),
  operator: z.optional(z.nullable(LineSchema)),
  source: z.optional(z.strictObject({ url: z.nullable(z.string().check(z.maxLength(2000))), title: z.nullable(LineSchema) })),
  /** Names shown next to the codes on the page, by code, to be compared with registered names. */
  pageNames: z.optional(z.record(z.string().check(z.maxLength(64)), LineSchema)),
  /** Part of a record in parts (several platforms): signed into the record as stated. */
  set: z.optional(RecordSetRefSchema),
});
export type CheckRecordRequest = z.infer<typeof CheckRecordRequestSchema>;

/**
 * `GET /.well-known/creditlens-record-key`: the public key records are verified with, and its
 * life (optional, for answers of platforms before key rotation): a verifier refuses a record
 * issued after `retiredAt` or since `compromisedSince` (core/record/judge-record-time.ts).
 */
export const RecordKeySchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: LineSchema,
  /** base64 of the 32-byte raw public key. */
  publicKey: z.string().check(z.maxLength(100)),
  createdAt: z.optional(IsoDateTimeSchema),
  retiredAt: z.optional(z.nullable(IsoDateTimeSchema)),
  compromisedSince: z.optional(z.nullable(IsoDateTimeSchema)),
  ...AnswerStampShape,
});
export type RecordKey = z.infer<typeof RecordKeySchema>;

/** `POST /api/v1/records/verify` (and the verify page): the platform's judgement of a saved record. */
export const RecordVerificationSchema = z.strictObject({
  valid: z.boolean(),
  /**
   * `ok`; `malformed` (not a record, not JSON); `duplicate-keys` (a key named twice in one object
   * of the record file); `unknown-key`; `bad-signature`; and, for a good signature from a key
   * that cannot vouch for this record: `not-yet-valid` (issued in the future beyond the clock
   * skew, or before the key existed), `key-retired` (issued after the key's rotation),
   * `key-compromised` (issued since the key was marked compromised).
   */
  reason: z.enum(['ok', 'malformed', 'duplicate-keys', 'unknown-key', 'bad-signature', 'not-yet-valid', 'key-retired', 'key-compromised']),
  message: TextSchema,
  keyId: z.nullable(LineSchema),
  recordId: z.nullable(LineSchema),
  issuedAt: z.nullable(IsoDateTimeSchema),
});
export type RecordVerification = z.infer<typeof RecordVerificationSchema>;
