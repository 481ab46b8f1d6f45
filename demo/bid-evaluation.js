// The evaluation page's own behaviour: "提交评审意见" confirms (a demo, nothing is sent).
document.getElementById('submit-review').addEventListener('click', () => {
  document.getElementById('review-status').textContent = '评审意见已提交（演示），提交时间 ' + new Date().toLocaleTimeString('zh-CN');
});
