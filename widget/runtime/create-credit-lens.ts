import { createCreditLensCore, type CheckResult, type CreditLensEnvironment } from './create-credit-lens-core.ts';
import { CREDIT_STATUS_TAG, defineCreditStatus } from '../element/credit-status-element.ts';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import type { RecordOptions } from '../more/create-check-record.ts';
import { openPrintView } from './open-print-view.ts';
import type { ScanHandle, ScanOptions } from '../more/scan-container.ts';
import type { CreditLensOptions, WidgetConfig } from '../contract/widget-config.ts';

/** The public API: `window.CreditLens` in the script-tag build, `createCreditLens()` in the ESM entry. */
export interface CreditLens {
  readonly version: string;
  /** Sets platform, token or tokenProvider, context, freshness (ms), lang; may be called again at any time. */
  configure(options: CreditLensOptions): CreditLens;
  /** The configuration in force (the token itself is not exposed). */
  readonly config: Omit<WidgetConfig, 'token' | 'tokenProvider'> & { hasToken: boolean };
  /** Verdicts for the host's own logic; never rejects for a failed check (that verdict is `unknown`). */
  check(codes: string | readonly string[]): Promise<CheckResult[]>;
  /** Marks every code inside `root` (default `document.body`), keeps watching it, and resolves once every code has an answer. */
  scan(root?: Element | Document | null, options?: ScanOptions): Promise<ScanHandle>;
  /** Fetches every code on show again (e.g. after signing in). */
  refresh(): Promise<void>;
  /** Defines `<credit-status>` in this window if no one has; true when this call defined it. */
  defineElement(): boolean;
  /** A check record of the page's codes (or `codes`), signed by the platform (`POST /api/v1/records`). */
  record(options?: RecordOptions): Promise<SignedCheckRecord>;
  /** The signed record as a file: JSON (verifiable as is) or CSV. Available once `record()` has resolved (it loads the record tools). */
  exportRecord(signed: SignedCheckRecord, format: 'json' | 'csv'): Blob;
  /** Opens the platform's print-ready page for the record in a new tab (call from a click). */
  openPrintView(signed: SignedCheckRecord): void;
  /** Sends the feedback waiting in the queue now (it is also retried on its own). */
  flushFeedback(): Promise<void>;
}

export const WIDGET_VERSION = '0.1.0';

/** Creates a CreditLens runtime; nothing touches the page until `defineElement()` or `scan()` is called. */
export function createCreditLens(options: CreditLensOptions = {}, env: CreditLensEnvironment = {}): CreditLens {
  const core = createCreditLensCore(env);
  core.configure(options);
  const scans = new Set<ScanHandle>();
  const lens: CreditLens = {
    version: WIDGET_VERSION,
    configure(next) {
      core.configure(next);
      return lens;
    },
    get config() {
      const { token, tokenProvider, ...rest } = core.config();
      return { ...rest, hasToken: token !== null || tokenProvider !== null };
    },
    check: (codes) => core.check(codes),
    scan(root, scanOptions) {
      const target = root ?? globalThis.document?.body;
      if (!target) return Promise.reject(new TypeError('CreditLens.scan: no container to scan'));
      return core
        .more()
        .then((more) => more.scanContainer(core, target, scanOptions))
        .then((handle) => {
          scans.add(handle);
          return { ...handle, stop: () => (scans.delete(handle), handle.stop()) };
        });
    },
    record: (recordOptions) =>
      core.more().then((more) =>
        more.createCheckRecord(
          core,
          () =>
            [...scans].flatMap((h) =>
              h
                .current()
                .filter((f) => f.validity === 'valid')
                .map((f) => f.code),
            ),
          recordOptions,
        ),
      ),
    exportRecord(signed, format) {
      const more = core.loadedMore();
      if (!more) throw new Error('CreditLens.exportRecord: the record tools load with record(); call it once record() has resolved');
      return more.exportRecord(signed, format);
    },
    openPrintView(signed) {
      const platform = core.config().platform;
      if (!platform) throw new TypeError('CreditLens.openPrintView: no platform is configured');
      openPrintView(signed, platform);
    },
    flushFeedback: async () => {
      if (!core.config().platform) return;
      await core.more();
      await core.feedback()?.flush();
    },
    refresh: () => core.refresh(),
    defineElement: () => defineCreditStatus(core),
  };
  return lens;
}

export { CREDIT_STATUS_TAG };
