import type { CheckContext } from '../api/check-context-schema.ts';
import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';
import { cardText } from './card-text.ts';
import type { PresentLocale } from './present-locale.ts';
import { presentText } from './present-text.ts';
import { sharedBasis } from './shared-basis.ts';
import { DATA_LANG } from './data-lang.ts';

export interface MeasureListProps {
  /** Already in the card's order (`orderMeasures`: the most specific for the context first). */
  measures: ApplicableMeasure[];
  context: CheckContext;
  locale: PresentLocale;
}

/**
 * The catalogue measures that apply where the check happens, in the order given (the most specific
 * first); suspended ones say so. Documents several measures rest on are listed once, folded
 * (`<details>`), after the measures; each measure shows only the documents of its own.
 */
export function MeasureList({ measures, context, locale }: MeasureListProps) {
  const t = presentText(locale);
  const c = cardText(locale);
  const { shared, own } = sharedBasis(measures);
  return (
    <section class="cl-measures" part="measures">
      <h3>{t.measuresIn(t.contexts[context])}</h3>
      {measures.length === 0 ? (
        <p class="cl-empty">{t.noMeasures}</p>
      ) : (
        <ul>
          {measures.map(({ measure, suspended }, i) => {
            const mine = own.get(measure.id) ?? [];
            return (
              <li
                key={measure.id}
                class={`cl-measure cl-measure-${measure.kind}${suspended ? ' cl-suspended' : ''}${i === 0 ? ' cl-measure-first' : ''}`}
                part={suspended ? 'measure measure-suspended' : 'measure'}
                data-measure-id={measure.id}
              >
                <div class="cl-measure-head">
                  <span class="cl-measure-kind">{measure.kind === 'reward' ? t.reward : t.punishment}</span>
                  <span class="cl-measure-item" lang={DATA_LANG}>
                    {measure.item}
                  </span>
                  {suspended && <span class="cl-suspended-mark">{`（${t.suspended}）`}</span>}
                </div>
                <dl class="cl-facts">
                  <dt>{t.means}</dt>
                  <dd lang={DATA_LANG}>{measure.means}</dd>
                  <dt>{t.implementing}</dt>
                  <dd lang={DATA_LANG}>{measure.implementingDepartment}</dd>
                  {mine.length > 0 && (
                    <>
                      <dt>{shared.length > 0 ? c.ownBasis : t.basis}</dt>
                      <dd lang={DATA_LANG}>{mine.join('；')}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      {shared.length > 0 && (
        <details class="cl-shared-basis" part="shared-basis">
          <summary>{c.sharedBasis(shared.length)}</summary>
          <ul>
            {shared.map((part) => (
              <li key={part} lang={DATA_LANG}>
                {part}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
