/**
 * What still waits to be sent for a code whose card offers no measures right now — e.g. while the
 * platform is unreachable and the verdict is `unknown` — so feedback given earlier never looks lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QueuedFeedback } from '../../core/feedback/create-feedback-queue.ts';
import { formText } from '../../core/present/form-text.ts';
import type { PresentLocale } from '../../core/present/present-locale.ts';
import type { sendChecked } from '../messaging/send-checked.ts';

export interface QueuedFeedbackListProps {
  code: string;
  locale: PresentLocale;
  send: typeof sendChecked;
}

/** The code's queued feedback, followed while the card is open; nothing when none waits. */
export function QueuedFeedbackList({ code, locale, send }: QueuedFeedbackListProps) {
  const [queued, setQueued] = useState<QueuedFeedback[]>([]);
  const box = useRef<HTMLElement>(null);
  const t = formText(locale);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const answer = await send('getFeedback', { code, caseReference: null, queuedOnly: true });
      if (live && answer.ok) setQueued(answer.value.queued);
    };
    void load();
    const timer = setInterval(() => box.current?.getClientRects().length && void load(), 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [code, send]);

  if (queued.length === 0) return null;
  return (
    <section ref={box} class="cl-queued" part="feedback-pending">
      <h4>{t.pendingTitle}</h4>
      <ul>
        {queued.map((q) => (
          <li key={q.request.idempotencyKey} class={`cl-queued-item cl-queued-${q.status}`} data-status={q.status}>
            {`${q.request.measureId}：${t.outcome[q.request.outcome]}（${q.request.caseReference}）— `}
            {q.status === 'failed' ? t.failed(q.error?.message ?? '') : t.waiting}
          </li>
        ))}
      </ul>
    </section>
  );
}
