/** @vitest-environment happy-dom */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotStatus } from '../../../../extension/entrypoints/popup/snapshot-status.tsx';
import type { SnapshotInfo } from '../../../../extension/snapshot/snapshot-items.ts';

const base: SnapshotInfo = {
  state: 'ok',
  message: null,
  count: 12_345,
  bytes: 98_765,
  dataVersion: 42,
  asOf: '2026-12-02T06:00:00.000Z',
  scope: 'full',
  feedReadAt: Date.now() - 3 * 60_000,
  current: true,
};

async function shown(info: SnapshotInfo | null): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  render(<SnapshotStatus locale="zh-CN" pollMs={60_000} load={async () => info} />, root);
  await expect.poll(() => root.textContent !== '' || info === null).toBe(true);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SnapshotStatus', () => {
  it('shows the snapshot’s size, data version and age', async () => {
    const root = await shown(base);
    await expect.poll(() => root.textContent).toContain('12,345 个代码');
    expect(root.textContent).toContain('96.5 KB');
    expect(root.textContent).toContain('数据版本 42');
    expect(root.textContent).toContain('3 分钟前确认');
  });

  it('shows why a snapshot was refused', async () => {
    const root = await shown({ ...base, state: 'refused', count: 0, message: '名单快照签名验证失败：内容已被修改 / Snapshot signature check failed' });
    await expect.poll(() => root.querySelector('[data-testid="snapshot-problem"]')?.textContent).toContain('名单快照未通过验证，已拒绝：名单快照签名验证失败');
  });

  it('says when the snapshot is out of date', async () => {
    const root = await shown({ ...base, current: false });
    await expect.poll(() => root.textContent).toContain('已过期');
  });

  it('shows nothing before there is a snapshot', async () => {
    const root = await shown(null);
    expect(root.textContent).toBe('');
  });

  it('shows each platform’s snapshot under its name when several are configured', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const infos: Record<string, SnapshotInfo> = {
      city: { ...base, count: 120, dataVersion: 4 },
      province: { ...base, state: 'failed', count: 0, message: '名单快照下载失败（HTTP 503）' },
    };
    const platforms = [
      { id: 'city', name: '武汉市公共信用信息平台' },
      { id: 'province', name: '湖北省公共信用信息平台' },
    ];
    render(<SnapshotStatus locale="zh-CN" pollMs={60_000} platforms={platforms} load={async (id) => (id ? (infos[id] ?? null) : base)} />, root);
    await expect.poll(() => root.querySelectorAll('[data-testid="snapshot-status"]').length).toBe(2);
    const [city, province] = [...root.querySelectorAll('[data-testid="snapshot-status"]')];
    expect(city?.textContent).toContain('武汉市公共信用信息平台 · 名单快照: 120 个代码');
    expect(city?.textContent).toContain('数据版本 4');
    expect(province?.textContent).toContain('名单快照不可用：湖北省公共信用信息平台：名单快照下载失败（HTTP 503）');
  });
});
