import { describe, expect, it } from 'vitest';
import { createPageNamesStore } from '../../../../extension/names/page-names-store.ts';
import { recordRequest } from '../../../../extension/records/register-record-handlers.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('91420105MA4KMF001');

function deps(caseReference: string | null = null) {
  const names = createPageNamesStore({ persist: false });
  names.report(9, 0, { url: 'http://gov/bid.html', title: '评标', context: 'procurement', codes: [] });
  names.report(9, 2, {
    url: 'http://gov/frame.html',
    title: '投标人',
    context: 'procurement',
    codes: [
      { code: A, pageName: '甲公司' },
      { code: B, pageName: null },
    ],
  });
  return { names, operator: () => '王立', caseReference: async () => caseReference };
}

describe('recordRequest', () => {
  it('records every code of the tab with the names shown, the top frame as the source and the tab’s case', async () => {
    const planned = await recordRequest({ tabId: 9, text: null, context: null, caseReference: null }, deps('HYCG-2026-0318'));
    expect(planned).toEqual({
      request: {
        codes: [A, B],
        context: 'procurement',
        source: { url: 'http://gov/bid.html', title: '评标' },
        caseReference: 'HYCG-2026-0318',
        operator: '王立',
        pageNames: { [A]: '甲公司' },
      },
      omitted: 0,
      source: 'tab',
    });
  });

  it('prefers a typed case and context', async () => {
    const planned = await recordRequest({ tabId: 9, text: null, context: 'funding', caseReference: ' SP-1 ' }, deps('HYCG'));
    expect(planned?.request).toMatchObject({ context: 'funding', caseReference: 'SP-1' });
  });

  it('records the codes of pasted text, once each, without page or names', async () => {
    const planned = await recordRequest({ tabId: null, text: `代码\n${B}\n${A}\n${B}`, context: null, caseReference: null }, deps());
    expect(planned?.request).toEqual({ codes: [B, A], context: 'general', source: { url: null, title: null }, caseReference: null, operator: '王立' });
    expect(planned?.source).toBe('text');
  });

  it('sends a pasted sheet’s names (the batch check) with its codes, and the project name typed', async () => {
    const planned = await recordRequest(
      { tabId: null, text: `${A}\n${B}`, context: 'procurement', caseReference: 'HYCG', projectName: ' 道路养护 ', names: { [A]: '甲公司', [B]: ' ' } },
      deps(),
    );
    expect(planned?.request).toMatchObject({ codes: [A, B], pageNames: { [A]: '甲公司' }, projectName: '道路养护', caseReference: 'HYCG' });
  });

  it('keeps 500 codes and counts the rest; nothing to record is null', async () => {
    const many = Array.from({ length: 503 }, (_, i) => withUsccCheck(`91420105MA4K${String(i).padStart(5, '0')}`)).join('\n');
    const planned = await recordRequest({ tabId: null, text: many, context: null, caseReference: null }, deps());
    expect(planned?.request.codes).toHaveLength(500);
    expect(planned?.omitted).toBe(3);
    expect(await recordRequest({ tabId: null, text: '没有代码', context: null, caseReference: null }, deps())).toBeNull();
    expect(await recordRequest({ tabId: 404, text: null, context: null, caseReference: null }, deps())).toBeNull();
  });
});
