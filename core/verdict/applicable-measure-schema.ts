/** One catalogue measure that follows from a verdict (`applicableMeasures`), defined once as a schema because it crosses message boundaries. */
import * as z from 'zod/mini';
import { ListEntrySchema } from '../api/list-entry-schema.ts';
import { MeasureSchema } from '../api/measure-schema.ts';

export const ApplicableMeasureSchema = z.object({
  measure: MeasureSchema,
  entry: ListEntrySchema,
  /** True when the measure must not be applied now: its entry is under objection, or red yields to black. */
  suspended: z.boolean(),
});
export type ApplicableMeasure = z.infer<typeof ApplicableMeasureSchema>;
