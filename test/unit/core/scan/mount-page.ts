/** A piece of page under `document.body` (happy-dom), for the scanning tests; empty the body after each test. */
export function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}
