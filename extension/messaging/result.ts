/**
 * Errors do not survive `chrome.runtime` messaging, so every answer that crosses the boundary is a
 * value: `{ ok: true, value }` or `{ ok: false, error: { kind, message } }`. Branch on `kind`.
 */
import * as z from 'zod/mini';

export const MESSAGE_ERROR_KINDS = [
  // From the credit client (core/api CreditErrorKind).
  'offline',
  'timeout',
  'http',
  'schema',
  'auth',
  'aborted',
  // From the extension itself.
  'invalid-message',
  'permission',
  'not-found',
  // A check record holds a valid code no configured platform covers (issue 17): none may sign for it.
  'no-covering-platform',
  'internal',
] as const;
export const MessageErrorSchema = z.object({
  kind: z.enum(MESSAGE_ERROR_KINDS),
  message: z.string().check(z.maxLength(2000)),
});
export type MessageError = z.infer<typeof MessageErrorSchema>;
export type MessageErrorKind = MessageError['kind'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: MessageErrorKind, message: string): Result<never> => ({ ok: false, error: { kind, message } });

/** A zod/mini schema for `Result<T>` given the schema of `T`. */
export function resultSchema<T extends z.ZodMiniType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: MessageErrorSchema })]);
}
