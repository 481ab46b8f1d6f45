import { CHECK_CONTEXTS, type CheckContext } from '../../core/api/check-context-schema.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { DEFAULT_FRESHNESS_MS } from '../../core/verdict/compute-verdict.ts';

/** The platform a token is asked for (with `platforms`; without, no argument is passed). */
export type TokenPlatform = Pick<PlatformConfig, 'id' | 'url' | 'name'>;

/**
 * Asked before every request; resolve with a short-lived token from the host's own backend, or null.
 * With `platforms` it is asked per platform that has no `token` of its own, and told which one.
 */
export type TokenProvider = (platform?: TokenPlatform) => Promise<string | null> | string | null;

/** What a host may set with `CreditLens.configure(...)` or the script tag's data attributes. */
export interface CreditLensOptions {
  /** Origin of the credit platform, e.g. `https://credit.example.gov.cn`. Ignored while `platforms` is set. */
  platform?: string;
  /**
   * Several platforms at once (issue 17), in the order the card lists them: each `{ id, url,
   * token?, regions, name }` (core/platforms/platform-config-schema.ts). A code is asked of every
   * platform covering its registration region. Wins over `platform`; null goes back to it. Parsed
   * with `PlatformListSchema` when the rest of the widget loads (widget/more, to keep the script
   * tag small): a bad list is reported on the console and every code shows unknown.
   */
  platforms?: readonly PlatformConfig[] | null;
  /** A token for the status API. Prefer `tokenProvider`: never hard-code a long-lived token in a page. */
  token?: string | null;
  tokenProvider?: TokenProvider | null;
  /** Where the check happens; selects the measures shown. Default `general`. */
  context?: CheckContext;
  /** How long an answer counts as fresh, in ms; older answers show their age. Default 5 minutes. */
  freshness?: number;
  /** Force a locale instead of following the page's `lang`. */
  lang?: string | null;
  /** Who is at the keyboard: shown on feedback, sent as `operator`. With a token, turns on the feedback form. */
  operator?: string | null;
  /** The department's name for display only: the platform takes the department from the token. */
  department?: string | null;
  /** The case reference (approval item / project number) feedback and records start with. */
  caseReference?: string | null;
  /**
   * Opt-in (issue 15): download the platform's signed list snapshot (verified with its record key)
   * so codes never seen paint at once; the full answer still comes and wins. For pages that show many codes.
   */
  snapshot?: boolean;
}

/** The configuration in force; every field has a value. */
export interface WidgetConfig {
  platform: string | null;
  /** As given (parsed when the rest of the widget loads: widget/more/platform-list-of.ts); null: the single `platform`. */
  platforms: readonly PlatformConfig[] | null;
  token: string | null;
  tokenProvider: TokenProvider | null;
  context: CheckContext;
  freshness: number;
  lang: string | null;
  operator: string | null;
  department: string | null;
  caseReference: string | null;
  snapshot: boolean;
}

export const DEFAULT_CONFIG: WidgetConfig = {
  platform: null,
  platforms: null,
  token: null,
  tokenProvider: null,
  context: 'general',
  freshness: DEFAULT_FRESHNESS_MS,
  lang: null,
  operator: null,
  department: null,
  caseReference: null,
  snapshot: false,
};

/** A check context, or null when the string is not one (an unknown context falls back to the configured one). */
export function checkContextOf(value: string | null | undefined): CheckContext | null {
  return (CHECK_CONTEXTS as readonly string[]).includes(value ?? '') ? (value as CheckContext) : null;
}

/**
 * Merges options into a configuration, rejecting what would be unsafe or meaningless: the
 * platform must be an http(s) URL (it is fetched with the token and linked from cards).
 */
export function mergeConfig(current: WidgetConfig, options: CreditLensOptions): WidgetConfig {
  const next = { ...current };
  if (options.platform !== undefined) {
    const url = new URL(options.platform, globalThis.location?.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('CreditLens: platform must be an http(s) URL');
    next.platform = url.href.replace(/\/+$/, '');
  }
  if (options.platforms !== undefined) {
    if (options.platforms !== null && !Array.isArray(options.platforms)) throw new TypeError('CreditLens: platforms must be a list (or null)');
    // The same list again keeps the platforms (and their answers) in force.
    next.platforms =
      options.platforms && (JSON.stringify(options.platforms) === JSON.stringify(current.platforms) ? current.platforms : [...options.platforms]);
  }
  if (options.token !== undefined) next.token = options.token || null;
  if (options.tokenProvider !== undefined) {
    if (options.tokenProvider !== null && typeof options.tokenProvider !== 'function') throw new TypeError('CreditLens: tokenProvider must be a function');
    next.tokenProvider = options.tokenProvider;
  }
  if (options.context !== undefined) {
    const context = checkContextOf(options.context);
    if (!context) throw new TypeError(`CreditLens: unknown context "${String(options.context)}"`);
    next.context = context;
  }
  if (options.freshness !== undefined) {
    if (!(Number.isFinite(options.freshness) && options.freshness >= 0)) throw new TypeError('CreditLens: freshness must be a number of ms ≥ 0');
    next.freshness = options.freshness;
  }
  if (options.snapshot !== undefined) next.snapshot = options.snapshot === true;
  if (options.lang !== undefined) next.lang = options.lang || null;
  for (const key of ['operator', 'department', 'caseReference'] as const) {
    if (options[key] !== undefined) next[key] = typeof options[key] === 'string' ? options[key].trim().slice(0, 200) || null : null;
  }
  return next;
}
