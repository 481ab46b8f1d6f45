import * as z from 'zod/mini';

export const API_ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'too_many_codes',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'rate_limited',
  'internal',
  // 503: the platform holds no list data yet (an empty platform answers unknown, never "not found").
  'no_data',
  // 503: the platform cannot serve now (its database file is gone, replaced or read-only; too busy).
  'unavailable',
] as const;

/** Every error the platform returns has this one shape, whatever the endpoint. */
export const ErrorEnvelopeSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
