import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../cli/parse-options.ts';

const OPTIONS = { json: { type: 'boolean' }, token: { type: 'string' }, column: { type: 'string' } } as const;

describe('parseOptions', () => {
  it('returns many positionals in order around the options, and the last value of a repeated option', () => {
    expect(parseOptions(['a', '--token', 't1', 'b.csv', '--json', 'c', '--token=t2'], OPTIONS)).toEqual({
      ok: true,
      values: { token: 't2', json: true },
      positionals: ['a', 'b.csv', 'c'],
    });
  });

  it('returns everything after -- as positionals', () => {
    expect(parseOptions(['--json', '--', '--token', '-x'], OPTIONS)).toEqual({ ok: true, values: { json: true }, positionals: ['--token', '-x'] });
  });

  it('returns an empty inline value as it is, for the command to refuse', () => {
    expect(parseOptions(['--column='], OPTIONS)).toEqual({ ok: true, values: { column: '' }, positionals: [] });
  });

  it.each([
    [['--frobnicate', 'a'], '未知选项 unknown option: --frobnicate'],
    [['-x'], '未知选项 unknown option: -x'],
    [['a', '--token'], '--token 需要一个值 needs a value'],
    [['--token', '--json'], '--token 需要一个值 needs a value'],
    [['--json=yes'], '--json 不带值 takes no value'],
  ])('returns the usage error for %j', (args, error) => {
    expect(parseOptions(args, OPTIONS)).toEqual({ ok: false, error });
  });
});
