import { useState } from 'preact/hooks';
import { formatAge, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import { snapshotInfoItem, type SnapshotInfo } from '../../snapshot/snapshot-items.ts';
import { usePolling } from './use-polling.ts';

export interface SnapshotStatusProps {
  locale: VerdictLocale;
  pollMs: number;
  /** Reads what the background published (snapshot-items.ts); replaced in tests. */
  load?: () => Promise<SnapshotInfo | null>;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The list snapshot in one line (issue 15): how many listed codes, its size, its data version and
 * how long ago the changes feed last confirmed it — or, when a download did not verify, why it was
 * refused. Chinese first, then English.
 */
export function SnapshotStatus({ locale, pollMs, load = () => snapshotInfoItem.getValue() }: SnapshotStatusProps) {
  const [info, setInfo] = useState<SnapshotInfo | null>(null);
  usePolling(
    async (isLive) => {
      const next = await load().catch(() => null);
      if (isLive()) setInfo(next);
    },
    pollMs,
    [],
  );
  if (!info || info.state === 'none') return null;
  const zh = locale === 'zh-CN';
  const age = info.feedReadAt === null ? null : formatAge(Date.now() - info.feedReadAt, locale);
  return (
    <section class="snapshot" data-testid="snapshot-status" data-state={info.state} data-current={String(info.current)}>
      {info.count > 0 || info.state === 'ok' ? (
        <p class="muted">
          {zh ? '名单快照' : 'List snapshot'}: {info.count.toLocaleString(locale)} {zh ? '个代码' : 'codes'} · {size(info.bytes)} ·{' '}
          {zh ? '数据版本' : 'data version'} {info.dataVersion ?? '—'} · {age === null ? '' : zh ? `${age}确认` : `confirmed ${age}`}
          {!info.current && (zh ? '（已过期，不作为当前结果）' : ' (out of date: not used as a current answer)')}
        </p>
      ) : null}
      {info.state !== 'ok' && info.message && (
        <p class="notice" role="alert" data-testid="snapshot-problem">
          {info.state === 'refused'
            ? zh
              ? '名单快照未通过验证，已拒绝：'
              : 'List snapshot refused: '
            : zh
              ? '名单快照不可用：'
              : 'List snapshot unavailable: '}
          {info.message}
        </p>
      )}
    </section>
  );
}
