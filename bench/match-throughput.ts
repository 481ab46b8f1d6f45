/**
 * Throughput of matchCodes, the function the extension runs on every text node of a page.
 * Two deterministic ~10 MB corpora of Chinese business text: one with codes at the density of a
 * company-listing page (about one per 800 characters, in the forms pages use) plus numeric
 * distractors, one with no codes at all (the common page). Each is scanned as text nodes of
 * 40-1,500 characters, as the page scanner sees them.
 */
import { pathToFileURL } from 'node:url';
import { matchCodes } from '../core/scan/match-codes.ts';
import { usccCheckChar } from '../core/uscc/uscc-check-char.ts';

const TARGET_BYTES = 10_000_000;
const ROUNDS = 5;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '根据《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》',
  '区发改委会同区市场监管局对相关市场主体开展信用核查',
  '该企业被列入严重失信主体名单，实施联合惩戒措施',
  '纳税信用A级纳税人享受绿色通道和容缺受理等激励措施',
  '法定代表人：张某某；注册资本：人民币500万元；成立日期：2016年3月18日',
  '经营范围：计算机软硬件技术开发、技术咨询；建筑材料销售',
  '行政处罚决定书文号：汉市监罚〔2018〕第0123号',
  '联系电话：027-84851234，地址：武汉市汉阳区龙阳大道88号',
  '公示期为7个工作日，异议期间不影响信用修复的申请',
  '在政府采购、招标投标、财政资金安排等领域依法予以限制',
  'Credit check completed for the applicant; see the attached report.',
  '订单号202405170012345678，金额￥12,345.00元',
];
const REGIONS = ['420105', '420100', '110105', '350100', '440300', '310115', '100000'];
const HEADS = ['91', '92', '93', '12', '52', '53', '31', 'N2', 'Y1'];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function makeCode(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let body = pick(HEADS) + pick(REGIONS);
  while (body.length < 17) body += CHARSET[Math.floor(next() * 31)];
  return body + usccCheckChar(body);
}

function styleCode(code: string, next: () => number): string {
  const r = next();
  if (r < 0.6) return code;
  if (r < 0.7) return code.toLowerCase();
  if (r < 0.8) return `${code.slice(0, 8)}-${code.slice(8)}`;
  if (r < 0.9) return code.replace(/(.{4})(?!$)/g, '$1 ');
  return Array.from(code, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
}

/** Text nodes of a deterministic corpus of about TARGET_BYTES UTF-8 bytes. */
export function makeCorpus(withCodes: boolean, seed = 2018): string[] {
  const next = random(seed);
  const nodes: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const size = 40 + Math.floor(next() * next() * 1460);
    let node = '';
    while (node.length < size) {
      node += PHRASES[Math.floor(next() * PHRASES.length)];
      if (withCodes && next() < 0.06) node += `统一社会信用代码：${styleCode(makeCode(next), next)}。`;
      else node += next() < 0.5 ? '，' : '。';
    }
    nodes.push(node);
    bytes += Buffer.byteLength(node, 'utf8');
  }
  return nodes;
}

function measure(nodes: string[]): { mbPerSecond: number; mcharsPerSecond: number; matches: number } {
  const bytes = nodes.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  const chars = nodes.reduce((n, s) => n + s.length, 0);
  let matches = 0;
  for (const node of nodes) matches += matchCodes(node).length; // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    matches = 0;
    const start = performance.now();
    for (const node of nodes) matches += matchCodes(node).length;
    times.push(performance.now() - start);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
  return { mbPerSecond: bytes / 1e6 / (median / 1000), mcharsPerSecond: chars / 1e6 / (median / 1000), matches };
}

/** Prints matchCodes throughput on the code-bearing and the code-free corpus. */
export async function run(): Promise<void> {
  for (const [label, withCodes] of [
    ['with codes 含代码', true],
    ['no codes 无代码', false],
  ] as const) {
    const nodes = makeCorpus(withCodes);
    const mb = nodes.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0) / 1e6;
    const r = measure(nodes);
    console.log(
      `matchCodes ${label}: ${mb.toFixed(1)} MB UTF-8 in ${nodes.length} text nodes, ` +
        `${r.matches} matches, ${r.mbPerSecond.toFixed(0)} MB/s (${r.mcharsPerSecond.toFixed(0)} M chars/s, median of ${ROUNDS})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
