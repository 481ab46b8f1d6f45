/** A JSON text parsed strictly, or why it is not one. */
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; error: { kind: 'syntax' | 'duplicate-key'; message: string } };

/**
 * Parses JSON text (RFC 8259) like `JSON.parse`, but refuses an object that names a key twice.
 * `JSON.parse` keeps the last copy silently, so a signed record could carry a second
 * `"verdict"` that one reader sees and another does not; the signature covers the canonical form
 * of what was parsed, so a record file must mean one thing. A leading BOM is allowed.
 */
export function parseStrictJson(text: string): StrictJsonResult {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (kind: 'syntax' | 'duplicate-key', message: string): never => {
    throw new StrictJsonError(kind, message);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('syntax', `control character in a string at ${i}`);
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('syntax', 'unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('syntax', `bad string at ${start}`);
    }
  };
  const value = (depth: number): unknown => {
    if (depth > 200) fail('syntax', 'nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('syntax', `expected a key at ${i}`);
        const at = i;
        const key = string();
        if (seen.has(key)) fail('duplicate-key', `key ${JSON.stringify(key)} appears twice in one object (at ${at})`);
        seen.add(key);
        ws();
        if (text[i] !== ':') fail('syntax', `expected ':' at ${i}`);
        i++;
        Object.defineProperty(out, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        fail('syntax', `expected ',' or '}' at ${i}`);
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        fail('syntax', `expected ',' or ']' at ${i}`);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) return fail('syntax', `unexpected ${c === undefined ? 'end of text' : JSON.stringify(c)} at ${i}`);
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };
  try {
    const parsed = value(0);
    ws();
    if (i < text.length) fail('syntax', `unexpected text after the value at ${i}`);
    return { ok: true, value: parsed };
  } catch (error) {
    if (error instanceof StrictJsonError) return { ok: false, error: { kind: error.kind, message: error.message } };
    throw error;
  }
}

class StrictJsonError extends Error {
  constructor(
    readonly kind: 'syntax' | 'duplicate-key',
    message: string,
  ) {
    super(message);
  }
}
