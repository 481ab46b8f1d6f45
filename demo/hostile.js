// The hostile page's own behaviour: builds a very large text block (about 1 MB of plain text
// with one code near its end), and "显示原文提示" writes markup-looking text as text. A code in
// this script's source must be ignored by the extension: 914201054094131U52.
const SCRIPT_ONLY_CODE = '914201054094131U52';
const hugeBlock = document.getElementById('huge-block');
const sentence = '经核查，该件已按程序转交相关部门办理，办理结果已于规定时限内答复来信人，来信人表示无异议。';
const paragraphs = [];
for (let i = 0; i < 400; i++) paragraphs.push(`${i + 1}. ${sentence.repeat(25)}`);
paragraphs.push(`第 401 条：复查涉及单位代码 ${hugeBlock.dataset.hugeCode}，已结案。`);
for (const text of paragraphs) {
  const p = document.createElement('p');
  p.textContent = text;
  hugeBlock.append(p);
}

let clicks = 0;
document.getElementById('show-warning').addEventListener('click', () => {
  clicks += 1;
  document.getElementById('warning-box').textContent = '<img src=x onerror=alert(1)> 原文照录，不执行任何标记';
  document.getElementById('hostile-status').textContent = `已显示 ${clicks} 次（脚本正常运行，内部代码长度 ${SCRIPT_ONLY_CODE.length}）`;
});
