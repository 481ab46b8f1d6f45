// Client-side way into the print page (no inline script: this file is served under a strict CSP).
// The record arrives as the URL fragment `#<base64url of the record's UTF-8 JSON>` (fragments are
// never sent to a server), or by postMessage from the window that opened this one:
//   opener receives { type: 'creditlens:print-ready' } and answers
//   { type: 'creditlens:print-record', record: <signed record object or JSON text> }.
// Either way the record is posted to /records/print, which verifies and renders it.
(function () {
  'use strict';
  var status = document.getElementById('loader-status');
  var form = document.getElementById('print-form');
  var field = document.getElementById('print-record-field');

  function show(text) {
    status.textContent = text;
  }

  function submit(json) {
    // `?lang=en` (an English UI) goes along to the renderer.
    form.action = '/records/print' + location.search;
    field.value = json;
    form.submit();
  }

  function fromBase64Url(text) {
    var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }

  var hash = location.hash.replace(/^#(record=)?/, '');
  if (hash) {
    try {
      var json = fromBase64Url(hash);
      history.replaceState(null, '', location.pathname + location.search);
      submit(json);
    } catch (e) {
      show('链接中的记录无法解码（应为 base64url 编码的 JSON）。The record in the link could not be decoded (expected base64url of JSON).');
    }
    return;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'creditlens:print-record') return;
    submit(typeof data.record === 'string' ? data.record : JSON.stringify(data.record));
  });
  if (window.opener) {
    window.opener.postMessage({ type: 'creditlens:print-ready' }, '*');
    show('等待记录… Waiting for the record…');
  } else {
    show(
      '没有收到记录。请从扩展或部件打开本页，或在“记录验证”页面粘贴记录。No record was given; open this page from the extension or widget, or paste a record at /records/verify.',
    );
  }
})();
