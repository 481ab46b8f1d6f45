// Word lists for realistic subject and person names. Plain data, so the generator stays readable.

/** Trade names (字号). */
export const TRADE_NAMES = [
  '鑫源',
  '华盛',
  '恒达',
  '龙腾',
  '汉江',
  '琴台',
  '月湖',
  '晴川',
  '鹦鹉洲',
  '龟山',
  '楚天',
  '江城',
  '荆楚',
  '长江',
  '九州',
  '宏图',
  '瑞丰',
  '金桥',
  '德信',
  '博远',
  '兴业',
  '昌盛',
  '永安',
  '天成',
  '明珠',
  '新华',
  '联创',
  '卓越',
  '众邦',
  '汇通',
  '鼎泰',
  '盛世',
  '诚达',
  '佳美',
  '华中',
  '东方',
  '知音',
  '归元',
  '墨水湖',
  '四新',
  '黄金口',
  '江汉',
  '腾飞',
  '宝隆',
  '锦程',
  '嘉禾',
  '中远',
  '泰和',
] as const;

/** Lines of business for companies (行业表述). */
export const INDUSTRIES = [
  '建筑工程',
  '商贸',
  '餐饮管理',
  '科技',
  '物流',
  '食品',
  '环保科技',
  '劳务分包',
  '置业',
  '医药',
  '装饰工程',
  '机电设备',
  '汽车服务',
  '电子',
  '建材',
  '印务',
  '保安服务',
  '物业管理',
  '文化传媒',
  '网络科技',
  '钢结构工程',
  '市政工程',
  '园林绿化',
  '供应链管理',
  '化工',
  '服装',
] as const;

/** Company form suffixes. */
export const COMPANY_FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'] as const;

/** Individual businesses (个体工商户). */
export const SHOP_KINDS = ['热干面馆', '便利店', '五金店', '副食店', '理发店', '水果店', '大药房', '服装店', '餐馆', '汽车修理部'] as const;

/** Farmers' cooperatives (农民专业合作社). */
export const COOPERATIVE_KINDS = [
  '蔬菜种植专业合作社',
  '莲藕种植专业合作社',
  '水产养殖专业合作社',
  '生猪养殖专业合作社',
  '苗木花卉专业合作社',
  '农机服务专业合作社',
] as const;

/** Social organisations (社会团体). */
export const ASSOCIATION_KINDS = ['个体劳动者协会', '餐饮行业协会', '建筑业协会', '物流商会', '楚商联合会', '食品行业协会', '慈善会', '企业家协会'] as const;

/** Public institutions (事业单位). */
export const INSTITUTION_KINDS = ['社区卫生服务中心', '文化馆', '市政工程管理所', '职业技术培训中心', '图书馆', '园林绿化管理站'] as const;

/** Common surnames. */
export const SURNAMES = [
  '张',
  '王',
  '李',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '万',
  '夏',
  '彭',
  '涂',
] as const;

/** Given names. */
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '刚',
  '桂英',
  '建国',
  '志强',
  '海涛',
  '丽华',
  '汉生',
  '国庆',
  '红梅',
  '晓东',
] as const;
