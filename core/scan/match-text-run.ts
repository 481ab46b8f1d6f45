/**
 * Step 2 in the DOM: runs the pure matcher over a run of text nodes (`find-text-runs.ts`) and
 * says where each code starts and ends in the page's own nodes, which may be different ones
 * (`<b>91420105</b>756704M24P`): enough for a Range, a highlight and a marker over the whole code.
 */
import { matchCodes, type CodeMatch } from './match-codes.ts';
import type { TextRun } from './find-text-runs.ts';

/** A code in a run: from `start` in `node` to `end` (exclusive) in `endNode`; `match` offsets index the run's joined text. */
export interface TextOccurrence {
  match: CodeMatch;
  node: Text;
  start: number;
  endNode: Text;
  end: number;
}

const CODE_LENGTH = 18;

/** The codes in the run's current text. */
export function matchTextRun(run: TextRun): TextOccurrence[] {
  if (run.length === 1) {
    const node = run[0]!;
    const data = node.data;
    if (data.length < CODE_LENGTH) return [];
    return matchCodes(data).map((match) => ({ match, node, start: match.start, endNode: node, end: match.end }));
  }
  const parts = run.map((node) => node.data);
  const text = parts.join('');
  if (text.length < CODE_LENGTH) return [];
  const matches = matchCodes(text);
  if (matches.length === 0) return [];
  // offsets[i]: where run[i]'s data starts in the joined text.
  const offsets: number[] = [];
  let at = 0;
  for (const part of parts) {
    offsets.push(at);
    at += part.length;
  }
  // The node holding joined character `i` (parts are never empty, so exactly one does).
  const nodeAt = (i: number): number => {
    let k = 0;
    while (k + 1 < offsets.length && offsets[k + 1]! <= i) k++;
    return k;
  };
  return matches.map((match) => {
    const first = nodeAt(match.start);
    const last = nodeAt(match.end - 1);
    return { match, node: run[first]!, start: match.start - offsets[first]!, endNode: run[last]!, end: match.end - offsets[last]! };
  });
}
