import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installFakeI18n } from './fake-i18n.ts';

/**
 * For extension-page component tests: before each test a fresh fake browser with the zh_CN
 * messages and an empty element in the document (handed to `use`); after it, unmounted and removed.
 */
export function useRenderRoot(use: (root: HTMLElement) => void): void {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    fakeBrowser.reset();
    installFakeI18n();
    root = document.createElement('div');
    document.body.append(root);
    use(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = null;
  });
}
