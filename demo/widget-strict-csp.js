// Runs before the widget: records every CSP violation so the page (and its end-to-end test) can show there are none.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  const log = document.getElementById('csp-log');
  if (log) log.textContent = window.cspViolations.join('\n');
});

document.addEventListener('DOMContentLoaded', () => {
  const start = () => {
    const lens = window.CreditLens;
    lens.scan(document.getElementById('bid-text')).then((handle) => {
      document.getElementById('check-result').textContent = handle.findings.map((f) => `${f.code}：${f.kind}`).join('；');
    });
  };
  if (window.CreditLens) start();
  else document.querySelector('script[src$="credit-lens.js"]').addEventListener('load', start, { once: true });
});
