import type { CreditLensOptions } from '../contract/widget-config.ts';
import { checkContextOf } from '../contract/widget-config.ts';

/** What the script tag asks for besides configuration. */
export interface ScriptTagRequest {
  options: CreditLensOptions;
  /** `data-scan`: a selector whose elements are scanned once the page is parsed ("" or "body" = the whole body). */
  scan: string | null;
}

/**
 * Reads the script tag's data attributes: `data-platform`, `data-context`, `data-freshness`
 * (seconds), `data-lang`, `data-token-provider` (the name of a global function, looked up when a
 * token is needed, so the host may define it after this script), `data-snapshot` (the signed list
 * snapshot, on unless its value is `false`) and `data-scan`. No token
 * attribute: a long-lived token must never sit in a page.
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement | null, view: Window): ScriptTagRequest {
  const options: CreditLensOptions = {};
  const data: DOMStringMap = script && 'dataset' in script ? script.dataset : {};
  if (data.platform) options.platform = data.platform;
  else if (script && 'src' in script && script.src) options.platform = new URL(script.src).origin;
  const context = checkContextOf(data.context);
  if (context) options.context = context;
  const seconds = Number(data.freshness);
  if (data.freshness && Number.isFinite(seconds) && seconds >= 0) options.freshness = seconds * 1000;
  if (data.lang) options.lang = data.lang;
  if (data.snapshot !== undefined) options.snapshot = data.snapshot.trim().toLowerCase() !== 'false';
  const providerName = data.tokenProvider;
  if (providerName) {
    // With `platforms` the provider is told which platform the token is for.
    options.tokenProvider = async (...platform) => {
      const fn = (view as unknown as Record<string, unknown>)[providerName];
      if (typeof fn !== 'function') throw new Error(`CreditLens: token provider ${providerName} is not a function`);
      return (await fn(...platform)) ?? null;
    };
  }
  return { options, scan: data.scan === undefined ? null : data.scan };
}
