import { describe, expect, it } from 'vitest';
import { PlatformListSchema, singlePlatformList, type PlatformConfig } from '../../../../core/platforms/platform-config-schema.ts';
import { platformsCovering } from '../../../../core/platforms/platforms-covering.ts';
import { registrationRegion } from '../../../../core/platforms/registration-region.ts';
import * as z from 'zod/mini';

const platform = (id: string, regions: string[]): PlatformConfig => ({ id, url: `http://127.0.0.1/${id}`, regions, name: id });
const district = platform('district', ['420105']);
const city = platform('city', ['4201']);
const province = platform('province', ['42']);
const national = platform('national', ['all']);
const hunan = platform('hunan', ['43', '4401']);

describe('registrationRegion', () => {
  it.each([
    ['91420105756704M24P', '420105'],
    ['91430100MA4L000000', '430100'],
    ['9142AB05756704M24P', null],
    ['91', null],
  ])('reads characters 3–8 of %s', (code, region) => expect(registrationRegion(code)).toBe(region));
});

describe('platformsCovering', () => {
  const all = [district, city, province, national, hunan];
  it.each([
    ['a Hanyang code', '91420105756704M24P', ['district', 'city', 'province', 'national']],
    ['a Wuhan code of another district', '91420106756704M24P', ['city', 'province', 'national']],
    ['a Hubei code outside Wuhan', '91420500756704M24P', ['province', 'national']],
    ['a Hunan code', '91430100756704M24P', ['national', 'hunan']],
    ['a Guangzhou code (second prefix)', '91440106756704M24P', ['national', 'hunan']],
    ['a code whose region is not digits', '9142AB05756704M24P', ['national']],
  ])('returns the platforms covering %s, in configured order', (_name, code, ids) => {
    expect(platformsCovering(code, all).map((p) => p.id)).toEqual(ids);
  });

  it('returns none when no platform covers the region', () => {
    expect(platformsCovering('91430100756704M24P', [district, province])).toEqual([]);
  });
});

describe('PlatformListSchema', () => {
  it('accepts the single-platform configuration as a list of one covering all', () => {
    const list = singlePlatformList('http://127.0.0.1:8787', 'demo-viewer-hanyang-2018');
    expect(z.parse(PlatformListSchema, list)).toEqual([
      { id: 'default', url: 'http://127.0.0.1:8787', token: 'demo-viewer-hanyang-2018', regions: ['all'], name: '信用平台' },
    ]);
    expect(singlePlatformList('http://127.0.0.1:8787', '')[0]).not.toHaveProperty('token');
  });

  it.each([
    ['a 3-digit region', [{ ...district, regions: ['420'] }]],
    ['a region with letters', [{ ...district, regions: ['42AB'] }]],
    ['no regions', [{ ...district, regions: [] }]],
    ['a duplicate id', [district, { ...province, id: 'district' }]],
    ['a duplicate URL', [district, { ...province, url: district.url + '/' }]],
    ['a non-http URL', [{ ...district, url: 'javascript:alert(1)' }]],
    ['no name', [{ ...district, name: '' }]],
    ['an empty list', []],
  ])('refuses %s', (_name, list) => {
    expect(z.safeParse(PlatformListSchema, list).success).toBe(false);
  });

  it('round-trips through JSON', () => {
    const list = [district, { ...province, token: 't' }];
    expect(z.parse(PlatformListSchema, JSON.parse(JSON.stringify(list)))).toEqual(list);
  });
});
