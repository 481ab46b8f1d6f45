// The approval page's own behaviour: "暂存" reports a saved draft; "添加联合申请人" appends a row
// (a late code for the extension to find). Text only, never innerHTML.
const status = document.getElementById('form-status');
const tbody = document.querySelector('#applicants tbody');
const count = document.getElementById('applicant-count');

document.getElementById('save-draft').addEventListener('click', () => {
  const code = document.getElementById('applicant-code').value.trim();
  status.textContent = `已暂存受理单（申请单位代码 ${code}）`;
});

document.getElementById('add-applicant').addEventListener('click', (event) => {
  const row = document.createElement('tr');
  const cells = [String(tbody.rows.length + 1), '武汉市汉阳区月湖印务有限公司', '91420105MA4KE5M02Y', '施工许可', '待审查'];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (i === 2) td.className = 'code';
    row.append(td);
  });
  tbody.append(row);
  count.textContent = String(tbody.rows.length);
  status.textContent = '已添加 1 名联合申请人';
  event.currentTarget.disabled = true;
});
