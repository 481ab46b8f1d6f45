import type { SeedRandom } from './seed-random.ts';

// The red- and black-list categories of sections (七) and (八) of the source document, as data:
// who identifies each one (谁认定、谁负责), on what basis, how its documents are numbered, and how
// its facts read. The generator draws from these.

/** One list category the demo data can hold. */
export interface ListCategory {
  list: 'red' | 'black';
  category: string;
  department: string;
  legalBasis: string;
  /** Document number for `year`, e.g. 汉税稽罚〔2017〕123号. */
  documentNumber(year: number, random: SeedRandom): string;
  facts(random: SeedRandom, year: number): string;
  /** Whether a listed subject may repair its credit and leave early (section (二十六)). */
  repairable: boolean;
  /** Which subject kinds it fits (keys of SUBJECT_KINDS); empty = any. */
  kinds: readonly string[];
}

const n = (random: SeedRandom) => random.int(1, 399);
const wan = (random: SeedRandom, min: number, max: number) => `${random.int(min, max)}万元`;

/** Red-list (守信联合激励) categories, section (七). */
export const RED_CATEGORIES: readonly ListCategory[] = [
  {
    list: 'red',
    category: '纳税信用A级纳税人',
    department: '区税务局',
    legalBasis:
      '《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）；《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》（发改财金〔2016〕1467号）',
    documentNumber: (y, r) => `汉税公告〔${y}〕${n(r)}号`,
    facts: (_r, y) => `${y - 1}年度纳税信用评价结果为A级。`,
    repairable: true,
    kinds: ['enterprise', 'individual'],
  },
  {
    list: 'red',
    category: '重合同守信用企业',
    department: '区市场监管局',
    legalBasis: '《湖北省“守合同重信用”企业公示管理办法》',
    documentNumber: (y, r) => `汉市监〔${y}〕${n(r)}号`,
    facts: (r, y) => `连续${r.int(2, 5)}年（截至${y - 1}年）被公示为“重合同守信用”企业，合同履约率100%。`,
    repairable: true,
    kinds: ['enterprise'],
  },
  {
    list: 'red',
    category: '劳动保障A级诚信单位',
    department: '区人社局',
    legalBasis: '《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）',
    documentNumber: (y, r) => `汉人社发〔${y}〕${n(r)}号`,
    facts: (r, y) => `${y - 1}年度劳动保障守法诚信等级评价为A级，依法足额缴纳社会保险费，职工${r.int(20, 600)}人无欠薪记录。`,
    repairable: true,
    kinds: ['enterprise', 'institution'],
  },
  {
    list: 'red',
    category: '食品安全诚信单位',
    department: '区市场监管局',
    legalBasis: '《关于对食品药品生产经营守信者实施联合激励的合作备忘录》；《武汉市食品安全诚信单位评定办法》',
    documentNumber: (y, r) => `汉食安委〔${y}〕${n(r)}号`,
    facts: (_r, y) => `经评定为${y - 1}年度食品安全诚信单位，近三年无食品安全违法记录。`,
    repairable: true,
    kinds: ['enterprise', 'individual', 'cooperative'],
  },
  {
    list: 'red',
    category: '质量奖获奖企业',
    department: '区人民政府',
    legalBasis: '《汉阳区区长质量奖管理办法》',
    documentNumber: (y, r) => `阳政〔${y}〕${n(r)}号`,
    facts: (_r, y) => `获${y - 1}年度汉阳区区长质量奖。`,
    repairable: true,
    kinds: ['enterprise'],
  },
  {
    list: 'red',
    category: '5A级社会组织',
    department: '区民政局',
    legalBasis: '《社会组织评估管理办法》（民政部令第39号）',
    documentNumber: (y, r) => `汉民发〔${y}〕${n(r)}号`,
    facts: (_r, y) => `${y - 1}年社会组织等级评估为5A级。`,
    repairable: true,
    kinds: ['association'],
  },
  {
    list: 'red',
    category: '环境信用评价绿色企业',
    department: '区生态环境局',
    legalBasis: '《企业环境信用评价办法（试行）》（环发〔2013〕150号）',
    documentNumber: (y, r) => `汉环发〔${y}〕${n(r)}号`,
    facts: (_r, y) => `${y - 1}年度企业环境信用评价为“绿色（环保诚信）企业”。`,
    repairable: true,
    kinds: ['enterprise', 'cooperative'],
  },
];

/** Black-list (严重失信) categories, section (八). */
export const BLACK_CATEGORIES: readonly ListCategory[] = [
  {
    list: 'black',
    category: '失信被执行人',
    department: '区人民法院',
    legalBasis:
      '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）；《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）',
    documentNumber: (y, r) => `（${y}）鄂0105执${r.int(100, 3999)}号`,
    facts: (r) => `有履行能力而拒不履行生效法律文书确定的给付义务，执行标的${wan(r, 5, 900)}。`,
    repairable: true,
    kinds: [],
  },
  {
    list: 'black',
    category: '重大税收违法失信主体',
    department: '区税务局',
    legalBasis:
      '《重大税收违法失信案件信息公布办法》（国家税务总局公告2016年第24号）；《关于对重大税收违法案件当事人实施联合惩戒措施的合作备忘录》（发改财金〔2014〕3062号）',
    documentNumber: (y, r) => `汉税稽罚〔${y}〕${n(r)}号`,
    facts: (r) => `采取虚假申报手段偷税${wan(r, 100, 2000)}，占各税种应纳税总额${r.int(10, 60)}%。`,
    repairable: true,
    kinds: ['enterprise', 'individual'],
  },
  {
    list: 'black',
    category: '政府采购严重违法失信行为记录',
    department: '区财政局',
    legalBasis: '《中华人民共和国政府采购法》第七十七条；《关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）',
    documentNumber: (y, r) => `汉财采罚〔${y}〕${n(r)}号`,
    facts: () => '在政府采购活动中提供虚假材料谋取中标、成交，被处以一至三年内禁止参加政府采购活动。',
    repairable: false,
    kinds: ['enterprise'],
  },
  {
    list: 'black',
    category: '拖欠农民工工资失信联合惩戒对象',
    department: '区人社局',
    legalBasis: '《拖欠农民工工资“黑名单”管理暂行办法》（人社部规〔2017〕16号）',
    documentNumber: (y, r) => `汉人社监〔${y}〕${n(r)}号`,
    facts: (r) => `克扣、无故拖欠${r.int(12, 180)}名农民工工资共计${wan(r, 30, 400)}，经责令限期支付仍不支付。`,
    repairable: true,
    kinds: ['enterprise'],
  },
  {
    list: 'black',
    category: '食品药品安全严重失信',
    department: '区市场监管局',
    legalBasis: '《关于对食品药品生产经营严重失信者开展联合惩戒的合作备忘录》（发改财金〔2016〕1962号）',
    documentNumber: (y, r) => `汉市监罚〔${y}〕${n(r)}号`,
    facts: () => '生产经营添加非食用物质的食品，情节严重，被吊销许可证。',
    repairable: false,
    kinds: ['enterprise', 'individual'],
  },
  {
    list: 'black',
    category: '环境保护严重失信',
    department: '区生态环境局',
    legalBasis: '《关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》（发改财金〔2016〕1580号）',
    documentNumber: (y, r) => `汉环罚〔${y}〕${n(r)}号`,
    facts: (r) => `通过暗管偷排含重金属废水，超标${r.int(3, 40)}倍，被按日连续处罚。`,
    repairable: true,
    kinds: ['enterprise', 'cooperative'],
  },
  {
    list: 'black',
    category: '安全生产严重失信',
    department: '区应急管理局',
    legalBasis: '《关于对安全生产领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》（发改财金〔2016〕1001号）',
    documentNumber: (y, r) => `（汉）安监罚〔${y}〕${n(r)}号`,
    facts: (r) => `发生较大生产安全责任事故，造成${r.int(3, 9)}人死亡，对事故负有责任。`,
    repairable: true,
    kinds: ['enterprise'],
  },
  {
    list: 'black',
    category: '围标串标',
    department: '区住房和城市更新局',
    legalBasis: '《中华人民共和国招标投标法》第五十三条；《中华人民共和国招标投标法实施条例》第六十七条',
    documentNumber: (y, r) => `汉住罚〔${y}〕${n(r)}号`,
    facts: (r) => `在${r.pick(['汉阳大道改造', '四新片区安置房', '墨水湖周边绿化', '区属学校维修'])}项目招标中与其他投标人相互串通投标。`,
    repairable: true,
    kinds: ['enterprise'],
  },
  {
    list: 'black',
    category: '非法集资',
    department: '区金融工作局',
    legalBasis: '《非法金融机构和非法金融业务活动取缔办法》；《处置非法集资条例》',
    documentNumber: (y, r) => `汉金融〔${y}〕${n(r)}号`,
    facts: (r) => `以高额返利为诱饵向社会不特定对象吸收资金${wan(r, 500, 9000)}，经认定为非法集资。`,
    repairable: false,
    kinds: ['enterprise', 'association'],
  },
  {
    list: 'black',
    category: '社会组织严重违法失信',
    department: '区民政局',
    legalBasis: '《社会组织信用信息管理办法》（民政部令第60号）',
    documentNumber: (y, r) => `汉民罚〔${y}〕${n(r)}号`,
    facts: () => '登记时弄虚作假、骗取登记，违规挪用社会组织资产，被依法撤销登记。',
    repairable: false,
    kinds: ['association'],
  },
];
