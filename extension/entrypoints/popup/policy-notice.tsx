import { useEffect, useState } from 'preact/hooks';
import { t } from '../../locale/translate.ts';
import type { sendChecked } from '../../messaging/send-checked.ts';
import { lockedKeys, type ManagedPolicyReport, type PolicyProblem } from '../../settings/managed-policy.ts';

/** What the popup says about the enterprise policy: who manages the extension, and what in the policy did not apply. */
export interface PolicyView {
  /** The platform results come from (the effective setting), by its URL and, when it answered, its name. */
  platformUrl: string;
  platformName: string | null;
  problems: PolicyProblem[];
}

/**
 * The popup's view of the policy, or null when no policy is in force and none was dropped. The
 * platform's name comes from its `/health` (through the background's testConnection, so the token
 * stays there); an unreachable platform is named by its URL alone.
 */
export async function loadPolicyView(send: typeof sendChecked, readReport: () => Promise<ManagedPolicyReport>): Promise<PolicyView | null> {
  const report = await readReport();
  if (lockedKeys(report.policy).length === 0 && report.problems.length === 0) return null;
  const settings = await send('getSettings', undefined);
  const platformUrl = settings.ok ? settings.value.platformUrl : (report.policy.platformUrl ?? '');
  const health = await send('testConnection', {});
  return { platformUrl, platformName: health.ok ? health.value.platform : null, problems: report.problems };
}

/** Says who manages the extension and reports a policy that failed its schema, key by key. */
export function PolicyNotice({ load }: { load: () => Promise<PolicyView | null> }) {
  const [view, setView] = useState<PolicyView | null>(null);
  useEffect(() => {
    let live = true;
    void load().then(
      (v) => live && setView(v),
      () => undefined,
    );
    return () => void (live = false);
  }, [load]);
  if (!view) return null;
  return (
    <section class="notice policy" data-testid="policy-notice">
      <p data-testid="policy-managed-by">
        {view.platformName ? t('popupManagedBy', [view.platformName, view.platformUrl]) : t('popupManagedByUrl', view.platformUrl)}
      </p>
      {view.problems.length > 0 && (
        <div role="alert" class="error" data-testid="policy-problems">
          <p>{t('policyProblemsTitle')}</p>
          <ul>
            {view.problems.map((p) => (
              <li key={`${p.kind}:${p.path}`} class="code">
                {t(`policyProblem_${p.kind}`, p.path)}
              </li>
            ))}
          </ul>
          <p class="hint">{t('policyProblemsHint')}</p>
        </div>
      )}
    </section>
  );
}
