/*
 * The only client script: progressive enhancement, never needed. It keeps a budget form's line
 * amounts and total up to date as the person types (the server computes them again on save).
 * Money stays in integer fen here too: "1,234.5" is read as 123450 fen, never as a float.
 * And a form is sent once: a second click (or Enter) while its post is on its way is ignored and
 * its buttons are disabled, after the browser has taken the clicked button's name and value
 * (disabling it at once would drop them); coming back to the page (back button) enables them.
 */
export const UI_SCRIPT = `
(function () {
  function fen(text) {
    var m = /^(\\d{1,9})(?:\\.(\\d{1,2}))?$/.exec(String(text).replace(/[\\s,，¥￥元]/g, ''));
    return m ? Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0')) : NaN;
  }
  function show(f) {
    if (isNaN(f)) return '—';
    var s = String(Math.floor(f / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
    return '¥' + s + '.' + String(f % 100).padStart(2, '0');
  }
  function update(form) {
    var total = 0;
    form.querySelectorAll('[data-line]').forEach(function (row) {
      var price = fen(row.querySelector('[data-price]').value);
      var qty = Number(row.querySelector('[data-qty]').value);
      var amount = Number.isInteger(qty) && qty > 0 ? price * qty : NaN;
      var out = row.querySelector('[data-amount]');
      if (out) out.textContent = show(amount);
      if (!isNaN(amount)) total += amount;
    });
    var t = form.querySelector('[data-total]');
    if (t) t.textContent = show(total);
  }
  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('[data-budget]');
    if (form) update(form);
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form || (form.method || '').toLowerCase() !== 'post') return;
    if (form.hasAttribute('data-sending')) {
      e.preventDefault();
      return;
    }
    form.setAttribute('data-sending', '');
    setTimeout(function () {
      form.querySelectorAll('button, input[type=submit]').forEach(function (b) {
        b.disabled = true;
      });
    }, 0);
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (form) {
      form.removeAttribute('data-sending');
      form.querySelectorAll('button, input[type=submit]').forEach(function (b) {
        b.disabled = false;
      });
    });
  });
})();
`;
