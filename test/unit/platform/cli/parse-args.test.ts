import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../../platform/cli/parse-args.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');

describe('parseArgs', () => {
  it.each([
    [['serve', '--create', '--demo'], ['serve'], { create: true, demo: true }],
    [
      ['import', 'list.csv', '--dry-run', '--mapping', 'm.json', '--department=市场监管局'],
      ['import', 'list.csv'],
      { 'dry-run': true, mapping: 'm.json', department: '市场监管局' },
    ],
    [['token', 'create', '--department', 'D', '--role', 'viewer', '--label', 'L'], ['token', 'create'], { department: 'D', role: 'viewer', label: 'L' }],
    [['token', 'revoke', '7'], ['token', 'revoke', '7'], {}],
    [['seed', '--subjects', '40', '--seed', '7', '--write-list'], ['seed'], { subjects: '40', seed: '7', 'write-list': true }],
    [
      ['rotate-record-key', '--compromised', '--since', '2026-11-01T00:00:00Z', '--key', 'k1'],
      ['rotate-record-key'],
      { compromised: true, since: '2026-11-01T00:00:00Z', key: 'k1' },
    ],
    [['import', '--', '--odd-name.csv'], ['import', '--odd-name.csv'], {}],
  ])('returns %j as the words %j and the options %j', (argv, positionals, flags) => {
    expect(parseArgs(argv)).toEqual({ positionals, flags: new Map(Object.entries(flags)) });
  });

  it.each([
    [['serve', '--bogus'], 'unknown option: --bogus'],
    [['token', 'create', '--department'], '--department needs a value'],
    [['seed', '--subjects', '--write-list'], '--subjects needs a value'],
    [['serve', '--create=yes'], '--create takes no value'],
  ])('returns the usage error for %j', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ error });
  });

  it('makes `npm run platform` exit 2 with the error and the help for an unknown option', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'platform/main.ts', 'serve', '--bogus'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option: --bogus');
    expect(run.stderr).toContain('Usage: npm run platform');
  });
});
