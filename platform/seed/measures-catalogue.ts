import type { Measure } from '../../core/api/measure-schema.ts';

// The joint reward and punishment measures of sections (十)-(十八) of the 2018 Hanyang plan, as the
// structured catalogue section (十九) asks for: item, target, means, implementing body, basis.
// Ids are `R<section>-<n>` for rewards and `P<section>-<n>` for punishments.

/** Version of the catalogue below; bump when a measure changes. */
export const CATALOGUE_VERSION = '2018-hanyang-1';

const PLAN = '《2018年汉阳区守信联合激励和失信联合惩戒实施方案》';
const GUIDANCE = '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';
const basis = (section: string, ...more: string[]) => [`${PLAN}第（${section}）条`, ...more].join('；');
const RED_TARGET = '列入守信联合激励“红名单”的法人和其他组织';
const BLACK_TARGET = '列入严重失信“黑名单”的法人和其他组织及其法定代表人、主要负责人';

type Draft = Omit<Measure, 'kind' | 'list'>;
const reward = (m: Draft): Measure => ({ ...m, kind: 'reward', list: 'red' });
const punishment = (m: Draft): Measure => ({ ...m, kind: 'punishment', list: 'black' });

/** The published measures catalogue (section (十九)). */
export const MEASURES_CATALOGUE: readonly Measure[] = [
  reward({ id: 'R10-1', item: '选树诚信典型', categories: [], contexts: ['honours'], target: RED_TARGET, means: '将信用状况良好的行政相对人树立为诚信典型，优先推荐参加评先评优。', implementingDepartment: '各有关部门', basis: basis('十', GUIDANCE) }),
  reward({ id: 'R10-2', item: '公开信用承诺', categories: [], contexts: ['general'], target: RED_TARGET, means: '引导企业主动发布综合信用承诺或产品服务质量等专项承诺，接受社会监督。', implementingDepartment: '区发改委（区信用办）', basis: basis('十') }),
  reward({ id: 'R11-1', item: '行政审批“绿色通道”', categories: [], contexts: ['approval', 'licensing'], target: `${RED_TARGET}及连续三年无不良信用记录的行政相对人`, means: '办理行政许可时开辟“绿色通道”，优先受理、优先办理。', implementingDepartment: '区行政审批局及各有关部门', basis: basis('十一', GUIDANCE) }),
  reward({ id: 'R11-2', item: '容缺受理', categories: [], contexts: ['approval', 'licensing'], target: RED_TARGET, means: '申请材料主件齐全、非主要申请材料欠缺的，可先行受理，限期补齐。', implementingDepartment: '区行政审批局及各有关部门', basis: basis('十一', GUIDANCE) }),
  reward({ id: 'R11-3', item: '优化检查频次', categories: [], contexts: ['inspection'], target: RED_TARGET, means: '在日常检查、专项检查中减少检查频次，推行联合检查。', implementingDepartment: '区市场监管局等监管部门', basis: basis('十一') }),
  reward({ id: 'R12-1', item: '财政性资金项目优先支持', categories: [], contexts: ['funding'], target: RED_TARGET, means: '安排财政性资金项目、招商引资配套优惠政策时，同等条件下优先支持。', implementingDepartment: '区财政局、区发改委', basis: basis('十二', GUIDANCE) }),
  reward({ id: 'R12-2', item: '公共资源交易信用加分', categories: [], contexts: ['procurement'], target: RED_TARGET, means: '在公共资源交易中依法依规对信用评级较高的市场主体给予信用加分。', implementingDepartment: '区公共资源交易中心、区财政局', basis: basis('十二') }),
  reward({ id: 'R12-3', item: '公共服务优先便利', categories: [], contexts: ['general'], target: '诚信个人及红名单主体', means: '在教育、就业、创业、社会保障等领域给予重点支持和优先便利。', implementingDepartment: '区人社局、区教育局等', basis: basis('十二') }),
  reward({ id: 'R13-1', item: '“纳税信用贷”等金融便利', categories: ['纳税信用A级纳税人'], contexts: ['funding'], target: '纳税信用级别高的纳税人', means: '联合银行业金融机构提供“纳税信用贷”等便利的多样性金融服务。', implementingDepartment: '区税务局、区金融工作局', basis: basis('十三', '《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》（发改财金〔2016〕1467号）') }),
  reward({ id: 'R13-2', item: '绿色信贷与费率优惠', categories: [], contexts: ['funding'], target: RED_TARGET, means: '引导金融机构给予绿色信贷、降低保险费率、免抵押金等便利。', implementingDepartment: '区金融工作局', basis: basis('十三') }),
  reward({ id: 'R14-1', item: '推介诚信市场主体', categories: [], contexts: ['honours', 'general'], target: RED_TARGET, means: '在“诚信武汉”网站公示优良信用信息，在会展、银企对接等活动中重点推介。', implementingDepartment: '区发改委（区信用办）', basis: basis('十四') }),
  reward({ id: 'R14-2', item: '行业协会表彰诚信会员', categories: ['5A级社会组织'], contexts: ['honours'], target: '诚信会员企业、5A级社会组织', means: '推动行业协会商会推荐和表彰诚信会员。', implementingDepartment: '区民政局、区工商联', basis: basis('十四') }),
  punishment({ id: 'P15-1', item: '列为重点监管对象', categories: [], contexts: ['inspection'], target: BLACK_TARGET, means: '列为重点监管对象，提高抽查比例和检查频次。', implementingDepartment: '各有关监管部门', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-2', item: '限制申请财政性资金项目', categories: [], contexts: ['funding'], target: BLACK_TARGET, means: '严格限制申请财政性资金项目和政策性扶持资金。', implementingDepartment: '区财政局、区发改委及各资金主管部门', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-3', item: '限制参与公共资源交易', categories: [], contexts: ['procurement'], target: BLACK_TARGET, means: '限制参与政府采购、工程招投标、国有产权交易等公共资源交易活动。', implementingDepartment: '区财政局、区公共资源交易中心、区住房和城市更新局', basis: basis('十五', GUIDANCE, '《关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）') }),
  punishment({ id: 'P15-4', item: '限制参与特许经营', categories: [], contexts: ['procurement', 'approval'], target: BLACK_TARGET, means: '限制参与基础设施和公用事业特许经营。', implementingDepartment: '区发改委', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-5', item: '市场和行业禁入', categories: [], contexts: ['licensing', 'approval'], target: `${BLACK_TARGET}及负有直接责任的注册执业人员`, means: '依法实施市场和行业禁入措施。', implementingDepartment: '区市场监管局及各行业主管部门', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-6', item: '从严审核行政许可', categories: [], contexts: ['approval', 'licensing'], target: BLACK_TARGET, means: '从严审核行政许可审批项目，从严控制生产许可证发放。', implementingDepartment: '区行政审批局及各许可部门', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-7', item: '限制新增项目审批、核准', categories: [], contexts: ['approval'], target: BLACK_TARGET, means: '限制新增项目审批、核准。', implementingDepartment: '区发改委、区行政审批局', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-8', item: '从严审核融资', categories: [], contexts: ['funding'], target: BLACK_TARGET, means: '从严审核企业上市融资、再融资或发行债券；限制发起设立或参股金融机构、小额贷款公司、融资担保公司等。', implementingDepartment: '区金融工作局', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-9', item: '撤销荣誉称号、取消评优资格', categories: [], contexts: ['honours'], target: `${BLACK_TARGET}、高级管理人员及负有直接责任的董事、股东`, means: '及时撤销荣誉称号，取消参加评先评优资格。', implementingDepartment: '各评选表彰主办部门', basis: basis('十五', GUIDANCE) }),
  punishment({ id: 'P15-10', item: '限制从事互联网信息服务', categories: [], contexts: ['licensing'], target: BLACK_TARGET, means: '限制从事互联网信息服务。', implementingDepartment: '区委网信办', basis: basis('十五') }),
  punishment({ id: 'P16-1', item: '失信被执行人跨部门联合惩戒', categories: ['失信被执行人'], contexts: ['general'], target: '法院公布的失信被执行人', means: '将失信被执行人名单纳入跨领域跨部门联合惩戒范围，信息共享、结果互认。', implementingDepartment: '区人民法院及各联合惩戒部门', basis: basis('十六', '《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）', '《湖北省企业失信行为联合惩戒办法（试行）》') }),
  punishment({ id: 'P16-2', item: '限制担任法定代表人及高管', categories: ['失信被执行人'], contexts: ['licensing', 'approval'], target: '失信被执行人及其法定代表人、主要负责人', means: '办理登记时限制其担任企业法定代表人、董事、监事、高级管理人员。', implementingDepartment: '区市场监管局', basis: basis('十六', '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）') }),
  punishment({ id: 'P17-1', item: '以统一社会信用代码公开披露', categories: [], contexts: ['general'], target: BLACK_TARGET, means: '以统一社会信用代码为索引，在“诚信武汉”网站公开披露失信信息。', implementingDepartment: '区发改委（区信用办）及认定部门', basis: basis('十七') }),
  punishment({ id: 'P17-2', item: '限制出境和高消费', categories: ['失信被执行人'], contexts: ['general'], target: '有履行能力但拒不履行的严重失信主体及其法定代表人', means: '限制出境，限制购买不动产、乘坐飞机、乘坐高等级列车和席次、旅游度假、入住星级以上宾馆及其他高消费行为。', implementingDepartment: '区人民法院、公安分局等', basis: basis('十七', '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》') }),
  punishment({ id: 'P17-3', item: '提高贷款利率和保险费率', categories: [], contexts: ['funding'], target: BLACK_TARGET, means: '引导金融机构按风险定价原则提高贷款利率和财产保险费率，或限制提供贷款、保荐、承销、保险等服务。', implementingDepartment: '区金融工作局', basis: basis('十七') }),
  punishment({ id: 'P17-4', item: '拖欠工资企业限制', categories: ['拖欠农民工工资失信联合惩戒对象'], contexts: ['procurement', 'funding', 'honours'], target: '拖欠农民工工资“黑名单”主体', means: '在政府资金支持、政府采购、招投标、评优评先等方面依法依规予以限制。', implementingDepartment: '区人社局及各联合惩戒部门', basis: basis('十七', '《拖欠农民工工资“黑名单”管理暂行办法》（人社部规〔2017〕16号）') }),
  punishment({ id: 'P18-1', item: '行业惩戒', categories: [], contexts: ['honours', 'general'], target: '严重失信的行业协会商会会员', means: '行业协会商会视情节对失信会员实行警告、行业内通报批评、公开谴责、不予接纳、劝退等惩戒。', implementingDepartment: '各行业协会商会（区民政局、区工商联指导）', basis: basis('十八') }),
  punishment({ id: 'P18-2', item: '媒体曝光', categories: [], contexts: ['general'], target: BLACK_TARGET, means: '推动各类媒体重点曝光社会影响恶劣、情节严重的失信案件。', implementingDepartment: '区委宣传部', basis: basis('十八') }),
];
