// The columns a published red/black list carries (as on 诚信武汉's 红黑名单 column), each with the
// headers it is known by, in Chinese and English. Matching ignores case, spaces and brackets' notes.

/** Fields an imported row can fill. */
export type ListField =
  | 'name'
  | 'code'
  | 'list'
  | 'category'
  | 'facts'
  | 'legalBasis'
  | 'documentNumber'
  | 'department'
  | 'listedOn'
  | 'validUntil'
  | 'legalRepresentative'
  | 'legalRepresentativeId'
  | 'visibility'
  | 'repairable'
  | 'exitDate'
  | 'exitReason'
  | 'exitDepartment'
  | 'monitoringUntil';

/** Headers accepted for each field; the first is the standard one. */
export const LIST_COLUMNS: Readonly<Record<ListField, readonly string[]>> = {
  name: ['主体名称', '企业名称', '单位名称', 'name', 'subject name'],
  code: ['统一社会信用代码', '信用代码', 'uscc', 'code', 'unified social credit code'],
  list: ['名单类型', '红黑名单', 'list', 'list type'],
  category: ['列入类别', '名单类别', '类别', 'category'],
  facts: ['列入原因', '失信行为', '守信事实', '主要事实', 'facts', 'reason'],
  legalBasis: ['认定依据', '列入依据', 'legal basis', 'basis'],
  documentNumber: ['文书号', '决定文书号', '认定文书号', 'document number', 'document'],
  department: ['认定部门', '认定单位', '发布部门', 'department', 'identifying department'],
  listedOn: ['列入日期', '认定日期', 'listed on', 'listing date'],
  validUntil: ['有效期至', '有效期截止日期', 'valid until', 'expiry'],
  legalRepresentative: ['法定代表人', '法定代表人（负责人）', '负责人', 'legal representative'],
  legalRepresentativeId: ['法定代表人证件号码', '法定代表人身份证号', 'legal representative id'],
  visibility: ['公开属性', '公开类型', 'visibility'],
  repairable: ['可否修复', '是否可修复', 'repairable'],
  // Lists of exits (退出名单) carry these: a row with an exit date is imported as an exit.
  exitDate: ['退出日期', '移出日期', 'exit date', 'exited on'],
  exitReason: ['退出原因', '移出原因', 'exit reason'],
  exitDepartment: ['退出部门', '移出部门', 'exit department'],
  monitoringUntil: ['重点监测截止', '重点监测截止日期', '重点监测期至', 'monitoring until'],
};

/** Columns without which no row can be imported. */
export const REQUIRED_FIELDS: readonly ListField[] = ['code', 'list', 'category', 'department', 'listedOn'];

const simplify = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * Maps each header of a file to a field. `mapping` renames file headers first (to a standard header
 * or a field name), for lists whose columns are named differently.
 */
export function mapColumns(headers: readonly string[], mapping: Readonly<Record<string, string>> = {}): Map<ListField, number> {
  const byHeader = new Map<string, ListField>();
  for (const [field, names] of Object.entries(LIST_COLUMNS) as [ListField, readonly string[]][]) {
    byHeader.set(simplify(field), field);
    for (const name of names) byHeader.set(simplify(name), field);
  }
  const renames = new Map(Object.entries(mapping).map(([from, to]) => [simplify(from), to]));
  const columns = new Map<ListField, number>();
  headers.forEach((header, index) => {
    const renamed = renames.get(simplify(header)) ?? header;
    const field = byHeader.get(simplify(renamed));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}
