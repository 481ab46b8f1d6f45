import { describe, expect, it } from 'vitest';
import { createPageNamesStore, tabContext } from '../../../../extension/names/page-names-store.ts';

const report = (context: 'procurement' | 'general', codes: [string, string | null][], url = 'http://x/') => ({
  url,
  title: 't',
  context,
  codes: codes.map(([code, pageName]) => ({ code, pageName })),
});

describe('createPageNamesStore', () => {
  it('merges a tab’s frames, top frame first, the first name found winning', () => {
    const store = createPageNamesStore({ persist: false });
    store.report(
      5,
      3,
      report(
        'procurement',
        [
          ['A', null],
          ['B', '乙公司'],
        ],
        'http://x/frame',
      ),
    );
    store.report(
      5,
      0,
      report(
        'general',
        [
          ['A', '甲公司'],
          ['C', null],
        ],
        'http://x/top',
      ),
    );
    store.report(6, 0, report('general', [['Z', null]]));
    expect(store.tab(5).codes).toEqual([
      { code: 'A', pageName: '甲公司', frameIds: [0, 3] },
      { code: 'C', pageName: null, frameIds: [0] },
      { code: 'B', pageName: '乙公司', frameIds: [3] },
    ]);
    expect(store.frames(5)[0]!.url).toBe('http://x/top');
    expect(tabContext(store.frames(5))).toBe('general');
  });

  it('replaces a frame’s report and forgets a closed tab', () => {
    const store = createPageNamesStore({ persist: false });
    store.report(1, 0, report('general', [['A', null]]));
    store.report(1, 0, report('general', [['B', null]]));
    expect(store.tab(1).codes.map((c) => c.code)).toEqual(['B']);
    store.dropTab(1);
    expect(store.tab(1).codes).toEqual([]);
    expect(tabContext(store.frames(1))).toBe('general');
  });
});
