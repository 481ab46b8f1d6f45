// The grants page's own behaviour: the rest of page 1 arrives after a delay (fetch of a local
// JSON file), pages switch client-side with history.pushState, and "全部审核通过" marks every row.
const tbody = document.querySelector('#grants tbody');
const status = document.getElementById('late-status');
const title = document.getElementById('page-title');
const LATE_DELAY_MS = 1500;
const firstPage = [...tbody.rows].map((row) => [...row.cells].map((cell) => cell.textContent));
const data = fetch('late-rows.json').then((response) => response.json());

function addRow(cells) {
  const row = document.createElement('tr');
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (i === 2) td.className = 'code';
    if (i === 3) td.className = 'num';
    row.append(td);
  });
  tbody.append(row);
}

let lateLoaded = false;
async function show(page) {
  const { late, page2 } = await data;
  tbody.replaceChildren();
  if (page === 2) {
    page2.forEach((r, i) => addRow([String(i + 1), r.name, r.code, r.amount, '待拨付']));
  } else {
    firstPage.forEach((cells) => addRow(cells));
    if (lateLoaded) late.forEach((r) => addRow([String(tbody.rows.length + 1), r.name, r.code, r.amount, '待拨付']));
  }
  title.textContent = `2026年中小企业发展专项资金拨付名单 · 第 ${page} 页`;
}

const pageOf = (search) => (new URLSearchParams(search).get('page') === '2' ? 2 : 1);

setTimeout(async () => {
  lateLoaded = true;
  if (pageOf(location.search) === 1) await show(1);
  status.textContent = '其余单位已加载';
}, LATE_DELAY_MS);

for (const link of document.querySelectorAll('a.pager')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const page = Number(link.dataset.page);
    history.pushState({ page }, '', `late-rows.html?page=${page}`);
    void show(page);
  });
}
window.addEventListener('popstate', () => void show(pageOf(location.search)));
if (pageOf(location.search) === 2) void show(2);

document.getElementById('approve-all').addEventListener('click', () => {
  for (const row of tbody.rows) row.cells[4].textContent = '审核通过';
  status.textContent = `已审核通过 ${tbody.rows.length} 家单位`;
});
