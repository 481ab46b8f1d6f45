import * as z from 'zod/mini';

/**
 * Where a check happens: it selects which measures of the catalogue apply (section (十九) of the
 * source document files each measure under the work it affects).
 */
export const CHECK_CONTEXTS = ['approval', 'procurement', 'funding', 'honours', 'licensing', 'inspection', 'general'] as const;
export const CheckContextSchema = z.enum(CHECK_CONTEXTS);
export type CheckContext = z.infer<typeof CheckContextSchema>;
