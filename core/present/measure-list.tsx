import type { CheckContext } from '../api/check-context-schema.ts';
import type { ApplicableMeasure } from '../verdict/applicable-measures.ts';
import type { PresentLocale } from './present-locale.ts';
import { presentText } from './present-text.ts';

export interface MeasureListProps {
  measures: ApplicableMeasure[];
  context: CheckContext;
  locale: PresentLocale;
}

/** The catalogue measures that apply where the check happens, with legal basis; suspended ones say so. */
export function MeasureList({ measures, context, locale }: MeasureListProps) {
  const t = presentText(locale);
  return (
    <section class="cl-measures" part="measures">
      <h3>{t.measuresIn(t.contexts[context])}</h3>
      {measures.length === 0 ? (
        <p class="cl-empty">{t.noMeasures}</p>
      ) : (
        <ul>
          {measures.map(({ measure, suspended }) => (
            <li
              key={measure.id}
              class={`cl-measure cl-measure-${measure.kind}${suspended ? ' cl-suspended' : ''}`}
              part={suspended ? 'measure measure-suspended' : 'measure'}
              data-measure-id={measure.id}
            >
              <div class="cl-measure-head">
                <span class="cl-measure-kind">{measure.kind === 'reward' ? t.reward : t.punishment}</span>
                <span class="cl-measure-item">{measure.item}</span>
                {suspended && <span class="cl-suspended-mark">{`（${t.suspended}）`}</span>}
              </div>
              <dl class="cl-facts">
                <dt>{t.means}</dt>
                <dd>{measure.means}</dd>
                <dt>{t.implementing}</dt>
                <dd>{measure.implementingDepartment}</dd>
                <dt>{t.basis}</dt>
                <dd>{measure.basis}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
