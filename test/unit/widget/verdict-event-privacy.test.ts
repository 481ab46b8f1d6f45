/** @vitest-environment happy-dom */
/** Issue 10 finding 9 (client): page scripts read `creditlens:verdict`, so it carries no person's name or ID number. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCreditLens } from '../../../widget/runtime/create-credit-lens.ts';
import { VERDICT_EVENT, type VerdictEventDetail } from '../../../widget/contract/verdict-event.ts';
import { BLACK_CODE, NOW, fakePlatform, settle, type FakePlatform } from './fake-platform.ts';

const PERSONS = [
  { role: '法定代表人', name: '张三丰', idNumber: '420105197001011234' },
  { role: '主要负责人', name: '李四', idNumber: '42010519800202567X' },
];

let platform: FakePlatform;
beforeEach(() => {
  platform = fakePlatform();
  platform.entries.set(BLACK_CODE, [{ id: 'e-black', category: '失信被执行人', persons: PERSONS }]);
});

const leaks = (detail: VerdictEventDetail) => {
  const text = JSON.stringify(detail);
  return ['张三丰', '李四', '420105197001011234', '42010519800202567X'].filter((s) => text.includes(s));
};

describe('creditlens:verdict', () => {
  it('returns no person names or ID numbers on document, from check() and from elements', async () => {
    const seen: VerdictEventDetail[] = [];
    const onDocument = (e: Event) => seen.push((e as CustomEvent<VerdictEventDetail>).detail);
    document.addEventListener(VERDICT_EVENT, onDocument);
    const lens = createCreditLens({ platform: 'https://credit.example.gov.cn' }, { fetch: platform.fetch, now: () => NOW, changesIntervalMs: 60_000 });
    lens.defineElement();
    const [checked] = await lens.check(BLACK_CODE);
    // The host's own call keeps what the platform sent (the host asked for it).
    expect(checked!.verdict.activeEntries[0]!.persons).toHaveLength(2);
    const el = document.createElement('credit-status');
    el.addEventListener(VERDICT_EVENT, (e) => seen.push(e.detail));
    el.setAttribute('code', BLACK_CODE);
    document.body.append(el);
    await settle();
    document.removeEventListener(VERDICT_EVENT, onDocument);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const detail of seen) {
      expect(detail.verdict.kind).toBe('black');
      expect(detail.verdict.activeEntries[0]!.category).toBe('失信被执行人');
      expect(leaks(detail)).toEqual([]);
    }
    el.remove();
  });
});
