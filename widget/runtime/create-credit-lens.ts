import { createCreditLensCore, type CheckResult, type CreditLensEnvironment } from './create-credit-lens-core.ts';
import { CREDIT_STATUS_TAG, defineCreditStatus } from '../element/credit-status-element.ts';
import type { SignedCheckRecord } from '../../core/api/check-record-schema.ts';
import type { CheckRecordSet, RecordPart } from '../../core/record/check-record-set-schema.ts';
import type { RecordOptions } from '../more/page-record-request.ts';
import { openPrintView } from './open-print-view.ts';
import type { ScanHandle, ScanOptions } from '../more/scan-container.ts';
import type { CreditLensOptions, WidgetConfig } from '../contract/widget-config.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';

/** The public API: `window.CreditLens` in the script-tag build, `createCreditLens()` in the ESM entry. */
export interface CreditLens {
  readonly version: string;
  /** Sets platform (or platforms), token or tokenProvider, context, freshness (ms), lang; may be called again at any time. */
  configure(options: CreditLensOptions): CreditLens;
  /** The configuration in force (no token is exposed, nor the platforms' own). */
  readonly config: Omit<WidgetConfig, 'token' | 'tokenProvider' | 'platforms'> & { platforms: Omit<PlatformConfig, 'token'>[] | null; hasToken: boolean };
  /** Resolves once the configuration is in use; with `platforms`, once the list is parsed and the platforms loaded, rejecting with a TypeError naming what is wrong with a bad list. */
  ready(): Promise<void>;
  /** Verdicts for the host's own logic; never rejects for a failed check (that verdict is `unknown`). */
  check(codes: string | readonly string[]): Promise<CheckResult[]>;
  /** Marks every code inside `root` (default `document.body`), keeps watching it, and resolves once every code has an answer. */
  scan(root?: Element | Document | null, options?: ScanOptions): Promise<ScanHandle>;
  /** Fetches every code on show again (e.g. after signing in). */
  refresh(): Promise<void>;
  /** Defines `<credit-status>` in this window if no one has; true when this call defined it. */
  defineElement(): boolean;
  /** A check record of the page's codes (or `codes`), signed by the platform (`POST /api/v1/records`); one platform only (else `recordSet()`). */
  record(options?: RecordOptions): Promise<SignedCheckRecord>;
  /** A check record in parts: each platform signs the codes it covers, every part naming the same set (with one platform, one part). */
  recordSet(options?: RecordOptions): Promise<CheckRecordSet>;
  /** The signed record (or a record in parts: JSON only) as a file: JSON (verifiable as is) or CSV. Available once `record()` or `recordSet()` has resolved. */
  exportRecord(signed: SignedCheckRecord | CheckRecordSet, format: 'json' | 'csv'): Blob;
  /** Opens the platform's print-ready page for the record (or a part of a record set, at its own platform) in a new tab (call from a click). */
  openPrintView(signed: SignedCheckRecord | RecordPart): void;
  /** Sends the feedback waiting in the queue now (it is also retried on its own). */
  flushFeedback(): Promise<void>;
}

export const WIDGET_VERSION = '0.1.0';

/** Creates a CreditLens runtime; nothing touches the page until `defineElement()` or `scan()` is called. */
export function createCreditLens(options: CreditLensOptions = {}, env: CreditLensEnvironment = {}): CreditLens {
  const core = createCreditLensCore(env);
  core.configure(options);
  const scans = new Set<ScanHandle>();
  /** The valid codes every scan has found. */
  const scanned = (): string[] =>
    [...scans].flatMap((h) =>
      h
        .current()
        .filter((f) => f.validity === 'valid')
        .map((f) => f.code),
    );
  const lens: CreditLens = {
    version: WIDGET_VERSION,
    configure(next) {
      core.configure(next);
      return lens;
    },
    get config() {
      const { token, tokenProvider, platforms, ...rest } = core.config();
      return {
        ...rest,
        platforms: platforms?.map(({ token: _token, ...p }) => p) ?? null,
        hasToken: tokenProvider !== null || (platforms ? platforms.some((p) => p.token) : token !== null),
      };
    },
    ready: () => core.ready(),
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
    record: (recordOptions) => core.more().then((more) => more.createCheckRecord(core, scanned, recordOptions)),
    recordSet: (recordOptions) => core.more().then((more) => more.createCheckRecordSet(core, scanned, recordOptions)),
    exportRecord(signed, format) {
      const more = core.loadedMore();
      if (!more) throw new Error('CreditLens.exportRecord: the record tools load with record(); call it once record() has resolved');
      return more.exportRecord(signed, format);
    },
    openPrintView(signed) {
      const { platform, platforms } = core.config();
      const bare = (url: string | null | undefined) => url?.replace(/\/+$/, '');
      // A part is printed by the platform that signed it — only one configured here, as the record is posted to it.
      const url = bare('platformUrl' in signed ? signed.platformUrl : platforms ? null : platform);
      // With `platforms`, only theirs: `platform` is not in use then.
      if (!url || !(platforms ? platforms.map((p) => p.url) : [platform]).some((known) => bare(known) === url)) {
        throw new TypeError('CreditLens.openPrintView: no such platform is configured (with platforms, pass a part of the record set)');
      }
      openPrintView('platformUrl' in signed ? signed.signed : signed, url);
    },
    flushFeedback: async () => {
      if (!core.config().platform && !core.config().platforms) return;
      await core.more();
      await core.feedback()?.flush();
    },
    refresh: () => core.refresh(),
    defineElement: () => defineCreditStatus(core),
  };
  return lens;
}

export { CREDIT_STATUS_TAG };
