import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCommand, scanContent } from '../../../cli/commands/scan-command.ts';

const CODE = '91350100M000100Y43';

describe('scanContent', () => {
  it.each([
    ['text', `第一行\n代码：${CODE}。`, false, CODE],
    ['HTML with the code in a cell', `<table><tr><td>代码</td><td>${CODE}</td></tr></table>`, true, CODE],
    ['HTML with an inline tag and entity inside', `<p>91350100<b>M000</b>&#x31;00Y43</p>`, true, '91350100<b>M000</b>&#x31;00Y43'],
    ['HTML with NBSP entities', `<p>9135&nbsp;0100&nbsp;M000&nbsp;100Y&nbsp;43</p>`, true, '9135&nbsp;0100&nbsp;M000&nbsp;100Y&nbsp;43'],
  ])('returns offsets into the original %s', (_, content, html, raw) => {
    const [result, ...rest] = scanContent(content, html);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ code: CODE, validity: 'valid', start: content.indexOf(raw), end: content.indexOf(raw) + raw.length, raw });
  });

  it('returns nothing when the code is only in a script, style or comment', () => {
    const html = `<script>x="${CODE}"</script><style>/*${CODE}*/</style><!-- ${CODE} --><p>无</p>`;
    expect(scanContent(html, true)).toEqual([]);
  });

  it('returns line and column of the match when the code is on a later line', () => {
    expect(scanContent(`a\nbb\n  ${CODE}`, false)[0]).toMatchObject({ line: 3, column: 3 });
  });
});

describe('scanCommand', () => {
  it('returns exit 0 and a JSON array when given an HTML file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'creditlens-scan-'));
    const file = join(dir, 'page.html');
    await writeFile(file, `<html><body><p>代码：${CODE}</p></body></html>`);
    let out = '';
    const code = await scanCommand.run(['--json', file], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject([{ code: CODE, validity: 'valid', raw: CODE }]);
  });

  it.each([[[]], [['a', 'b']], [['/nonexistent/file.txt']]])('returns exit 2 when the arguments are %j', async (args) => {
    expect(await scanCommand.run(args, { out: () => {}, err: () => {} })).toBe(2);
  });
});
