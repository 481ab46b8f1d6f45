import { parseUscc } from '../uscc/parse-uscc.ts';
import type { PlatformConfig } from './platform-config-schema.ts';
import { platformsCovering } from './platforms-covering.ts';

/**
 * Which platform checks and signs which codes of a check record (issue 17): each platform the
 * codes it covers (a code two platforms cover is in both parts), in configured order. A platform
 * never signs "not listed" for a code whose region it does not cover, so a code no platform
 * covers is in no part — the caller refuses the record — except one that is not a code at all
 * (`invalid`: no region, no lists anywhere), which the first platform records as such. A suspect
 * code (only its check character wrong) still names its region and follows it.
 */
export function recordParts<P extends Pick<PlatformConfig, 'regions'>>(codes: readonly string[], platforms: readonly P[]): { platform: P; codes: string[] }[] {
  const covering = new Map(codes.map((code) => [code, platformsCovering(code, platforms)]));
  const [first] = platforms;
  return platforms
    .map((platform) => ({
      platform,
      codes: codes.filter(
        (code) => covering.get(code)!.includes(platform) || (platform === first && covering.get(code)!.length === 0 && parseUscc(code).validity === 'invalid'),
      ),
    }))
    .filter((part) => part.codes.length > 0);
}
