import type { StatusErrorResult, StatusResult } from '../../core/api/status-schema.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/** What the runtime gives the lazily loaded list snapshot (`data-snapshot`, issue 15). */
export interface WidgetSnapshotOptions {
  platform: string;
  /** Platform and credentials, the key a snapshot is kept under between page loads. */
  source: string;
  /** Where it is kept (default: the page's IndexedDB; null: nowhere). */
  store?: SnapshotStore | null;
  token: () => Promise<string | null>;
  freshnessMs: number;
  /** Re-reads codes with the status answer (the changes feed's delta). */
  reread(codes: string[]): Promise<Array<StatusResult | StatusErrorResult>>;
  /** The snapshot's answer for these codes (or every code: `null`) may have changed. */
  onUpdated(codes: string[] | null): void;
  /** The snapshot could not be used (download failed or it did not verify), with the reason. */
  onError(message: string): void;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The page's list snapshot, held in memory: its verdict for a code at once, kept current by the changes feed. */
export interface WidgetSnapshot {
  /** Settles once the download was tried (verified and in use, or refused or failed). */
  readonly ready: Promise<void>;
  /** The data version the snapshot (with the feed's delta) is current to, or null before one is in use. */
  dataVersion(): number | null;
  /** The snapshot's verdict for a code now, or null when it cannot speak for it (none yet, refused, check character wrong, withheld, or named by the feed and not re-read). */
  verdict(code: string): Verdict | null;
  /** The changes feed was read up to `cursor`. */
  feedRead(cursor: number): void;
  /** A read of the feed failed: past the freshness window the snapshot stops speaking for the platform. */
  feedFailed(): void;
  /** The feed named these codes: re-read; until then the snapshot does not speak for them. */
  changed(codes: string[]): Promise<void>;
  /** A full answer arrived: it replaces the snapshot's entry for its code. */
  observe(result: StatusResult): void;
  /** Until a full answer arrives, the snapshot does not answer these codes (a re-check). */
  forget(codes: string[]): void;
  dispose(): void;
}
