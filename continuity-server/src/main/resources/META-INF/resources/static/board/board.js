// The incident board: renders the server's snapshot and keeps it live over SSE (/api/board/stream).
// No framework and nothing from the internet: the page must work on the hospital network alone.
(function () {
  'use strict';
  var boot = JSON.parse(document.getElementById('boot').textContent);
  var m = boot.m, lang = boot.lang, zh = lang !== 'en';
  // the leadership group reads; IT writes status reports and team members (the server checks it again)
  var canWrite = boot.canWrite !== false;
  var state = { snapshot: boot.snapshot, receivedAt: Date.now() };

  function t(key, vars) {
    var s = m[key] || key;
    if (vars) { Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); }); }
    return s;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    }); }
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // every time in the hospital's one time zone (server config), whatever the screen's own zone is
  var zoneFormat = null;
  try {
    zoneFormat = new Intl.DateTimeFormat('en-GB', { timeZone: boot.zone || 'Asia/Shanghai', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch (e) { zoneFormat = null; }
  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (zoneFormat) {
      var p = {};
      zoneFormat.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
      // the operations pages' form: 12月6日 14:05 (English 06/12 14:05)
      return zh ? (+p.month) + '月' + (+p.day) + '日 ' + p.hour + ':' + p.minute : p.day + '/' + p.month + ' ' + p.hour + ':' + p.minute;
    }
    return zh ? (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + pad(d.getHours()) + ':' + pad(d.getMinutes())
      : pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  function hms(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600), mi = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h + ':' + pad(mi) + ':' + pad(s);
  }
  function span(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600), mi = Math.floor((seconds % 3600) / 60);
    if (zh) { return h ? h + '小时' + pad(mi) + '分' : mi + '分钟'; }
    return (h ? h + ' h ' : '') + mi + ' min';
  }
  function text(zhText, enText) { return zh ? zhText : (enText || zhText); }
  // engine seconds since the snapshot: a drill's engine runs faster than the wall clock (EP-9.4)
  function drift() { return (Date.now() - state.receivedAt) / 1000 * ((state.snapshot && state.snapshot.engineRate) || 1); }

  // In a drill the engine's times (modes, timeline, ladder) run on the drill's clock; a real instant (an acknowledgement at a
  // kiosk, a kiosk's report) is put on the same clock so the board never mixes the two, and drill times say so (EP-9.4).
  function drilling() { return !!(state.snapshot && state.snapshot.engineRate > 1); }
  function onDrillClock(realIso) {
    var s = state.snapshot;
    var ms = Date.parse(s.engineNow) - (Date.parse(s.now) - Date.parse(realIso)) * s.engineRate;
    return new Date(ms).toISOString();
  }
  // (a department's mode and its acknowledgement are both stamped in real time when a person acknowledges at a kiosk)
  function realWhen(iso) { return !iso ? '' : drilling() ? t('board.drillClock') + ' ' + when(onDrillClock(iso)) : when(iso); }
  // a time of the engine (the timeline, the ladder's due times, the incident's opening and recovery): already on the drill's
  // clock during a drill, and labelled so, as every other time of the board then is
  function engineWhen(iso) { return !iso ? '' : drilling() ? t('board.drillClock') + ' ' + when(iso) : when(iso); }

  // EP-5.1: with no incident, the circumstances IT recorded as in force (holiday, patient volume …), in words
  function renderCircumstances() {
    fetch('/api/incidents/context', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        var box = $('circumstances'), list = (c && c.modifiers) || [];
        box.hidden = !list.length;
        box.textContent = list.length ? t('board.circumstances', { list: list.map(function (x) { return text(x.zh, x.en); }).join(zh ? '、' : ', ') }) : '';
      }, function () {});
  }

  function renderIncident(s) {
    var i = s.incident;
    $('no-incident').hidden = !!i;
    $('incident-body').hidden = !i;
    // no incident open (none yet, or the last one is over): the circumstances in force; an open one has them on its timeline
    if (!i || !i.open) { renderCircumstances(); } else { $('circumstances').hidden = true; }
    if (!i) { return; }
    var badge = $('incident-class');
    // after recovery — declared (the outage ended, departments still restarting) or closed — the class the incident
    // had, marked as recovered (never "ungraded")
    // (a class IT still gives, e.g. after lowering it, is shown as it is)
    var recovered = !i.open || (!!i.outageEndedAt && !i.faultClass);
    var shown = i.faultClass || (recovered ? i.highestClass : null);
    badge.className = 'class-badge ' + (shown || 'none') + (recovered ? ' closed' : '');
    badge.textContent = shown ? t('class.' + shown) + (recovered ? ' · ' + t('board.recovered') : '') : t('board.class.none');
    badge.setAttribute('data-class', i.faultClass || '');
    $('incident-scope').textContent = i.scope ? t('scope.' + i.scope) : '—';
    $('incident-opened').textContent = engineWhen(i.openedAt);
    $('incident-closed-wrap').hidden = !i.closedAt;
    $('incident-closed').textContent = engineWhen(i.closedAt);
    $('report-link').href = '/board/incidents/' + i.id + '/report' + (zh ? '' : '?lang=en');
    var ev = clear($('incident-evidence'));
    (i.evidence || []).forEach(function (e) {
      ev.appendChild(el('li', null, [text(e.zh, e.en), e.clause ? el('span', { 'class': 'clause', text: e.clause }) : null]));
    });
  }

  // several incidents may be open at once (EP-4); the places cut off now (EP-4.1 局部网络不通)
  function renderOpenIncidents(s) {
    var open = s.openIncidents || [], areas = s.areasDown || [];
    $('areas-down-wrap').hidden = areas.length === 0;
    var al = clear($('areas-down'));
    areas.forEach(function (a) {
      al.appendChild(el('li', { 'class': 'area-down' }, [text(a.zh, a.en), ' ', el('span', { 'class': 'muted', text: t('board.incident.number', { n: a.incident }) })]));
    });
    $('open-incidents-wrap').hidden = open.length < 2;
    $('open-incidents-title').textContent = t('board.open.incidents', { n: open.length });
    var list = clear($('open-incidents'));
    open.forEach(function (o) {
      var badge = el('span', { 'class': 'class-badge small ' + (o.faultClass || 'none'), text: o.faultClass ? t('class.' + o.faultClass) : t('board.class.none') });
      var where = (o.areasDown || []).map(function (a) { return text(a.zh, a.en); }).join(zh ? '、' : ', ');
      var first = (o.evidence || [])[0];
      list.appendChild(el('li', { 'class': 'open-incident' + (o.shown ? ' shown' : ''), 'data-number': String(o.number) }, [
        el('b', { text: t('board.incident.number', { n: o.number }) }), ' ', badge, ' ',
        el('span', { text: (o.scope ? t('scope.' + o.scope) : '—') + (where ? ' · ' + where : '') + ' · ' + t('board.opened') + ' ' + engineWhen(o.openedAt) }),
        first ? el('div', { 'class': 'muted', text: text(first.zh, first.en) }) : null,
        el('a', { href: '/board/incidents/' + o.id + '/report' + (zh ? '' : '?lang=en'), text: t('board.report.open') })
      ]));
    });
  }

  function renderThresholds(s) {
    var list = clear($('thresholds'));
    var i = s.incident;
    if (!i || !i.outageStart) { list.appendChild(el('li', { text: t('board.elapsed.none') })); return; }
    if (i.outageEndedAt || !i.open) {
      // recovered: no countdown any more; when it ended, how long it lasted, and where back-entry stands (EP-6.8, EP-8.4)
      var r = s.reconciliation;
      list.appendChild(el('li', { 'class': 'recovered', id: 'threshold-recovered' }, [
        el('div', { 'class': 't-state', text: t('board.recovered') + ' ' + engineWhen(i.outageEndedAt || i.closedAt) }),
        el('div', { text: t('board.recovered.lasted', { time: span(i.elapsedSeconds) }) }),
        el('div', { 'class': 'clause', text: r && r.available ? (r.total ? t('board.recovered.backEntry', { done: r.done, total: r.total })
          : t('board.reconciliation.nothingYet'))
          + (r.allFinished && r.total && !r.hisUnreachableSince ? ' · ' + t('board.reconciliation.finished') : '')
          + (r.hisUnreachableSince ? ' · ' + t('board.reconciliation.waitingHis') : '') : t('board.recovered.restart') })
      ]));
      return;
    }
    i.thresholds.forEach(function (th) {
      var remaining = th.passed ? 0 : th.remainingSeconds - (i.outageEndedAt ? 0 : drift());
      var passed = th.passed || remaining <= 0;
      list.appendChild(el('li', { 'class': passed ? 'passed' : '', id: 'threshold-' + th.clause, 'data-passed': String(passed) }, [
        el('div', { 'class': 't-state', text: passed ? t('threshold.passed') : t('threshold.remaining') + ' ' + span(remaining) }),
        el('div', { text: t('threshold.' + th.clause) }),
        el('div', { 'class': 'clause', text: th.clause + ' · ' + t('threshold.due') + ' ' + engineWhen(th.dueAt) })
      ]));
    });
  }

  function renderElapsed() {
    var s = state.snapshot, i = s && s.incident;
    if (!i) { return; }
    var seconds = i.outageStart ? i.elapsedSeconds + (i.outageEndedAt ? 0 : drift()) : null;
    $('elapsed').textContent = seconds === null ? t('board.elapsed.none') : hms(seconds);
    $('drill-time').hidden = !(s.engineRate > 1);
    $('drill-time').textContent = s.engineRate > 1 ? t('board.drillTime', { rate: s.engineRate }) : '';
    $('elapsed').setAttribute('data-seconds', seconds === null ? '' : String(Math.floor(seconds)));
  }

  function renderDepartments(s) {
    var body = clear($('departments').tBodies[0]);
    (s.departments || []).forEach(function (d) {
      // who acknowledged the instruction that set the mode, and when (EP-6.1); pending ones stand out
      var ack = d.instruction ? (d.acknowledged ? t('board.acknowledged') + (d.acknowledgedBy ? ' · ' + d.acknowledgedBy : '')
        + (d.acknowledgedAt ? ' · ' + realWhen(d.acknowledgedAt) : '') : t('board.acknowledged.no')) : t('board.acknowledged.none');
      body.appendChild(el('tr', { 'data-code': d.code, 'data-mode': d.mode }, [
        el('th', { scope: 'row', text: text(d.zh, d.en) }),
        el('td', { 'class': 'mode-' + d.mode, text: text(d.modeZh, d.modeEn) + (d.since ? ' · ' + t('board.since') + ' ' + realWhen(d.since) : '') }),
        el('td', { 'class': d.instruction && !d.acknowledged ? 'ack-no' : '', text: ack })
      ]));
    });
  }

  function renderTeams(s) {
    var box = clear($('teams'));
    var select = $('team-select');
    if (!select.options.length) {
      (s.teams || []).forEach(function (tm) { select.appendChild(el('option', { value: tm.code, text: t('team.' + tm.code) })); });
    }
    (s.teams || []).forEach(function (tm) {
      var row = el('div', { 'class': 'team', 'data-team': tm.code }, [el('b', { text: t('team.' + tm.code) })]);
      if (!tm.members.length) { row.appendChild(el('span', { 'class': 'clause', text: t('board.team.empty') })); }
      tm.members.forEach(function (mb) {
        var release = !canWrite ? null : el('button', { type: 'button', 'aria-label': t('board.team.release') + ' ' + mb.name, text: '×' });
        if (release) release.addEventListener('click', function () {
          post('/api/board/incidents/' + s.incident.id + '/teams/' + mb.assignmentId + '/release', {}, $('team-form'));
        });
        row.appendChild(el('span', { 'class': 'member' }, [mb.name + (mb.note ? ' (' + mb.note + ')' : ''), release]));
      });
      box.appendChild(row);
    });
    $('team-form').hidden = !(canWrite && s.incident && s.incident.open);
  }

  function renderStatus(s) {
    var due = $('status-due');
    var d = s.statusReportDue;
    due.className = 'due' + (d && d.overdue ? ' overdue' : '');
    due.textContent = d ? (d.overdue ? t('board.status.overdue') : t('board.status.due') + ': ' + engineWhen(d.dueAt)) : '';
    $('status-form').hidden = !(canWrite && s.incident && s.incident.open);
    var list = clear($('status-reports'));
    if (!(s.statusReports || []).length) { list.appendChild(el('li', { text: t('board.statusReports.none') })); }
    (s.statusReports || []).forEach(function (r) {
      list.appendChild(el('li', null, [
        el('div', { 'class': 'who', text: realWhen(r.writtenAt) + ' · ' + r.author }),
        el('div', null, [el('b', { text: t('board.status.conditions') + ': ' }), r.conditions]),
        el('div', null, [el('b', { text: t('board.status.actions') + ': ' }), r.actions]),
        r.needs ? el('div', null, [el('b', { text: t('board.status.needs') + ': ' }), r.needs]) : null
      ]));
    });
  }

  function renderNotifications(s) {
    var counts = clear($('delivery-counts'));
    var n = s.notifications || { deliveries: {}, waiting: [] };
    Object.keys(n.deliveries).forEach(function (k) {
      counts.appendChild(el('span', { 'data-status': k, text: t('delivery.' + k) + ' ' + n.deliveries[k] }));
    });
    var list = clear($('notifications-waiting'));
    if (!n.waiting.length) { list.appendChild(el('li', { text: t('board.notifications.none') })); }
    n.waiting.forEach(function (w) {
      list.appendChild(el('li', { 'data-kind': w.kind, 'data-audience': w.audience }, [text(w.audienceZh, w.audienceEn) + ' · '
        + text(w.kindZh, w.kindEn) + ' · ' + t('board.notifications.round', { round: w.round }) + ' · ' + realWhen(w.createdAt)]));
    });
  }

  function renderFaults(s) {
    var list = clear($('fault-reports'));
    if (!(s.openFaultReports || []).length) { list.appendChild(el('li', { text: t('board.faultReports.none') })); }
    (s.openFaultReports || []).forEach(function (f) {
      list.appendChild(el('li', null, [realWhen(f.filedAt) + ' · ' + f.location + (f.terminal ? ' (' + f.terminal + ')' : '') + ' · ' + f.symptom]));
    });
  }

  // kiosks: what each still holds unsent by its own newest word (its last push or its later readiness report), apart from what
  // the server has stored of it; a kiosk silent for long is said to be silent (what it holds may be more than it last said)
  function renderKiosks(s) {
    var box = clear($('kiosks'));
    var k = s.kiosks || { rows: [], totalPending: 0, withBacklog: 0, totalStored: 0 };
    if (!k.rows.length) { box.appendChild(el('p', { 'class': 'empty', text: t('board.kiosks.none') })); return; }
    box.appendChild(el('p', { id: 'kiosks-total', 'class': k.totalPending ? 'due' : '', 'data-total': String(k.totalPending),
      text: k.totalPending ? t('board.kiosks.total', { total: k.totalPending, count: k.withBacklog }) : t('board.kiosks.allSent') }));
    box.appendChild(el('p', { id: 'kiosks-stored', 'data-stored': String(k.totalStored || 0),
      text: t('board.kiosks.stored', { n: k.totalStored || 0 }) }));
    var table = el('table', { id: 'kiosk-table' }, [el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: t('board.kiosk') }), el('th', { scope: 'col', text: t('board.kiosk.pending') }),
      el('th', { scope: 'col', text: t('board.kiosk.stored') }),
      el('th', { scope: 'col', text: t('board.kiosk.oldest') }), el('th', { scope: 'col', text: t('board.kiosk.lastHeard') })])])]);
    var body = el('tbody');
    k.rows.forEach(function (r) {
      var label = (r.name || t('board.kiosk.unnamed')) + (r.departmentName ? ' · ' + r.departmentName : '');
      var silent = r.seen && r.lastHeardSecondsAgo > 300;
      var pending = !r.seen ? t('board.kiosk.neverSeen') : (r.pending ? String(r.pending) : t('board.kiosk.noneLeft'));
      body.appendChild(el('tr', { 'data-kiosk': r.id, 'data-pending': String(r.pending), 'data-stored': String(r.stored || 0),
        'class': (r.pending ? 'backlog' : '') + (silent ? ' silent' : '') }, [
        el('th', { scope: 'row', text: label }),
        el('td', { 'class': 'pending', text: pending, title: r.pendingAsOf ? t('board.kiosk.asOf', { when: realWhen(r.pendingAsOf) }) : '' }),
        el('td', { 'class': 'stored', text: r.seen ? t('board.kiosk.storedN', { n: r.stored || 0 }) : '—' }),
        el('td', { text: r.pending && r.oldestUnsentAt ? span(r.oldestUnsentSeconds) : '—' }),
        el('td', { 'class': silent ? 'ack-no' : '', text: r.lastHeardAt ? realWhen(r.lastHeardAt)
          + (silent ? ' · ' + t('board.kiosk.silent', { time: span(r.lastHeardSecondsAgo) }) : '') : '—' })
      ]));
    });
    table.appendChild(body);
    box.appendChild(table);
  }

  // back-entry against EP-8.4 (important data the same day, everything the next day), per parcel (EP-8.5)
  function renderReconciliation(s) {
    var box = clear($('reconciliation'));
    var r = s.reconciliation;
    if (!r || !r.available) { box.appendChild(el('p', { 'class': 'empty', text: t('board.reconciliation.noIncident') })); return; }
    if (!r.recoveredAt) { box.appendChild(el('p', { id: 'reconciliation-not-back', text: t('board.reconciliation.notBack') })); }
    // write-back held because the HIS does not take the records (EP-8.4): say so, since when, and why in words
    var held = !!r.hisUnreachableSince;
    if (held) {
      box.appendChild(el('p', { id: 'his-unreachable', 'class': 'due overdue', text: t('board.reconciliation.hisDown',
        { when: realWhen(r.hisUnreachableSince), error: text(r.hisErrorZh, r.hisErrorEn) }) }));
    }
    box.appendChild(el('p', { id: 'reconciliation-written', 'data-written': String(r.writtenBack), text: t('board.reconciliation.written', { n: r.writtenBack }) }));
    function deadline(id, label, done, total, due, finished, late, left) {
      // nothing counted yet is not "done": while the HIS is unreachable or nothing came back, say what is so
      var state = held ? t('board.reconciliation.waitingHis') : (finished && total === 0) ? t('board.reconciliation.nothingYet')
        : finished ? t('board.reconciliation.finished') : late ? t('board.reconciliation.late')
        : (due ? t('board.reconciliation.left', { time: span(left) }) : '');
      finished = finished && !held && total > 0;
      return el('div', { id: id, 'class': 'deadline' + (late ? ' late' : '') + (finished ? ' finished' : ''), 'data-done': String(done),
        'data-total': String(total), 'data-late': String(late) }, [
        el('b', { text: label }), ' ', total ? el('span', { 'class': 'progress', text: t('board.reconciliation.progress', { done: done, total: total }) }) : null,
        due ? el('span', { 'class': 'clause', text: ' · ' + t('board.reconciliation.due', { when: when(due) }) }) : null,
        state ? el('span', { 'class': 'state', text: ' · ' + state }) : null]);
    }
    box.appendChild(deadline('backentry-important', t('board.reconciliation.important'), r.importantDone, r.important, r.importantDue,
      r.importantFinished, r.importantLate, r.importantSecondsLeft));
    box.appendChild(deadline('backentry-all', t('board.reconciliation.all'), r.done, r.total, r.allDue, r.allFinished, r.allLate, r.allSecondsLeft));
    if (!r.areas.length) {
      if (!held) { box.appendChild(el('p', { 'class': 'empty', text: t('board.reconciliation.empty') })); }
      return;
    }
    var table = el('table', { id: 'parcel-table' }, [el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: t('board.reconciliation.area') }), el('th', { scope: 'col', text: t('board.reconciliation.owner') }),
      el('th', { scope: 'col', text: t('board.reconciliation.important') }), el('th', { scope: 'col', text: t('board.reconciliation.all') })])])]);
    var body = el('tbody');
    r.areas.forEach(function (a) {
      body.appendChild(el('tr', { 'data-area': a.area, 'data-done': String(a.done), 'data-total': String(a.total) }, [
        el('th', { scope: 'row', text: a.name || a.area }),
        el('td', { text: a.owner || t('board.reconciliation.unassigned') }),
        el('td', { text: a.importantDone + '/' + a.important }),
        el('td', { text: a.done + '/' + a.total })]));
    });
    table.appendChild(body);
    box.appendChild(table);
  }

  function renderTimeline(s) {
    var list = clear($('timeline'));
    (s.timeline || []).slice().reverse().forEach(function (e) {
      list.appendChild(el('li', { 'data-kind': e.kind }, [el('time', { text: engineWhen(e.at) }), text(e.zh, e.en),
        e.clause ? el('span', { 'class': 'clause', text: e.clause }) : null]));
    });
  }

  function render(s) {
    state.snapshot = s;
    state.receivedAt = Date.now();
    $('updated').textContent = drilling() ? realWhen(s.now) : when(s.now);
    renderIncident(s); renderOpenIncidents(s); renderThresholds(s); renderElapsed(); renderDepartments(s); renderTeams(s); renderStatus(s);
    renderNotifications(s); renderFaults(s); renderKiosks(s); renderReconciliation(s);
    renderTimeline(s);
    document.body.setAttribute('data-rendered', String(state.receivedAt));
  }


  function post(url, body, form) {
    var out = form.querySelector('.form-error');
    out.textContent = '';
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (!r.ok) {
          return r.json().then(function (p) { out.textContent = t('board.error') + ': ' + (p.detail || p.title || r.status); throw new Error('rejected'); },
            function () { out.textContent = t('board.error') + ': ' + r.status; throw new Error('rejected'); });
        }
        return r.status === 204 ? null : r.json();
      });
  }

  $('status-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, s = state.snapshot;
    post('/api/board/incidents/' + s.incident.id + '/status-reports', {
      conditions: f.conditions.value, actions: f.actions.value, needs: f.needs.value
    }, f).then(function () { f.reset(); }, function () {});
  });
  $('team-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, s = state.snapshot;
    post('/api/board/incidents/' + s.incident.id + '/teams', {
      team: f.team.value, personId: f.personId.value, note: f.note.value
    }, f).then(function () { f.personId.value = ''; f.note.value = ''; f.personId.focus(); }, function () {});
  });
  // EP-8.2: team members are picked from the directory (by department), so the team's notices reach them
  function loadPeople() {
    var get = function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
    };
    Promise.all([get('/api/departments'), get('/api/people')]).then(function (r) {
      var select = clear($('team-person'));
      select.appendChild(el('option', { value: '', text: t('board.team.pick') }));
      r[0].forEach(function (d) {
        var members = r[1].filter(function (p) { return p.active && p.departmentCode === d.code; })
          .sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); });
        if (!members.length) { return; }
        var group = el('optgroup', { label: text(d.nameZh, d.nameEn) });
        members.forEach(function (p) { group.appendChild(el('option', { value: p.id, text: p.name })); });
        select.appendChild(group);
      });
    }, function () {});
  }
  if (canWrite) { loadPeople(); }
  $('me').textContent = boot.me || '';

  render(state.snapshot);
  setInterval(function () { renderElapsed(); }, 1000);
  setInterval(function () { renderThresholds(state.snapshot); }, 15000);

  var conn = $('connection');
  function live(ok) { conn.className = 'conn ' + (ok ? 'live' : 'lost'); conn.textContent = ok ? t('board.connection.live') : t('board.connection.lost'); }
  if (window.EventSource) {
    var source = new EventSource('/api/board/stream');
    source.onopen = function () { live(true); };
    source.onmessage = function (e) { live(true); render(JSON.parse(e.data)); };
    source.onerror = function () { live(false); };
  } else {
    setInterval(function () { fetch('/api/board').then(function (r) { return r.json(); }).then(render); }, 5000);
    live(true);
  }
})();
