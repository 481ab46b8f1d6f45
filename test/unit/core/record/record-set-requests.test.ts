import { describe, expect, it } from 'vitest';
import type { CheckRecordRequest } from '../../../../core/api/check-record-schema.ts';
import { recordSetRequests } from '../../../../core/record/record-set-requests.ts';
import { withUsccCheck } from '../uscc/reference-uscc.ts';

const WUHAN = withUsccCheck('91420102MA4K7WH01');
const YICHANG = withUsccCheck('91420500MA4K7YC01');
const FUJIAN = withUsccCheck('91350100MA4K7FJ01');
const city = { id: 'wuhan', url: 'https://wuhan.example', regions: ['4201'] };
const province = { id: 'hubei', url: 'https://hubei.example', regions: ['42'] };

const request = (codes: string[]): CheckRecordRequest => ({
  codes,
  context: 'procurement',
  caseReference: 'CG-1',
  operator: '张三',
  source: { url: null, title: null },
  pageNames: Object.fromEntries(codes.map((code) => [code, `名称${code.slice(-3)}`])),
});

describe('recordSetRequests', () => {
  it('returns a request per platform for the codes it covers, with their page names, all naming one set', () => {
    const { parts, uncovered } = recordSetRequests(request([WUHAN, YICHANG]), [city, province], 'set-0001');
    expect(uncovered).toEqual([]);
    expect(parts.map((p) => [p.platform.id, p.request.codes, Object.keys(p.request.pageNames!)])).toEqual([
      ['wuhan', [WUHAN], [WUHAN]],
      ['hubei', [WUHAN, YICHANG], [WUHAN, YICHANG]],
    ]);
    for (const part of parts) expect(part.request.set).toEqual({ id: 'set-0001', platforms: [city.url, province.url], codes: [WUHAN, YICHANG] });
    expect(parts[0]!.request).toMatchObject({ caseReference: 'CG-1', operator: '张三', context: 'procurement' });
  });

  it('returns only the platforms that sign a part in the set', () => {
    const { parts } = recordSetRequests(request([YICHANG]), [city, province], 'set-0002');
    expect(parts.map((p) => p.platform.id)).toEqual(['hubei']);
    expect(parts[0]!.request.set!.platforms).toEqual([province.url]);
  });

  it('returns the codes no platform covers as uncovered', () => {
    expect(recordSetRequests(request([WUHAN, FUJIAN]), [city, province], 'set-0003').uncovered).toEqual([FUJIAN]);
  });
});
