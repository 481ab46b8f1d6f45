import * as z from 'zod/mini';
import { CheckContextSchema } from './check-context-schema.ts';
import { ListKindSchema } from './list-entry-schema.ts';
import { AnswerStampShape, LineSchema, TextSchema } from './scalars.ts';

/** One joint reward or punishment measure of the published catalogue (section (十九)). */
export const MeasureSchema = z.strictObject({
  id: LineSchema,
  item: LineSchema,
  kind: z.enum(['reward', 'punishment']),
  /** Which list the measure follows from, and the categories it applies to (empty: every category). */
  list: ListKindSchema,
  categories: z.array(LineSchema),
  contexts: z.array(CheckContextSchema),
  target: TextSchema,
  means: TextSchema,
  implementingDepartment: LineSchema,
  basis: TextSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

/** `GET /api/v1/measures`. */
export const MeasuresResponseSchema = z.strictObject({
  catalogueVersion: LineSchema,
  measures: z.array(MeasureSchema),
  ...AnswerStampShape,
});
export type MeasuresResponse = z.infer<typeof MeasuresResponseSchema>;
