import { render, type VNode } from 'preact';

/** Renders a vnode into a fresh, attached container (happy-dom) and returns it. */
export function renderToContainer(vnode: VNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(vnode, container);
  return container;
}
