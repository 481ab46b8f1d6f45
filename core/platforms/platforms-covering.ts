import type { PlatformConfig } from './platform-config-schema.ts';
import { registrationRegion } from './registration-region.ts';

/**
 * The platforms a code is asked of, in configured order: every platform covering `all` or a
 * prefix of the code's registration region. Empty when none does — the caller says so and
 * never calls the code clear.
 */
export function platformsCovering<P extends Pick<PlatformConfig, 'regions'>>(code: string, platforms: readonly P[]): P[] {
  const region = registrationRegion(code);
  return platforms.filter((p) => p.regions.some((r) => r === 'all' || (region !== null && region.startsWith(r))));
}
