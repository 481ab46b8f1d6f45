// The verify page in the browser: a chosen file fills the text area; verifying asks the platform
// (POST /api/v1/records/verify) and shows its answer in place. Everything shown is set as text.
(function () {
  'use strict';
  var form = document.getElementById('verify-form');
  var text = document.getElementById('record-text');
  var file = document.getElementById('record-file');
  var out = document.getElementById('verify-result');

  file.addEventListener('change', function () {
    var chosen = file.files && file.files[0];
    if (!chosen) return;
    chosen.text().then(function (content) {
      text.value = content;
    });
  });

  function fingerprint(signatureValue) {
    if (!window.crypto || !crypto.subtle || typeof signatureValue !== 'string') return Promise.resolve('—');
    var bytes;
    try {
      var binary = atob(signatureValue);
      bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    } catch (e) {
      bytes = new TextEncoder().encode(signatureValue);
    }
    return crypto.subtle.digest('SHA-256', bytes).then(function (digest) {
      var hex = Array.prototype.map
        .call(new Uint8Array(digest).subarray(0, 16), function (b) {
          return b.toString(16).padStart(2, '0');
        })
        .join('');
      return hex.match(/.{4}/g).join(' ').toUpperCase();
    });
  }

  // Beijing time, as the printed record shows it (never the UTC instant).
  function beijing(iso) {
    var t = Date.parse(iso);
    if (!iso || isNaN(t)) return iso;
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(t))
      .forEach(function (p) {
        parts[p.type] = p.value;
      });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second + '（北京时间）';
  }

  // The record id the printout's QR code named (`?id=`): a file of another record is said to be so.
  var expectedId = new URLSearchParams(location.search).get('id');

  function render(v, fp) {
    out.textContent = '';
    var h = document.createElement('h2');
    h.textContent = v.valid ? '✓ 签名有效 Valid' : '✖ 验证未通过 Not valid';
    if (!v.valid) h.className = 'red';
    var p = document.createElement('p');
    p.textContent = v.message;
    var table = document.createElement('table');
    [
      ['记录编号 Record ID', v.recordId],
      ['出具时间 Issued at', v.issuedAt ? beijing(v.issuedAt) : null],
      ['密钥 Key ID', v.keyId],
      ['签名指纹 Signature fingerprint', fp],
    ].forEach(function (row) {
      var tr = table.insertRow();
      var th = document.createElement('th');
      th.textContent = row[0];
      tr.appendChild(th);
      tr.insertCell().textContent = row[1] || '—';
    });
    out.append(h, p, table);
    if (expectedId && v.recordId && v.recordId !== expectedId) {
      var other = document.createElement('p');
      other.className = 'red';
      other.textContent = '注意：这不是打印件所指的记录（' + expectedId + '）。Note: this is not the record the printout names.';
      out.append(other);
    }
  }

  form.addEventListener('submit', function (event) {
    if (event.submitter && event.submitter.getAttribute('formaction')) return; // the print button posts the form
    event.preventDefault();
    var parsed;
    try {
      parsed = JSON.parse(text.value);
    } catch (e) {
      render({ valid: false, message: '不是有效的 JSON / Not valid JSON', recordId: null, issuedAt: null, keyId: null }, null);
      return;
    }
    out.textContent = '…';
    fetch('/api/v1/records/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed) })
      .then(function (response) {
        return response.json();
      })
      .then(function (v) {
        if (v.error) throw new Error(v.error.message);
        var value = v.reason !== 'malformed' && parsed && parsed.signature ? parsed.signature.value : null;
        return fingerprint(value).then(function (fp) {
          render(v, value ? fp : null);
        });
      })
      .catch(function (error) {
        render(
          { valid: false, message: '无法连接平台或请求被拒绝 / The platform could not verify: ' + error.message, recordId: null, issuedAt: null, keyId: null },
          null,
        );
      });
  });
})();
