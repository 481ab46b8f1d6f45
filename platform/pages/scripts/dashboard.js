// The credit office's dashboard (issue 19), served as a file under the strict page CSP (no inline
// script). The token typed in is kept in sessionStorage (this tab only, never in a URL) and sent
// as a bearer token to /api/v1/assessment and /api/v1/follow-up. Platform data is text, never
// HTML: everything is written with textContent, and charts use ECharts' rich-text tooltips.
(function () {
  'use strict';
  var TOKEN_KEY = 'creditlens.dashboard.token';
  var form = document.getElementById('dashboard-form');
  var report = document.getElementById('report');
  var message = document.getElementById('message');
  var labels = JSON.parse(report.getAttribute('data-verdict-labels') || '{}');
  var VERDICT_COLOURS = {
    black: '#1f2328',
    disputed: '#8250df',
    red: '#cf222e',
    watch: '#bc4c00',
    clear: '#1a7f37',
    invalid: '#8c959f',
    unknown: '#57606a',
    pending: '#d0d7de',
  };
  var charts = {};

  function field(id) {
    return document.getElementById(id);
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) for (var name in attrs) node.setAttribute(name, attrs[name]);
    return node;
  }

  function query() {
    var params = new URLSearchParams();
    params.set('from', field('from').value);
    params.set('to', field('to').value);
    params.set('workingDays', field('working-days').value);
    var department = field('department').value.trim();
    if (department) params.set('department', department);
    return params;
  }

  function token() {
    return field('token').value.trim();
  }

  async function request(path) {
    var response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) {
      var text = response.status + ' ' + response.statusText;
      try {
        text = response.status + ' ' + (await response.json()).error.message;
      } catch (e) {
        /* not the envelope */
      }
      throw new Error(text);
    }
    return response;
  }

  function percent(rate) {
    return rate === null ? '—' : Math.round(rate * 1000) / 10 + '%';
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg', locale: 'ZH' });
    return charts[id];
  }

  function drawDaily(a) {
    chart('chart-daily').setOption(
      {
        animation: false,
        title: { text: '每日查询与命中', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { top: 26 },
        grid: { top: 64, left: 48, right: 24, bottom: 32 },
        xAxis: {
          type: 'category',
          data: a.daily.map(function (d) {
            return d.date.slice(5);
          }),
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            id: 'checks',
            name: '查询次数',
            type: 'bar',
            data: a.daily.map(function (d) {
              return d.checks;
            }),
          },
          {
            id: 'hits',
            name: '命中数',
            type: 'line',
            data: a.daily.map(function (d) {
              return d.hits;
            }),
          },
        ],
      },
      true,
    );
  }

  function drawVerdicts(a) {
    var data = Object.keys(a.verdicts)
      .filter(function (k) {
        return a.verdicts[k] > 0;
      })
      .map(function (k) {
        return { name: labels[k] || k, value: a.verdicts[k], itemStyle: { color: VERDICT_COLOURS[k] } };
      });
    chart('chart-verdicts').setOption(
      {
        animation: false,
        title: { text: '核查结论构成', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item', renderMode: 'richText' },
        legend: { bottom: 4 },
        series: [{ id: 'verdicts', name: '核查结论', type: 'pie', radius: ['35%', '62%'], label: { formatter: '{b}：{c}' }, data: data }],
      },
      true,
    );
  }

  function drawFeedback(a) {
    var rows = a.departments
      .filter(function (d) {
        return d.hits > 0;
      })
      .reverse();
    chart('chart-feedback').setOption(
      {
        animation: false,
        title: { text: '各部门反馈率（%）', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        grid: { top: 40, left: 8, right: 40, bottom: 24, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100 },
        yAxis: {
          type: 'category',
          data: rows.map(function (d) {
            return d.department;
          }),
        },
        series: [
          {
            id: 'feedback-rate',
            name: '反馈率（%）',
            type: 'bar',
            label: { show: true, position: 'right' },
            data: rows.map(function (d) {
              return Math.round(d.feedbackRate * 1000) / 10;
            }),
          },
        ],
      },
      true,
    );
  }

  function table(node, head, rows) {
    node.replaceChildren();
    var tr = el('tr');
    head.forEach(function (h) {
      tr.appendChild(el('th', h));
    });
    node.appendChild(tr);
    rows.forEach(function (cells) {
      var row = el('tr');
      cells.forEach(function (cell) {
        var td = el('td');
        if (cell instanceof Node) td.appendChild(cell);
        else td.textContent = cell === null || cell === undefined ? '—' : String(cell);
        row.appendChild(td);
      });
      node.appendChild(row);
    });
  }

  function drawFigures(a) {
    var t = a.totals;
    var box = document.getElementById('figures');
    box.replaceChildren();
    [
      ['查询次数', t.checks],
      ['命中', t.hits],
      ['已反馈', t.closed],
      ['反馈率', percent(t.feedbackRate)],
      ['待反馈', t.open],
      ['逾期未反馈', t.overdue],
      ['反馈用时中位数（天）', t.medianDaysToFeedback],
      ['典型案例', t.typicalCases],
    ].forEach(function (f) {
      var div = el('div');
      div.appendChild(el('b', f[1] === null ? '—' : f[1]));
      div.appendChild(el('span', f[0]));
      box.appendChild(div);
    });
  }

  function drawLeague(a) {
    table(
      document.getElementById('league'),
      ['排名', '部门', '查询', '命中', '已反馈', '逾期未反馈', '逾期后反馈', '反馈率', '用时中位数（天）', '异议（成立/不成立/核实中）', '典型案例'],
      a.departments.map(function (d) {
        return [
          d.rank,
          d.department,
          d.checks,
          d.hits,
          d.closed,
          d.overdue,
          d.closedLate,
          percent(d.feedbackRate),
          d.medianDaysToFeedback,
          d.objectionsFiled + '（' + d.objectionsUpheld + '/' + d.objectionsRejected + '/' + d.objectionsPending + '）',
          d.typicalCases,
        ];
      }),
    );
  }

  function drawHits(f) {
    var open = f.hits
      .filter(function (h) {
        return h.status !== 'closed';
      })
      .sort(function (x, y) {
        return (x.status === 'overdue' ? 0 : 1) - (y.status === 'overdue' ? 0 : 1) || x.checkedAt.localeCompare(y.checkedAt);
      });
    table(
      document.getElementById('hits'),
      ['状态', '部门', '主体代码', '名单', '案件', '核查日期', '反馈期限'],
      open.map(function (h) {
        var link = el('a', h.code, { href: '/subjects/' + encodeURIComponent(h.code) });
        var status = el('span', h.status === 'overdue' ? '逾期' : '待反馈', { class: h.status === 'overdue' ? 'overdue' : '' });
        return [
          status,
          h.department,
          link,
          h.kind === 'black' ? '黑名单（惩戒）' : '红名单（激励）',
          h.caseReference || '（未注明案件）',
          h.checkedOn,
          h.dueOn,
        ];
      }),
    );
  }

  async function show() {
    message.textContent = '';
    report.setAttribute('data-state', 'loading');
    sessionStorage.setItem(TOKEN_KEY, token());
    try {
      var params = query();
      var results = await Promise.all([request('/api/v1/assessment?' + params), request('/api/v1/follow-up?' + params)]);
      var a = await results[0].json();
      var f = await results[1].json();
      report.hidden = false;
      document.getElementById('scope').textContent =
        (a.department || '全部部门') + '：' + a.from + ' 至 ' + a.to + '（反馈时限 ' + a.workingDays + ' 个工作日，截至 ' + a.judgedOn + '）';
      document.getElementById('calendar-note').textContent = a.calendar.covered
        ? '工作日按国务院办公厅节假日安排通知计算（已收录 ' + a.calendar.coveredYears.join('、') + ' 年）。'
        : '注意：期间涉及未收录节假日安排的年份（已收录 ' + a.calendar.coveredYears.join('、') + ' 年），这些年份按周一至周五计算工作日。';
      drawFigures(a);
      drawDaily(a);
      drawVerdicts(a);
      drawFeedback(a);
      drawLeague(a);
      drawHits(f);
      document.getElementById('as-of').textContent = '数据时间 ' + a.asOf + '。核查结论和命中在查询当时记录；匿名查询不属于任何部门，不计入。';
      report.setAttribute('data-state', 'ready');
      document.dispatchEvent(new CustomEvent('creditlens:dashboard-report', { detail: { token: token(), assessment: a, followUp: f } }));
    } catch (error) {
      report.setAttribute('data-state', 'error');
      message.textContent = error.message;
    }
  }

  async function download(path, fallbackName) {
    message.textContent = '';
    try {
      var response = await request(path);
      var match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      var url = URL.createObjectURL(await response.blob());
      var a = el('a', null, { href: url, download: match ? match[1] : fallbackName });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
    } catch (error) {
      message.textContent = error.message;
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show();
  });
  field('export-xlsx').addEventListener('click', function () {
    download('/api/v1/assessment.xlsx?' + query(), 'creditlens-assessment.xlsx');
  });
  field('export-csv').addEventListener('click', function () {
    download('/api/v1/assessment.csv?' + query(), 'creditlens-assessment.csv');
  });
  field('export-typical').addEventListener('click', function () {
    download('/api/v1/typical-cases.xlsx', 'creditlens-typical-cases.xlsx');
  });
  field('print').addEventListener('click', function () {
    window.print();
  });
  window.addEventListener('resize', function () {
    for (var id in charts) charts[id].resize();
  });
  window.addEventListener('beforeprint', function () {
    for (var id in charts) charts[id].resize();
  });

  var saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    field('token').value = saved;
    show();
  }
})();
