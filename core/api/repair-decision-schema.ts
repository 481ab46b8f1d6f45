import * as z from 'zod/mini';
import { IsoDateSchema } from './scalars.ts';

/**
 * `POST /api/v1/repairs/{id}/decide` (the identifying department, or admin): approved → the entry
 * exits its list into key monitoring (重点监测, section (二十)): `monitoringUntil` is required unless
 * the category's rule says otherwise; refused → the entry stays listed.
 */
export const RepairDecisionSchema = z.strictObject({
  outcome: z.enum(['approved', 'refused']),
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** The exit date (China date); default today. */
  exitDate: z.optional(IsoDateSchema),
  monitoringUntil: z.optional(z.nullable(IsoDateSchema)),
});
export type RepairDecision = z.infer<typeof RepairDecisionSchema>;
