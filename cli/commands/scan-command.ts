import { readFile } from 'node:fs/promises';
import { matchCodes } from '../../core/scan/match-codes.ts';
import { EXIT_USAGE, type CliCommand } from '../cli-command.ts';
import { formatTable } from '../format-table.ts';
import { htmlToText } from '../html-to-text.ts';
import { parseOptions } from '../parse-options.ts';
import { REASON_LABELS, VALIDITY_LABELS } from '../validity-labels.ts';

/** One code found by `scan`, with offsets (UTF-16 code units, end exclusive) into the original file. */
export interface ScanResult {
  start: number;
  end: number;
  line: number;
  column: number;
  raw: string;
  code: string;
  validity: string;
  reasons: string[];
}

/** True for files to be read as HTML: by extension, or content that starts with markup. */
function looksLikeHtml(path: string, content: string): boolean {
  return /\.(x?html?|xhtml)$/i.test(path) || /^\s*(<!doctype html|<html|<body|<div|<table|<p[\s>])/i.test(content);
}

/** Finds codes in a text or HTML document; offsets refer to `content` itself. */
export function scanContent(content: string, html: boolean): ScanResult[] {
  const mapped = html ? htmlToText(content) : undefined;
  const lineStarts = [0];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return matchCodes(mapped ? mapped.text : content).map((m) => {
    const start = mapped ? (mapped.starts[m.start] as number) : m.start;
    const end = mapped ? (mapped.ends[m.end - 1] as number) : m.end;
    let line = 0;
    for (let lo = 0, hi = lineStarts.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if ((lineStarts[mid] as number) <= start) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return {
      start,
      end,
      line: line + 1,
      column: start - (lineStarts[line] as number) + 1,
      raw: content.slice(start, end),
      code: m.code,
      validity: m.validity,
      reasons: m.reasons,
    };
  });
}

/** `scan [--json] <file>`: lists every code found in a text or HTML file. */
export const scanCommand: CliCommand = {
  usage: 'scan [--json] [--html|--text] <file>',
  summary: '扫描文件中的代码 Find codes in a text or HTML file (offsets into the original file)',
  async run(args, io) {
    const parsed = parseOptions(args, { json: { type: 'boolean' }, html: { type: 'boolean' }, text: { type: 'boolean' } });
    if (!parsed.ok || parsed.positionals.length !== 1) {
      io.err(!parsed.ok ? `${parsed.error}\n` : '需要一个文件 expected one file\n');
      io.err(`usage: ${this.usage}\n`);
      return EXIT_USAGE;
    }
    const { values: flags, positionals } = parsed;
    const path = positionals[0] as string;
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (error) {
      io.err(`无法读取 cannot read ${path}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    const html = flags.html === true || (flags.text !== true && looksLikeHtml(path, content));
    const results = scanContent(content, html);
    if (flags.json === true) {
      io.out(JSON.stringify(results, null, 2) + '\n');
      return 0;
    }
    const rows = [
      ['位置 Line:Col', '偏移 Offset', '代码 Code', '结果 Result', '原因 Reasons'],
      ...results.map((r) => [
        `${r.line}:${r.column}`,
        `${r.start}-${r.end}`,
        r.code,
        VALIDITY_LABELS[r.validity as keyof typeof VALIDITY_LABELS],
        r.reasons.map((x) => REASON_LABELS[x as keyof typeof REASON_LABELS]).join('，') || '—',
      ]),
    ];
    io.out(formatTable(rows) + `共找到 ${results.length} 个代码 / ${results.length} code(s) found in ${path}${html ? ' (HTML)' : ''}\n`);
    return 0;
  },
};
