/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { publicOnlyNote } from '../../../../core/present/public-only-note.ts';
import { VerdictLegend } from '../../../../core/present/verdict-legend.tsx';
import { VERDICT_PALETTE } from '../../../../core/verdict/verdict-palette.ts';
import { renderToContainer } from './render-to-container.ts';

describe('VerdictLegend', () => {
  it('lists every look once, each with its own symbol and words, folded, with the keyboard path', () => {
    const c = renderToContainer(<VerdictLegend locale="zh-CN" sampleClass={(look) => `chip chip-${look}`} />);
    const items = [...c.querySelectorAll('.cl-legend-item')];
    expect(items.map((i) => i.getAttribute('data-look'))).toEqual(Object.keys(VERDICT_PALETTE));
    expect(items).toHaveLength(9);
    const symbols = items.map((i) => i.querySelector('[aria-hidden=true]')!.textContent);
    expect(new Set(symbols).size).toBe(items.length);
    expect(c.querySelector('[data-look=public]')!.textContent).toContain('未列入·仅公开信息');
    expect(c.querySelector('[data-look=public] .chip-public')).not.toBeNull();
    expect(c.querySelector('details')!.hasAttribute('open')).toBe(false);
    expect(c.querySelector('.cl-legend-keys')!.textContent).toContain('Alt+Shift+K');
  });

  it('says without a token that only public lists are checked and how to sign in', () => {
    expect(publicOnlyNote('zh-CN')).toMatch(/仅核查公开名单.*粘贴到“设置”页面/);
    expect(publicOnlyNote('en')).toMatch(/Only the public lists.*paste the token/);
  });
});
