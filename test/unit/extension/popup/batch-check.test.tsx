/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { BatchCheck } from '../../../../extension/entrypoints/popup/batch-check.tsx';
import type { sendChecked } from '../../../../extension/messaging/send-checked.ts';
import { withUsccCheck } from '../../core/uscc/reference-uscc.ts';
import { batch, codeView } from './fixtures.ts';
import { useRenderRoot } from './use-render-root.ts';

const A = withUsccCheck('91420105MA4KMF000');
const B = withUsccCheck('91420105MA4KMF001');

let root: HTMLElement;

describe('BatchCheck', () => {
  useRenderRoot((el) => (root = el));

  it('lists every row of the sheet in order with its name, marks the repeat and the wrong name, and hands the list to the record', async () => {
    const send = vi.fn(async (type: string, data: { text: string }) => {
      expect(type).toBe('checkCodes');
      // Each code is asked for once; the rows are the popup's.
      expect(data.text).toBe(`${A}\n${B}`);
      return { ok: true, value: batch('b1', [codeView(A, 'black', '甲建设有限公司'), codeView(B, 'clear', '乙建设有限公司')], 2) };
    }) as unknown as typeof sendChecked;
    const onChecked = vi.fn();
    await act(async () => render(<BatchCheck send={send} locale="zh-CN" defaultContext="procurement" onChecked={onChecked} />, root));
    const text = root.querySelector<HTMLTextAreaElement>('#batch-text')!;
    await act(async () => {
      text.value = `投标人名称\t统一社会信用代码\n甲建设有限公司\t${A}\n丙公司\t${B}\n甲建设有限公司\t${A}\n（空）\t无`;
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => void root.querySelector('form.batch-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    const rows = [...root.querySelectorAll('[data-testid=batch-results] tbody tr')].map((tr) => [
      tr.getAttribute('data-line'),
      tr.getAttribute('data-code'),
      tr.getAttribute('data-duplicate-of'),
      tr.getAttribute('data-name-agrees'),
    ]);
    expect(rows).toEqual([
      ['2', A, null, 'true'],
      ['3', B, null, 'false'],
      ['4', A, '2', 'true'],
    ]);
    expect(root.querySelector('[data-testid=batch-rows-summary]')!.textContent).toBe('共 3 行含代码，其中 1 行为重复。 未找到代码的行：第 5 行。');
    expect(root.textContent).toContain('重复（同第 2 行）');
    expect(onChecked).toHaveBeenLastCalledWith({ codes: [A, B], names: { [A]: '甲建设有限公司', [B]: '丙公司' } });
  });
});
