// Cashier downtime desk: keyboard-first, texts from /api/i18n (zh-CN default), everything from this kiosk.
'use strict';
(function () {
  let T = {};
  let lang = 'zh-CN';
  let status = null;
  let me = null;
  const lines = { ch: [], st: [] };
  const $ = (s, root) => (root || document).querySelector(s);
  const $$ = (s, root) => Array.from((root || document).querySelectorAll(s));
  const t = (k) => (T[k] !== undefined ? T[k] : k);
  const yuan = (fen) => (fen < 0 ? '-' : '') + '¥' + Math.floor(Math.abs(fen) / 100) + '.' + String(Math.abs(fen) % 100).padStart(2, '0');
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };

  async function api(method, url, body) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    try {
      const r = await fetch(url, init);
      const text = await r.text();
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      return { ok: r.ok, status: r.status, data };
    } catch (e) {
      return { ok: false, status: 0, data: { detail: t('error.network') } };
    }
  }

  function translate() {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    $$('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
    $('#b-lang').textContent = t('lang.switch') + ' (Alt+L)';
  }

  async function loadTexts() {
    const s = await api('GET', '/api/settings/language');
    lang = s.ok ? s.data.language : 'zh-CN';
    const b = await api('GET', '/api/i18n/' + encodeURIComponent(lang));
    T = b.ok ? b.data : {};
    translate();
  }

  function flash(text, ok) {
    const f = $('#flash');
    f.hidden = !text;
    f.textContent = text || '';
    f.className = ok ? 'ok' : 'bad';
  }

  function clearErrors(form) {
    $$('.err', form).forEach((e) => { e.textContent = ''; });
    $$('[aria-invalid]', form).forEach((e) => e.removeAttribute('aria-invalid'));
  }

  // Shows a problem+json at the fields it names; focuses the first field at fault.
  function showProblem(form, p) {
    clearErrors(form);
    const problem = p || {};
    let first = null;
    (problem.violations || []).forEach((v) => {
      let field = v.field || '';
      let prefix = '';
      const m = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
      if (m) { prefix = (lang === 'en' ? 'Line ' + (+m[1] + 1) + ': ' : '第' + (+m[1] + 1) + '行：'); field = 'lines'; }
      const box = $('[data-err="' + field + '"]', form);
      if (box) { box.textContent = (box.textContent ? box.textContent + ' ' : '') + prefix + v.message; }
      const input = $('[name="' + field + '"]', form) || (field === 'lines' ? $('input[id$="-search"]', form) : null);
      if (input) { input.setAttribute('aria-invalid', 'true'); if (!first) first = input; }
    });
    flash(t('common.failed') + ' ' + (problem.detail || '') + ' ' + t('common.unsaved'), false);
    if (first) first.focus();
  }

  function formData(form) {
    const o = {};
    $$('input[name], select[name]', form).forEach((e) => {
      if (e.type === 'checkbox') o[e.name] = e.checked;
      else o[e.name] = e.value.trim() === '' ? null : e.value.trim();
    });
    return o;
  }

  // ---- banner ----
  async function refreshBanner() {
    const r = await api('GET', '/api/status');
    if (!r.ok) return;
    status = r.data;
    const b = $('#banner');
    b.classList.toggle('downtime', !!status.downtime);
    $('#b-mode').textContent = !status.enrolled ? t('banner.not-enrolled')
      : status.downtime ? t('banner.mode.downtime') : (status.phase === 'AFTER_RECOVERY' ? t('banner.mode.after') : t('banner.mode.normal'));
    const mins = Math.floor((status.downtimeSeconds || 0) / 60);
    $('#b-elapsed').textContent = status.downtime ? t('banner.elapsed') + ' ' + (mins >= 60 ? Math.floor(mins / 60) + t('unit.hours') + (mins % 60) + t('unit.minutes') : mins + t('unit.minutes')) : '';
    $('#b-unsent').textContent = t('banner.unsent') + ' ' + status.unsent + ' ' + t('unit.records');
    const snap = $('#b-snapshot');
    snap.className = '';
    if (!status.snapshot) { snap.textContent = t('banner.snapshot.none'); snap.className = 'warn'; }
    else {
      const h = Math.floor(status.snapshot.ageSeconds / 3600);
      snap.textContent = t('banner.snapshot') + ' ' + (h > 0 ? h + t('unit.hours') : Math.floor(status.snapshot.ageSeconds / 60) + t('unit.minutes')) + (lang === 'en' ? ' ago' : '前');
      if (status.snapshot.stale) { snap.textContent += ' — ' + t('banner.snapshot.stale'); snap.className = 'warn'; }
    }
    const pools = $('#b-pools');
    pools.textContent = '';
    (status.pools || []).forEach((p) => {
      const until = p.earliestExpiry ? ' (' + t('banner.pool.until') + ' ' + p.earliestExpiry.substring(0, 10) + ')' : '';
      const s = el('span', t('banner.pool.' + p.pool.toLowerCase()) + ' ' + p.remaining + until + (p.low ? ' — ' + t('banner.pool.low') : ''), p.low ? 'warn' : '');
      s.style.marginRight = '1em';
      pools.appendChild(s);
    });
    $('#b-staff').textContent = status.staff ? t('banner.staff') + ': ' + status.staff : '';
    // a drill is running (the server said so): everybody at this kiosk sees it
    const drill = $('#drill-banner');
    drill.hidden = !status.drill;
    drill.textContent = status.drill ? (lang === 'en' ? status.drill.bannerEn : status.drill.bannerZh) : '';
    // EP-6.1: the server's newest announcement for this department, and whether someone acknowledged it
    const ins = $('#b-instruction');
    const a = status.instruction;
    ins.className = a && !a.acknowledged ? 'warn' : '';
    ins.textContent = !a ? '' : t('banner.instruction') + ': ' + (lang === 'en' ? a.en : a.zh) + ' — '
      + (a.acknowledged ? t('banner.instruction.acknowledged') + ' ' + (a.acknowledgedBy || '') : t('banner.instruction.open') + ' (F8)');
  }

  // ---- navigation ----
  const SECTIONS = ['enrol', 'login', 'register', 'charge', 'invoices', 'ious', 'settlement', 'journal', 'mode', 'clinical'];
  function show(name) {
    SECTIONS.forEach((s) => { $('#s-' + s).hidden = s !== name; });
    $$('#nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === '#' + name));
    const loaders = { register: loadRegister, charge: loadCharge, invoices: loadInvoices, ious: loadIous, settlement: loadSettlement, journal: loadJournal, mode: loadMode, clinical: loadClinical };
    const done = loaders[name] ? loaders[name]() : Promise.resolve();
    return done.then(() => {
      const first = $('#s-' + name + ' [data-autofocus]') || $('#s-' + name + ' input:not([type=hidden]), #s-' + name + ' select');
      if (first) first.focus();
    });
  }

  async function route() {
    await refreshBanner();
    if (!status || !status.enrolled) { $('#nav').hidden = true; return show('enrol'); }
    const s = await api('GET', '/api/session');
    if (!s.ok) { me = null; $('#nav').hidden = true; return show('login'); }
    me = s.data;
    $('#nav').hidden = false;
    // HR-1: the clinical desk (F9) is for clinical staff only
    const clinical = (me.roles || []).some((r) => ['DOCTOR', 'NURSE', 'MEDTECH', 'PHARMACIST'].includes(r));
    $('#nav a[href="#clinical"]').hidden = !clinical;
    let name = (location.hash || '#register').substring(1);
    if (name === 'logout') { await api('DELETE', '/api/session'); location.hash = ''; return route(); }
    if (!SECTIONS.includes(name) || name === 'enrol' || name === 'login') name = 'register';
    if (!status.downtime && ['register', 'charge', 'settlement', 'clinical'].includes(name)) name = 'mode';
    return show(name);
  }

  document.addEventListener('keydown', (e) => {
    if (e.altKey && (e.key === 'l' || e.key === 'L')) { e.preventDefault(); switchLanguage(); return; }
    const link = $('#nav a[data-key="' + e.key + '"]');
    if (link && !link.hidden && !$('#nav').hidden) {
      e.preventDefault();
      if (location.hash === link.getAttribute('href')) route(); else location.hash = link.getAttribute('href');
    }
  });
  window.addEventListener('hashchange', () => { flash(''); route(); });

  async function switchLanguage() {
    await api('PUT', '/api/settings/language', { language: lang === 'zh-CN' ? 'en' : 'zh-CN' });
    await loadTexts();
    await refreshBanner();
    if (!$('#s-mode').hidden) loadMode();
  }
  $('#b-lang').addEventListener('click', switchLanguage);

  // ---- enrolment and login ----
  $('#f-enrol').addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/kiosk/enrolment', formData(e.target));
    if (!r.ok) return showProblem(e.target, r.data);
    flash('OK', true);
    route();
  });
  $('#f-login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/session', formData(e.target));
    $('#login-password').value = '';
    if (!r.ok) return showProblem(e.target, r.data);
    flash('');
    location.hash = '#register';
    route();
  });

  // ---- mode ----
  function showAnnounced(pulled) {
    const a = pulled && pulled.latest;
    $('#mode-announced-text').textContent = !a ? t('mode.announced.none')
      : (lang === 'en' ? a.en : a.zh) + ' — ' + (a.acknowledged ? t('banner.instruction.acknowledged') + ' ' + (a.acknowledgedBy || '') : t('banner.instruction.open'));
    const ack = $('#mode-ack');
    ack.hidden = !a || a.acknowledged;
    ack.toggleAttribute('data-autofocus', !ack.hidden); // keyboard first: Enter acknowledges
    ack.dataset.id = a ? a.id : '';
    if (pulled && pulled.pulledAt && !pulled.reachable) flash(t('mode.announced.unreachable'));
  }
  $('#mode-pull').addEventListener('click', async () => {
    const r = await api('POST', '/api/mode/instruction/pull');
    if (!r.ok) return flash(r.data && r.data.detail);
    showAnnounced(r.data);
    await refreshBanner();
    loadMode();
  });
  $('#mode-ack').addEventListener('click', async (e) => {
    const r = await api('POST', '/api/mode/instructions/' + e.target.dataset.id + '/acknowledgement');
    if (!r.ok) return flash(r.data && r.data.detail);
    flash(t('banner.instruction.acknowledged') + ' — ' + (lang === 'en' ? r.data.en : r.data.zh), true);
    await refreshBanner();
    loadMode();
  });

  async function loadMode() {
    const pulled = await api('GET', '/api/mode/instruction');
    if (pulled.ok) showAnnounced(pulled.data);
    const m = await api('GET', '/api/mode');
    const down = m.ok && m.data.downtime;
    $('#mode-current').textContent = down ? t('banner.mode.downtime') : t('banner.mode.normal');
    $('#mode-submit').textContent = down ? t('mode.leave') : t('mode.enter');
    $('#f-mode').dataset.target = down ? 'normal' : 'downtime';
  }
  $('#f-mode').addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/mode/' + e.target.dataset.target, formData(e.target));
    if (!r.ok) return showProblem(e.target, r.data);
    e.target.reset();
    flash(t(r.data.mode.downtime ? 'banner.mode.downtime' : 'banner.mode.after') + ' #' + r.data.kioskSeq, true);
    await refreshBanner();
    if (r.data.mode.downtime) { location.hash = '#register'; } else { loadMode(); }
  });

  // ---- pick lists (search as you type, arrows + Enter) ----
  function picker(input, list, fetchItems, render, onPick) {
    let items = [];
    let sel = -1;
    let seq = 0;
    const draw = () => {
      list.textContent = '';
      items.forEach((it, i) => { const li = el('li', render(it), i === sel ? 'sel' : ''); li.setAttribute('role', 'option'); list.appendChild(li); });
    };
    input.addEventListener('input', async () => {
      const my = ++seq;
      const q = input.value.trim();
      const got = q ? await fetchItems(q) : [];
      if (my !== seq) return;
      items = got; sel = items.length ? 0 : -1; draw();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); sel = Math.min(sel + 1, items.length - 1); draw(); }
      else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); sel = Math.max(sel - 1, 0); draw(); }
      else if (e.key === 'Escape') { items = []; sel = -1; draw(); }
      else if (e.key === 'Enter' && !e.ctrlKey) {
        e.preventDefault();
        if (sel >= 0 && items[sel]) { const it = items[sel]; items = []; sel = -1; draw(); onPick(it); }
      }
    });
    input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) { items = []; sel = -1; draw(); } }, 150));
  }
  const searchCatalogue = async (q) => { const r = await api('GET', '/api/reference/search?limit=10&q=' + encodeURIComponent(q)); return r.ok ? r.data : []; };
  const itemLabel = (h) => h.code + '  ' + h.name + (h.specification ? ' ' + h.specification : '') + '  ' + yuan(h.priceFen) + '/' + h.unit + '  [' + h.pinyin + ']';

  // ---- registration ----
  async function loadRegister() {
    const [d, f] = await Promise.all([api('GET', '/api/reference/departments'), api('GET', '/api/reference/items?category=' + encodeURIComponent('挂号诊查'))]);
    const dept = $('#reg-departmentCode');
    const keep = dept.value;
    dept.textContent = '';
    dept.appendChild(el('option', ''));
    (d.data || []).forEach((x) => { const o = el('option', x.code + ' ' + x.name); o.value = x.code; dept.appendChild(o); });
    dept.value = keep;
    const fee = $('#reg-feeItemCode');
    fee.textContent = '';
    (f.data || []).forEach((x) => { const o = el('option', x.name + ' ' + yuan(x.priceFen)); o.value = x.code; fee.appendChild(o); });
    await loadDoctors();
  }
  async function loadDoctors() {
    const dep = $('#reg-departmentCode').value;
    const r = await api('GET', '/api/reference/doctors' + (dep ? '?department=' + encodeURIComponent(dep) : ''));
    const doc = $('#reg-doctorCode');
    doc.textContent = '';
    doc.appendChild(el('option', ''));
    (r.data || []).forEach((x) => { const o = el('option', x.code + ' ' + x.name + (x.title ? ' ' + x.title : '')); o.value = x.code; doc.appendChild(o); });
  }
  $('#reg-departmentCode').addEventListener('change', loadDoctors);
  picker($('#reg-known'), $('#reg-known-results'),
    async (q) => { const r = await api('GET', '/api/reference/patients?q=' + encodeURIComponent(q)); return r.ok ? r.data : []; },
    (p) => p.name + '  ' + (p.outpatientNumber || p.inpatientNumber || '') + '  ' + (p.birthDate || '') + '  ' + (p.idNumberMasked || ''),
    (p) => {
      $('#reg-knownPatientId').value = p.patientId;
      $('#reg-known').value = p.name + ' ' + (p.outpatientNumber || p.inpatientNumber || '');
      $('#reg-name').value = p.name; $('#reg-sex').value = p.sex || ''; $('#reg-birthDate').value = p.birthDate || '';
      if (p.insuranceType) $('#reg-insuranceType').value = p.insuranceType;
      $('#reg-phone').focus();
    });
  $('#reg-known').addEventListener('input', () => { if (!$('#reg-known').value) $('#reg-knownPatientId').value = ''; });
  $('#f-register').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = formData(e.target);
    if (body.ageYears !== null && /^\d{1,3}$/.test(body.ageYears)) body.ageYears = +body.ageYears;
    else if (body.ageYears !== null) { return showProblem(e.target, { violations: [{ field: 'ageYears', message: t('error.age.range') }], detail: t('error.form') }); }
    if (body.birthDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(body.birthDate)) {
      return showProblem(e.target, { violations: [{ field: 'birthDate', message: t('error.birth-date.range') }], detail: t('error.form') });
    }
    flash(t('common.saving'), true);
    const r = await api('POST', '/api/registrations', body);
    if (!r.ok) return showProblem(e.target, r.data);
    clearErrors(e.target);
    e.target.reset();
    $('#reg-knownPatientId').value = '';
    flash(t('reg.saved') + ' ' + r.data.details.patientNumber + ' — ' + r.data.details.name + ' ' + yuan(r.data.details.feeFen) + ' (#' + r.data.kioskSeq + ')', true);
    refreshBanner();
    $('#reg-known').focus();
  });

  // ---- charge lines (shared by charges and discharge settlement) ----
  function drawLines(prefix) {
    const body = $('#' + prefix + '-lines tbody');
    body.textContent = '';
    let total = 0;
    lines[prefix].forEach((l, i) => {
      const tr = document.createElement('tr');
      [l.code, l.name, l.unit, yuan(l.priceFen), l.quantity, yuan(l.priceFen * l.quantity)].forEach((v, j) => tr.appendChild(el('td', v, j >= 3 ? 'num' : '')));
      const td = document.createElement('td');
      const b = el('button', t('charge.remove'));
      b.type = 'button';
      b.addEventListener('click', () => { lines[prefix].splice(i, 1); drawLines(prefix); $('#' + prefix + '-search').focus(); });
      td.appendChild(b);
      tr.appendChild(td);
      body.appendChild(tr);
      total += l.priceFen * l.quantity;
    });
    $('#' + prefix + '-total').textContent = yuan(total);
  }
  function lineEntry(prefix) {
    let picked = null;
    picker($('#' + prefix + '-search'), $('#' + prefix + '-results'), searchCatalogue, itemLabel, (h) => {
      picked = h;
      $('#' + prefix + '-search').value = h.code + ' ' + h.name;
      const q = $('#' + prefix + '-qty');
      q.focus(); q.select();
    });
    $('#' + prefix + '-qty').addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.ctrlKey) return;
      e.preventDefault();
      const raw = $('#' + prefix + '-qty').value.trim();
      // the quantity goes to the server as typed; the server refuses a non-positive one at the field
      const qty = /^-?\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
      if (!picked) { $('#' + prefix + '-search').focus(); return; }
      if (isNaN(qty)) { const er = $('#' + prefix + '-qty-err'); if (er) er.textContent = t('error.quantity.positive'); return; }
      lines[prefix].push({ code: picked.code, name: picked.name, unit: picked.unit, priceFen: picked.priceFen, quantity: qty });
      picked = null;
      drawLines(prefix);
      $('#' + prefix + '-search').value = '';
      $('#' + prefix + '-qty').value = '1';
      const er = $('#' + prefix + '-qty-err'); if (er) er.textContent = '';
      $('#' + prefix + '-search').focus();
    });
  }
  lineEntry('ch');
  lineEntry('st');

  // ---- printable slip (Ctrl+P after saving): IOU slip, invoice-register copy, discharge settlement ----
  function slip(title, recordId, rows, lineItems, total) {
    const box = $('#slip');
    box.textContent = '';
    box.appendChild(el('h2', t('app.title') + ' — ' + title));
    box.appendChild(el('div', t('slip.mark') + ' ' + recordId, 'mark'));
    rows.forEach((r) => box.appendChild(el('p', r[0] + '：' + (r[1] === null || r[1] === undefined ? '' : r[1]))));
    if (lineItems && lineItems.length) {
      const table = document.createElement('table');
      lineItems.forEach((l) => {
        const tr = document.createElement('tr');
        [l.code, l.name, l.quantity + (l.unit || ''), yuan(l.unitPriceFen), yuan(l.amountFen)].forEach((v) => tr.appendChild(el('td', v)));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    box.appendChild(el('p', t('charge.total') + '：' + yuan(total)));
    box.appendChild(el('p', t('slip.printed') + ' ' + new Date().toLocaleString(lang) + ' · ' + (me ? me.displayName : '')));
  }

  // ---- charges ----
  async function loadCharge() {
    const r = await api('GET', '/api/registrations?limit=100');
    const s = $('#ch-registrationId');
    s.textContent = '';
    s.appendChild(el('option', '—'));
    s.firstChild.value = '';
    (r.data || []).forEach((x) => { const o = el('option', x.details.patientNumber + ' ' + x.details.name); o.value = x.id; s.appendChild(o); });
    if (r.data && r.data.length) s.value = r.data[0].id;
    drawLines('ch');
  }
  async function submitCharge(form) {
    const body = formData(form);
    body.lines = lines.ch.map((l) => ({ code: l.code, quantity: l.quantity }));
    body.insuranceDeferred = $('#ch-insuranceDeferred').checked;
    flash(t('common.saving'), true);
    const r = await api('POST', '/api/charges', body);
    if (!r.ok) return showProblem(form, r.data);
    clearErrors(form);
    lines.ch = [];
    drawLines('ch');
    const d = r.data.details;
    slip(d.invoiceNo ? t('slip.invoice') + ' ' + d.invoiceNo : t('slip.iou'), r.data.id,
      [[t('charge.patientName'), d.patientName], [t('charge.phone'), d.phone], [t('charge.settlement'), t('charge.settlement.' + d.settlement)]],
      d.lines, d.totalFen);
    flash((d.invoiceNo ? t('charge.saved') + ' ' + d.invoiceNo : t('charge.saved.iou') + ' ' + d.iouId) + ' — ' + t('charge.total') + ' ' + yuan(d.totalFen) + ' (#' + r.data.kioskSeq + ')', true);
    refreshBanner();
    $('#ch-search').focus();
  }
  $('#f-charge').addEventListener('submit', (e) => { e.preventDefault(); submitCharge(e.target); });
  $('#f-charge').addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submitCharge($('#f-charge')); } });
  $('#f-charge').addEventListener('keydown', (e) => {
    // plain Enter in a charge field never submits by accident; Ctrl+Enter does
    if (e.key === 'Enter' && !e.ctrlKey && e.target.tagName === 'SELECT') e.preventDefault();
  });

  // ---- invoice register ----
  async function loadInvoices() {
    const r = await api('GET', '/api/invoices');
    const body = $('#inv-table tbody');
    body.textContent = '';
    (r.data || []).forEach((l) => {
      const tr = document.createElement('tr');
      [l.invoiceNo, t('inv.purpose.' + l.purpose), new Date(l.usedAt).toLocaleString(lang), yuan(l.amountFen), l.actor, t('phase.' + l.phase),
        t('inv.status.' + l.status), l.voidReason || ''].forEach((v, j) => tr.appendChild(el('td', v, j === 3 ? 'num' : (j === 5 ? 'phase-' + l.phase : ''))));
      body.appendChild(tr);
    });
  }
  $('#f-void').addEventListener('submit', async (e) => {
    e.preventDefault();
    const no = $('#void-no').value.trim();
    if (!no) return showProblem(e.target, { violations: [{ field: 'invoiceNo', message: t('error.required') }], detail: t('error.form') });
    const r = await api('POST', '/api/invoices/' + encodeURIComponent(no) + '/void', { reason: $('#void-reason').value });
    if (!r.ok) return showProblem(e.target, r.data);
    e.target.reset(); clearErrors(e.target);
    flash(no + ' — ' + t('inv.status.VOIDED'), true);
    loadInvoices(); refreshBanner();
  });
  $('#spoil').addEventListener('click', async () => {
    const r = await api('POST', '/api/invoices/spoiled', { reason: $('#void-reason').value });
    if (!r.ok) return showProblem($('#f-void'), r.data);
    $('#f-void').reset(); clearErrors($('#f-void'));
    flash(r.data.invoiceNo + ' — ' + t('inv.purpose.SPOILED'), true);
    loadInvoices(); refreshBanner();
  });

  // ---- IOU slips ----
  async function loadIous() {
    const r = await api('GET', '/api/ious?open=true');
    const body = $('#iou-table tbody');
    body.textContent = '';
    (r.data || []).forEach((i) => {
      const tr = document.createElement('tr');
      [new Date(i.issuedAt).toLocaleString(lang), i.patientName, i.phone, yuan(i.amountFen)].forEach((v, j) => tr.appendChild(el('td', v, j === 3 ? 'num' : '')));
      const td = document.createElement('td');
      const b = el('button', t('iou.exchange'));
      b.type = 'button';
      b.addEventListener('click', () => { $$('#iou-table tr').forEach((x) => x.classList.remove('sel')); tr.classList.add('sel'); $('#iou-id').value = i.id; $('#iou-formal').focus(); });
      td.appendChild(b); tr.appendChild(td); body.appendChild(tr);
    });
  }
  $('#f-iou').addEventListener('submit', async (e) => {
    e.preventDefault();
    const id = $('#iou-id').value;
    if (!id) { const first = $('#iou-table button'); if (first) first.focus(); return; }
    const r = await api('POST', '/api/ious/' + encodeURIComponent(id) + '/exchange', { formalInvoiceNo: $('#iou-formal').value });
    if (!r.ok) return showProblem(e.target, r.data);
    e.target.reset(); clearErrors(e.target); $('#iou-id').value = '';
    flash(t('iou.exchange') + ' ✓', true);
    loadIous(); refreshBanner();
  });

  // ---- discharge settlement ----
  async function loadSettlement() {
    const r = await api('GET', '/api/reference/patients?census=true&q=');
    const s = $('#st-patientId');
    s.textContent = '';
    s.appendChild(el('option', '—'));
    s.firstChild.value = '';
    (r.data || []).forEach((p) => { const o = el('option', (p.ward || '') + ' ' + (p.bed || '') + ' ' + p.name + ' ' + (p.inpatientNumber || '') + ' ' + t('settle.deposit') + ' ' + yuan(p.depositFen)); o.value = p.patientId; o.dataset.deposit = p.depositFen; s.appendChild(o); });
    drawLines('st');
  }
  $('#f-settle').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    const dep = $('#st-deposit').value.trim();
    let depositFen = null;
    if (dep) {
      if (!/^\d+(\.\d{1,2})?$/.test(dep)) return showProblem(form, { violations: [{ field: 'depositFen', message: t('error.amount.negative') }], detail: t('error.form') });
      depositFen = Math.round(parseFloat(dep) * 100);
    }
    const body = { patientId: $('#st-patientId').value || null, lines: lines.st.map((l) => ({ code: l.code, quantity: l.quantity })), depositFen, examsChecked: $('#st-examsChecked').checked };
    const r = await api('POST', '/api/discharge-settlements', body);
    if (!r.ok) return showProblem(form, r.data);
    clearErrors(form); lines.st = []; drawLines('st'); form.reset();
    const sd = r.data.details;
    slip(t('settle.title') + ' ' + sd.invoiceNo, r.data.id, [[t('charge.patientName'), sd.patientName], [sd.ward, sd.bed],
      [t('settle.deposit'), yuan(sd.depositFen)], [t('settle.balance'), yuan(sd.balanceFen)]], sd.lines, sd.totalFen);
    flash(t('settle.saved') + ' ' + r.data.details.invoiceNo + ' — ' + t('charge.total') + ' ' + yuan(r.data.details.totalFen) + ', ' + t('settle.balance') + ' ' + yuan(r.data.details.balanceFen), true);
    refreshBanner();
  });
  $('#st-search').addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); $('#f-settle').requestSubmit(); } });

  // ---- journal ----
  async function loadJournal() {
    const r = await api('GET', '/api/journal?after=0&limit=10000');
    const body = $('#j-table tbody');
    body.textContent = '';
    (r.data || []).slice().reverse().forEach((j) => {
      const tr = document.createElement('tr');
      [j.kioskSeq, new Date(j.recordedAt).toLocaleString(lang), j.streamType, j.eventType, t('phase.' + j.phase)].forEach((v, i) => tr.appendChild(el('td', v, i === 4 ? 'phase-' + j.phase : '')));
      body.appendChild(tr);
    });
  }

  // ---- clinical downtime forms (EP-6.4-6.7): one line per drug / item, fields separated by spaces ----
  // HR-1: only the forms of the signed-in role are offered (the kiosk API refuses the others with 403).
  const CL_OPTIONS = $$('#cl-form option').map((o) => ({ value: o.value, type: o.dataset.t.substring('form.'.length), node: o }));
  const DRUG_FORMS = ['prescriptions', 'requisitions', 'dispenses'];
  let correcting = null;
  function clinicalKind() { return $('#cl-form').value; }
  async function loadClinical() {
    const r = await api('GET', '/api/clinical/forms');
    const allowed = r.ok ? r.data : [];
    const select = $('#cl-form');
    const keep = select.value;
    select.textContent = '';
    CL_OPTIONS.filter((o) => allowed.includes(o.type)).forEach((o) => select.appendChild(o.node));
    if (CL_OPTIONS.some((o) => o.value === keep && allowed.includes(o.type))) select.value = keep;
    $('#cl-no-forms').hidden = allowed.length > 0;
    $('#f-clinical').hidden = allowed.length === 0;
    $('#f-amend').hidden = allowed.length === 0;
    showClinicalFields();
  }
  function showClinicalFields() {
    const kind = clinicalKind();
    $$('#f-clinical [data-for]').forEach((e) => { e.hidden = !e.getAttribute('data-for').split(' ').includes(kind); });
    $('#cl-lines-hint').textContent = kind ? t('clinical.lines.' + kind) : '';
    showAllergies();
  }
  $('#cl-form').addEventListener('change', () => { clearErrors($('#f-clinical')); showClinicalFields(); });

  // the patient's allergies from the snapshot, shown as soon as the patient id is typed
  let allergySeq = 0;
  async function showAllergies() {
    const box = $('#cl-allergies');
    const id = $('#cl-knownPatientId').value.trim();
    const relevant = ['prescriptions', 'requisitions'].includes(clinicalKind());
    const my = ++allergySeq;
    if (!id || !relevant) { box.hidden = true; box.textContent = ''; return; }
    const r = await api('GET', '/api/clinical/patients/' + encodeURIComponent(id) + '/allergies');
    if (my !== allergySeq) return;
    if (!r.ok) { box.hidden = true; box.textContent = ''; return; }
    const p = r.data;
    box.className = 'allergy-box' + (p.allergies.length ? '' : (p.allergiesRecorded ? ' none' : ' unknown'));
    box.textContent = t('clinical.allergies') + '（' + p.name + (p.bed ? ' ' + p.bed : '') + '）：' + (p.allergies.length
      ? p.allergies.map((a) => a.allergen + (a.reaction ? '（' + a.reaction + '）' : '') + ' ' + t('allergy.severity.' + a.severity)).join('；')
      : t(p.allergiesRecorded ? 'allergy.none-known' : 'allergy.not-recorded'));
    box.hidden = false;
  }
  $('#cl-knownPatientId').addEventListener('input', showAllergies);

  // ---- pinyin picker in the lines box: initials or code of the line's first word, ranked by the kiosk search ----
  (function linePicker() {
    const area = $('#cl-lines');
    const list = $('#cl-lines-results');
    let items = [];
    let sel = -1;
    let seq = 0;
    // the first word of the line the caret is in, while the caret is still inside it
    const token = () => {
      const v = area.value;
      const caret = area.selectionStart;
      const start = v.lastIndexOf('\n', caret - 1) + 1;
      const word = v.substring(start, caret);
      return /^\S+$/.test(word) && !/\S/.test((v.substring(caret).split('\n')[0] || '').charAt(0)) ? { start, word } : null;
    };
    const close = () => { items = []; sel = -1; draw(); };
    const draw = () => {
      list.textContent = '';
      items.forEach((it, i) => { const li = el('li', itemLabel(it), i === sel ? 'sel' : ''); li.setAttribute('role', 'option'); list.appendChild(li); });
    };
    area.addEventListener('input', async () => {
      const my = ++seq;
      const tk = token();
      if (!tk || clinicalKind() === 'orders') { close(); return; }
      let got = await searchCatalogue(tk.word);
      if (my !== seq) return;
      const now = token();
      if (!now || now.word !== tk.word) { close(); return; }
      if (DRUG_FORMS.includes(clinicalKind())) got = got.filter((h) => h.kind === 'DRUG');
      // an exact code typed in full needs no list
      if (got.length === 1 && got[0].code.toUpperCase() === tk.word.toUpperCase()) got = [];
      items = got.slice(0, 8); sel = items.length ? 0 : -1; draw();
    });
    area.addEventListener('keydown', (e) => {
      if (!items.length) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); sel = Math.min(sel + 1, items.length - 1); draw(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); sel = Math.max(sel - 1, 0); draw(); }
      else if (e.key === 'Escape') { e.preventDefault(); close(); }
      else if ((e.key === 'Tab' || (e.key === 'Enter' && !e.ctrlKey)) && sel >= 0) {
        e.preventDefault();
        const tk = token();
        const pick = items[sel];
        close();
        if (!tk) return;
        const v = area.value;
        const end = tk.start + tk.word.length;
        area.value = v.substring(0, tk.start) + pick.code + ' ' + v.substring(end).replace(/^ /, '');
        const caret = tk.start + pick.code.length + 1;
        area.setSelectionRange(caret, caret);
      }
    });
    area.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== area) close(); }, 150));
  })();

  function clinicalLines(kind) {
    const rows = $('#cl-lines').value.split('\n').map((l) => l.trim()).filter((l) => l).map((l) => l.split(/\s+/));
    const num = (v) => (v === undefined || v === '' || isNaN(Number(v)) ? null : Number(v));
    if (kind === 'prescriptions') {
      return rows.map((r) => ({ drugCode: r[0], dose: num(r[1]), doseUnit: r[2] || null, route: r[3] || null, frequency: r[4] || null, quantity: num(r[5]), days: num(r[6]) }));
    }
    if (kind === 'exam-registers') {
      return rows.map((r) => (/^[A-Za-z]\d+$/.test(r[0]) ? { itemCode: r[0], priceFen: num(r[1]) } : { description: r[0], priceFen: num(r[1]) }));
    }
    return rows.map((r) => ({ code: r[0], quantity: num(r[1]) }));
  }
  function showRecord(rec) {
    $('#cl-record').textContent = rec.id;
    $('#cl-status').textContent = t('clinical.status.' + rec.status);
    $('#cl-print').href = '/api/clinical/' + rec.id + '/print';
    $('#cl-result').hidden = false;
  }
  async function submitClinical(form) {
    const kind = clinicalKind();
    if (!kind) return;
    const body = {};
    $$('[data-for]', form).forEach((box) => {
      if (box.hidden) return;
      $$('input[name], select[name]', box).forEach((e) => { body[e.name] = e.type === 'checkbox' ? e.checked : (e.value.trim() === '' ? null : e.value.trim()); });
    });
    if (kind === 'exam-registers') body.exams = clinicalLines(kind); else if (kind !== 'orders') body.lines = clinicalLines(kind);
    flash(t('common.saving'), true);
    const r = correcting
      ? await api('POST', '/api/clinical/' + correcting.id + '/corrections', { reason: correcting.reason, form: body })
      : await api('POST', '/api/clinical/' + kind, body);
    if (!r.ok) return showProblem(form, r.data);
    clearErrors(form);
    $('#cl-lines').value = '';
    $('#cl-allergyOverrideReason').value = '';
    showRecord(r.data);
    flash((correcting ? t('clinical.amend.corrected') : t('clinical.saved')) + ' ' + r.data.id + ' (#' + r.data.kioskSeq + ')', true);
    correcting = null;
    $('#cl-correcting').hidden = true;
    $('#cl-form').disabled = false;
    refreshBanner();
    $('#cl-form').focus();
  }
  $('#f-clinical').addEventListener('submit', (e) => { e.preventDefault(); submitClinical(e.target); });
  $('#f-clinical').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submitClinical($('#f-clinical')); return; }
    if (e.key === 'Enter' && e.target.tagName !== 'TEXTAREA' && e.target.tagName !== 'BUTTON') e.preventDefault();
  });

  // ---- HR-9: void a record, or load it into the form to save its correction ----
  const PATH_OF = { prescription: 'prescriptions', 'clinical-order': 'orders', requisition: 'requisitions', 'charge-execution': 'charge-executions', 'exam-register': 'exam-registers', dispense: 'dispenses' };
  function amendInput() {
    const form = $('#f-amend');
    clearErrors(form);
    return { form, id: $('#am-recordId').value.trim(), reason: $('#am-reason').value.trim() };
  }
  $('#am-void').addEventListener('click', async () => {
    const a = amendInput();
    if (!a.id) return showProblem(a.form, { violations: [{ field: 'recordId', message: t('error.required') }] });
    const r = await api('POST', '/api/clinical/' + encodeURIComponent(a.id) + '/void', { reason: a.reason });
    if (!r.ok) return showProblem(a.form, r.data);
    showRecord(r.data);
    flash(t('clinical.amend.voided') + ' ' + r.data.id + ' (#' + r.data.amendment.kioskSeq + ')', true);
    $('#am-recordId').value = ''; $('#am-reason').value = '';
    refreshBanner();
  });
  $('#am-correct').addEventListener('click', async () => {
    const a = amendInput();
    if (!a.id) return showProblem(a.form, { violations: [{ field: 'recordId', message: t('error.required') }] });
    if (a.reason.length < 4) return showProblem(a.form, { violations: [{ field: 'reason', message: t('error.required') }] });
    const r = await api('GET', '/api/clinical/' + encodeURIComponent(a.id));
    if (!r.ok) return showProblem(a.form, r.data);
    const rec = r.data;
    const d = rec.details;
    const path = PATH_OF[rec.type];
    if (!$$('#cl-form option').some((o) => o.value === path)) return showProblem(a.form, { detail: t('error.forbidden'), violations: [] });
    $('#cl-form').value = path;
    const set = (id, v) => { const e = $(id); if (e) e.value = v === undefined || v === null ? '' : String(v); };
    set('#cl-knownPatientId', d.patient ? d.patient.knownPatientId : '');
    set('#cl-patientName', d.patient && !d.patient.knownPatientId ? d.patient.name : '');
    set('#cl-diagnosis', d.diagnosis); set('#cl-kind', d.kind || 'ORDER'); set('#cl-content', d.content);
    set('#cl-dischargeMark', d.dischargeMark || 'NONE'); set('#cl-stubNumber', d.stubNumber); set('#cl-note', d.note);
    set('#cl-fillsRecordId', d.fillsAsWritten || d.fills); set('#cl-overrideReason', d.overrideReason);
    set('#cl-allergyOverrideReason', d.allergyCheck ? d.allergyCheck.overrideReason : '');
    $('#cl-dischargeMedication').checked = !!d.dischargeMedication;
    const lines = d.lines || d.exams || [];
    $('#cl-lines').value = lines.map((l) => (path === 'prescriptions'
      ? [l.drugCode, l.dose, l.doseUnit, l.route, l.frequency, l.quantity, l.days]
      : path === 'exam-registers' ? [l.itemCode || l.description, l.priceFen] : [l.code, l.quantity]).join(' ')).join('\n');
    correcting = { id: rec.id, reason: a.reason };
    $('#cl-correcting-id').textContent = rec.id + ' — ' + a.reason;
    $('#cl-correcting').hidden = false;
    $('#cl-form').disabled = true;
    showClinicalFields();
    $('#am-recordId').value = ''; $('#am-reason').value = '';
    $('#cl-lines').focus();
  });

  (async function start() {
    await loadTexts();
    await route();
    setInterval(refreshBanner, 5000);
  })();
})();
