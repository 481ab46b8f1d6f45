/**
 * Name and code agree (三要素): to compare the name a page shows with the registered one we first
 * have to find it. Pages put it in three places — the same table row (a name column), the same
 * line of text ("武汉某某有限公司（统一社会信用代码：9142…）") or a labelled form field next to the
 * code field — and this module looks there, in that order, without ever climbing above `root`.
 */

/** Words a company or organisation name ends in (or contains, for a table cell). */
const NAME_WORDS = '有限责任公司|股份有限公司|有限公司|公司|企业|集团|合作社|中心|协会|联合会|商会|基金会|研究院|研究所|事务所|学校|医院|厂|店|商行|工作室';
const NAME_IN_CELL = new RegExp(`(${NAME_WORDS})`);
const NAME_AT_END = new RegExp(`(${NAME_WORDS})([（(][^（）()]{1,20}[）)])?$`);
/** Column headers and field labels that name a party (and not its code, date or status). */
const NAME_HEADER = /名称|单位|企业|公司|投标人|申请人|供应商|中标人|当事人|主体|Name|Company/i;
const NOT_NAME_HEADER = /代码|编号|号码|证号|日期|时间|金额|状态|事项|地址|电话|联系人|类型|代表/;
/** Labels people write before a name in running text; stripped from the front of a found name. */
const LEAD_LABELS = /^.*?(?:联合申报单位|申报单位|申请单位|申请人|投标人|供应商|中标人|当事人|单位名称|企业名称|公司名称|名称|经审查)[：:为是]?/;
const SEPARATORS = /[，。；;,、\n\r\t：:]|\s{2,}/;
const CODE_LIKE = /[0-9A-Z]{15,}/;
const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'DIV',
  'TD',
  'TH',
  'DD',
  'DT',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'BODY',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LABEL',
  'FORM',
  'FIELDSET',
]);
const FIELD_SELECTOR = 'input:not([type]),input[type=text],input[type=search],textarea,select,output';

/**
 * What the names of one look at the page (one batch of codes, the page unchanged meanwhile) share:
 * the fields and `<dt>`s of each form or table, read once, not once per code. A page that is one
 * big form (ASP.NET pages wrap everything in one) with thousands of codes would otherwise be
 * walked whole for every code.
 */
export interface AdjacentNameMemo {
  readonly fields: Map<Element, readonly Element[]>;
  readonly terms: Map<Element, readonly Element[]>;
}

/** A memo for one batch of codes; drop it when the page may have changed. */
export const adjacentNameMemo = (): AdjacentNameMemo => ({ fields: new Map(), terms: new Map() });

/**
 * The company name the page shows next to a code, or null. `at` is where the code is: an Element
 * (a `<credit-status>`, a code cell, a code input) or a Range over the code's text. Pass one
 * `memo` for every code of a batch.
 */
export function findAdjacentName(root: Document | Element, at: Element | AbstractRange, memo: AdjacentNameMemo = adjacentNameMemo()): string | null {
  const anchor = anchorElement(at);
  if (!anchor || !contains(root, anchor)) return null;
  return fromTableRow(root, anchor) ?? fromFormFields(root, anchor, memo) ?? fromLine(root, anchor, at);
}

function memoised(cache: Map<Element, readonly Element[]>, scope: Element, selector: string): readonly Element[] {
  let list = cache.get(scope);
  if (!list) {
    list = [...scope.querySelectorAll(selector)];
    cache.set(scope, list);
  }
  return list;
}

function anchorElement(at: Element | AbstractRange): Element | null {
  if ('startContainer' in at) {
    const node = at.startContainer;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  }
  return at;
}

function contains(root: Document | Element, node: Node): boolean {
  return root === node || root.contains(node);
}

/** The nearest ancestor matching `selector` that is still inside root. */
function closestWithin(root: Document | Element, el: Element, selector: string): Element | null {
  const found = el.closest(selector);
  return found && contains(root, found) ? found : null;
}

function clean(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length < 2 || t.length > 100 || CODE_LIKE.test(t) || /^[\d\s.,-]+$/.test(t)) return null;
  return t;
}

function fieldValue(el: Element): string | null {
  const value = (el as HTMLInputElement).value;
  return typeof value === 'string' ? clean(value) : clean(el.textContent);
}

function cellText(cell: Element): string | null {
  const field = cell.querySelector(FIELD_SELECTOR);
  return field ? fieldValue(field) : clean(cell.textContent);
}

function isNameHeader(text: string | null | undefined): boolean {
  const t = (text ?? '').trim();
  return NAME_HEADER.test(t) && !NOT_NAME_HEADER.test(t);
}

// Plain element walks rather than the HTMLTable API (rows, cells, cellIndex), which DOM
// implementations other than browsers do not all provide.
const cellsOf = (row: Element): Element[] => [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

// A header row sits at the top of its table, and a table that labels its rows (one subject's
// record) is short: only the first rows are looked at, so a page of 5,000 codes in one table of
// 20,000 rows costs a few rows a code, not the whole table.
const HEADER_ROWS = 5;
const LABEL_ROWS = 200;

/** The first `limit` rows of `table` itself (not of tables nested in it), in document order. */
function rowsOf(table: Element, limit: number): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT')
      for (const row of child.children) {
        if (rows.length >= limit) break;
        if (row.tagName === 'TR') rows.push(row);
      }
    if (rows.length >= limit) break;
  }
  return rows;
}

function fromTableRow(root: Document | Element, anchor: Element): string | null {
  const row = closestWithin(root, anchor, 'tr');
  if (!row) return null;
  const own = closestWithin(root, anchor, 'td,th');
  const rowCells = cellsOf(row);
  const cells = rowCells.filter((c) => c !== own);
  const table = row.closest('table');
  const headerRow = (table ? rowsOf(table, HEADER_ROWS) : []).find(
    (r) => r !== row && (r.parentElement?.tagName === 'THEAD' || cellsOf(r).every((c) => c.tagName === 'TH')),
  );
  if (headerRow) {
    const headers = cellsOf(headerRow);
    for (const cell of cells) {
      const header = headers[rowCells.indexOf(cell)];
      if (header && isNameHeader(header.textContent)) {
        const name = cellText(cell);
        if (name) return name;
      }
    }
  }
  // A table that labels its rows: <tr><th>企业名称</th><td>…</td></tr> above the code's row.
  if (rowCells[0]?.tagName === 'TH' && rowCells[0] !== own) {
    for (const r of table ? rowsOf(table, LABEL_ROWS) : []) {
      const [label, value] = cellsOf(r);
      if (r === row || !label || !value || label.tagName !== 'TH' || !isNameHeader(label.textContent)) continue;
      const name = cellText(value);
      if (name) return name;
    }
  }
  for (const cell of cells) {
    if (cell.tagName === 'TH') continue;
    const name = cellText(cell);
    if (name && NAME_IN_CELL.test(name)) return name;
  }
  return null;
}

/** Label text of a form field: <label for>, a wrapping label, aria-label(ledby), or the text just before it. */
function labelOf(field: Element): string {
  const labels = (field as HTMLInputElement).labels;
  if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ');
  const aria = field.getAttribute('aria-label');
  if (aria) return aria;
  const by = field.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(/\s+/)
      .map((id) => field.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  const wrapping = field.closest('label');
  if (wrapping) return wrapping.textContent ?? '';
  const previous = field.previousElementSibling ?? field.parentElement?.previousElementSibling;
  return previous?.textContent ?? '';
}

function fromFormFields(root: Document | Element, anchor: Element, memo: AdjacentNameMemo): string | null {
  const scope = closestWithin(root, anchor, 'form,fieldset,[role=form],dl,table');
  if (!scope) return null;
  for (const field of memoised(memo.fields, scope, FIELD_SELECTOR)) {
    if (field === anchor || field.contains(anchor)) continue;
    if (!isNameHeader(labelOf(field))) continue;
    const name = fieldValue(field);
    if (name) return name;
  }
  for (const dt of memoised(memo.terms, scope, 'dt')) {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== 'DD' || dd.contains(anchor) || !isNameHeader(dt.textContent)) continue;
    const name = cellText(dd);
    if (name) return name;
  }
  return null;
}

function blockOf(root: Document | Element, anchor: Element): Element {
  let el: Element | null = anchor;
  while (el && !BLOCK_TAGS.has(el.tagName) && el !== root && el.parentElement) el = el.parentElement;
  return el ?? anchor;
}

// A name is at most 100 characters, plus its label and the code's own label: the line is read
// this far on each side of the code, so a block of a whole page's text costs no more than a line.
const LINE_REACH = 400;

function fromLine(root: Document | Element, anchor: Element, at: Element | AbstractRange): string | null {
  const block = blockOf(root, anchor);
  const doc = block.ownerDocument;
  const before = doc.createRange();
  const after = doc.createRange();
  before.setStart(block, 0);
  after.setEnd(block, block.childNodes.length);
  if ('startContainer' in at) {
    before.setEnd(at.startContainer, at.startOffset);
    after.setStart(at.endContainer, at.endOffset);
  } else {
    before.setEndBefore(at);
    after.setStartAfter(at);
  }
  return nameBefore(textNear(before, 'before')) ?? nameAfter(textNear(after, 'after'));
}

/**
 * The text of `range` nearest the code (its end for `before`, its start for `after`), about
 * `LINE_REACH` characters of it: what `range.toString()` ends or starts with, read from the text
 * nodes next to the code only.
 */
function textNear(range: Range, side: 'before' | 'after'): string {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const within = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(within, 0x4 /* SHOW_TEXT */);
  const edge = side === 'before' ? range.endContainer : range.startContainer;
  const offset = side === 'before' ? range.endOffset : range.startOffset;
  const parts: string[] = [];
  let length = 0;
  let node: Node | null;
  if (edge.nodeType === 3) {
    const data = (edge as Text).data;
    const part = side === 'before' ? data.slice(0, offset) : data.slice(offset);
    parts.push(part);
    length += part.length;
    walker.currentNode = edge;
    node = side === 'before' ? walker.previousNode() : walker.nextNode();
  } else {
    // The edge lies between children: start from the text nearest that point.
    const child = edge.childNodes[side === 'before' ? offset - 1 : offset] ?? null;
    node = child ? firstText(walker, child, side) : null;
  }
  for (; node && length < LINE_REACH; node = side === 'before' ? walker.previousNode() : walker.nextNode()) {
    if (!range.intersectsNode(node)) break;
    const data = (node as Text).data;
    parts.push(data);
    length += data.length;
  }
  const text = side === 'before' ? parts.reverse().join('') : parts.join('');
  return side === 'before' ? text.slice(-LINE_REACH) : text.slice(0, LINE_REACH);
}

/** The text node at `child`'s edge facing the code (`child`'s last text for `before`, its first for `after`), or the next one beyond it. */
function firstText(walker: TreeWalker, child: Node, side: 'before' | 'after'): Node | null {
  if (child.nodeType === 3) return child;
  if (side === 'after') {
    walker.currentNode = child;
    return walker.nextNode();
  }
  // The last text inside child, else the text before it.
  let last: Node | null = child;
  while (last.lastChild) last = last.lastChild;
  if (last.nodeType === 3) return last;
  walker.currentNode = last;
  return walker.previousNode();
}

/** "…申请单位武汉某某有限公司（统一社会信用代码：" → "武汉某某有限公司". */
export function nameBefore(text: string): string | null {
  const trimmed = text.replace(/[\s（(【[]*(?:统一社会信用代码|社会信用代码|信用代码|代码|USCC)?\s*[:：]?\s*$/i, '').replace(/\s+$/, '');
  const segment = trimmed.split(SEPARATORS).pop() ?? '';
  return nameIn(segment);
}

/** "9142…）武汉某某有限公司，…" → "武汉某某有限公司". */
export function nameAfter(text: string): string | null {
  const segment = text.replace(/^\s*[）)\]】]?\s*/, '').split(SEPARATORS)[0] ?? '';
  return nameIn(segment);
}

function nameIn(segment: string): string | null {
  const candidate = segment.replace(LEAD_LABELS, '').trim();
  if (!NAME_AT_END.test(candidate)) return null;
  return clean(candidate);
}
