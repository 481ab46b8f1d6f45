import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUscc } from '../../../../core/uscc/parse-uscc.ts';
import { demoSubjectsJson } from '../../../../platform/seed/demo-subjects-json.ts';
import { generateDemoData } from '../../../../platform/seed/generate-demo-data.ts';

const committed = readFileSync(new URL('../../../../platform/seed/demo-subjects.json', import.meta.url), 'utf8');

describe('generateDemoData', () => {
  it('matches the committed demo-subjects.json (run `npm run platform -- seed --write-list` after changing the generator)', () => {
    expect(demoSubjectsJson()).toBe(committed);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const a = [...generateDemoData({ subjects: 50, seed: 7, today: '2026-01-01' })];
    const b = [...generateDemoData({ subjects: 50, seed: 7, today: '2026-01-01' })];
    const c = [...generateDemoData({ subjects: 50, seed: 8, today: '2026-01-01' })];
    expect(b).toEqual(a);
    expect(c.map((r) => r.expectation.code)).not.toEqual(a.map((r) => r.expectation.code));
  });

  it('gives the same subjects and verdicts whatever the day of seeding, with dates moved along', () => {
    const early = [...generateDemoData({ today: '2026-01-01' })];
    const late = [...generateDemoData({ today: '2027-06-30' })];
    expect(late.map((r) => r.expectation)).toEqual(early.map((r) => r.expectation));
    expect(late[0]!.entries[0]!.listedOn).not.toBe(early[0]!.entries[0]!.listedOn);
  });

  it('issues valid, unique codes and covers every verdict, kind and entry state', () => {
    const records = [...generateDemoData({ today: '2026-01-01' })];
    const codes = records.map((r) => r.expectation.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseUscc(code).validity).toBe('valid');
    expect(new Set(records.map((r) => r.expectation.expectedVerdict))).toEqual(new Set(['black', 'disputed', 'red', 'watch', 'clear']));
    expect(new Set(codes.map((c) => c.slice(0, 2)))).toEqual(new Set(['91', '92', '93', '51', '12']));
    const states = new Set(records.flatMap((r) => r.entries.map((e) => e.state)));
    expect(states).toEqual(new Set(['active', 'disputed', 'exited', 'expired', 'revoked']));
    const clearWithoutEntries = records.filter((r) => r.subject && r.entries.length === 0).length;
    expect(clearWithoutEntries / records.length).toBeGreaterThan(0.05);
    expect(records.filter((r) => r.subject === null).length).toBeGreaterThanOrEqual(3);
    expect(records.some((r) => r.entries.some((e) => e.visibility === 'internal'))).toBe(true);
    expect(records.some((r) => r.entries.some((e) => !e.repairable))).toBe(true);
  });

  it('puts the named fixtures first, each role once', () => {
    const list = JSON.parse(committed) as { role?: string; expectedVerdict: string; anonymousVerdict?: string }[];
    const roles = list.filter((s) => s.role).map((s) => s.role);
    expect(roles.slice(0, 5)).toEqual(['black', 'black-and-red', 'red', 'disputed', 'watch']);
    expect(new Set(roles).size).toBe(roles.length);
    const byRole = new Map(list.map((s) => [s.role, s]));
    expect(byRole.get('internal-only')).toMatchObject({ expectedVerdict: 'black', anonymousVerdict: 'clear' });
    expect(byRole.get('expired-stale')?.expectedVerdict).toBe('clear');
  });
});
