import type { StoredEntry, StoredEvent, StoredObjection, StoredPerson, StoredRepair } from '../db/stored-records.ts';
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
  | 'revoked'
  /** Active, with a credit-repair application waiting for a decision (信用修复申请审核中). */
  | 'repair-pending'
  /** Active; a repair application was refused. */
  | 'repair-refused'
  /** Listed on a day after today: not in force yet. */
  | 'future'
  /** Exited into monitoring, with an objection filed afterwards still being verified. */
  | 'exited-disputed';

/** One built entry with the objection and history events that go with it. */
export interface BuiltEntry {
  entry: StoredEntry;
  objection: StoredObjection | null;
  repair: StoredRepair | null;
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
  const old = shape === 'past-monitoring' || shape === 'expired' || shape === 'expired-stale' || shape === 'monitoring' || shape === 'exited-disputed';
  const listedOn = category.list === 'red' ? d(old ? -1100 : -330, old ? -800 : -30) : d(old ? -1800 : -700, old ? -900 : -30);
  const year = Number(listedOn.slice(0, 4));
  const openEnded = category.category === '失信被执行人' && random.chance(0.3);
  let validUntil: string | null = openEnded ? null : d(300, category.list === 'red' ? 730 : 1100);
  let state: StoredEntry['state'] = 'active';
  let exitDate: string | null = null;
  let monitoringUntil: string | null = null;
  const events: StoredEvent[] = [
    {
      code,
      entryId: id,
      at: officeHoursInstant(listedOn),
      kind: 'listed',
      note: `${category.department}认定列入${category.list === 'red' ? '红' : '黑'}名单：${category.category}`,
    },
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
      id: `obj-${id}`,
      code,
      entryId: id,
      status: shape === 'revoked' ? 'upheld' : 'pending',
      reason: shape === 'revoked' ? '列入依据的判决已被再审撤销。' : '相关款项已于列入前结清，列入信息有误。',
      contact: '企业法务部 027-8484xxxx',
      filedAt: officeHoursInstant(filedOn),
      resolvedAt,
      resolutionNote: shape === 'revoked' ? '经核实信息有误，予以撤销。' : null,
      department: '区信用办',
      previousState: 'active',
      documentNumber: null,
      reference: '（2017）鄂01民再12号',
    };
    events.push({ code, entryId: id, at: objection.filedAt, kind: 'disputed', note: '主体提出异议，核实期间暂停惩戒措施' });
    if (resolvedAt) {
      events.push({ code, entryId: id, at: resolvedAt, kind: 'objection-upheld', note: '异议成立' });
      events.push({ code, entryId: id, at: resolvedAt, kind: 'revoked', note: '经核实信息有误，撤销该条名单信息并恢复信誉' });
    }
  }

  let repair: StoredRepair | null = null;
  let listedOnShown = listedOn;
  if (shape === 'repair-pending' || shape === 'repair-refused') {
    const filedOn = d(-25, -5);
    const refused = shape === 'repair-refused';
    repair = {
      id: `rep-${id}`,
      code,
      entryId: id,
      status: refused ? 'refused' : 'pending',
      materials: '已履行相关义务并作出信用承诺，整改报告及缴款凭证见附件。',
      reference: `修复申请〔${filedOn.slice(0, 4)}〕${random.int(1, 99)}号`,
      department: category.department,
      filedAt: officeHoursInstant(filedOn),
      decidedAt: refused ? officeHoursInstant(daysFrom(filedOn, 3)) : null,
      decisionNote: refused ? '整改尚未完成，不予修复。' : null,
      decidedBy: refused ? category.department : null,
    };
    events.push({ code, entryId: id, at: repair.filedAt, kind: 'repair-filed', note: `${category.department}受理信用修复申请，审核中` });
    if (refused) events.push({ code, entryId: id, at: repair.decidedAt!, kind: 'repair-refused', note: '信用修复申请未通过：整改尚未完成' });
  } else if (shape === 'future') {
    listedOnShown = d(20, 60);
    validUntil = d(400, 800);
    events[0] = { ...events[0]!, at: officeHoursInstant(daysFrom(today, -1)), note: `${events[0]!.note}（${listedOnShown}起生效）` };
  } else if (shape === 'exited-disputed') {
    state = 'exited';
    exitDate = d(-120, -30);
    monitoringUntil = d(200, 500);
    events.push({ code, entryId: id, at: officeHoursInstant(exitDate), kind: 'exited', note: `退出黑名单，重点监测至${monitoringUntil}` });
    const filedOn = d(-15, -1);
    objection = {
      id: `obj-${id}`,
      code,
      entryId: id,
      status: 'pending',
      reason: '列入所依据的处罚决定已被行政复议撤销，请求撤销该条记录。',
      contact: '企业法务部 027-84841234',
      filedAt: officeHoursInstant(filedOn),
      resolvedAt: null,
      resolutionNote: null,
      department: '区信用办',
      previousState: 'exited',
      documentNumber: null,
      reference: `复议决定〔${filedOn.slice(0, 4)}〕${random.int(1, 99)}号`,
    };
    events.push({ code, entryId: id, at: objection.filedAt, kind: 'disputed', note: '主体提出异议，核实中' });
  }

  const entry: StoredEntry = {
    id,
    code,
    list: category.list,
    category: category.category,
    facts: category.facts(random, year),
    legalBasis: category.legalBasis,
    documentNumber: category.documentNumber(year, random),
    department: category.department,
    listedOn: listedOnShown,
    validUntil,
    state,
    exitDate,
    exitReason: exitDate ? random.pick(EXIT_REASONS) : null,
    exitDepartment: exitDate ? category.department : null,
    repairable: category.repairable,
    monitoringUntil,
    visibility: ctx.visibility,
    persons: category.list === 'black' ? ctx.persons : [],
  };
  return { entry, objection, repair, events };
}
