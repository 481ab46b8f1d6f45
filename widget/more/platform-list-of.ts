import { PlatformListSchema, type PlatformList } from '../../core/platforms/platform-config-schema.ts';

/**
 * The widget's `platforms` option parsed with the one schema (core/platforms), URLs without a
 * trailing slash; a TypeError naming every problem otherwise. In widget/more rather than in
 * `configure()`: zod's URL and refinement checks would not fit the script tag's budget.
 */
export function platformListOf(value: unknown): PlatformList {
  const parsed = PlatformListSchema.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(
      `CreditLens: platforms: ${parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.map((p) => ({ ...p, url: p.url.replace(/\/+$/, '') }));
}
