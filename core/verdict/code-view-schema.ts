/**
 * Everything a card or a list row needs to show one code in one context: the verdict, the answer
 * it rests on and the measures. Built where the answers are (the extension's background) and
 * shown elsewhere (content scripts, the popup), so it is defined once, as a schema.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../api/check-context-schema.ts';
import { StatusResultSchema } from '../api/status-schema.ts';
import { ApplicableMeasureSchema } from './applicable-measure-schema.ts';
import { VerdictSchema } from './verdict-schema.ts';

/** core/uscc's `UsccValidity`. */
export const ValiditySchema = z.enum(['valid', 'suspect', 'invalid']);

export const CodeViewSchema = z.object({
  /** Normalized code. */
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  validity: ValiditySchema,
  verdict: VerdictSchema,
  /** The platform's answer the verdict rests on (subject name, entries); null when there is none. */
  result: z.nullable(StatusResultSchema),
  /** `applicableMeasures` for `context`; null while the catalogue is not loaded. */
  measures: z.nullable(z.array(ApplicableMeasureSchema)),
  context: CheckContextSchema,
  /** The platform's base URL, for links to the subject's page (core/present builds them; no token). */
  platformUrl: z.nullable(z.string().check(z.maxLength(2000))),
});
export type CodeView = z.infer<typeof CodeViewSchema>;
