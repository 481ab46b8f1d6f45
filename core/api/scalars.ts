import * as z from 'zod/mini';

// Plain regexes rather than `z.iso.*`: as strict for these shapes, and the zod ISO builders
// would cost the widget's script tag about 0.4 KB gzip of its 25 KB budget (issue 5).
// A day that exists, leap years included (the same pattern zod's ISO date uses).
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
/** A calendar date, `YYYY-MM-DD` (dates in the lists are local dates in China, UTC+8). */
export const IsoDateSchema = z.string().check(z.regex(new RegExp(`^${DATE}$`)));
/** An instant with `Z` or an offset, e.g. `2026-11-26T10:00:00.000Z` (seconds required, any fraction). */
export const IsoDateTimeSchema = z
  .string()
  .check(z.regex(new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`)));
/** An 18-character unified social credit code as the platform stores it (normalized, uppercase). */
export const UsccSchema = z.string().check(z.regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/));
/** A short single-line text from the platform (names, departments). Always rendered as text, never HTML. */
export const LineSchema = z.string().check(z.maxLength(500));
/** A longer text from the platform (facts, notes). Always rendered as text, never HTML. */
export const TextSchema = z.string().check(z.maxLength(10_000));
/** Every answer says when it was given and which revision of the data it reflects. */
export const AnswerStampShape = {
  asOf: IsoDateTimeSchema,
  dataVersion: z.number().check(z.int(), z.minimum(0)),
};
