/**
 * A change to the page can join or part runs of text at its edges (`find-text-runs.ts`): an
 * inserted `<em>`, a removed `<br>`, text typed at the end of a node. These find the text nodes
 * right at those edges, whose runs the scanner reads again. Text nodes only; within `within`.
 */

function walkerAt(within: Node, node: Node): TreeWalker {
  const walker = (within.ownerDocument ?? (within as Document)).createTreeWalker(within, 0x4 /* SHOW_TEXT */);
  walker.currentNode = node;
  return walker;
}

function lastDescendant(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** The text on either side of a change; null where there is none. */
export interface TextBeside {
  before: Text | null;
  after: Text | null;
}

/** The text nodes just before and just after `node` (outside it): it was added or its text changed. */
export function findTextBesideNode(within: Node, node: Node): TextBeside {
  return {
    before: walkerAt(within, node).previousNode() as Text | null,
    after: walkerAt(within, lastDescendant(node)).nextNode() as Text | null,
  };
}

/**
 * The text nodes on both sides of the place where nodes were removed from `parent`, between
 * `previous` and `next` (its children beside the removed ones, null at either end).
 */
export function findTextBesideGap(within: Node, parent: Node, previous: Node | null, next: Node | null): TextBeside {
  const prev = previous?.parentNode === parent ? previous : null;
  const nxt = next?.parentNode === parent ? next : null;
  let before: Text | null;
  if (prev) {
    const last = lastDescendant(prev);
    before = last.nodeType === 3 ? (last as Text) : (walkerAt(within, last).previousNode() as Text | null);
  } else if (nxt) before = walkerAt(within, nxt).previousNode() as Text | null;
  else {
    const last = lastDescendant(parent);
    before = last.nodeType === 3 ? (last as Text) : (walkerAt(within, last).previousNode() as Text | null);
  }
  let after: Text | null;
  if (nxt) after = nxt.nodeType === 3 ? (nxt as Text) : (walkerAt(within, nxt).nextNode() as Text | null);
  else after = walkerAt(within, lastDescendant(prev ?? parent)).nextNode() as Text | null;
  return { before, after };
}
