// The registration authorities (position 1) and institution categories (position 2) of
// GB 32100-2015, as data. Authority Y ("other") places no constraint on the category.

/** A named code in the GB 32100-2015 tables. */
export interface UsccNamed {
  code: string;
  zh: string;
  en: string;
}

/** One registration authority and the institution categories it may issue. */
export interface UsccAuthority extends UsccNamed {
  categories: UsccNamed[];
  /** True for authority Y: any charset character is accepted as category. */
  anyCategory: boolean;
}

const named = (code: string, zh: string, en: string): UsccNamed => ({ code, zh, en });
const other = named('9', '其他', 'Other');

/** The GB 32100-2015 registration authorities, keyed by their position-1 character. */
export const USCC_AUTHORITIES: ReadonlyMap<string, UsccAuthority> = new Map(
  [
    {
      ...named('1', '机构编制', 'Institutional establishment (bianzhi) authority'),
      categories: [
        named('1', '机关', 'Government organ'),
        named('2', '事业单位', 'Public institution'),
        named('3', '中央编办直接管理机构编制的群众团体', 'Mass organization under the central bianzhi office'),
        other,
      ],
    },
    {
      ...named('2', '外交', 'Foreign affairs'),
      categories: [named('1', '外国常驻新闻机构', 'Resident foreign news agency'), other],
    },
    {
      ...named('3', '司法行政', 'Judicial administration'),
      categories: [
        named('1', '律师执业机构', 'Law firm'),
        named('2', '公证处', 'Notary office'),
        named('3', '基层法律服务所', 'Grassroots legal service office'),
        named('4', '司法鉴定机构', 'Forensic appraisal institution'),
        named('5', '仲裁委员会', 'Arbitration commission'),
        other,
      ],
    },
    {
      ...named('4', '文化', 'Culture'),
      categories: [named('1', '外国在华文化中心', 'Foreign cultural centre in China'), other],
    },
    {
      ...named('5', '民政', 'Civil affairs'),
      categories: [
        named('1', '社会团体', 'Social organization'),
        named('2', '民办非企业单位', 'Private non-enterprise unit'),
        named('3', '基金会', 'Foundation'),
        other,
      ],
    },
    {
      ...named('6', '旅游', 'Tourism'),
      categories: [
        named('1', '外国旅游部门常驻代表机构', 'Representative office of a foreign tourism authority'),
        named('2', '港澳台地区旅游部门常驻内地（大陆）代表机构', 'Representative office of a Hong Kong, Macao or Taiwan tourism authority'),
        other,
      ],
    },
    {
      ...named('7', '宗教', 'Religious affairs'),
      categories: [named('1', '宗教活动场所', 'Place of religious activity'), named('2', '宗教院校', 'Religious college'), other],
    },
    {
      ...named('8', '工会', 'Trade unions'),
      categories: [named('1', '基层工会', 'Grassroots trade union'), other],
    },
    {
      ...named('9', '工商', 'Industry and commerce (market regulation)'),
      categories: [
        named('1', '企业', 'Enterprise'),
        named('2', '个体工商户', 'Individual business'),
        named('3', '农民专业合作社', 'Farmers’ specialized cooperative'),
      ],
    },
    {
      ...named('A', '中央军委改革和编制办公室', 'CMC Reform and Establishment Office'),
      categories: [named('1', '军队事业单位', 'Military public institution'), other],
    },
    {
      ...named('N', '农业', 'Agriculture'),
      categories: [
        named('1', '组级集体经济组织', 'Group-level collective economic organization'),
        named('2', '村级集体经济组织', 'Village-level collective economic organization'),
        named('3', '乡镇级集体经济组织', 'Township-level collective economic organization'),
        other,
      ],
    },
    {
      ...named('Y', '其他', 'Other'),
      categories: [named('1', '其他', 'Other')],
      anyCategory: true,
    },
  ].map((a): [string, UsccAuthority] => [a.code, { anyCategory: false, ...a }]),
);
