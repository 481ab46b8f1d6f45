/**
 * The extension's settings as stored under `local:settings` (`settingsItem`, storage-items.ts).
 * One schema, so the background, the options page and e2e tests (which write the key straight
 * from the service worker) agree on the shape. Unknown or broken values fall back to defaults
 * rather than disabling the extension.
 */
import * as z from 'zod/mini';
import { CheckContextSchema } from '../../core/api/check-context-schema.ts';
import { PlatformListSchema } from '../../core/platforms/platform-config-schema.ts';

export const DEFAULT_PLATFORM_URL = 'http://127.0.0.1:8787';
export const DEFAULT_FRESHNESS_MINUTES = 5;
/** Production floor for the changes feed (chrome.alarms allows 30 s); tests may go lower. */
export const DEFAULT_CHANGES_POLL_SECONDS = 60;
/** A page asking for more distinct codes than this within a minute is paused until the person goes on. */
export const DEFAULT_MAX_CODES_PER_MINUTE = 500;

/** A site the checks run on: a match pattern (`https://oa.example.gov.cn/*`) and where the check happens. */
export const SiteRuleSchema = z.object({
  pattern: z.string().check(z.minLength(1), z.maxLength(500)),
  context: CheckContextSchema,
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

export const SettingsSchema = z.object({
  platformUrl: z._default(z.url({ protocol: /^https?$/ }), DEFAULT_PLATFORM_URL),
  /** Bearer token; never leaves the background (getSettings answers `hasToken` only). */
  token: z._default(z.string().check(z.maxLength(4096)), ''),
  sites: z._default(z.array(SiteRuleSchema).check(z.maxLength(500)), []),
  freshnessMinutes: z._default(z.number().check(z.minimum(0.05), z.maximum(24 * 60)), DEFAULT_FRESHNESS_MINUTES),
  /** How often the changes feed is polled; below 30 only for tests (alarms round up, a timer fills in). */
  changesPollSeconds: z._default(z.number().check(z.minimum(1), z.maximum(3600)), DEFAULT_CHANGES_POLL_SECONDS),
  /** Who reports feedback and asks for check records (a name); the department comes from the token. */
  operator: z._default(z.string().check(z.maxLength(100)), ''),
  /** Distinct new codes a tab may have looked up within a minute before it is paused (issue 10, finding 3). */
  maxCodesPerMinute: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(100_000)), DEFAULT_MAX_CODES_PER_MINUTE),
  /**
   * Paint codes with the CSS Custom Highlight API where the browser has it (Chromium 105+). False:
   * overlay markers only, as on older cores — for a 信创 build whose Highlight API misbehaves (README).
   */
  highlightApi: z._default(z.boolean(), true),
  /**
   * Several platforms (issue 17, core/platforms): when set, codes are asked of every platform covering
   * their region and `platformUrl`/`token` are not used for status; absent: the single platform.
   */
  platforms: z.optional(PlatformListSchema),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What leaves the background: everything but the token (`hasToken` says whether there is one). */
export const SettingsViewSchema = z.object({
  platformUrl: z.string(),
  hasToken: z.boolean(),
  sites: z.array(SiteRuleSchema),
  freshnessMinutes: z.number(),
  changesPollSeconds: z.number(),
  /** The configured operator name ('' when none). */
  operator: z.optional(z.string()),
  maxCodesPerMinute: z.optional(z.number()),
  highlightApi: z.optional(z.boolean()),
  /** The configured platforms, without their tokens. */
  platforms: z.optional(z.array(z.object({ id: z.string(), url: z.string(), name: z.string(), regions: z.array(z.string()), hasToken: z.boolean() }))),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** A change from the options page: `token` undefined keeps it, `null` or `''` clears it. */
export const SettingsPatchSchema = z.object({
  platformUrl: z.optional(z.url({ protocol: /^https?$/ })),
  token: z.optional(z.nullable(z.string().check(z.maxLength(4096)))),
  sites: z.optional(z.array(SiteRuleSchema).check(z.maxLength(500))),
  freshnessMinutes: z.optional(z.number().check(z.minimum(0.05), z.maximum(24 * 60))),
  changesPollSeconds: z.optional(z.number().check(z.minimum(1), z.maximum(3600))),
  operator: z.optional(z.string().check(z.maxLength(100))),
  maxCodesPerMinute: z.optional(z.number().check(z.int(), z.minimum(10), z.maximum(100_000))),
  highlightApi: z.optional(z.boolean()),
  /** `null` goes back to the single platform. */
  platforms: z.optional(z.nullable(PlatformListSchema)),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Parses whatever is stored; a broken value yields the defaults, not an exception. */
export function parseStoredSettings(value: unknown): Settings {
  const parsed = z.safeParse(SettingsSchema, value ?? {});
  return parsed.success ? parsed.data : z.parse(SettingsSchema, {});
}

/** The settings without the token, for the popup and the options page. */
export function toSettingsView(settings: Settings): SettingsView {
  const { token, platforms, ...rest } = settings;
  return {
    ...rest,
    hasToken: token.length > 0,
    // Tokens never leave the background, a platform's neither.
    ...(platforms && { platforms: platforms.map(({ token: t, ...p }) => ({ ...p, hasToken: (t ?? '').length > 0 })) }),
  };
}
