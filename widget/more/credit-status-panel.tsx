import { h, render } from 'preact';
import type { CheckContext } from '../../core/api/check-context-schema.ts';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { Measure } from '../../core/api/measure-schema.ts';
import type { ObjectionRequest, ObjectionResponse } from '../../core/api/objection-schema.ts';
import type { QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';
import { adoptStyleSheet } from '../../core/present/adopt-style-sheet.ts';
import { cardStyles } from '../../core/present/card-styles.ts';
import { FeedbackForm, type FeedbackFormDraft } from '../../core/present/feedback-form.tsx';
import { ObjectionForm } from '../../core/present/objection-form.tsx';
import { SubjectCard } from '../../core/present/subject-card.tsx';
import { applicableMeasures } from '../../core/verdict/applicable-measures.ts';
import type { CodeWatcher, CreditStatusPanel, PanelView } from '../contract/code-watcher.ts';
import { statusLabel } from '../element/credit-status-toggle.tsx';
import { cardPlatformUrl } from './card-platform-url.ts';
import { hasCredentials } from './has-credentials.ts';

/** The panel's own rules, adopted with the card's styles when the panel first opens. */
const panelStyles = `
.cl-panel{position:absolute;z-index:var(--creditlens-z-index,2147483000);inset-block-start:calc(100% + 4px);inset-inline-start:0;width:max-content;max-width:min(36em,90vw);box-shadow:0 4px 16px rgba(0,0,0,.18);border-radius:calc(var(--cl-radius) * 2)}
.cl-loading{margin:.5em 0;color:var(--cl-muted)}
`;

/** What the card needs to close the loop (section (二十四) feedback, section (二十七) objections). */
export interface CardLoop {
  reporter: string | null;
  caseReference: string;
  onCaseReferenceChange: (value: string) => void;
  queued: QueuedFeedback[];
  given: FeedbackRecord[] | null | 'unavailable';
  onSubmit: (drafts: FeedbackFormDraft[]) => Promise<void>;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
  objection: (request: ObjectionRequest) => Promise<ObjectionResponse>;
  onObjectionAccepted: () => void;
}

/**
 * The open card of one `<credit-status>`, drawn into `container` (inside the element's shadow
 * root): entries, the measures of the context from the catalogue, and — when an identity
 * (operator + token) is configured — the feedback and objection forms.
 */
export function createCreditStatusPanel(watcher: CodeWatcher, container: HTMLElement): CreditStatusPanel {
  const root = container.getRootNode();
  if (root !== container.ownerDocument) adoptStyleSheet(root as ShadowRoot, cardStyles + panelStyles);
  let view: PanelView | null = null;
  let catalogue: Measure[] | null | undefined = undefined;
  let catalogueContext: string | null = null;
  let given: FeedbackRecord[] | null | 'unavailable' = null;
  let givenFor: string | null = null;
  let listening: { code: string; stop: () => void } | null = null;

  function loadCatalogue(context: CheckContext): void {
    if (catalogueContext === context) return;
    catalogueContext = context;
    catalogue = undefined;
    void watcher.measures(context).then((measures) => {
      if (catalogueContext !== context) return;
      catalogue = measures;
      draw();
    });
  }

  function loadGiven(code: string, caseReference: string): void {
    givenFor = caseReference;
    given = null;
    void watcher
      .feedback()
      ?.given(code, caseReference)
      .then((answer) => {
        if (givenFor !== caseReference) return;
        given = answer;
        draw();
      });
  }

  /** Feedback and objections, when an identity (operator + token) is configured. */
  function loopFor(code: string, context: CheckContext): CardLoop | null {
    const config = watcher.config();
    const runtime = watcher.feedback();
    if (!runtime || !config.operator || !hasCredentials(watcher)) return null;
    if (listening?.code !== code) {
      listening?.stop();
      givenFor = null;
      let waiting = runtime.queued(code).length;
      const stop = runtime.listen(() => {
        const now = runtime.queued(code).length;
        // Something for this code reached the platform: what was given has changed.
        if (now < waiting) givenFor = null;
        waiting = now;
        draw();
      });
      listening = { code, stop };
    }
    const caseReference = watcher.caseReference();
    if (givenFor !== caseReference) loadGiven(code, caseReference);
    return {
      reporter: config.department ? `${config.operator}（${config.department}）` : config.operator,
      caseReference,
      onCaseReferenceChange: (value) => {
        watcher.setCaseReference(value);
        draw();
      },
      queued: runtime.queued(code),
      given,
      onSubmit: async (drafts) => {
        for (const draft of drafts) await runtime.enqueue({ ...draft, operator: config.operator, context });
      },
      onRetry: (key) => runtime.retry(key),
      onDiscard: (key) => runtime.discard(key),
      objection: (request) => runtime.objection(request),
      onObjectionAccepted: () => void watcher.invalidate([code]),
    };
  }

  function draw(): void {
    if (!view) return render(null, container);
    loadCatalogue(view.context);
    const platformUrl = cardPlatformUrl(watcher, view.state.code);
    render(h(PanelContent, { ...view, platformUrl, catalogue, loop: loopFor(view.state.code, view.context) }), container);
  }

  return {
    render(next) {
      view = next;
      draw();
    },
    destroy() {
      view = null;
      listening?.stop();
      listening = null;
      render(null, container);
    },
  };
}

interface PanelContentProps extends PanelView {
  /** The catalogue (all contexts are filtered by `applicableMeasures`); undefined while loading, null when it failed. */
  catalogue: Measure[] | null | undefined;
  loop: CardLoop | null;
}

/** The same card the extension shows, with the forms that close the loop. */
function PanelContent({ state, context, locale, platformUrl, now, panelId, pageName, catalogue, loop }: PanelContentProps) {
  const measures = catalogue ? applicableMeasures(state.verdict, catalogue, context) : null;
  const bringsMeasures = state.verdict.activeEntries.length > 0 || state.verdict.disputedEntries.length > 0;
  return (
    <div class="cl-panel" part="panel" id={panelId} role="region" aria-label={statusLabel(state, locale)}>
      <SubjectCard
        code={state.code}
        verdict={state.verdict}
        result={state.result}
        measures={measures}
        context={context}
        locale={locale}
        platformUrl={platformUrl}
        now={now}
        pageName={pageName}
        entryActions={
          loop
            ? (entry) => (
                <ObjectionForm
                  code={state.code}
                  entry={entry}
                  locale={locale}
                  onSubmit={loop.objection}
                  onAccepted={loop.onObjectionAccepted}
                  idPrefix={`${panelId}-o-${entry.id}`}
                />
              )
            : undefined
        }
      >
        {loop && measures && measures.some((m) => !m.suspended) && (
          <FeedbackForm
            code={state.code}
            measures={measures}
            locale={locale}
            reporter={loop.reporter}
            caseReference={loop.caseReference}
            onCaseReferenceChange={loop.onCaseReferenceChange}
            queued={loop.queued}
            given={loop.given}
            onSubmit={loop.onSubmit}
            onRetry={loop.onRetry}
            onDiscard={loop.onDiscard}
            idPrefix={`${panelId}-f`}
          />
        )}
      </SubjectCard>
      {bringsMeasures && catalogue === undefined && <p class="cl-loading">{locale === 'zh-CN' ? '正在加载措施目录…' : 'Loading the measures catalogue…'}</p>}
      {bringsMeasures && catalogue === null && (
        <p class="cl-loading">{locale === 'zh-CN' ? '措施目录暂时无法加载。' : 'The measures catalogue could not be loaded.'}</p>
      )}
    </div>
  );
}
