/**
 * The pinned panel where feedback and objections are filled in. A hover card comes and goes with
 * the pointer and re-renders as answers arrive, so a form inside it can lose what was typed; the
 * panel opens only from an explicit button of the card, stays pinned to the bottom corner of the
 * viewport, keeps its own container (an answer that arrives re-renders it in place: nothing typed
 * is lost) and closes with its close button or Esc, focus going back to the code it was opened for.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ListEntry } from '../../core/api/list-entry-schema.ts';
import { cardText } from '../../core/present/card-text.ts';
import { ObjectionForm } from '../../core/present/objection-form.tsx';
import type { CardWithActionsProps } from './card-with-actions.tsx';
import { FeedbackSection } from './feedback-section.tsx';
import { submitObjection } from './submit-objection.ts';
import { DATA_LANG } from '../../core/present/data-lang.ts';

/** What the panel was opened for. */
export type PanelTask = { kind: 'feedback' } | { kind: 'objection'; entry: ListEntry };

export interface ActionPanel {
  open(task: PanelTask, card: CardWithActionsProps): void;
  /** Re-renders the open panel with the code's latest card props (same code only). */
  update(card: CardWithActionsProps): void;
  close(): void;
  readonly element: HTMLElement;
}

const panels = new WeakMap<ShadowRoot, ActionPanel>();

/**
 * The panel of `shadow` (one per overlay), created on first use. `card` is the hover card: it is
 * put away when the panel opens, so it never lies over the form.
 */
export function actionPanel(shadow: ShadowRoot, card: HTMLElement | null = null): ActionPanel {
  let panel = panels.get(shadow);
  if (!panel) {
    panel = createActionPanel(shadow, card);
    panels.set(shadow, panel);
  }
  return panel;
}

function createActionPanel(shadow: ShadowRoot, hoverCard: HTMLElement | null): ActionPanel {
  const element = shadow.ownerDocument.createElement('div');
  element.className = 'cl-panel-host';
  shadow.append(element);
  let state: { task: PanelTask; card: CardWithActionsProps } | null = null;

  const draw = (): void => render(state ? <Panel task={state.task} card={state.card} onClose={close} /> : null, element);

  function close(): void {
    if (!state) return;
    const code = state.card.code;
    state = null;
    draw();
    // Back to the code the panel was opened for (its marker or badge), as a keyboard user expects.
    const anchor = [...shadow.querySelectorAll<HTMLElement>('[data-code]')].find((el) => el.dataset.code === code && !el.hidden && el.tagName === 'BUTTON');
    anchor?.focus();
  }

  return {
    element,
    open(task, card) {
      state = { task, card };
      draw();
      if (hoverCard) hoverCard.hidden = true;
      element.querySelector<HTMLElement>('.cl-panel-title')?.focus();
    },
    update(card) {
      if (!state || state.card.code !== card.code) return;
      state = { ...state, card };
      draw();
    },
    close,
  };
}

function Panel({ task, card, onClose }: { task: PanelTask; card: CardWithActionsProps; onClose: () => void }) {
  const t = cardText(card.locale);
  const box = useRef<HTMLElement>(null);
  const titleId = `${card.idPrefix}-panel-title`;
  const name = card.result?.subject?.name ?? null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    const el = box.current;
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section ref={box} class="cl-panel" part="panel" role="dialog" aria-labelledby={titleId} lang={card.locale} data-code={card.code} data-task={task.kind}>
      <header class="cl-panel-head">
        <h2 class="cl-panel-title" id={titleId} tabIndex={-1}>
          {task.kind === 'feedback' ? t.panelFeedback : t.panelObjection}
        </h2>
        <button type="button" class="cl-panel-close" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="cl-panel-subject">
        <span lang={DATA_LANG}>{name ?? ''}</span> <span class="cl-card-code">{card.code}</span>
      </p>
      {task.kind === 'feedback' ? (
        <FeedbackSection {...card} />
      ) : (
        <ObjectionForm
          key={task.entry.id}
          code={card.code}
          entry={task.entry}
          locale={card.locale}
          idPrefix={`${card.idPrefix}-panel-obj-${task.entry.id}`}
          onSubmit={(req) => submitObjection(card.send, req)}
          startOpen
          onCancel={onClose}
        />
      )}
    </section>
  );
}
