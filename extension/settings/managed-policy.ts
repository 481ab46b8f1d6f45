/**
 * Enterprise policy: an IT department sets any of the settings through `storage.managed`
 * (Chrome/Edge group policy or Firefox `policies.json` → `3rdparty.Extensions`), described by
 * `public/managed_schema.json`. A key set by policy wins over the user's value and is shown
 * locked on the options page. A broken policy value is dropped key by key (a site rule: rule by
 * rule), never the whole policy, and every drop is kept as a `PolicyProblem` so the popup and the
 * options page report it instead of quietly ignoring it.
 *
 * Two checks run in turn. The browser checks the policy against `managed_schema.json` first and
 * drops a value of the wrong JSON type (a string where a number belongs) before the extension can
 * see it; Chromium shows that drop on chrome://policy only. The schema therefore declares JSON
 * types alone (no enums, ranges or formats), so that every other mistake reaches this file, which
 * checks it against the settings schema and reports it.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { SettingsPatchSchema, SiteRuleSchema, type Settings, type SiteRule } from './settings-schema.ts';
import { toMatchPattern } from './to-match-pattern.ts';

export const MANAGED_KEYS = [
  'platformUrl',
  'token',
  'sites',
  'freshnessMinutes',
  'changesPollSeconds',
  'maxCodesPerMinute',
  'highlightApi',
  'platforms',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];
export type ManagedPolicy = Partial<Pick<Settings, ManagedKey>>;

/** Why a policy value was dropped: wrong type, out of range, wrong form (URL, match pattern, context), or not a setting at all. */
export type PolicyProblemKind = 'type' | 'range' | 'format' | 'unknown';

/** One dropped policy value; `path` names it (`freshnessMinutes`, `sites[2].context`). Never carries the value (it may be the token). */
export interface PolicyProblem {
  kind: PolicyProblemKind;
  path: string;
}

export interface ManagedPolicyReport {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
}

function problemKind(issues: readonly { code: string }[]): PolicyProblemKind {
  const code = issues[0]?.code;
  if (code === 'invalid_type') return 'type';
  if (code === 'too_small' || code === 'too_big') return 'range';
  return 'format';
}

function issuePath(key: string, issues: readonly { path: readonly PropertyKey[] }[]): string {
  const rest = (issues[0]?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${key}${rest}`;
}

/** Site rules one by one: a broken rule is dropped and reported, the others still apply; patterns are normalised as the options page does. */
function checkSites(value: unknown, problems: PolicyProblem[]): SiteRule[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ kind: 'type', path: 'sites' });
    return undefined;
  }
  const sites: SiteRule[] = [];
  value.forEach((item, i) => {
    const parsed = z.safeParse(SiteRuleSchema, item);
    if (!parsed.success) return problems.push({ kind: problemKind(parsed.error.issues), path: issuePath(`sites[${i}]`, parsed.error.issues) });
    // One pattern the browser refuses would fail the registration of every site: check each here.
    const pattern = toMatchPattern(parsed.data.pattern);
    if (!pattern.ok) return problems.push({ kind: 'format', path: `sites[${i}].pattern` });
    if (!sites.some((s) => s.pattern === pattern.pattern)) sites.push({ ...parsed.data, pattern: pattern.pattern });
  });
  // Every rule broken: the key is dropped (the person's own sites apply), as for any other broken key.
  if (sites.length === 0 && value.length > 0) return undefined;
  const checked = z.safeParse(SettingsPatchSchema.shape.sites, sites);
  if (!checked.success) {
    problems.push({ kind: 'range', path: 'sites' });
    return undefined;
  }
  return sites;
}

/** Checks a raw policy object: the keys that pass the settings schema, and what was dropped and why. */
export function checkManagedPolicy(raw: unknown): ManagedPolicyReport {
  if (raw === undefined || raw === null) return { policy: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, problems: [{ kind: 'type', path: '(policy)' }] };
  const record = raw as Record<string, unknown>;
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const key of MANAGED_KEYS) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (key === 'sites') {
      const sites = checkSites(value, problems);
      if (sites) policy.sites = sites;
      continue;
    }
    const parsed = z.safeParse(SettingsPatchSchema.shape[key], value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== null) policy[key] = parsed.data;
    else if (!parsed.success) problems.push({ kind: problemKind(parsed.error.issues), path: issuePath(key, parsed.error.issues) });
  }
  for (const key of Object.keys(record)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) problems.push({ kind: 'unknown', path: key });
  }
  return { policy: policy as ManagedPolicy, problems };
}

/** Keeps the keys of a raw policy object that pass the settings schema. */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  return checkManagedPolicy(raw).policy;
}

/**
 * Reads the policy. Firefox rejects `storage.managed.get()` when no policy is installed
 * ("Managed storage manifest not found") where Chrome answers `{}`: both mean "no policy".
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  return (await readManagedPolicyReport()).policy;
}

/** Reads the policy with what was dropped from it (for the popup and the options page). */
export async function readManagedPolicyReport(): Promise<ManagedPolicyReport> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    return { policy: {}, problems: [] };
  }
  return checkManagedPolicy(raw);
}

/** The keys a policy locks, in a stable order. */
export function lockedKeys(policy: ManagedPolicy): ManagedKey[] {
  return MANAGED_KEYS.filter((key) => policy[key] !== undefined);
}
