/**
 * Several credit platforms at once (issue 17): a district's, a city's, a province's. Staff should
 * not have to know which one lists a bidder, so each surface is configured with an ordered list
 * of platforms and the regions each covers. Defined once here: the extension's settings and
 * enterprise policy and the widget's `configure()` all parse the list with these schemas.
 */
import * as z from 'zod/mini';

/** An administrative-division prefix (`42` Hubei, `4201` Wuhan, `420105` Hanyang), or `all`. */
export const PlatformRegionSchema = z.union([z.literal('all'), z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6})$/))]);
export type PlatformRegion = z.infer<typeof PlatformRegionSchema>;

export const PlatformConfigSchema = z.object({
  /** Stable id: answers, entries and queued feedback name their platform by it. */
  id: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._-]+$/)),
  url: z.url({ protocol: /^https?$/ }),
  /** Bearer token for this platform; never leaves the background (extension) or the page's runtime (widget). */
  token: z.optional(z.string().check(z.maxLength(4096))),
  regions: z.array(PlatformRegionSchema).check(z.minLength(1), z.maxLength(200)),
  /** Display name, e.g. 区公共信用信息平台. */
  name: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type PlatformConfig = z.infer<typeof PlatformConfigSchema>;

/** Ordered: the card lists platforms, and a code's parts, in this order. Ids and URLs are unique. */
export const PlatformListSchema = z.array(PlatformConfigSchema).check(
  z.minLength(1),
  z.maxLength(20),
  z.refine((list) => new Set(list.map((p) => p.id)).size === list.length, { message: 'platform ids must be unique' }),
  z.refine((list) => new Set(list.map((p) => p.url.replace(/\/+$/, ''))).size === list.length, { message: 'platform URLs must be unique' }),
);
export type PlatformList = z.infer<typeof PlatformListSchema>;

/** The id of the platform a single-platform configuration stands for. */
export const SINGLE_PLATFORM_ID = 'default';
export const SINGLE_PLATFORM_NAME = '信用平台';

/** The single-platform configuration (one URL, one token) as a list of one platform covering all regions. */
export function singlePlatformList(url: string, token?: string | null): PlatformList {
  return [{ id: SINGLE_PLATFORM_ID, url, ...(token ? { token } : {}), regions: ['all'], name: SINGLE_PLATFORM_NAME }];
}
