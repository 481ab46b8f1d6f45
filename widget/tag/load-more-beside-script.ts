import type { WidgetMore } from '../runtime/load-more.ts';

/** The file the build puts beside `credit-lens.js` (see widget/build.ts). */
export const MORE_FILE = 'credit-lens-more.mjs';

/** The content hash of the rest of this build, set by widget/build.ts (absent outside the build). */
declare const __CREDIT_LENS_MORE_VERSION__: string | undefined;
const version = typeof __CREDIT_LENS_MORE_VERSION__ === 'string' ? `?v=${__CREDIT_LENS_MORE_VERSION__}` : '';

// Read while the script runs: `document.currentScript` is only set during its first execution.
const script = globalThis.document?.currentScript as HTMLScriptElement | null | undefined;
const moreUrl = script?.src ? new URL(MORE_FILE + version, script.src).href : null;

let loading: Promise<WidgetMore> | null = null;

/**
 * The script-tag build's `loadMore`: imports `credit-lens-more.mjs` from beside the script (the
 * same origin the host's CSP already trusts for `credit-lens.js`).
 */
export function loadMore(): Promise<WidgetMore> {
  if (!moreUrl) return Promise.reject(new Error(`CreditLens: ${MORE_FILE} cannot be located (the script has no src)`));
  const url = moreUrl;
  loading ??= (import(/* @vite-ignore */ url) as Promise<WidgetMore>).catch((cause: unknown) => {
    loading = null;
    throw new Error(`CreditLens: ${url} could not be loaded (keep the files of one build together; CSP script-src and CORS as for the script)`, { cause });
  });
  return loading;
}
