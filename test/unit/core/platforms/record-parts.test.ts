import { describe, expect, it } from 'vitest';
import { recordParts } from '../../../../core/platforms/record-parts.ts';
import { parseUscc } from '../../../../core/uscc/parse-uscc.ts';
import { withUsccCheck } from '../uscc/reference-uscc.ts';

const city = { id: 'wuhan', regions: ['4201'] };
const province = { id: 'hubei', regions: ['42'] };
const HANYANG = withUsccCheck('91420105MA4K00001');
const YICHANG = withUsccCheck('91420500MA4K00002');
const BEIJING = withUsccCheck('91110105MA4K00003');
/** Only the check character wrong: a suspect code still names its region. */
const suspect = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
const parts = (codes: string[]) => recordParts(codes, [city, province]).map((p) => [p.platform.id, p.codes]);

describe('recordParts', () => {
  it('gives each platform the codes it covers, a code two cover to both, in configured order', () => {
    expect(parts([YICHANG, HANYANG])).toEqual([
      ['wuhan', [HANYANG]],
      ['hubei', [YICHANG, HANYANG]],
    ]);
  });

  it('leaves a code no platform covers out of every part, also when only its check character is wrong', () => {
    expect(parseUscc(suspect(BEIJING)).validity).toBe('suspect');
    expect(parts([BEIJING])).toEqual([]);
    expect(parts([suspect(BEIJING)])).toEqual([]);
    expect(parts([suspect(YICHANG)])).toEqual([['hubei', [suspect(YICHANG)]]]);
  });

  it('has the first platform record what is not a code at all', () => {
    expect(parts(['91XXXXXXXXXXXXXXXX'])).toEqual([['wuhan', ['91XXXXXXXXXXXXXXXX']]]);
  });
});
