import type { CreditClient } from '../../core/api/create-credit-client.ts';
import type { CodeWatcher } from './code-watcher.ts';

/**
 * What the lazily loaded scans and records need from the runtime: the code watcher and the full
 * credit client — a small interface, so widget/more never imports the runtime that loads it.
 */
export interface MoreHost extends CodeWatcher {
  /** The full credit client (records, feedback…); null while no platform is configured or before the rest has loaded. */
  client(): CreditClient | null;
}
