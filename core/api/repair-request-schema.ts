import * as z from 'zod/mini';
import { LineSchema, UsccSchema } from './scalars.ts';

/** Materials of a repair application must say something: at least this many characters besides spaces. */
export const MIN_REPAIR_MATERIALS_CHARS = 10;

/**
 * `POST /api/v1/repairs` (department): a credit-repair application (信用修复, section (二十六)) on
 * one entry — what the subject did to repair its credit (materials, as text) and a reference to
 * the evidence (a receipt, a court's certificate of performance…). Only repairable black entries.
 */
export const RepairRequestSchema = z.strictObject({
  code: UsccSchema,
  entryId: LineSchema,
  materials: z.string().check(
    z.maxLength(5000),
    z.refine((s) => Array.from(s.replace(/\s/gu, '')).length >= MIN_REPAIR_MATERIALS_CHARS, {
      error: `the materials need at least ${MIN_REPAIR_MATERIALS_CHARS} characters besides spaces`,
    }),
  ),
  reference: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type RepairRequest = z.infer<typeof RepairRequestSchema>;
