// Typical cases on the dashboard (issue 19, section (二十九)), served as a file under the page
// CSP. When dashboard.js has drawn a report it announces it (event creditlens:dashboard-report);
// this script then lists the typical cases — only on an all-departments report, which only an
// admin gets (the API answers anyone else 403; the section stays hidden) — and lets the admin mark the feedback of a closed hit as a typical case
// of incentive or punishment, with a note. Text only, written with textContent.
(function () {
  'use strict';
  var section = document.getElementById('typical-cases');
  var table = document.getElementById('typical-list');
  var form = document.getElementById('typical-form');
  var select = document.getElementById('typical-feedback');
  var kind = document.getElementById('typical-kind');
  var note = document.getElementById('typical-note');
  var status = document.getElementById('typical-status');
  var KIND = { incentive: '守信激励', punishment: '失信惩戒' };
  var token = '';

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function row(cells, tag) {
    var tr = el('tr');
    cells.forEach(function (c) {
      tr.appendChild(el(tag || 'td', c));
    });
    return tr;
  }

  async function list() {
    var response = await fetch('/api/v1/typical-cases', { headers: { Authorization: 'Bearer ' + token } });
    if (response.status === 401 || response.status === 403) {
      section.hidden = true;
      return;
    }
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    var cases = (await response.json()).typicalCases;
    table.replaceChildren(row(['类型', '部门', '主体代码', '案件', '措施', '说明', '标记时间'], 'th'));
    cases.forEach(function (t) {
      table.appendChild(
        row([KIND[t.kind], t.feedback.department, t.feedback.code, t.feedback.caseReference, t.feedback.measureId + ' ' + t.measureItem, t.note, t.markedAt]),
      );
    });
    section.hidden = false;
    section.setAttribute('data-count', String(cases.length));
  }

  function fillChoices(followUp) {
    select.replaceChildren();
    followUp.hits
      .filter(function (h) {
        return h.status === 'closed' && h.feedbackId;
      })
      .forEach(function (h) {
        var option = el('option', h.department + ' · ' + h.code + ' · ' + (h.caseReference || '未注明案件') + ' · ' + (h.kind === 'black' ? '惩戒' : '激励'));
        option.value = h.feedbackId;
        option.setAttribute('data-kind', h.kind === 'black' ? 'punishment' : 'incentive');
        select.appendChild(option);
      });
    select.dispatchEvent(new Event('change'));
  }

  select.addEventListener('change', function () {
    var chosen = select.selectedOptions[0];
    if (chosen) kind.value = chosen.getAttribute('data-kind');
  });

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    status.textContent = '';
    var response = await fetch('/api/v1/typical-cases', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ feedbackId: select.value, kind: kind.value, note: note.value }),
    });
    if (!response.ok) {
      var text = String(response.status);
      try {
        text += ' ' + (await response.json()).error.message;
      } catch (e) {
        /* not the envelope */
      }
      status.textContent = text;
      return;
    }
    note.value = '';
    status.textContent = '已标记为典型案例。';
    await list();
  });

  document.addEventListener('creditlens:dashboard-report', function (event) {
    token = event.detail.token;
    fillChoices(event.detail.followUp);
    if (event.detail.assessment.department !== null) {
      section.hidden = true;
      return;
    }
    list().catch(function (error) {
      status.textContent = error.message;
    });
  });
})();
