// The host system's own code for the widget demo: every part of the public API in use.
// (An external file: pages under a strict CSP allow no inline scripts.)

// Tokens: a real department system asks its own backend for a short-lived token, e.g.
//   return fetch('/api/credit-token', { credentials: 'same-origin' }).then((r) => r.json()).then((j) => j.token);
// The reference platform allows anonymous reads of public data, so this demo needs none until
// someone signs in below (demo only: the token is kept in sessionStorage of this tab).
const TOKEN_KEY = 'demo-department-token';
const OPERATOR_KEY = 'demo-operator';
window.departmentToken = async () => sessionStorage.getItem(TOKEN_KEY);

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

  // Identity: with an operator and a department token the expanded badge offers feedback and objections.
  const caseInput = document.getElementById('case-reference');
  const signedIn = document.getElementById('signed-in');
  const applyIdentity = () => {
    const operator = sessionStorage.getItem(TOKEN_KEY) ? sessionStorage.getItem(OPERATOR_KEY) : null;
    lens.configure({ operator, department: operator ? '区市场监管局' : null, caseReference: caseInput.value });
    signedIn.textContent = operator ? `经办人：${operator}` : '未登录（仅公开信息）';
    void lens.refresh();
  };
  document.getElementById('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, document.getElementById('department-token').value.trim());
    sessionStorage.setItem(OPERATOR_KEY, document.getElementById('operator').value.trim() || '经办人');
    applyIdentity();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(OPERATOR_KEY);
    applyIdentity();
  });
  caseInput.addEventListener('change', () => lens.configure({ caseReference: caseInput.value }));
  applyIdentity();

  // The check record: signed by the platform, verified right away, printable and downloadable.
  let lastRecord = null;
  const recordResult = document.getElementById('record-result');
  const recordActions = document.getElementById('record-actions');
  document.getElementById('make-record').addEventListener('click', async () => {
    recordResult.textContent = '正在生成…';
    recordActions.hidden = true;
    try {
      lastRecord = await lens.record({ caseReference: caseInput.value });
      const verification = await fetch(`${lens.config.platform}/api/v1/records/verify`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(lastRecord),
      }).then((r) => r.json());
      const { record } = lastRecord;
      const mismatches = record.items.filter((i) => i.nameMatches === false).map((i) => `${i.code}（页面：${i.pageName}；登记：${i.registeredName}）`);
      recordResult.replaceChildren();
      const line = document.createElement('p');
      line.className = verification.valid ? 'valid' : 'invalid';
      line.id = 'record-verification';
      line.dataset.valid = String(verification.valid);
      line.textContent = `${verification.valid ? '✓' : '✗'} ${verification.message}`;
      const info = document.createElement('p');
      info.textContent = `记录编号 ${record.recordId}，${record.items.length} 个代码，数据版本 ${record.dataVersion}，部门 ${record.department}${mismatches.length ? `；名称与代码不符：${mismatches.join('、')}` : ''}`;
      recordResult.append(line, info);
      for (const [id, format] of [
        ['record-json', 'json'],
        ['record-csv', 'csv'],
      ]) {
        const link = document.getElementById(id);
        if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(lens.exportRecord(lastRecord, format));
      }
      recordActions.hidden = false;
    } catch (error) {
      recordResult.textContent = `未能生成记录：${error.message}`;
    }
  });
  document.getElementById('record-print').addEventListener('click', () => lastRecord && lens.openPrintView(lastRecord));

  // Ask for confirmation before approving a black-listed applicant (and never approve on "unknown").
  document.getElementById('approve').addEventListener('click', async () => {
    const decision = document.getElementById('decision');
    decision.className = '';
    decision.textContent = '核查中…';
    const [result] = await lens.check(document.getElementById('approve-code').value);
    const who = result.name ?? result.code;
    const messages = {
      black: `× ${who} 列入黑名单：依法限制审批，须经负责人确认后方可继续。`,
      disputed: `△ ${who} 的黑名单记录异议核查中，暂停惩戒，可按程序办理。`,
      unknown: `? 未能完成信用核查（${who}），请稍后重试，不得视为“未列入”。`,
      invalid: `! ${result.input} 不是有效的统一社会信用代码。`,
    };
    decision.textContent = messages[result.verdict.kind] ?? `√ ${who}：${result.verdict.kind === 'red' ? '红名单，可适用激励措施' : '可继续办理'}。`;
    decision.dataset.verdict = result.verdict.kind;
    if (['black', 'unknown', 'invalid'].includes(result.verdict.kind)) decision.className = 'warn';
  });

  // Mark every code in the documents area, keep watching it, and report what was found.
  const summary = document.getElementById('scan-summary');
  // counts() gives each look's symbol and name in the page's language (未列入·仅公开信息 apart from 未列入).
  const describe = (handle) => {
    const findings = handle.current();
    const counts = handle
      .counts()
      .map((c) => `${c.symbol} ${c.name} ${c.count}`)
      .join('，');
    return `已标注 ${findings.length} 个代码（${counts}）：${findings.map((f) => f.code).join('、')}`;
  };
  lens.scan(document.getElementById('documents')).then((handle) => {
    summary.textContent = describe(handle);
    document.getElementById('add-document').addEventListener('click', () => {
      const p = document.createElement('p');
      p.textContent = '新收到的材料：武汉市汉阳区众邦保安服务有限公司，统一社会信用代码 9142010539124K6DXM。';
      document.getElementById('documents').append(p);
    });
    // Keep the summary current as answers for codes added later arrive (after the scan has taken them in).
    document.addEventListener('creditlens:verdict', () => {
      queueMicrotask(() => {
        summary.textContent = describe(handle);
      });
    });
  });

  // Follow the page language: the element re-renders when <html lang> changes.
  document.getElementById('toggle-lang').addEventListener('click', (event) => {
    const en = document.documentElement.lang !== 'en';
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    event.target.textContent = en ? '中文' : 'English';
  });
});
