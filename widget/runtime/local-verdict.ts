import { localVerdict } from '../../core/verdict/local-verdict.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';

/** The verdict for an input that is not a code: decided locally, never sent to the platform. */
export function invalidVerdict(): Verdict {
  return localVerdict('invalid', { code: 'invalid-code' });
}

/** The verdict while no platform is configured: unknown, never clear. */
export function unconfiguredVerdict(): Verdict {
  return localVerdict('unknown', { code: 'error', detail: 'no-platform' });
}

/** The verdict while the platforms (`configure({ platforms })`) could not be loaded with the rest of the widget: unknown, never clear. */
export function notLoadedVerdict(): Verdict {
  return localVerdict('unknown', { code: 'error', detail: 'not-loaded' });
}
