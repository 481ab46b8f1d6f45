// The host system's own code for the widget demo: every part of the public API in use.
// (An external file: pages under a strict CSP allow no inline scripts.)

// Tokens: a real department system asks its own backend for a short-lived token, e.g.
//   return fetch('/api/credit-token', { credentials: 'same-origin' }).then((r) => r.json()).then((j) => j.token);
// The reference platform allows anonymous reads of public data, so this demo needs none.
window.departmentToken = async () => null;

const log = document.getElementById('event-log');
document.addEventListener('creditlens:verdict', (event) => {
  const { code, verdict, previous, name } = event.detail;
  const line = `${new Date().toLocaleTimeString()} ${code} ${previous ? `${previous} → ` : ''}${verdict.kind}${name ? ` ${name}` : ''}\n`;
  log.textContent += line;
});

function whenReady(fn) {
  if (window.CreditLens) fn(window.CreditLens);
  else document.querySelector('script[src$="credit-lens.js"]').addEventListener('load', () => fn(window.CreditLens), { once: true });
}

whenReady((lens) => {
  lens.configure({ freshness: 2 * 60 * 1000 });

  // Ask for confirmation before approving a black-listed applicant (and never approve on "unknown").
  document.getElementById('approve').addEventListener('click', async () => {
    const decision = document.getElementById('decision');
    decision.className = '';
    decision.textContent = '核查中…';
    const [result] = await lens.check(document.getElementById('approve-code').value);
    const who = result.name ?? result.code;
    const messages = {
      black: `⛔ ${who} 列入黑名单：依法限制审批，须经负责人确认后方可继续。`,
      disputed: `⚖ ${who} 的黑名单记录异议核查中，暂停惩戒，可按程序办理。`,
      unknown: `? 未能完成信用核查（${who}），请稍后重试，不得视为“未列入”。`,
      invalid: `⚠ ${result.input} 不是有效的统一社会信用代码。`,
    };
    decision.textContent = messages[result.verdict.kind] ?? `✓ ${who}：${result.verdict.kind === 'red' ? '红名单，可适用激励措施' : '可继续办理'}。`;
    decision.dataset.verdict = result.verdict.kind;
    if (['black', 'unknown', 'invalid'].includes(result.verdict.kind)) decision.className = 'warn';
  });

  // Mark every code in the documents area, keep watching it, and report what was found.
  const summary = document.getElementById('scan-summary');
  const describe = (findings) => findings.map((f) => `${f.code}：${f.kind}`).join('；');
  lens.scan(document.getElementById('documents')).then((handle) => {
    summary.textContent = `已标注 ${handle.findings.length} 个代码：${describe(handle.findings)}`;
    document.getElementById('add-document').addEventListener('click', () => {
      const p = document.createElement('p');
      p.textContent = '新收到的材料：武汉市汉阳区众邦保安服务有限公司，统一社会信用代码 9142010539124K6DXM。';
      document.getElementById('documents').append(p);
      setTimeout(() => {
        summary.textContent = `已标注 ${handle.current().length} 个代码：${describe(handle.current())}`;
      }, 1000);
    });
  });

  // Follow the page language: the element re-renders when <html lang> changes.
  document.getElementById('toggle-lang').addEventListener('click', (event) => {
    const en = document.documentElement.lang !== 'en';
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    event.target.textContent = en ? '中文' : 'English';
  });
});
