// `scan` reports offsets into the file the user gave, so HTML is turned into the text a browser
// would show while remembering, for every text character, the span of source it came from.

/** Text extracted from HTML; `starts[i]`/`ends[i]` bound the source of `text[i]` in the HTML. */
export interface MappedText {
  text: string;
  starts: number[];
  ends: number[];
}

// Tags that do not break a line of text when rendered, so a code split by them stays joined.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head']);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '\u2013',
  mdash: '\u2014',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

/**
 * Extracts visible text from HTML: tags removed (block tags become a line break, inline tags
 * nothing), comments, scripts, styles and head dropped, entities decoded, and whitespace runs
 * collapsed to one space as browsers render them.
 */
export function htmlToText(html: string): MappedText {
  const out: MappedText = { text: '', starts: [], ends: [] };
  const chars: string[] = [];
  const emit = (ch: string, start: number, end: number) => {
    const last = chars.length - 1;
    // collapse whitespace runs (including the line breaks that stand for block tags)
    if ((ch === ' ' || ch === '\n') && last >= 0 && (chars[last] === ' ' || chars[last] === '\n')) {
      if (ch === '\n') chars[last] = '\n';
      out.ends[last] = end;
      return;
    }
    chars.push(ch);
    out.starts.push(start);
    out.ends.push(end);
  };

  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === '<') {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? html.length : close + 3;
        continue;
      }
      const tag = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/.exec(html.slice(i, i + 2000)) ?? /^<![^>]*>/.exec(html.slice(i, i + 2000));
      if (!tag) {
        emit('<', i, i + 1);
        i++;
        continue;
      }
      const name = (tag[1] ?? '').toLowerCase();
      let end = i + tag[0].length;
      if (HIDDEN.has(name) && !tag[0].startsWith('</')) {
        const close = lower.indexOf(`</${name}`, end);
        const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
        end = closeEnd < 0 ? html.length : closeEnd + 1;
      }
      if (!INLINE.has(name)) emit('\n', i, end);
      i = end;
      continue;
    }
    if (ch === '&') {
      const entity = /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      const body = entity?.[1];
      const point = body?.[0] === '#' ? (body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)) : -1;
      const decoded = !body ? undefined : point >= 0 ? (point <= 0x10ffff ? String.fromCodePoint(point) : undefined) : ENTITIES[body];
      if (entity && decoded !== undefined) {
        for (const unit of decoded.split('')) emit(unit, i, i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    emit(/[ \t\r\n\f]/.test(ch) ? ' ' : ch, i, i + 1);
    i++;
  }
  out.text = chars.join('');
  return out;
}
