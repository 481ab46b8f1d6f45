/**
 * Pages often show the case the work is about (项目编号 HYCG-2026-0318, 审批事项编号 …); finding
 * it saves staff typing it into every card. Looks at labelled cells (th/td, dt/dd), labelled
 * form fields and "项目编号：…" in running text, in that order; the value must contain a digit.
 */
const LABEL = /^(?:项目编号|受理号|采购项目编号|招标项目编号|审批事项编号|事项编号|审批编号|业务编号|受理编号|案件编号|申报编号|合同编号)\s*[:：]?$/;
const IN_TEXT = /(?:项目编号|受理号|审批事项编号|事项编号|审批编号|业务编号|受理编号|案件编号)\s*[:：]?\s*([^\s，。；;,（）()]{3,100})/;

function value(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length >= 3 && t.length <= 100 && /\d/.test(t) ? t : null;
}

/** The case reference `root` shows, or null. */
export function findCaseReference(root: Document | Element): string | null {
  // Every label says 编号 or 受理号: a page whose text has neither (most pages) needs no look at its cells.
  const body = root.nodeType === 9 ? (root as Document).body : (root as Element);
  const text = body?.textContent ?? '';
  if (!text.includes('编号') && !text.includes('受理号')) return null;
  for (const label of root.querySelectorAll('th,dt,td')) {
    if (!LABEL.test((label.textContent ?? '').trim())) continue;
    const next = label.nextElementSibling;
    const field = next?.querySelector('input,textarea') as HTMLInputElement | null;
    const found = value(field ? field.value : next?.textContent);
    if (found) return found;
  }
  for (const label of root.querySelectorAll('label')) {
    if (!LABEL.test((label.textContent ?? '').trim())) continue;
    const field = (label.control ?? label.querySelector('input')) as HTMLInputElement | null;
    const found = value(field?.value);
    if (found) return found;
  }
  const match = IN_TEXT.exec(text.slice(0, 200_000));
  return match ? value(match[1]) : null;
}
