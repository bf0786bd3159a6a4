// IT's operations page: every action calls the owning feature's JSON API (role-checked and audited there).
// No framework, nothing from the internet. Codes are sent; names in the page's language are shown.
(function () {
  'use strict';
  var K = window.OpsKit, boot = K.boot, zh = K.zh;
  var t = K.t, $ = K.$, el = K.el, clear = K.clear, name = K.name, byCode = K.byCode, when = K.when, instantOf = K.instantOf,
    span = K.span, say = K.say, call = K.call, get = K.get;
  var state = { incident: null, reports: [] };
  function party(code) { return boot.parties[code] ? name(boot.parties[code]) : code; }

  // ---- choices ----
  function fill(select, list, withEmpty) {
    clear(select);
    if (withEmpty) { select.appendChild(el('option', { value: '', text: t('ops.choose') })); }
    list.forEach(function (c) { select.appendChild(el('option', { value: c.code, text: name(c) })); });
  }
  fill($('override-class'), boot.classes, false);
  fill($('file-area'), boot.departments, true);
  fill($('manual-department'), boot.departments, true);
  fill($('file-symptom-code'), boot.symptoms, true);

  // ---- the incident, departments and instructions ----
  function renderIncident(i) {
    var box = clear($('incident-summary'));
    $('incident-actions').hidden = !(i && !i.closedAt);
    if (!i) { box.appendChild(el('p', { id: 'incident-none', text: t('ops.incident.none') })); return; }
    var klass = byCode(boot.classes, i.faultClass || (i.closedAt ? i.highestClass : null));
    if (i.closedAt) { box.appendChild(el('p', { text: t('ops.incident.last') })); }
    box.appendChild(el('p', { id: 'incident-class', 'data-class': i.faultClass || '' }, [el('b', { text: t('ops.incident.class') + '：' }),
      klass ? name(klass) : t('ops.incident.class.none')]));
    box.appendChild(el('p', null, [t('ops.incident.opened') + '：' + when(i.openedAt)
      + (i.outageStart ? ' · ' + t('ops.incident.outage') + '：' + when(i.outageStart) : '')
      + (i.outageEndedAt ? ' · ' + t('ops.incident.outageEnded') + '：' + when(i.outageEndedAt) : '')
      + (i.closedAt ? ' · ' + t('ops.incident.closed') + '：' + when(i.closedAt) : '')]));
  }

  function renderModes(modes) {
    var body = clear($('modes').tBodies[0]);
    (modes || []).forEach(function (d) {
      var action = null;
      if (d.mode === 'RECOVERING') {
        action = el('button', { type: 'button', 'data-department': d.department, text: t('ops.backToNormal') });
        action.addEventListener('click', function () {
          call('POST', '/api/modes/' + encodeURIComponent(d.department) + '/back-to-normal', undefined, null).then(function () {
            say(t('ops.backToNormal.done', { department: zh ? d.nameZh : d.nameEn }));
            refresh();
          }, function () {});
        });
      }
      body.appendChild(el('tr', { 'data-department': d.department, 'data-mode': d.mode }, [
        el('th', { scope: 'row', text: zh ? d.nameZh : (d.nameEn || d.nameZh) }),
        el('td', { 'class': 'mode-' + d.mode, text: t('ops.mode.' + d.mode) + (d.since ? ' · ' + when(d.since) : '') }),
        el('td', null, [action])
      ]));
    });
  }

  function renderInstructions(list) {
    var box = clear($('instructions'));
    if (!list || !list.length) { box.appendChild(el('li', { text: t('ops.instructions.none') })); return; }
    list.slice().reverse().forEach(function (i) {
      var ack = i.acknowledgements && i.acknowledgements.length ? i.acknowledgements[0] : null;
      box.appendChild(el('li', { 'data-party': i.party, 'data-kind': i.kind }, [
        el('div', { 'class': 'who', text: when(i.issuedAt) + ' · ' + party(i.party) }),
        el('div', { text: zh ? i.zh : (i.en || i.zh) }),
        el('div', { 'class': ack ? 'acked' : 'ack-no', text: ack ? t('ops.instruction.acked', { who: ack.personName, when: when(ack.at) })
          : t('ops.instruction.pending') })
      ]));
    });
  }

  // ---- fault reports ----
  function renderReports(list) {
    var box = clear($('reports'));
    if (!list.length) { box.appendChild(el('li', { text: t('ops.reports.none') })); return; }
    list.forEach(function (r, index) {
      var area = byCode(boot.departments, r.area), kind = byCode(boot.symptoms, r.symptomCode), cause = byCode(boot.causes, r.cause);
      var item = el('li', { 'data-state': r.verification, 'class': 'report' }, [
        el('div', { 'class': 'who' }, [el('span', { 'class': 'state ' + r.verification, text: t('ops.report.state.' + r.verification) }),
          ' · ' + t('ops.report.filed') + ' ' + when(r.filedAt) + ' · ' + t('ops.report.by') + ' ' + (r.reporter || '')]),
        el('div', { text: r.location + (r.terminal ? '（' + r.terminal + '）' : '') + (area ? ' · ' + name(area) : '')
          + (kind ? ' · ' + name(kind) : '') }),
        el('div', { text: r.symptom + (r.observedSince ? ' · ' + t('ops.report.since') + ' ' + when(r.observedSince) : '') }),
        r.verification !== 'UNVERIFIED' ? el('div', { 'class': 'clause', text: t('ops.report.verifiedBy') + ' ' + (r.verifiedBy || '')
          + ' ' + when(r.verifiedAt) + (cause ? ' · ' + t('ops.report.cause') + '：' + name(cause) : '')
          + (r.verificationNote ? ' · ' + r.verificationNote : '') }) : null
      ]);
      if (r.verification === 'UNVERIFIED') {
        var form = el('form', { 'class': 'report-actions' });
        var causeSelect = el('select', { name: 'cause', 'aria-label': t('ops.report.cause') });
        fill(causeSelect, boot.causes, true);
        var note = el('input', { name: 'note', maxlength: '2000', 'aria-label': t('ops.report.note'), placeholder: t('ops.report.note') });
        var confirm = el('button', { type: 'submit', value: 'CONFIRMED', text: t('ops.report.confirm') });
        var deny = el('button', { type: 'submit', value: 'NOT_REPRODUCED', text: t('ops.report.deny') });
        form.appendChild(el('label', null, [t('ops.report.cause') + ' ', causeSelect]));
        form.appendChild(note);
        form.appendChild(confirm);
        form.appendChild(deny);
        form.appendChild(el('output', { 'class': 'form-error', role: 'alert' }));
        form.addEventListener('submit', function (ev) {
          ev.preventDefault();
          var outcome = ev.submitter ? ev.submitter.value : 'CONFIRMED';
          call('POST', '/api/fault-reports/' + r.id + '/verification', { outcome: outcome, cause: causeSelect.value || null,
            note: note.value || null }, form).then(function () {
            say(t('ops.report.done.' + outcome));
            refresh();
          }, function () {});
        });
        item.appendChild(form);
      }
      box.appendChild(item);
    });
  }

  $('file-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    call('POST', '/api/fault-reports', { location: f.location.value, terminal: f.terminal.value || null, symptom: f.symptom.value,
      area: f.area.value || null, symptomCode: f.symptomCode.value || null, observedSince: instantOf(f.since.value) }, f)
      .then(function () { f.reset(); say(t('ops.file.done')); refresh(); $('file-location').focus(); }, function () {});
  });

  // ---- class override, recovery ----
  $('override-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    call('PUT', '/api/incidents/' + state.incident.id + '/override', { faultClass: f.faultClass.value, reason: f.reason.value }, f)
      .then(function () { f.reason.value = ''; say(t('ops.override.submit') + '：' + name(byCode(boot.classes, f.faultClass.value))); refresh(); },
        function () {});
  });
  $('lift-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    call('POST', '/api/incidents/' + state.incident.id + '/override/lift', { reason: f.reason.value }, f)
      .then(function () { f.reason.value = ''; say(t('ops.override.lift')); refresh(); }, function () {});
  });
  // EP-5.2: critically ill patients may switch a department to manual operation at any moment, before the ladder's time;
  // the engine issues the department's switch instruction (EP-6.1), which its people acknowledge at their kiosks
  $('manual-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    var department = byCode(boot.departments, f.department.value);
    call('POST', '/api/incidents/manual-mode-requests', { department: f.department.value, reason: f.reason.value }, f)
      .then(function () { f.reset(); say(t('ops.manual.done', { department: name(department) })); refresh(); }, function () {});
  });
  $('recovery-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    call('POST', '/api/incidents/' + state.incident.id + '/recovery', { note: f.note.value || null }, f)
      .then(function () { f.reset(); say(t('ops.recovery.done')); refresh(); }, function () {});
  });

  // ---- EP-5.1 circumstances: set by IT, weighed by the leadership group; the plan's EP-5.2 times do not move ----
  (function () {
    var box = $('context-choices');
    boot.modifiers.forEach(function (c) {
      box.appendChild(el('label', { 'class': 'check' }, [el('input', { type: 'checkbox', name: 'modifier', value: c.code,
        id: 'context-' + c.code.toLowerCase() }), ' ' + name(c)]));
    });
  })();
  function renderContext(detail, inForce) {
    var latest = null;
    ((detail && detail.timeline) || []).forEach(function (e) { if (e.kind === 'CONTEXT_CHANGED') { latest = e; } });
    var now = $('context-now');
    if (!latest) {
      // no incident, or none set during it: what is in force now (set on an ordinary day, it applies when a fault comes)
      var codes0 = ((inForce && inForce.modifiers) || []).map(function (c) { return c.code; });
      now.textContent = codes0.length ? t('ops.context.inForce', { list: inForce.modifiers.map(name).join('、') })
        : detail ? t('ops.context.none') : t('ops.context.ordinary');
      if (state.contextShown !== 'idle:' + codes0.join(',') && !state.contextTouched) {
        state.contextShown = 'idle:' + codes0.join(',');
        Array.prototype.forEach.call(document.querySelectorAll('#context-choices input'), function (i) { i.checked = codes0.indexOf(i.value) >= 0; });
      }
      return;
    }
    var codes = (latest.data && latest.data.modifiers) || [];
    now.textContent = codes.length ? t('ops.context.now', { list: codes.map(function (c) { return name(byCode(boot.modifiers, c)); }).join('、'),
      when: when(latest.at) }) : t('ops.context.cleared', { when: when(latest.at) });
    if ((!state.contextShown || state.contextShown !== latest.seq) && !state.contextTouched) {
      // the boxes follow what is in force unless the person is changing them
      state.contextShown = latest.seq;
      Array.prototype.forEach.call(document.querySelectorAll('#context-choices input'), function (i) { i.checked = codes.indexOf(i.value) >= 0; });
    }
  }
  // a box the person ticked or cleared stays as they left it (a refresh arriving meanwhile does not undo it) until they save
  $('context-choices').addEventListener('change', function () { state.contextTouched = true; });
  $('context-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    var chosen = Array.prototype.filter.call(f.querySelectorAll('input[name=modifier]'), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    call('PUT', '/api/incidents/context', { modifiers: chosen }, f).then(function () {
      state.contextTouched = false;
      say(chosen.length ? t('ops.context.done', { list: chosen.map(function (c) { return name(byCode(boot.modifiers, c)); }).join('、') })
        : t('ops.context.done.none'));
      refresh();
    }, function () {});
  });

  // ---- write-back ----
  function renderWriteBack(incident, p) {
    var box = clear($('writeback'));
    $('writeback-form').hidden = !incident;
    if (!incident) { box.appendChild(el('p', { text: t('ops.writeback.none') })); return; }
    box.appendChild(el('p', { text: t('ops.writeback.for', { when: when(incident.openedAt) }) }));
    if (!p) { return; }
    if (p.heldForDrill) {
      // a drill never writes to the real HIS (HR-21): its records stay on the server; nothing to run
      $('writeback-form').hidden = true;
      box.appendChild(el('p', { id: 'writeback-held', 'class': 'his-down', text: t('ops.writeback.heldForDrill') }));
    } else if (p.paused) {
      box.appendChild(el('p', { id: 'writeback-paused', 'class': 'his-down',
        text: t('ops.writeback.paused', { when: when(p.pausedAt), n: p.waitingOnWorkbench }) }));
      box.appendChild(el('p', { text: t('ops.writeback.pausedError') }));
    } else {
      box.appendChild(el('p', { id: 'writeback-ok', text: t('ops.writeback.ok') }));
    }
    box.appendChild(el('p', { id: 'writeback-written', text: t('ops.writeback.written', { n: p.written }) }));
    box.appendChild(el('p', { text: t('ops.writeback.waiting', { n: p.waitingOnWorkbench }) }));
    if (p.openFlags) { box.appendChild(el('p', { text: t('ops.writeback.flags', { n: p.openFlags }) })); }
    if (p.lastRun) {
      box.appendChild(el('p', { 'class': 'clause', text: t('ops.writeback.lastRun', { total: p.lastRun.total, written: p.lastRun.written,
        workbench: p.lastRun.toWorkbench, took: span(p.lastRun.tookMillis) }) }));
    }
  }
  $('writeback-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    if (!state.writeBackIncident) { return; }
    call('POST', '/api/writeback/incidents/' + state.writeBackIncident.id + '/run', undefined, f)
      .then(function () { say(t('ops.writeback.done')); refresh(); }, function () {});
  });

  function refresh() {
    return Promise.all([get('/api/incidents/current'), get('/api/incidents?limit=1'), get('/api/modes'), get('/api/fault-reports?limit=50')])
      .then(function (r) {
        var current = r[0], last = r[1] && r[1].length ? r[1][0] : null;
        var shown = current || last;
        state.incident = shown;
        state.writeBackIncident = shown;
        renderIncident(shown);
        renderModes(r[2]);
        renderReports(r[3] || []);
        var more = [shown ? get('/api/incidents/' + shown.id + '/instructions') : Promise.resolve([]),
          shown ? get('/api/writeback/incidents/' + shown.id) : Promise.resolve(null),
          current ? get('/api/incidents/' + current.id) : Promise.resolve(null), get('/api/incidents/context')];
        return Promise.all(more).then(function (x) { renderInstructions(x[0]); renderWriteBack(shown, x[1]); renderContext(x[2], x[3]); });
      })
      .then(function () { document.body.setAttribute('data-rendered', String(Date.now())); },
        function () { say(t('error.other'), true); });
  }

  refresh();
  setInterval(refresh, 15000);
})();
