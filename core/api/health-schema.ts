import * as z from 'zod/mini';
import { AnswerStampShape, LineSchema } from './scalars.ts';

/** `GET /api/v1/health`: liveness plus what an unauthenticated caller may do. */
export const HealthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  apiVersion: z.literal('v1'),
  platform: LineSchema,
  anonymousReads: z.boolean(),
  ...AnswerStampShape,
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
