/**
 * Fills the scanner's card with core/present's SubjectCard: the same presentation as the widget,
 * platform text rendered as text. Invalid codes that were never asked about get a local verdict.
 */
import { render } from 'preact';
import { adoptPresentStyles } from '../../core/present/adopt-present-styles.ts';
import { presentLocale } from '../../core/present/present-locale.ts';
import { actionPanel } from '../feedback/action-panel.tsx';
import { CardWithActions, type CardWithActionsProps } from '../feedback/card-with-actions.tsx';
import { sendChecked } from '../messaging/send-checked.ts';
import type { CardRequest } from '../../core/scan/create-page-scanner.ts';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { pendingVerdict } from '../../core/verdict/local-verdict.ts';
import type { VerdictLook } from '../../core/verdict/verdict-palette.ts';
import type { Verdict } from '../../core/verdict/verdict-types.ts';
import type { CodeView } from '../messaging/protocol.ts';

export interface ScannedVerdict {
  /** The verdict's look (core/verdict/verdict-look.ts): its kind, or `public` for a clear from the public lists alone. */
  kind: VerdictLook;
  /** What the page-readable highlight shows (see core/verdict/page-readable-kind.ts). */
  pageKind?: VerdictLook;
  view: CodeView;
}

const styled = new WeakSet<ShadowRoot>();

/** Renders the card for `request` into `container` (inside our shadow root). */
export function renderCodeCard(container: HTMLElement, request: CardRequest<ScannedVerdict>, context: CheckContext, pageName: string | null = null): void {
  const root = container.getRootNode();
  if (root instanceof ShadowRoot && !styled.has(root)) {
    adoptPresentStyles(root);
    styled.add(root);
  }
  const view = request.verdict?.view;
  const verdict: Verdict =
    request.kind === 'invalid' && !view
      ? { ...pendingVerdict(), kind: 'invalid', reason: { code: request.validity === 'suspect' ? 'suspect-code' : 'invalid-code' } }
      : ((view?.verdict as Verdict | undefined) ?? pendingVerdict());
  // Feedback and objections are filled in the pinned panel, which an answer re-renders in place.
  const panel = root instanceof ShadowRoot ? actionPanel(root, container.parentElement) : null;
  const props: CardWithActionsProps = {
    send: sendChecked,
    actionable: request.validity === 'valid',
    idPrefix: `cl-${request.code}`,
    pageName,
    code: request.code,
    verdict,
    result: view?.result ?? null,
    measures: view?.measures ?? null,
    context: view?.context ?? context,
    locale: presentLocale(document.documentElement.lang || navigator.language),
    platformUrl: view?.platformUrl ?? null,
    now: new Date(),
    panel,
  };
  render(<CardWithActions {...props} />, container);
  panel?.update(props);
}
