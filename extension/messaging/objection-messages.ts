/**
 * Payloads of `submitObjection` (section 二十七): the request is core/api's objection schema, the
 * answer says whether the platform accepted it. protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { ObjectionRequestSchema, ObjectionResponseSchema } from '../../core/api/objection-schema.ts';

// Defined once in core/api and imported here.
export { ObjectionRequestSchema };

export const ObjectionOutcomeSchema = z.union([
  z.object({ accepted: z.literal(true), response: ObjectionResponseSchema }),
  /** Refused or unreachable: the client error's kind and HTTP status (409: already disputed). */
  z.object({ accepted: z.literal(false), kind: z.string(), status: z.nullable(z.number()), message: z.string() }),
]);

export type ObjectionRequestMessage = z.infer<typeof ObjectionRequestSchema>;
export type ObjectionOutcome = z.infer<typeof ObjectionOutcomeSchema>;
