import type * as z from 'zod/mini';
import type { VerdictKindSchema, VerdictReasonCodeSchema, VerdictReasonSchema, VerdictSchema } from './verdict-schema.ts';

/**
 * What the UI shows for one code; `verdict-strength.ts` holds the one order they are listed in.
 * `invalid` (not a code), `unknown` (no trustworthy answer) and `pending` (being checked) stand
 * beside the list verdicts. Types are inferred from `verdict-schema.ts`, the one definition.
 */
export type VerdictKind = z.infer<typeof VerdictKindSchema>;
export type VerdictReasonCode = z.infer<typeof VerdictReasonCodeSchema>;
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
