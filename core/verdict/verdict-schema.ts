/**
 * The one definition of what a verdict is. `Verdict` and its parts are inferred from these
 * schemas, and every boundary a verdict crosses (the extension's messages, saved state) checks it
 * against them: a hand-made copy once dropped `lastKnown` on its way to the outage card.
 */
import * as z from 'zod/mini';
import { VERDICT_KINDS } from '../api/check-record-schema.ts';
import { ListEntrySchema } from '../api/list-entry-schema.ts';
import { PlatformLineSchema } from '../platforms/platform-line-schema.ts';

export const VerdictKindSchema = z.enum(VERDICT_KINDS);
/** core/verdict/verdict-palette.ts `VerdictLook`: a kind, or `public` (a clear from the public lists alone). */
export const VerdictLookSchema = z.enum([...VERDICT_KINDS, 'public']);

export const VERDICT_REASON_CODES = [
  'black-active',
  'black-disputed',
  'red-active',
  'red-disputed',
  'monitoring',
  'nothing-active',
  'nothing-active-public',
  'not-found',
  'invalid-code',
  'suspect-code',
  'suspect-not-found',
  'error',
  'checking',
  'paused',
] as const;
export const VerdictReasonCodeSchema = z.enum(VERDICT_REASON_CODES);

/** `core/api` CreditErrorKind, plus `permission` (a 403). */
export const VerdictErrorKindSchema = z.enum(['offline', 'timeout', 'http', 'schema', 'auth', 'aborted', 'permission']);

export const VerdictReasonSchema = z.object({
  code: VerdictReasonCodeSchema,
  /** Set whenever the latest attempt failed (then the verdict is `unknown`, with `lastKnown` when an earlier answer exists). */
  errorKind: z.optional(VerdictErrorKindSchema),
  detail: z.optional(z.string().check(z.maxLength(2000))),
});

export const VerdictSchema = z.object({
  kind: VerdictKindSchema,
  reason: VerdictReasonSchema,
  /** Entries in force today (black and red), after dates are applied. */
  activeEntries: z.array(ListEntrySchema),
  /** Entries under objection: their punishments (or incentives) are suspended. */
  disputedEntries: z.array(ListEntrySchema),
  /** Black entries that were left, with a monitoring period (重点监测) still running. */
  watchEntries: z.array(ListEntrySchema),
  /** Red incentives suspended because an active black entry wins. */
  suspendedRed: z.boolean(),
  /** When the platform gave the answer this verdict rests on; null when there is none. */
  asOf: z.nullable(z.string().check(z.maxLength(40))),
  ageMs: z.nullable(z.number()),
  /** Older than the freshness window, or kept from cache after a failed refresh: show its age. */
  stale: z.boolean(),
  /** After a failed refresh: what the earlier (cached) answer said. The verdict itself is `unknown`. */
  lastKnown: z.optional(VerdictKindSchema),
  /** Several platforms (issue 17, core/platforms): what each covering platform answered, and which entries it owns. */
  platforms: z.optional(z.array(PlatformLineSchema).check(z.maxLength(20))),
});
