import { describe, expect, it } from 'vitest';
import { looksLikeContact, ObjectionRequestSchema } from '../../../../core/api/objection-schema.ts';

describe('looksLikeContact', () => {
  it.each<[string, boolean]>([
    ['027-84841234', true],
    ['13800138000', true],
    ['(027) 8484 1234', true],
    ['企业法务部 027-84845678', true],
    ['fawu@example.cn', true],
    ['x', false],
    ['.', false],
    ['027-1', false],
    ['someone@', false],
    ['联系我', false],
  ])('returns %s → %s', (text, expected) => {
    expect(looksLikeContact(text)).toBe(expected);
  });
});

describe('ObjectionRequestSchema', () => {
  const base = {
    code: '91420105756704M24P',
    entryId: 'e0000001-1',
    reason: '相关款项已于列入前全部结清',
    contact: '027-84841234',
    documentNumber: '（2017）鄂0105执1号',
  };
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a full request', {}, null],
    ['a reference instead of the document number', { documentNumber: undefined, reference: '结案证明 2026-01' }, null],
    ['a reason of one character', { reason: '.' }, 'reason'],
    ['a reason of nine characters and spaces', { reason: '一 二 三 四 五 六 七 八 九     ' }, 'reason'],
    ['a contact without a phone or email', { contact: 'x' }, 'contact'],
    ['neither document number nor reference', { documentNumber: undefined }, 'reference'],
    ['a blank reference', { documentNumber: undefined, reference: '   ' }, 'reference'],
  ])('returns %s → issue at %s', (_case, over, path) => {
    const parsed = ObjectionRequestSchema.safeParse({ ...base, ...over });
    expect(parsed.success ? null : parsed.error.issues[0]!.path.join('.')).toBe(path);
  });
});
