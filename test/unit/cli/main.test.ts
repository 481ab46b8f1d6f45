import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

/** Runs the real CLI as `npm run cli` does, returning exit code and output. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', 'cli/main.ts', ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli/main.ts', () => {
  it.each([[[]], [['help']]])('returns usage and exit 0 when run with %j', async (args) => {
    const { code, stdout } = await cli(...args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate/);
    expect(stdout).toMatch(/scan/);
  });

  it('returns exit 2 when the command is unknown', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it.each([
    [0, '91350100M000100Y43'],
    [1, '91350100M000100Y42'],
  ])('returns exit %i when validating %s', async (exit, input) => {
    const { code, stdout } = await cli('validate', '--json', input);
    expect(code).toBe(exit);
    expect(JSON.parse(stdout)[0].code).toBe(input);
  });
}, 30_000);
