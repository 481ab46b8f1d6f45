/**
 * One line of a merged verdict per covering platform: what that platform answered just now for
 * the code, and which entries of the union it owns, so the card can label each entry with its
 * source and send feedback, objections and repairs to the platform that owns the entry.
 */
import * as z from 'zod/mini';
import { VERDICT_KINDS } from '../api/check-record-schema.ts';

export const PlatformLineSchema = z.object({
  platformId: z.string().check(z.maxLength(64)),
  name: z.string().check(z.maxLength(100)),
  /** The platform's own verdict for the code (`unknown` when it failed, `pending` before its first answer). */
  kind: z.enum(VERDICT_KINDS),
  /** Why it failed (core/verdict's `VerdictErrorKind`), when it did. */
  errorKind: z.optional(z.string().check(z.maxLength(40))),
  /** Ids of the entries (in the verdict's union, platform-entry-id.ts) this platform answered; as long as an entry's id may be. */
  entryIds: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(200)),
  /** When it answered; null when it has not. */
  asOf: z.nullable(z.string().check(z.maxLength(40))),
});
export type PlatformLine = z.infer<typeof PlatformLineSchema>;
