import type { ScenarioPart } from './demo-scenarios.ts';
import type { ListCategory } from './list-categories.ts';

/** A short Chinese description of one entry of a demo subject, for the `note` of demo-subjects.json (never a date: notes must not depend on the day of seeding). */
export function describePart(part: ScenarioPart, category: ListCategory): string {
  const list = part.list === 'red' ? '红名单' : '黑名单';
  const name = `${list}：${category.category}`;
  switch (part.shape) {
    case 'active':
      if (part.visibility === 'internal') return `${name}（有效，仅政府内部共享，匿名查询不可见）`;
      return `${name}（有效${part.list === 'black' && !category.repairable ? '，不可信用修复' : ''}）`;
    case 'disputed':
      return `${name}（异议核实中，${part.list === 'red' ? '暂停激励' : '暂停惩戒'}）`;
    case 'monitoring':
      return `${name}（已信用修复退出，重点监测期内）`;
    case 'past-monitoring':
      return `${name}（已退出，重点监测期已满）`;
    case 'expired':
      return `${name}（有效期已过）`;
    case 'expired-stale':
      return `${name}（有效期已过；存储状态仍为 active，须按日期判定为过期）`;
    case 'revoked':
      return `${name}（异议成立，已撤销）`;
    case 'repair-pending':
      return `${name}（有效，信用修复申请审核中）`;
    case 'repair-refused':
      return `${name}（有效，信用修复申请未通过）`;
    case 'future':
      return `${name}（列入日期在今后，尚未生效）`;
    case 'exited-disputed':
      return `${name}（已退出，重点监测期内；退出后提出的异议核实中）`;
  }
}
