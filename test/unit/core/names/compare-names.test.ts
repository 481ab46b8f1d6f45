import { describe, expect, it } from 'vitest';
import { compareNames, normalizeName } from '../../../../core/names/compare-names.ts';

describe('compareNames', () => {
  it.each([
    ['武汉市汉阳区晴川建设有限公司', '武汉市汉阳区晴川建设有限公司', 'match'],
    ['武汉市汉阳区晴川建设有限公司 ', '武汉市汉阳区晴川建设有限公司', 'match'],
    ['武汉 市汉阳区 晴川建设有限公司', '武汉市汉阳区晴川建设有限公司', 'match'],
    ['湖北长江（集团）有限公司', '湖北长江(集团)有限公司', 'match'],
    ['ＡＢＣ科技有限公司', 'ABC科技有限公司', 'match'],
    ['abc科技有限公司', 'ABC科技有限公司', 'match'],
    ['武汉市汉阳区晴川建设有限公司（联合体牵头人）', '武汉市汉阳区晴川建设有限公司', 'match'],
    ['武汉市汉阳区晴川建设有限公司', '武汉市江岸区鹦鹉洲贸易有限公司', 'mismatch'],
    ['晴川建设', '武汉市汉阳区晴川建设有限公司', 'mismatch'],
    ['武汉市汉阳区晴川建设有限公司分公司', '武汉市汉阳区晴川建设有限公司', 'mismatch'],
    ['', '武汉市汉阳区晴川建设有限公司', 'unknown'],
    ['武汉市汉阳区晴川建设有限公司', null, 'unknown'],
    [' · ', '武汉市汉阳区晴川建设有限公司', 'unknown'],
  ] as const)('compares %j with %j as %s', (page, registered, expected) => {
    expect(compareNames(page, registered)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it('unifies full-width forms, brackets and spacing', () => {
    expect(normalizeName('湖北　长江【集团】有限公司·')).toBe('湖北长江(集团)有限公司');
  });
});
