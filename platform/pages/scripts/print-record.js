// Buttons of the print page: print (the browser saves as PDF), download the signed JSON, and
// download CSV made by the platform from the verified record (POST /api/v1/records/csv).
(function () {
  'use strict';
  var json = document.getElementById('record-json').value;
  var status = document.getElementById('download-status');
  var record = JSON.parse(json).record;
  var baseName = 'creditlens-record-' + String(record.recordId).replace(/[^A-Za-z0-9-]/g, '');

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  document.getElementById('print-record').addEventListener('click', function () {
    window.print();
  });
  document.getElementById('download-json').addEventListener('click', function () {
    save(new Blob([JSON.stringify(JSON.parse(json), null, 2)], { type: 'application/json' }), baseName + '.json');
  });
  document.getElementById('download-csv').addEventListener('click', function () {
    status.textContent = '…';
    fetch('/api/v1/records/csv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) {
            throw new Error(body && body.error ? body.error.message : 'HTTP ' + response.status);
          });
        }
        return response.blob();
      })
      .then(function (blob) {
        status.textContent = '';
        save(blob, baseName + '.csv');
      })
      .catch(function (error) {
        status.textContent = '无法生成 CSV / CSV failed: ' + error.message;
      });
  });
})();
