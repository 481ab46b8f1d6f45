import { useState } from 'preact/hooks';
import { formatAge, type VerdictLocale } from '../../../core/verdict/verdict-labels.ts';
import { platformSnapshotItems, snapshotInfoItem, type SnapshotInfo } from '../../snapshot/snapshot-items.ts';
import { usePolling } from './use-polling.ts';

export interface SnapshotStatusProps {
  locale: VerdictLocale;
  pollMs: number;
  /** Several platforms (issue 17): a line for each one's snapshot, under its name. */
  platforms?: ReadonlyArray<{ id: string; name: string }> | undefined;
  /** Reads what the background published for a platform (snapshot-items.ts; `null`: the single one); replaced in tests. */
  load?: (platformId: string | null) => Promise<SnapshotInfo | null>;
}

const published = (platformId: string | null): Promise<SnapshotInfo | null> =>
  (platformId ? platformSnapshotItems(platformId).info : snapshotInfoItem).getValue();

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The list snapshot in one line (issue 15): how many listed codes, its size, its data version and
 * how long ago the changes feed last confirmed it — or, when a download did not verify, why it was
 * refused. With several platforms, a line for each, under its name. Chinese first, then English.
 */
export function SnapshotStatus({ locale, pollMs, platforms, load = published }: SnapshotStatusProps) {
  const [infos, setInfos] = useState<Array<{ id: string | null; name: string | null; info: SnapshotInfo | null }>>([]);
  const ids = platforms?.length ? platforms.map((p) => p.id) : [null];
  usePolling(
    async (isLive) => {
      const next = await Promise.all(
        ids.map(async (id) => ({ id, name: platforms?.find((p) => p.id === id)?.name ?? null, info: await load(id).catch(() => null) })),
      );
      if (isLive()) setInfos(next);
    },
    pollMs,
    [ids.join(' ')],
  );
  return <>{infos.map(({ id, name, info }) => info && info.state !== 'none' && <SnapshotLine key={id ?? ''} name={name} info={info} locale={locale} />)}</>;
}

function SnapshotLine({ name, info, locale }: { name: string | null; info: SnapshotInfo; locale: VerdictLocale }) {
  const zh = locale === 'zh-CN';
  const age = info.feedReadAt === null ? null : formatAge(Date.now() - info.feedReadAt, locale);
  return (
    <section
      class="snapshot"
      data-testid="snapshot-status"
      data-state={info.state}
      data-current={String(info.current)}
      {...(name && { 'data-platform': name })}
    >
      {info.count > 0 || info.state === 'ok' ? (
        <p class="muted">
          {name && `${name} · `}
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
          {name && `${name}：`}
          {info.message}
        </p>
      )}
    </section>
  );
}
