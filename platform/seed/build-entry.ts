import type { StoredEntry, StoredEvent, StoredObjection, StoredPerson } from '../db/stored-records.ts';
import { daysFrom, officeHoursInstant } from '../time/days-from.ts';
import type { ListCategory } from './list-categories.ts';
import type { SeedRandom } from './seed-random.ts';

/**
 * The life stories an entry can have in the demo data. Every date is relative to the day of
 * seeding, far enough from it that the verdict stays the same for months.
 */
export type EntryShape =
  | 'active'
  | 'disputed'
  | 'monitoring'
  | 'past-monitoring'
  | 'expired'
  | 'expired-stale'
  | 'revoked';

/** One built entry with the objection and history events that go with it. */
export interface BuiltEntry {
  entry: StoredEntry;
  objection: StoredObjection | null;
  events: StoredEvent[];
}

/** What an entry needs besides its category and shape. */
export interface EntryContext {
  random: SeedRandom;
  today: string;
  code: string;
  id: string;
  persons: StoredPerson[];
  visibility: 'public' | 'internal';
}

const EXIT_REASONS = [
  '已履行生效法律文书确定的义务，经申请信用修复退出。',
  '已补缴税款、滞纳金和罚款，经申请信用修复退出。',
  '已足额支付拖欠工资并作出信用承诺，经申请信用修复退出。',
  '整改完成并通过复查，经申请信用修复退出。',
];

/** Builds one entry of `category` with the given life story. */
export function buildEntry(ctx: EntryContext, category: ListCategory, shape: EntryShape): BuiltEntry {
  const { random, today, code, id } = ctx;
  const d = (min: number, max: number) => daysFrom(today, random.int(min, max));
  const old = shape === 'past-monitoring' || shape === 'expired' || shape === 'expired-stale' || shape === 'monitoring';
  const listedOn = category.list === 'red' ? d(old ? -1100 : -330, old ? -800 : -30) : d(old ? -1800 : -700, old ? -900 : -30);
  const year = Number(listedOn.slice(0, 4));
  const openEnded = category.category === '失信被执行人' && random.chance(0.3);
  let validUntil: string | null = openEnded ? null : d(300, category.list === 'red' ? 730 : 1100);
  let state: StoredEntry['state'] = 'active';
  let exitDate: string | null = null;
  let monitoringUntil: string | null = null;
  const events: StoredEvent[] = [
    { code, entryId: id, at: officeHoursInstant(listedOn), kind: 'listed', note: `${category.department}认定列入${category.list === 'red' ? '红' : '黑'}名单：${category.category}` },
  ];
  let objection: StoredObjection | null = null;

  if (shape === 'expired' || shape === 'expired-stale') {
    validUntil = d(-300, -10);
    if (shape === 'expired') {
      state = 'expired';
      events.push({ code, entryId: id, at: officeHoursInstant(daysFrom(validUntil, 1)), kind: 'expired', note: '有效期届满，自动移出名单' });
    }
  } else if (shape === 'monitoring' || shape === 'past-monitoring') {
    state = 'exited';
    exitDate = shape === 'monitoring' ? d(-150, -10) : d(-1000, -700);
    monitoringUntil = shape === 'monitoring' ? d(300, 600) : d(-300, -60);
    events.push({ code, entryId: id, at: officeHoursInstant(exitDate), kind: 'exited', note: `退出黑名单，重点监测至${monitoringUntil}` });
  } else if (shape === 'disputed' || shape === 'revoked') {
    state = shape;
    const filedOn = shape === 'disputed' ? d(-20, -1) : d(-200, -60);
    const resolvedAt = shape === 'revoked' ? officeHoursInstant(daysFrom(filedOn, 20)) : null;
    objection = {
      id: `obj-${id}`, code, entryId: id, status: shape === 'revoked' ? 'upheld' : 'pending',
      reason: shape === 'revoked' ? '列入依据的判决已被再审撤销。' : '相关款项已于列入前结清，列入信息有误。',
      contact: '企业法务部 027-8484xxxx', filedAt: officeHoursInstant(filedOn), resolvedAt,
      resolutionNote: shape === 'revoked' ? '经核实信息有误，予以撤销。' : null,
      department: '区信用办', previousState: 'active', documentNumber: null, reference: '（2017）鄂01民再12号',
    };
    events.push({ code, entryId: id, at: objection.filedAt, kind: 'disputed', note: '主体提出异议，核实期间暂停惩戒措施' });
    if (resolvedAt) {
      events.push({ code, entryId: id, at: resolvedAt, kind: 'objection-upheld', note: '异议成立' });
      events.push({ code, entryId: id, at: resolvedAt, kind: 'revoked', note: '经核实信息有误，撤销该条名单信息并恢复信誉' });
    }
  }

  const entry: StoredEntry = {
    id, code, list: category.list, category: category.category,
    facts: category.facts(random, year), legalBasis: category.legalBasis,
    documentNumber: category.documentNumber(year, random), department: category.department,
    listedOn, validUntil, state,
    exitDate, exitReason: exitDate ? random.pick(EXIT_REASONS) : null, exitDepartment: exitDate ? category.department : null,
    repairable: category.repairable, monitoringUntil, visibility: ctx.visibility,
    persons: category.list === 'black' ? ctx.persons : [],
  };
  return { entry, objection, events };
}
