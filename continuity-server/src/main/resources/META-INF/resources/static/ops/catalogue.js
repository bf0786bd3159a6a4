// IT's catalogue approvals page (EP-4.1, HR-10): the changes to the price catalogue and the drug dictionary the hospital
// approved, in words, and the form to enter one from a price change notice. The HIS reference feed compares every change it
// sees with them (an unapproved one raises Class I). Every action is the integrity watch's API (role-checked and audited
// there). Keyboard: the form is first; Enter saves and the cursor returns to the code for the next line of the notice.
(function () {
  'use strict';
  var P = OpsKit, t = P.t, $ = P.$, el = P.el, clear = P.clear;
  var CATALOGUES = ['PRICE_CATALOGUE', 'DRUG_DICTIONARY'];

  function yuan(fen) { return fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2) + ' ' + t('cat.yuan'); }
  function fen(text) {
    var s = (text || '').trim();
    if (!s) { return null; }
    if (!/^\d{1,8}(\.\d{1,2})?$/.test(s)) { return NaN; }
    var parts = s.split('.');
    return (+parts[0]) * 100 + (parts[1] ? +(parts[1] + '0').substring(0, 2) : 0);
  }

  function render(rows) {
    var body = clear($('approvals').tBodies[0]);
    if (!rows.length) { body.appendChild(el('tr', null, [el('td', { colspan: '7', text: t('cat.none') })])); return; }
    rows.forEach(function (a) {
      body.appendChild(el('tr', { 'data-code': a.code }, [
        el('td', { text: t('cat.' + a.catalogue) }),
        el('th', { scope: 'row', 'class': 'code', text: a.code }),
        el('td', { text: t('cat.kind.' + a.kind) }),
        el('td', { 'class': 'num', text: a.kind === 'DELETED' ? '—' : yuan(a.priceFen) }),
        el('td', { text: a.reason }),
        el('td', { text: P.when(a.approvedAt) }),
        el('td', { text: P.when(a.validUntil) })
      ]));
    });
  }

  function refresh() {
    return Promise.all(CATALOGUES.map(function (c) { return P.get('/api/reference/' + c + '/approvals?limit=200'); })).then(function (r) {
      var rows = [];
      r.forEach(function (list) { (list || []).forEach(function (a) { rows.push(a); }); });
      rows.sort(function (a, b) { return String(b.enteredAt).localeCompare(String(a.enteredAt)); });
      render(rows);
      document.body.setAttribute('data-rendered', String(Date.now()));
    }, function () {});
  }

  $('cat-kind').addEventListener('change', function () { $('cat-price').disabled = $('cat-kind').value === 'DELETED'; });
  $('cat-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, code = f.code.value.trim().toUpperCase(), kind = f.kind.value, price = fen(f.price.value);
    if (P.invalid(f, [
      { bad: !/^[A-Z0-9_-]{1,40}$/.test(code), field: f.code, text: t('cat.check.code') },
      { bad: kind !== 'DELETED' && (price === null || isNaN(price)), field: f.price, text: t('cat.check.price') },
      { bad: !f.reason.value.trim(), field: f.reason, text: t('cat.check.reason') }
    ])) { return; }
    // valid until the end of the chosen day in the hospital's zone; none: the server's default
    var until = f.until.value ? P.instantOf(f.until.value + 'T23:59') : null;
    var body = [{ code: code, kind: kind, priceFen: kind === 'DELETED' ? null : price, reason: f.reason.value.trim(), validUntil: until }];
    P.call('POST', '/api/reference/' + f.catalogue.value + '/approvals', body, f).then(function () {
      P.say(t('cat.saved', { code: code }));
      var reason = f.reason.value, catalogue = f.catalogue.value;
      f.reset();
      // the next line of the same notice: same catalogue and reason
      f.catalogue.value = catalogue;
      f.reason.value = reason;
      $('cat-price').disabled = false;
      return refresh();
    }, function () {}).then(function () { $('cat-code').focus(); });
  });

  refresh();
  $('cat-code').focus();
})();
