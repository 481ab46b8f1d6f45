/**
 * Characters that change how text around them is shown without being seen themselves: bidi
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069, U+061C), zero-width and
 * directional marks (U+200B–200F), word joiners and invisible operators (U+2060–2064), the BOM
 * (U+FEFF), the soft hyphen, Hangul fillers, Mongolian vowel separator, interlinear annotation
 * marks, tag characters, and C0/C1 control characters other than tab, line feed and return.
 * A U+202E in an imported list once showed a masked ID number reversed; list data is plain
 * Chinese text and needs none of them.
 */
const INVISIBLE_CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;

/** The text without invisible formatting and control characters (see above); everything visible is kept as is. */
export function stripControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/** Whether the text holds any character `stripControls` removes. */
export function hasControls(text: string): boolean {
  INVISIBLE_CONTROLS.lastIndex = 0;
  const found = INVISIBLE_CONTROLS.test(text);
  INVISIBLE_CONTROLS.lastIndex = 0;
  return found;
}

/** A copy of plain data (objects, arrays, strings) with `stripControls` applied to every string in it. */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlsDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripControlsDeep(v)])) as T;
  }
  return value;
}
