import * as z from 'zod/mini';
import { LineSchema, UsccSchema } from './scalars.ts';

/** The registered subject behind a code, as far as the platform knows it. */
export const SubjectSchema = z.strictObject({
  code: UsccSchema,
  name: z.nullable(LineSchema),
  regionCode: z.nullable(z.string().check(z.regex(/^\d{6}$/))),
  legalRepresentative: z.nullable(LineSchema),
});
export type Subject = z.infer<typeof SubjectSchema>;
