import type { StatusResult } from '../api/status-schema.ts';
import type { Verdict } from '../verdict/verdict-types.ts';
import type { PlatformsStatus } from './create-platforms-status.ts';
import type { PlatformConfig } from './platform-config-schema.ts';
import { platformsCovering } from './platforms-covering.ts';

/** What the several-platforms runtimes need of a platform's list snapshot (the extension's and the widget's alike). */
export interface PlatformSnapshot {
  verdict(code: string): Verdict | null;
  observe(result: StatusResult): void;
}

/**
 * Whether every platform covering the code has a list snapshot that speaks for it now (an answer,
 * not unknown or pending): only then is its merged verdict painted before the full answers. A code
 * no platform covers never is.
 */
export function snapshotsSpeakFor(
  code: string,
  platforms: readonly PlatformConfig[],
  snapshots: ReadonlyMap<string, Pick<PlatformSnapshot, 'verdict'>>,
): boolean {
  const covering = platformsCovering(code, platforms);
  return (
    covering.length > 0 &&
    covering.every((p) => {
      const verdict = snapshots.get(p.id)?.verdict(code);
      return verdict != null && verdict.kind !== 'unknown' && verdict.kind !== 'pending';
    })
  );
}

/** Each covering platform's full answer for the code corrects that platform's snapshot where it disagrees. */
export function observeFullAnswers(
  code: string,
  covering: readonly PlatformConfig[],
  status: Pick<PlatformsStatus, 'stores'>,
  snapshots: ReadonlyMap<string, Pick<PlatformSnapshot, 'observe'>>,
): void {
  for (const p of covering) {
    const part = status.stores.get(p.id)?.peek(code);
    if (part?.result && !part.reason.errorKind) snapshots.get(p.id)?.observe(part.result);
  }
}
