/**
 * Payloads of the name/code check (三要素) messages: a frame reports its codes with the names the
 * page shows beside them, the popup reads a tab's. protocol.ts imports them into the one call map.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';

const Code = z.string().check(z.minLength(1), z.maxLength(64));

// content → background
export const PageNamesReportSchema = z.object({
  url: z.string().check(z.maxLength(8000)),
  title: z.nullable(z.string().check(z.maxLength(500))),
  context: CheckContextSchema,
  /** Every code of the frame (valid, suspect or invalid) with the name the page shows beside it. */
  codes: z.array(z.object({ code: Code, pageName: z.nullable(z.string().check(z.maxLength(500))) })).check(z.maxLength(100_000)),
});

// popup → background
export const TabNamesSchema = z.object({
  tabId: z.number().check(z.int()),
  codes: z.array(z.object({ code: Code, pageName: z.nullable(z.string()), frameIds: z.array(z.number().check(z.int())) })),
});

export type PageNamesReport = z.infer<typeof PageNamesReportSchema>;
export type TabNames = z.infer<typeof TabNamesSchema>;
