import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusClient } from '../../../../core/api/create-status-client.ts';
import { CreditError } from '../../../../core/api/credit-error.ts';
import { createPlatformsStatus } from '../../../../core/platforms/create-platforms-status.ts';
import type { PlatformConfig } from '../../../../core/platforms/platform-config-schema.ts';
import { platformLinesText } from '../../../../core/platforms/platform-lines-text.ts';
import { createStatusQueryClient } from '../../../../core/query/create-status-query-client.ts';
import { makeEntry } from '../fixtures/make-entry.ts';
import { makeStatusResponse } from '../fixtures/make-status-result.ts';
import { settle, START } from '../query/status-store-fixture.ts';

const HANYANG = '91420105MA4KX0T12F';
const YICHANG = '91420500MA4KX0T12F';
const district: PlatformConfig = { id: 'district', url: 'http://district.test', regions: ['420105'], name: '区平台' };
const province: PlatformConfig = { id: 'province', url: 'http://province.test', regions: ['42'], name: '省平台', token: 't' };

function setup() {
  const down = { province: false };
  const calls: Record<string, string[][]> = { district: [], province: [] };
  const client = (p: PlatformConfig) =>
    ({
      status: vi.fn(async (codes: string[]) => {
        calls[p.id]!.push(codes);
        if (p.id === 'province' && down.province) throw new CreditError('offline', 'down');
        return makeStatusResponse(
          codes,
          (code) => (p.id === 'province' && code === YICHANG ? { entries: [makeEntry({ id: 'p-1', list: 'black' })] } : {}),
          new Date().toISOString(),
        );
      }),
    }) as unknown as StatusClient;
  const status = createPlatformsStatus({
    queryClient: createStatusQueryClient(),
    platforms: [district, province],
    client,
    retries: 0,
    recoveryIntervalMs: 10_000,
  });
  return { status, calls, down };
}

describe('createPlatformsStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('asks each code only of the platforms covering it, batched per platform', async () => {
    const { status, calls } = setup();
    const [h, y] = await settle(Promise.all([status.get(HANYANG), status.get(YICHANG)]));
    expect(calls.district).toEqual([[HANYANG]]);
    expect(calls.province).toEqual([[HANYANG, YICHANG]]);
    expect(h.kind).toBe('clear');
    expect(platformLinesText(h.platforms ?? [])).toBe('区平台：未列入；省平台：未列入');
    expect(y.kind).toBe('black');
    expect(platformLinesText(y.platforms ?? [])).toBe('省平台：黑名单');
  });

  it('turns only the failing platform’s codes unknown, and names it', async () => {
    const { status, down } = setup();
    down.province = true;
    const h = await settle(status.get(HANYANG));
    expect(h.kind).toBe('unknown');
    expect(platformLinesText(h.platforms ?? [])).toBe('区平台：未列入；省平台：无法连接');
  });

  it('says no platform covers a code from elsewhere, and never asks or calls it clear', async () => {
    const { status, calls } = setup();
    const v = await settle(status.get('91430100MA4KX0T12F'));
    expect(v.kind).toBe('unknown');
    expect(calls.district).toEqual([]);
    expect(calls.province).toEqual([]);
  });

  it('notifies a subscriber with the merged verdict as each platform answers', async () => {
    const { status } = setup();
    const seen: string[] = [];
    const off = status.subscribe(YICHANG, (v) => seen.push(v.kind));
    await settle(Promise.resolve());
    off();
    expect(seen[0]).toBe('pending');
    expect(seen.at(-1)).toBe('black');
  });
});
