/**
 * Step 2 in the DOM: runs the pure matcher over one text node. A code split across elements
 * (`<b>9142</b>0105…`) is not found; pages we have seen print codes in one text node.
 */
import { matchCodes, type CodeMatch } from './match-codes.ts';

/** A code inside a text node, `start`/`end` in the node's data. */
export interface TextOccurrence {
  node: Text;
  match: CodeMatch;
}

/** The codes in `node`'s current data. */
export function matchTextNode(node: Text): TextOccurrence[] {
  const data = node.data;
  if (data.length < 18) return [];
  return matchCodes(data).map((match) => ({ node, match }));
}
