import { readFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { RecordKeySchema, type RecordVerification } from '../../core/api/check-record-schema.ts';
import { CheckRecordSetSchema, type CheckRecordSet } from '../../core/record/check-record-set-schema.ts';
import { judgeRecordSet, platformOrigin as origin } from '../../core/record/judge-record-set.ts';
import { keyFingerprint } from '../../core/record/key-fingerprint.ts';
import { parseStrictJson } from '../../core/record/parse-strict-json.ts';
import { verifyCheckRecord, type RecordKeyTrust } from '../../core/record/verify-check-record.ts';
import { EXIT_USAGE, type CliCommand, type CliIo } from '../cli-command.ts';
import { formatTable } from '../format-table.ts';
import { parseOptions } from '../parse-options.ts';

/** Where `verify` fetches the key when neither `--platform` nor `--key` is given (`npm start`'s platform). */
export const DEFAULT_PLATFORM_URL = 'http://127.0.0.1:8787';
const KEY_PATH = '/.well-known/creditlens-record-key';
const subtle = webcrypto.subtle as unknown as SubtleCrypto;

interface VerifyArgs {
  file: string;
  platform: string;
  /** Every `--platform` given: the platforms a record in parts may be signed by. */
  platforms: string[];
  keyFile: string | null;
  json: boolean;
}

function parseArgs(args: string[]): VerifyArgs | string {
  const parsed = parseOptions(args, { json: { type: 'boolean' }, platform: { type: 'string', multiple: true }, key: { type: 'string' } });
  if (!parsed.ok) return parsed.error;
  const { values, positionals } = parsed;
  const platforms = (values.platform ?? []) as string[];
  if (platforms.includes('') || values.key === '') return `--${values.key === '' ? 'key' : 'platform'} 需要一个值 needs a value`;
  if (positionals.length !== 1) return '需要一个记录文件 expected one record file';
  if (platforms.length > 0 && values.key !== undefined) return '--platform 与 --key 只能选一个 use either --platform or --key';
  return {
    file: positionals[0] as string,
    platform: platforms.at(-1) ?? DEFAULT_PLATFORM_URL,
    platforms,
    keyFile: values.key ?? null,
    json: values.json === true,
  };
}

/**
 * A saved key file: one key (`{ keyId, publicKey }`, e.g. the well-known answer) or the platform's
 * key list (`{ keys: [...] }`), with the key's creation, retirement and compromise times when the
 * file has them (lists saved from platforms before rotation lack them), so an offline check
 * applies the platform's rules.
 */
function keyFromFile(parsed: unknown, keyId: string | null): RecordKeyTrust | null {
  const isKey = (k: unknown): k is { keyId: string; publicKey: string } =>
    typeof (k as { keyId?: unknown } | null)?.keyId === 'string' && typeof (k as { publicKey?: unknown }).publicKey === 'string';
  const trust = (k: { keyId: string; publicKey: string }): RecordKeyTrust => {
    const time = (name: 'createdAt' | 'retiredAt' | 'compromisedSince') => {
      const value = (k as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : null;
    };
    return { keyId: k.keyId, publicKey: k.publicKey, createdAt: time('createdAt'), retiredAt: time('retiredAt'), compromisedSince: time('compromisedSince') };
  };
  if (isKey(parsed)) return trust(parsed);
  const list = (parsed as { keys?: unknown; currentKeyId?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return null;
  const keys = list.filter(isKey);
  const current = (parsed as { currentKeyId?: unknown }).currentKeyId;
  const found = keys.find((k) => k.keyId === keyId) ?? keys.find((k) => k.keyId === current) ?? keys[0];
  return found ? trust(found) : null;
}

/**
 * The public key for a record signed with `keyId`: from a key file, or fetched from the platform —
 * the key of that id (a platform keeps the keys it rotated out), else its current key, against
 * which a record of another key reports `unknown-key`.
 */
async function loadKey(a: VerifyArgs, keyId: string | null): Promise<(RecordKeyTrust & { source: string }) | string> {
  if (a.keyFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(a.keyFile, 'utf8'));
    } catch (error) {
      return `无法读取密钥文件 cannot read key file ${a.keyFile}: ${(error as Error).message}`;
    }
    const key = keyFromFile(parsed, keyId);
    if (!key) return `密钥文件缺少 keyId/publicKey: ${a.keyFile} lacks keyId and publicKey`;
    return { ...key, source: a.keyFile };
  }
  let url: URL;
  try {
    url = new URL(KEY_PATH, a.platform);
  } catch {
    return `平台地址无效 not a URL: ${a.platform}`;
  }
  const named = new URL(url);
  if (keyId !== null) named.searchParams.set('keyId', keyId);
  try {
    let response = await fetch(named, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
    if (response.status === 404 && keyId !== null) {
      named.search = '';
      response = await fetch(named, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
    }
    if (!response.ok) return `平台返回 HTTP ${response.status}：${named.href} / the platform answered HTTP ${response.status}`;
    const key = RecordKeySchema.safeParse(await response.json());
    if (!key.success) return `平台的密钥格式不对 the platform's key does not match the contract: ${named.href}`;
    const { keyId: id, publicKey, createdAt = null, retiredAt = null, compromisedSince = null } = key.data;
    return { keyId: id, publicKey, createdAt, retiredAt, compromisedSince, source: named.href };
  } catch (error) {
    return `无法连接平台 cannot reach the platform at ${url.href}: ${(error as Error).message}`;
  }
}

function report(io: CliIo, v: RecordVerification, fingerprint: string | null, codes: number | null, keySource: string): void {
  const rows = [
    ['项目 Field', '值 Value'],
    ['结果 Result', v.valid ? '✓ 签名有效 Valid' : `✖ 验证未通过 Not valid (${v.reason})`],
    ['记录编号 Record ID', v.recordId ?? '—'],
    ['出具时间 Issued at', v.issuedAt ?? '—'],
    ['密钥 Key ID', v.keyId ?? '—'],
    ['签名指纹 Fingerprint', fingerprint ?? '—'],
    ['代码数 Codes', codes === null ? '—' : String(codes)],
    ['公钥来源 Key from', keySource],
  ];
  io.out(`${formatTable(rows)}${v.message}\n`);
}

/**
 * A record in parts (several platforms, core/record/check-record-set-schema.ts): each part is
 * verified against the key of the platform that signed it, which must be one given with
 * `--platform` (the file's own URLs are not signed, so they are trusted only when given).
 */
async function verifySet(a: VerifyArgs, set: CheckRecordSet, io: CliIo): Promise<number> {
  const signedBy = [...new Set(set.parts.map((part) => origin(part.platformUrl)))];
  const trusted = new Set(a.platforms.map(origin));
  if (a.keyFile !== null || signedBy.some((url) => !trusted.has(url))) {
    io.err(
      `此记录分平台签名，请用 --platform 给出每个签名平台 this record is signed in parts; give each signing platform with --platform: ${signedBy.map((url) => `--platform ${url}`).join(' ')}\n`,
    );
    return EXIT_USAGE;
  }
  const results: (RecordVerification & { platform: string; platformUrl: string; codes: number; keySource: string })[] = [];
  for (const part of set.parts) {
    const key = await loadKey({ ...a, platform: part.platformUrl, keyFile: null }, part.signed.signature.keyId);
    if (typeof key === 'string') {
      io.err(`${key}\n`);
      return EXIT_USAGE;
    }
    const verification = await verifyCheckRecord(part.signed, key, subtle);
    results.push({
      ...verification,
      // The name the platform signed, not the file's unsigned label.
      platform: part.signed.record.platform,
      platformUrl: part.platformUrl,
      codes: part.signed.record.items.length,
      keySource: key.source,
    });
  }
  // Each part is genuine; together they must be the whole check (no part dropped, repeated or from another one).
  const problem = judgeRecordSet(set);
  const valid = problem === null && results.every((r) => r.valid);
  if (a.json) io.out(JSON.stringify({ valid, problem, parts: results }, null, 2) + '\n');
  else {
    const rows = [
      ['部分 Part', '签发平台 Signed by', '结果 Result', '记录编号 Record ID', '代码数 Codes'],
      ...results.map((r, i) => [
        String(i + 1),
        r.platform,
        r.valid ? '✓ 签名有效 Valid' : `✖ 验证未通过 Not valid (${r.reason})`,
        r.recordId ?? '—',
        String(r.codes),
      ]),
    ];
    const verdict = problem
      ? `✖ 记录组不完整或被拼凑 The set is not whole: ${problem}`
      : valid
        ? '每一部分均由其平台签名且未被改动，记录组完整。 Every part is signed by its platform and unchanged, and the set is whole.'
        : '有部分验证未通过。 A part is not valid.';
    io.out(`${formatTable(rows)}${verdict}\n`);
  }
  return valid ? 0 : 1;
}

/** `verify <record.json> [--platform URL …] [--key key.json] [--json]`: exit 0 valid, 1 not valid, 2 usage or platform unreachable. */
export const verifyCommand: CliCommand = {
  usage: 'verify [--platform URL … | --key key.json] [--json] <record.json>',
  summary: `验证签名的信用查询记录 Verify a signed check record with the platform's public key (default ${DEFAULT_PLATFORM_URL}; a record in parts: each part with its platform, one --platform each; exit 1 if not valid)`,
  async run(args, io) {
    const a = parseArgs(args);
    if (typeof a === 'string') {
      io.err(`${a}\nusage: ${this.usage}\n`);
      return EXIT_USAGE;
    }
    let text: string;
    try {
      text = await readFile(a.file, 'utf8');
    } catch (error) {
      io.err(`无法读取记录文件 cannot read ${a.file}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    let input: unknown;
    try {
      input = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch {
      input = undefined;
    }
    // A record in parts (several platforms): every part against its own platform.
    if ((input as { kind?: unknown } | null | undefined)?.kind === 'creditlens-record-set') {
      const strict = parseStrictJson(text.replace(/^\ufeff/, ''));
      const set = strict.ok ? CheckRecordSetSchema.safeParse(strict.value) : null;
      if (!set?.success) {
        io.err(`不是有效的分平台记录 not a valid record in parts: ${a.file}\n`);
        return 1;
      }
      return verifySet(a, set.data, io);
    }
    if (a.platforms.length > 1) {
      io.err(`一份记录只由一个平台签名，只能给一个 --platform a record has one signer: give one --platform\nusage: ${this.usage}\n`);
      return EXIT_USAGE;
    }
    const namedKeyId = (input as { signature?: { keyId?: unknown } } | null | undefined)?.signature?.keyId;
    const key = await loadKey(a, typeof namedKeyId === 'string' && /^[\x21-\x7e]{1,100}$/.test(namedKeyId) ? namedKeyId : null);
    if (typeof key === 'string') {
      io.err(`${key}\n`);
      return EXIT_USAGE;
    }
    const verification =
      input === undefined
        ? { valid: false, reason: 'malformed' as const, message: `文件不是 JSON / ${a.file} is not JSON`, keyId: null, recordId: null, issuedAt: null }
        : await verifyCheckRecord(text, key, subtle);
    const signed = input as { signature?: { value?: unknown }; record?: { items?: unknown } } | undefined;
    const fingerprint =
      verification.reason !== 'malformed' && typeof signed?.signature?.value === 'string' ? await keyFingerprint(signed.signature.value, subtle) : null;
    const codes = Array.isArray(signed?.record?.items) ? signed.record.items.length : null;
    // One part of a record in parts is genuine but not the record: the other platforms' parts may say otherwise.
    const set = (signed?.record as { set?: { platforms?: unknown } } | undefined)?.set;
    const partOnly = verification.valid && Array.isArray(set?.platforms) && set.platforms.length > 1;
    const result = partOnly
      ? {
          ...verification,
          valid: false,
          reason: 'part-of-set' as const,
          message: `这是分平台记录的一部分（共 ${(set!.platforms as unknown[]).length} 个平台），须核验包含全部部分的记录文件 / This is one part of a record in parts: verify the file with every part`,
        }
      : verification;
    if (a.json) io.out(JSON.stringify({ ...result, fingerprint, codes, keySource: key.source }, null, 2) + '\n');
    else report(io, result as RecordVerification, fingerprint, codes, key.source);
    return result.valid ? 0 : 1;
  },
};
