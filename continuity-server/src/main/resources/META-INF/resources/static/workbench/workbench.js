// The reconciliation workbench: parcels and their EP-8.4 deadlines, the queue, one item with the record
// as captured and the HIS candidates side by side (scores per field), and the actions. Every read of patient data
// goes through the workbench API, which records it (HR-12). No framework, nothing from the internet.
(function () {
  'use strict';
  var boot = JSON.parse(document.getElementById('boot').textContent);
  var m = boot.m, lang = boot.lang, zh = lang !== 'en';
  var FIELDS = ['NAME', 'SEX', 'BIRTH_DATE', 'PHONE', 'NATIONAL_ID'];
  var state = { incident: boot.incident || '', items: [], selected: -1, item: null };

  function t(key, vars) {
    var s = m[key] || key;
    if (vars) { Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); }); }
    return s;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    }); }
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // times in the hospital's one zone (server config), whatever the screen's own zone is
  var zoned = new Intl.DateTimeFormat('en-GB', { timeZone: boot.zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  function when(iso) {
    if (!iso) { return ''; }
    var p = {};
    zoned.formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    // the operations pages' form: 12月6日 14:05 (English 06/12 14:05)
    return zh ? (+p.month) + '月' + (+p.day) + '日 ' + p.hour + ':' + p.minute : p.day + '/' + p.month + ' ' + p.hour + ':' + p.minute;
  }
  function yuan(fen) {
    var neg = fen < 0; fen = Math.abs(fen);
    return (neg ? '-' : '') + '¥' + Math.floor(fen / 100) + '.' + pad(fen % 100);
  }
  function say(text, bad) { var s = $('status'); s.textContent = text; s.className = 'status' + (bad ? ' bad' : ' good'); }
  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      return r.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!r.ok) { var e = new Error((data && (data.detail || data.title)) || ('HTTP ' + r.status)); e.status = r.status; throw e; }
        return data;
      });
    });
  }
  // the matcher's reason codes read as words; other details (codes, prices, HIS answers) stay as they are
  function detail(d) { return d && m['detail.' + d] ? m['detail.' + d] : (d || ''); }
  function fail(e) { say(t('wb.error') + ' ' + e.message, true); }
  function enc(s) { return encodeURIComponent(s); }

  // ---- incidents, parcels, queue -------------------------------------------------------------------------------
  function loadIncidents() {
    return Promise.all([api('GET', '/api/workbench/incidents'), api('GET', '/api/workbench/holds')]).then(function (both) {
      var list = both[0], holds = both[1] || [];
      var sel = clear($('incident'));
      // records waiting for the HIS are not "nothing to do" (EP-8.4): say why they wait, since when
      var held = $('his-held');
      held.hidden = !holds.length;
      held.textContent = holds.length ? t('wb.his.held', { when: when(holds[0].since), error: lang !== 'en' ? holds[0].errorZh : holds[0].errorEn }) : '';
      if (!list.length) { sel.appendChild(el('option', { value: '', text: holds.length ? t('wb.incident.waitingHis') : t('wb.incident.none') })); }
      list.forEach(function (i) {
        sel.appendChild(el('option', { value: i.incident, text: t('wb.incident.label', { when: when(i.firstRaisedAt), open: i.open, total: i.total }) }));
      });
      if (!state.incident && list.length) { state.incident = list[0].incident; }
      sel.value = state.incident;
    });
  }
  function splitBy() { return $('split-by').value; }

  // department and kiosk in words (肾内科, 内科挂号2号机), never their codes
  function deptName(code) { return !code ? t('wb.dept.none') : (boot.departments && boot.departments[code]) || t('wb.dept.unknown'); }
  function kioskName(id) { return !id ? t('wb.kiosk.none') : (boot.kiosks && boot.kiosks[id]) || t('wb.kiosk.unknown'); }
  function areaName(area) { return splitBy() === 'KIOSK' ? kioskName(area) : deptName(area); }

  function loadParcels() {
    if (!state.incident) { return Promise.resolve(); }
    return api('GET', '/api/workbench/incidents/' + enc(state.incident) + '/parcels?splitBy=' + splitBy()).then(function (parcels) {
      var body = clear($('parcels').tBodies[0]);
      var area = $('area'), keep = area.value;
      clear(area).appendChild(el('option', { value: '', text: t('wb.area.all') }));
      parcels.forEach(function (p) {
        var g = p.progress;
        area.appendChild(el('option', { value: p.area, text: areaName(p.area) }));
        var imp = el('td', { class: g.importantLate ? 'late' : '' }, [g.importantDone + '/' + g.important + ' · ' + t('wb.due') + ' ' + when(g.importantDue)
          + (g.importantLate ? ' · ' + t('wb.late') : '')]);
        var all = el('td', { class: g.allLate ? 'late' : '' }, [g.done + '/' + g.total + ' · ' + t('wb.due') + ' ' + when(g.allDue)
          + (g.allLate ? ' · ' + t('wb.late') : '')]);
        var bar = el('progress', { max: String(Math.max(1, g.total)), value: String(g.done), 'aria-label': areaName(p.area) });
        var owner = el('input', { value: p.owner || '', 'aria-label': t('wb.owner.prompt') + ' ' + areaName(p.area), maxlength: '100',
          placeholder: t('wb.owner.none'), class: 'owner' });
        var assign = el('button', { type: 'button', text: t('wb.owner.assign') });
        assign.addEventListener('click', function () {
          if (!owner.value.trim()) { owner.focus(); return; }
          api('POST', '/api/workbench/incidents/' + enc(state.incident) + '/parcels',
            { splitBy: splitBy(), assignments: [{ area: p.area, owner: owner.value.trim() }] }).then(loadParcels).catch(fail);
        });
        body.appendChild(el('tr', { 'data-area': p.area }, [el('th', { scope: 'row', text: areaName(p.area) }), el('td', null, [owner, assign]), imp, all,
          el('td', null, [bar])]));
      });
      area.value = keep;
    });
  }

  function loadQueue() {
    if (!state.incident) { return Promise.resolve(); }
    var q = '/api/workbench/incidents/' + enc(state.incident) + '/items?open=true&splitBy=' + splitBy()
      + ($('area').value ? '&area=' + enc($('area').value) : '');
    return api('GET', q).then(function (items) {
      state.items = items;
      var list = clear($('queue-list'));
      $('queue-count').textContent = '(' + items.length + ')';
      $('queue-empty').hidden = items.length > 0;
      items.forEach(function (i, n) {
        var li = el('li', { role: 'option', id: 'q-' + i.id, 'data-id': i.id, 'data-reason': i.reason, 'aria-selected': 'false',
          'data-pending': i.writePending ? 'true' : 'false', class: 'q' + (i.important ? ' important' : '') + (i.writePending ? ' pending' : '') }, [
          el('b', { text: t('reason.' + i.reason) }), ' ',
          i.writePending ? el('span', { class: 'tag', text: t('wb.pending') }) : null, ' ',
          el('span', { class: 'meta', text: deptName(i.departmentCode) + ' · ' + kioskName(i.kioskId) + ' · ' + when(i.raisedAt) }),
          el('div', { class: 'detail', text: detail(i.detail) })]);
        li.addEventListener('click', function () { select(n); open(n); });
        list.appendChild(li);
      });
      select(Math.min(Math.max(state.selected, 0), items.length - 1));
    });
  }
  function select(n) {
    state.selected = n;
    Array.prototype.forEach.call($('queue-list').children, function (li, k) { li.setAttribute('aria-selected', k === n ? 'true' : 'false'); });
    var li = $('queue-list').children[n];
    if (li) { $('queue-list').setAttribute('aria-activedescendant', li.id); li.scrollIntoView({ block: 'nearest' }); }
  }
  function reloadAll() {
    return Promise.all(boot.works ? [loadParcels(), loadQueue(), loadApprovals()] : [loadApprovals()]).catch(fail);
  }

  // ---- corrections approved by a second person (HR-9) ------------------------------------------------------------
  function fieldName(f) { return m['wb.correct.field.' + f] || f; }
  function fieldValue(f, v) {
    if (v === null || v === undefined || v === '') { return '-'; }
    return f === 'sex' && m['sex.' + v] ? t('sex.' + v) : v;
  }
  function loadApprovals() {
    if (!state.incident || !(boot.works || boot.approves)) { return Promise.resolve(); }
    return api('GET', '/api/workbench/incidents/' + enc(state.incident) + '/corrections?pending=false').then(function (list) {
      var body = clear($('approvals').tBodies[0]);
      var waiting = list.filter(function (c) { return c.status === 'PENDING'; }).length;
      $('approvals-count').textContent = '(' + waiting + '/' + list.length + ')';
      $('approvals-empty').hidden = list.length > 0;
      list.forEach(function (c) {
        var state_ = el('td', { class: 'approval-state' });
        if (c.status === 'APPROVED') {
          state_.appendChild(document.createTextNode(t('wb.approvals.approved', { name: c.decidedByName || '', when: when(c.decidedAt) })
            + (c.decisionWhy ? ' · ' + t('wb.approvals.note') + '：' + c.decisionWhy : '')));
        } else if (c.status === 'REFUSED') {
          state_.appendChild(document.createTextNode(t('wb.approvals.refused', { name: c.decidedByName || '', when: when(c.decidedAt), why: c.decisionWhy || '' })));
        } else if (boot.approves && c.requestedBy !== boot.meId) {
          var note = el('input', { type: 'text', maxlength: '1000', class: 'approval-note', 'aria-label': t('wb.approvals.note'),
            placeholder: t('wb.approvals.note') });
          var yes = el('button', { type: 'button', class: 'primary approve', text: t('wb.approvals.approve') });
          var no = el('button', { type: 'button', class: 'refuse', text: t('wb.approvals.refuse') });
          yes.addEventListener('click', function () {
            api('POST', '/api/workbench/corrections/' + c.id + '/approval', { note: note.value.trim() || null }).then(function () {
              say(t('wb.done.APPROVED'), false); return reloadAll();
            }).catch(fail);
          });
          no.addEventListener('click', function () {
            if (!note.value.trim()) { say(t('wb.approvals.refuse.why'), true); note.focus(); return; }
            api('POST', '/api/workbench/corrections/' + c.id + '/refusal', { why: note.value.trim() }).then(function () {
              say(t('wb.done.REFUSED'), false); return reloadAll();
            }).catch(fail);
          });
          state_.appendChild(document.createTextNode(t('wb.approvals.pending') + ' '));
          [note, yes, no].forEach(function (x) { state_.appendChild(x); });
        } else {
          state_.appendChild(document.createTextNode(t('wb.approvals.pending')
            + (c.requestedBy === boot.meId ? ' · ' + t('wb.approvals.mine') : '')));
        }
        body.appendChild(el('tr', { 'data-status': c.status, 'data-id': c.id, 'data-field': c.field }, [
          el('th', { scope: 'row', text: fieldName(c.field) }), el('td', { class: 'old', text: fieldValue(c.field, c.capturedValue) }),
          el('td', { class: 'new', text: fieldValue(c.field, c.newValue) }),
          el('td', { class: 'asked', text: t('wb.approvals.by', { name: c.requestedByName || '', why: c.why }) }),
          el('td', { text: when(c.requestedAt) }), state_]));
      });
    });
  }

  // ---- one item ------------------------------------------------------------------------------------------------
  function open(n) {
    var summary = state.items[n];
    if (!summary) { return; }
    api('GET', '/api/workbench/items/' + summary.id).then(function (view) {
      state.item = view;
      renderItem(view);
      $('item').hidden = false;
      $('h-item').focus();
      return api('GET', '/api/workbench/items/' + summary.id + '/actions').then(renderHistory);
    }).catch(fail);
  }
  function patientValue(p, field) {
    if (!p) { return ''; }
    switch (field) {
      case 'NAME': return p.name || '';
      case 'SEX': return p.sex ? t('sex.' + p.sex) : '';
      case 'BIRTH_DATE': return p.birthDate || '';
      case 'PHONE': return p.phone || '';
      default: return p.idNumber || '';
    }
  }
  // one part of the score in words: 姓名一致(常见名，HIS 中 230 人) +2.1 (bits of evidence, negative against)
  function component(c, field) {
    var found = (c.components || []).filter(function (x) { return x.field === field; })[0];
    if (!found) { return null; }
    var words = t('wb.part', { field: t('field.' + field), outcome: t('outcome.' + found.outcome) });
    var kind = found.common ? 'common' : found.rare ? 'rare' : null;
    if (kind) {
      var value = t('value.' + kind + '.' + field) + (found.sharedBy > 0 ? t('wb.part.sep') + t('value.holders', { n: found.sharedBy }) : '');
      words = t('wb.part.value', { words: words, value: value });
    }
    return el('span', { class: 'score outcome-' + found.outcome, 'data-field': field }, [words + ' ' + signed(found.weight)]);
  }
  function signed(x) { return (x >= 0 ? '+' : '') + Number(x).toFixed(1); }
  function percent(p) {
    if (p === null || p === undefined) { return null; }
    if (p > 0.999) { return '>99.9%'; }
    if (p < 0.001) { return '<0.1%'; }
    return (p * 100).toFixed(1) + '%';
  }
  function needWhy() {
    var why = $('why').value.trim();
    if (!why) { say(t('wb.why.missing'), true); $('why').focus(); return null; }
    return why;
  }
  function act(body) {
    var why = needWhy();
    if (!why) { return; }
    body.why = why;
    api('POST', '/api/workbench/items/' + state.item.item.id + '/actions', body).then(function (r) {
      say(t('wb.done.' + r.outcome), false);
      $('why').value = '';
      $('item').hidden = true;
      state.item = null;
      return reloadAll().then(function () { $('queue-list').focus(); });
    }).catch(fail);
  }
  function candidateButtons(c, reason, k) {
    var visit = state.item.item.visitId;
    var out = [];
    if (reason === 'PATIENT_PROPOSAL') {
      var a = el('button', { type: 'button', class: 'primary cand-action', 'data-candidate': String(k), text: t('wb.accept') });
      a.addEventListener('click', function () { act({ action: 'ACCEPT_MATCH', hisPatientRef: c.patient.ref }); });
      out.push(a);
    } else if (reason === 'POSSIBLE_DUPLICATE') {
      var mg = el('button', { type: 'button', class: 'primary cand-action', 'data-candidate': String(k), text: t('wb.merge') });
      mg.addEventListener('click', function () { act({ action: 'MERGE', visitIds: [visit, c.patient.ref] }); });
      var um = el('button', { type: 'button', text: t('wb.unmerge') });
      um.addEventListener('click', function () { act({ action: 'UNMERGE', visitIds: [visit, c.patient.ref] }); });
      out.push(mg, um);
    } else {
      var ch = el('button', { type: 'button', class: 'primary cand-action', 'data-candidate': String(k), text: t('wb.choose') });
      ch.addEventListener('click', function () { act({ action: 'CHOOSE_ANOTHER', hisPatientRef: c.patient.ref }); });
      out.push(ch);
    }
    return out;
  }
  function compareTable(table, captured, candidates, reason) {
    var head = clear(table.tHead || table.createTHead()), body = clear(table.tBodies[0] || table.createTBody());
    var hr = el('tr', null, [el('th', { scope: 'col' }), captured ? el('th', { scope: 'col', text: t('wb.captured') }) : null]);
    candidates.forEach(function (c, k) {
      hr.appendChild(el('th', { scope: 'col', class: 'cand', 'data-ref': c.patient.ref }, [t('wb.candidate', { n: k + 1 }),
        el('br'), el('small', { text: c.patient.ref }), el('br'), el('span', { class: 'total', text: t('wb.score') + ' ' + signed(c.score) }),
        percent(c.probability) ? el('br') : null,
        percent(c.probability) ? el('span', { class: 'probability', text: t('wb.probability') + ' ' + percent(c.probability) }) : null]));
    });
    head.appendChild(hr);
    FIELDS.forEach(function (f) {
      var tr = el('tr', { 'data-field': f }, [el('th', { scope: 'row', text: t('field.' + f) }),
        captured ? el('td', { class: 'captured', text: patientValue(captured.patient, f) }) : null]);
      candidates.forEach(function (c) { tr.appendChild(el('td', null, [patientValue(c.patient, f), ' ', component(c, f)])); });
      body.appendChild(tr);
    });
    var ar = el('tr', { class: 'cand-actions' }, [el('th', { scope: 'row' }), captured ? el('td') : null]);
    candidates.forEach(function (c, k) { ar.appendChild(el('td', null, candidateButtons(c, reason, k))); });
    body.appendChild(ar);
  }
  function renderItem(view) {
    var i = view.item, c = view.captured;
    $('item-reason').textContent = t('reason.' + i.reason);
    $('item-detail').textContent = detail(i.detail);
    compareTable($('compare'), c, view.candidates, i.reason);
    var info = el('tr', { class: 'info' }, [el('th', { scope: 'row', text: t('wb.downtimeNo') }),
      el('td', { colspan: String(1 + view.candidates.length) }, [c.downtimeNumber + ' · ' + t('wb.dept') + ' ' + deptName(c.departmentCode)
        + ' · ' + t('wb.kiosk') + ' ' + kioskName(c.kioskId) + ' · ' + t('wb.registeredAt') + ' ' + when(c.registeredAt)
        + ' · ' + t('wb.paper') + ' ' + (c.paperFormId || '-')])]);
    $('compare').tBodies[0].insertBefore(info, $('compare').tBodies[0].firstChild);
    var lines = clear($('lines').tBodies[0]);
    c.lines.forEach(function (l) {
      lines.appendChild(el('tr', null, [el('td', { text: t('kind.' + l.kind) }), el('td', { text: l.code }), el('td', { text: l.name || '' }),
        el('td', { text: String(l.quantity) }), el('td', { class: 'money', text: yuan(l.unitPriceFen) })]));
    });
    var actions = clear($('actions'));
    var patientItem = ['PATIENT_PROPOSAL', 'AMBIGUOUS_IN_HIS', 'POSSIBLE_DUPLICATE', 'PATIENT_UNRESOLVED'].indexOf(i.reason) >= 0;
    if (patientItem && i.reason !== 'PATIENT_UNRESOLVED') {
      var reject = el('button', { type: 'button', id: 'reject', text: t('wb.reject') });
      reject.addEventListener('click', function () { act({ action: 'CREATE_NEW' }); });
      actions.appendChild(reject);
    }
    if (!i.blocking) {
      var traced = el('button', { type: 'button', id: 'traced', text: t('wb.traced') });
      traced.addEventListener('click', function () { act({ action: 'MARK_TRACED' }); });
      actions.appendChild(traced);
    }
    $('search-box').hidden = !patientItem;
    $('search-box').open = patientItem && i.reason !== 'POSSIBLE_DUPLICATE' && view.candidates.length === 0;
    clear($('search-results').tBodies[0]);
    $('correct-box').hidden = !i.blocking;
  }
  function renderHistory(rows) {
    var ol = clear($('history'));
    rows.forEach(function (a) {
      ol.appendChild(el('li', null, [when(a.at) + ' ' + t('action.' + a.action)
        + (a.approvedBy ? ' · ' + t('wb.history.approved', { who: a.actorName || '', approver: a.approvedByName || '' })
          + (a.approvalWhy ? ' · ' + t('wb.approvals.note') + '：' + a.approvalWhy : '') : '') + ' · ' + a.why
        + (a.hisPatientRef ? ' · ' + a.hisPatientRef : '') + (a.newValue ? ' · ' + (a.field || '') + '=' + a.newValue : '')]));
    });
  }

  $('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, q = [];
    ['name', 'phone', 'idNumber', 'birthDate'].forEach(function (k) { if (f[k].value.trim()) { q.push(k + '=' + enc(f[k].value.trim())); } });
    api('GET', '/api/workbench/items/' + state.item.item.id + '/his-search?' + q.join('&')).then(function (found) {
      var table = $('search-results');
      if (!found.length) { clear(table.tBodies[0]).appendChild(el('tr', null, [el('td', { text: t('wb.search.none') })])); clear(table.tHead || table.createTHead()); return; }
      compareTable(table, null, found, 'CHOOSE');
    }).catch(fail);
  });
  $('correct-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    act({ action: 'CORRECT', field: ev.target.field.value, newValue: ev.target.newValue.value.trim() });
    ev.target.newValue.value = '';
  });
  $('act-form').addEventListener('submit', function (ev) { ev.preventDefault(); });

  // ---- traces (dispense mismatches, cashier to-do): read on request, recorded ----------------------------------
  $('load-traces').addEventListener('click', function () {
    if (!state.incident) { return; }
    api('GET', '/api/workbench/incidents/' + enc(state.incident) + '/traces').then(function (tr) {
      $('traces').hidden = false;
      var d = clear($('dispense').tBodies[0]);
      if (!tr.dispenseMismatches.length) { d.appendChild(el('tr', null, [el('td', { colspan: '6', text: t('wb.dispense.none') })])); }
      tr.dispenseMismatches.forEach(function (x) {
        var why = el('input', { type: 'text', maxlength: '500', 'aria-label': t('wb.trace.why') });
        var close = el('button', { type: 'button', text: t('wb.trace.close') });
        close.addEventListener('click', function () {
          if (!why.value.trim()) { why.focus(); return; }
          api('POST', '/api/workbench/incidents/' + enc(state.incident) + '/traces/' + enc(x.key) + '/close', { why: why.value.trim() })
            .then(function () { $('load-traces').click(); }).catch(fail);
        });
        d.appendChild(el('tr', { 'data-mismatch': x.mismatch }, [el('td', { text: x.dispenseId }), el('td', { text: x.orderId || '-' }),
          el('td', { text: t('mismatch.' + x.mismatch) + (x.drugCode ? ' ' + x.drugCode : '') }), el('td', { text: x.expected || '-' }),
          el('td', { text: x.found || '-' }), el('td', null, [why, close])]));
      });
      (tr.closedTraces || []).forEach(function (c) {
        d.appendChild(el('tr', { 'data-mismatch': c.trace.mismatch, class: 'closed' }, [el('td', { text: c.trace.dispenseId }),
          el('td', { text: c.trace.orderId || '-' }), el('td', { text: t('mismatch.' + c.trace.mismatch) }),
          el('td', { colspan: '3', text: t('wb.trace.closed', { why: c.why, when: when(c.closedAt) }) })]));
      });
      var c = clear($('todo').tBodies[0]);
      if (!tr.cashierTodo.length) { c.appendChild(el('tr', null, [el('td', { colspan: '5', text: t('wb.todo.none') })])); }
      tr.cashierTodo.forEach(function (x) {
        c.appendChild(el('tr', { 'data-kind': x.kind }, [el('td', { text: t('todo.' + x.kind) }), el('td', { text: x.patientName || '' }),
          el('td', { text: x.phone || '' }), el('td', { class: 'money', text: yuan(x.amountFen) }), el('td', { text: when(x.since) })]));
      });
    }).catch(fail);
  });

  // ---- the conservation ledger (EP-8.4): per kiosk and kind, every record accounted for ----------------------------
  $('load-ledger').addEventListener('click', function () {
    if (!state.incident) { return; }
    api('GET', '/api/writeback/incidents/' + enc(state.incident) + '/conservation').then(function (c) {
      $('ledger').hidden = false;
      $('ledger-total').textContent = t(c.balances ? 'wb.ledger.balances' : 'wb.ledger.open',
        { received: c.received, written: c.written, waiting: c.waiting, held: c.held, notForHis: c.notForHis, pending: c.pending });
      var b = clear($('ledger-lines').tBodies[0]);
      c.lines.forEach(function (l) {
        var reasons = Object.keys(l.waiting).map(function (r) { return t('reason.' + r) + ' ' + l.waiting[r]; }).join('；');
        var waiting = Object.keys(l.waiting).reduce(function (n, r) { return n + l.waiting[r]; }, 0);
        b.appendChild(el('tr', { 'data-kind': l.kind }, [el('td', { text: kioskName(l.kioskId) }), el('td', { text: t('kind.' + l.kind) }),
          el('td', { text: String(l.received) }), el('td', { text: String(l.written) }),
          el('td', { text: waiting ? waiting + '（' + reasons + '）' : '0' }), el('td', { text: String(l.held) }),
          el('td', { text: String(l.notForHis) }), el('td', { text: String(l.pending) })]));
      });
      // entries a kiosk confirmed but could not read any more (quarantined there): kiosk, sequence, kind, reason
      var lost = c.unreadableOnKiosk || [];
      $('ledger-unreadable').hidden = lost.length === 0;
      $('ledger-confirmed').textContent = t('wb.ledger.confirmed', { confirmed: c.confirmed, received: c.received, unreadable: lost.length });
      var u = clear($('ledger-unreadable-lines').tBodies[0]);
      lost.forEach(function (x) {
        u.appendChild(el('tr', null, [el('td', { text: x.kioskId }), el('td', { text: String(x.kioskSeq) }),
          el('td', { text: x.eventType ? t('kind.' + x.eventType) : t('wb.ledger.kindUnknown') }),
          el('td', { text: t('wb.unreadable.' + x.reason) })]));
      });
    }).catch(fail);
  });

  // ---- keyboard ------------------------------------------------------------------------------------------------
  $('queue-list').addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'j') { ev.preventDefault(); select(Math.min(state.selected + 1, state.items.length - 1)); }
    else if (ev.key === 'ArrowUp' || ev.key === 'k') { ev.preventDefault(); select(Math.max(state.selected - 1, 0)); }
    else if (ev.key === 'Enter') { ev.preventDefault(); open(state.selected); }
  });
  document.addEventListener('keydown', function (ev) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((ev.target && ev.target.tagName) || '');
    if (ev.key === 'Escape' && !$('item').hidden) { $('item').hidden = true; $('queue-list').focus(); return; }
    if (!typing && !$('item').hidden && /^[1-9]$/.test(ev.key)) {
      var b = document.querySelector('#compare .cand-action[data-candidate="' + (Number(ev.key) - 1) + '"]');
      if (b) { ev.preventDefault(); b.focus(); }
    }
  });
  $('incident').addEventListener('change', function () {
    state.incident = $('incident').value; state.selected = 0; $('item').hidden = true; $('traces').hidden = true; reloadAll();
  });
  $('split-by').addEventListener('change', function () { $('area').value = ''; reloadAll(); });
  $('area').addEventListener('change', function () { state.selected = 0; loadQueue().catch(fail); });

  $('me').textContent = boot.me;
  if (!boot.works) {
    // a cashier: only the to-do list; a department head: only the corrections to approve (HR-9)
    ['parcels-card', 'queue-card', 'item'].forEach(function (id) { $(id).hidden = true; });
    if (!boot.cashier) { ['traces-card', 'ledger-card'].forEach(function (id) { $(id).hidden = true; }); }
    if (!boot.approves) { $('approvals-card').hidden = true; }
  }
  loadIncidents().then(function () { return boot.works || boot.approves ? reloadAll() : null; }).catch(fail);
})();
