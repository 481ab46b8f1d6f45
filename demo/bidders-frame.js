// The bidders frame's own behaviour: "计算总分" adds technical and commercial scores per row.
document.getElementById('compute-totals').addEventListener('click', () => {
  const rows = document.querySelectorAll('#bidder-table tbody tr');
  for (const row of rows) {
    const tech = Number(row.querySelector('.tech').textContent);
    const biz = Number(row.querySelector('.biz').textContent);
    row.querySelector('.total').textContent = (tech + biz).toFixed(1);
  }
  document.getElementById('totals-status').textContent = `已计算 ${rows.length} 家投标人总分`;
});
