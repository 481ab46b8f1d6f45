import * as z from 'zod/mini';

/** A calendar date, `YYYY-MM-DD` (dates in the lists are local dates in China, UTC+8). */
export const IsoDateSchema = z.iso.date();
/** An instant with offset, e.g. `2026-11-26T10:00:00.000Z`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
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
