// What the plan and each category's own rules say about leaving a list, as data with its source,
// so the state machine reads rules instead of scattering them through code (STYLE: rules as data).

/** How entries of one list category may leave it. */
export interface CategoryRule {
  list: 'red' | 'black';
  category: string;
  /** Leaving the black list starts a key-monitoring period (重点监测): an exit must give its end date. */
  monitoringOnExit: boolean;
  /** Whether the subject may repair its credit and leave early (信用修复). */
  repairable: boolean;
  /** Where the rule comes from. */
  basis: string;
}

const MONITORING = '《汉阳区守信联合激励和失信联合惩戒实施方案》（二十）：移出黑名单的，应立即作为信用重点监测对象';
const REPAIR = '实施方案（二十六）：除法律法规规定不可修复的外，失信主体可按规定申请信用修复';

/** Rules of the black-list categories of section (八) that differ from the plan's defaults, or that name their own basis. */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    list: 'black',
    category: '失信被执行人',
    monitoringOnExit: false,
    repairable: true,
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）第十条：履行义务等情形下由人民法院删除失信信息，不另设监测期',
  },
  {
    list: 'black',
    category: '政府采购严重违法失信行为记录',
    monitoringOnExit: true,
    repairable: false,
    basis: `${MONITORING}；《政府采购法》第七十七条：禁止期限届满前不得修复`,
  },
  {
    list: 'black',
    category: '食品药品安全严重失信',
    monitoringOnExit: true,
    repairable: false,
    basis: `${MONITORING}；发改财金〔2016〕1962号：吊销许可证的严重失信不予修复`,
  },
  {
    list: 'black',
    category: '非法集资',
    monitoringOnExit: true,
    repairable: false,
    basis: `${MONITORING}；《处置非法集资条例》：涉嫌犯罪的非法集资不予信用修复`,
  },
  { list: 'black', category: '社会组织严重违法失信', monitoringOnExit: true, repairable: false, basis: `${MONITORING}；民政部令第60号：被撤销登记的不予修复` },
];

/** The plan's defaults: a black entry's exit starts monitoring and it may be repaired; a red entry is never monitored or repaired. */
const DEFAULTS: Readonly<Record<'red' | 'black', Omit<CategoryRule, 'list' | 'category'>>> = {
  black: { monitoringOnExit: true, repairable: true, basis: `${MONITORING}；${REPAIR}` },
  red: { monitoringOnExit: false, repairable: false, basis: '实施方案（二十）：红名单主体有失信行为的取消激励，退出红名单不设监测期，亦无修复之说' },
};

/** The rule for entries of a list category (the plan's default when the category has none of its own). */
export function categoryRule(list: 'red' | 'black', category: string): CategoryRule {
  return CATEGORY_RULES.find((r) => r.list === list && r.category === category) ?? { list, category, ...DEFAULTS[list] };
}
