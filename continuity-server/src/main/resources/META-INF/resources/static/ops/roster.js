// IT's duty roster page (HR-15..17): who is on duty now and how to reach them, the roster of the coming days, a shift
// added by an administrator, a handover recorded by the shift's holder with who takes over next. Every action calls
// the directory's JSON API (/api/roster, /api/people), role-checked and audited there.
(function () {
  'use strict';
  var P = OpsKit, t = P.t, $ = P.$, el = P.el, clear = P.clear;
  var POSTS = ['SYSTEM_MAINTENANCE', 'DATA_OPERATIONS', 'NETWORK_SECURITY', 'APPLICATION_DEVELOPMENT', 'EMERGENCY_SUPPORT'];
  // HR-15: each kind's window in hospital time; a night ends the next morning
  var KINDS = { WEEKDAY_DAY: ['08:00', '17:00'], NIGHT: ['18:00', '08:00'], HOLIDAY_DAY: ['08:00', '20:00'], HOLIDAY_NIGHT: ['20:00', '08:00'] };
  var state = { shifts: [], handovers: {}, open: null, people: [] };

  function post(code) { return t('roster.post.' + code); }
  function kind(code) { return t('roster.kind.' + code); }
  function nextDay(date) {
    var d = new Date(Date.parse(date + 'T12:00:00Z') + 86400000);
    return d.toISOString().substring(0, 10);
  }

  // ---- who is on duty now ----
  function renderOnDuty(list) {
    var box = clear($('on-duty'));
    if (!list || !list.length) { box.appendChild(el('li', { 'class': 'none', text: t('roster.now.none') })); return; }
    list.forEach(function (d) {
      var reach = (d.reachBy || []).map(function (r) { return t('roster.contact.' + r.kind) + ' ' + r.address; }).join('；');
      box.appendChild(el('li', { 'class': 'on-duty' }, [
        el('b', { text: post(d.post) + '：' + d.name }),
        ' · ' + kind(d.kind) + ' ' + P.clock(d.startsAt) + '–' + P.clock(d.endsAt),
        reach ? el('div', { 'class': 'reach', text: t('roster.reach') + '：' + reach }) : null]));
    });
  }

  // the next shift of the same post: who takes over at a handover
  function nextOf(s) {
    var next = null;
    state.shifts.forEach(function (o) {
      if (o.post === s.post && Date.parse(o.startsAt) >= Date.parse(s.endsAt) && (!next || Date.parse(o.startsAt) < Date.parse(next.startsAt))) { next = o; }
    });
    return next;
  }

  function handoverCell(s) {
    var cell = el('td', { 'class': 'handovers' });
    var list = state.handovers[s.id];
    var started = Date.parse(s.startsAt) <= Date.now();
    if (list && list.length) {
      var details = el('details', null, [el('summary', { text: t('roster.handover.count', { count: list.length }) })]);
      list.forEach(function (h) {
        details.appendChild(el('div', { 'class': 'handover' }, [
          el('p', { 'class': 'meta', text: t('roster.handover.by', { name: h.recordedByName || '', when: P.when(h.recordedAt) }) }),
          el('p', { text: t('roster.handover.workDone') + '：' + h.workDone }),
          el('p', { text: t('roster.handover.open') + '：' + h.openProblems })]));
      });
      cell.appendChild(details);
    } else if (started) {
      cell.appendChild(el('span', { 'class': 'none', text: t('roster.handover.noneYet') }));
    }
    var next = nextOf(s);
    cell.appendChild(el('div', { 'class': 'next', text: next ? t('roster.handover.next', { name: next.personName, when: P.when(next.startsAt) })
      : t('roster.handover.nextNone') }));
    var mine = P.boot.personId && s.personId === P.boot.personId;
    if (started && (mine || P.boot.admin)) {
      var b = el('button', { type: 'button', 'class': 'record-handover', 'aria-label': t('roster.handover.for',
        { post: post(s.post), day: P.day(s.startsAt), kind: kind(s.kind) }), text: t('roster.handover.record') });
      b.addEventListener('click', function () { state.open = s.id; render(); var f = $('handover-' + s.id); if (f) { f.querySelector('textarea').focus(); } });
      cell.appendChild(b);
    }
    return cell;
  }

  function handoverForm(s) {
    var form = el('form', { id: 'handover-' + s.id, 'class': 'stack-form handover-form', novalidate: 'novalidate' });
    var done = el('textarea', { name: 'workDone', rows: '3', maxlength: '4000', 'aria-label': t('roster.handover.workDone') });
    var open = el('textarea', { name: 'openProblems', rows: '3', maxlength: '4000', 'aria-label': t('roster.handover.open') });
    form.appendChild(el('label', null, [t('roster.handover.workDone'), done]));
    form.appendChild(el('label', null, [t('roster.handover.open'), open]));
    var next = nextOf(s);
    form.appendChild(el('p', { text: next ? t('roster.handover.next', { name: next.personName, when: P.when(next.startsAt) }) : t('roster.handover.nextNone') }));
    form.appendChild(el('button', { type: 'submit', text: t('roster.handover.submit') }));
    var cancel = el('button', { type: 'button', text: t('people.cancel') });
    cancel.addEventListener('click', function () { state.open = null; render(); });
    form.appendChild(cancel);
    form.appendChild(el('output', { 'class': 'form-error', role: 'alert' }));
    form.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { state.open = null; render(); } });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (P.invalid(form, [
        { bad: !done.value.trim(), text: t('roster.handover.workDone.missing'), field: done },
        { bad: !open.value.trim(), text: t('roster.handover.open.missing'), field: open }])) { return; }
      P.call('POST', '/api/roster/shifts/' + encodeURIComponent(s.id) + '/handovers',
        { workDone: done.value.trim(), openProblems: open.value.trim() }, form).then(function () {
        state.open = null;
        P.say(t('roster.handover.done'));
        return load();
      }, function () {});
    });
    return form;
  }

  function load() {
    var from = $('range-from').value || P.dateOf(new Date());
    var days = Math.max(1, Math.min(31, +$('range-days').value || 7));
    var start = P.instantOf(from + 'T00:00'), end = new Date(Date.parse(start) + days * 86400000).toISOString();
    // a shift of the day before may run into the range (a night), and the next holder may start after it
    var askFrom = new Date(Date.parse(start) - 86400000).toISOString(), askTo = new Date(Date.parse(end) + 86400000).toISOString();
    return Promise.all([P.get('/api/roster/on-duty'), P.get('/api/roster/shifts?from=' + encodeURIComponent(askFrom) + '&to=' + encodeURIComponent(askTo))])
      .then(function (r) {
        renderOnDuty(r[0]);
        var all = (r[1] || []).slice().sort(function (a, b) { return Date.parse(a.startsAt) - Date.parse(b.startsAt) || POSTS.indexOf(a.post) - POSTS.indexOf(b.post); });
        state.shifts = all;
        var shown = all.filter(function (s) { return Date.parse(s.endsAt) > Date.parse(start) && Date.parse(s.startsAt) < Date.parse(end); });
        var started = shown.filter(function (s) { return Date.parse(s.startsAt) <= Date.now(); });
        return Promise.all(started.map(function (s) {
          return P.get('/api/roster/shifts/' + encodeURIComponent(s.id) + '/handovers').then(function (h) { state.handovers[s.id] = h || []; });
        })).then(function () {
          state.rows = shown;
          render();
        });
      }, function () {});
  }
  // the table lists the shifts of the range; nextOf looks at every shift fetched (the next holder may start after it)
  function render() {
    var rows = state.rows || [];
    var body = clear($('shifts').tBodies[0]);
    var lastDay = null;
    rows.forEach(function (s) {
      var d = P.day(s.startsAt);
      body.appendChild(el('tr', { 'class': 'shift' + (Date.parse(s.startsAt) <= Date.now() && Date.now() < Date.parse(s.endsAt) ? ' now' : '') }, [
        el('th', { scope: 'row', text: d === lastDay ? '' : d }),
        el('td', { text: kind(s.kind) }),
        el('td', { text: P.clock(s.startsAt) + '–' + P.clock(s.endsAt) }),
        el('td', { text: post(s.post) }),
        el('td', { text: s.personName || '' }),
        handoverCell(s)]));
      lastDay = d;
      if (state.open === s.id) { body.appendChild(el('tr', { 'class': 'editor' }, [el('td', { colspan: '6' }, [handoverForm(s)])])); }
    });
    if (!body.firstChild) { body.appendChild(el('tr', null, [el('td', { colspan: '6', text: t('roster.none') })])); }
  }

  $('range-from').value = P.dateOf(new Date());
  $('range-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });

  // ---- a new shift (administrators) ----
  function fill(select, items) {
    clear(select);
    select.appendChild(el('option', { value: '', text: t('people.choose') }));
    items.forEach(function (i) { select.appendChild(el('option', { value: i.value, text: i.text })); });
  }
  if (P.boot.admin) {
    $('add-card').hidden = false;
    fill($('shift-post'), POSTS.map(function (p) { return { value: p, text: post(p) }; }));
    fill($('shift-kind'), Object.keys(KINDS).map(function (k) { return { value: k, text: kind(k) + ' ' + KINDS[k][0] + '–' + KINDS[k][1] }; }));
    $('shift-date').value = P.dateOf(new Date());
    P.get('/api/people').then(function (people) {
      state.people = (people || []).filter(function (p) {
        return p.active && (p.roles.indexOf('IT_DUTY') >= 0 || p.roles.indexOf('IT_ADMIN') >= 0);
      }).sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); });
      fill($('shift-person'), state.people.map(function (p) { return { value: p.id, text: p.name }; }));
      if (!state.people.length) { P.say(t('roster.add.noIt'), true); }
    }, function () {});
    $('shift-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var form = ev.target, k = $('shift-kind').value, date = $('shift-date').value;
      if (P.invalid(form, [
        { bad: !$('shift-post').value, text: t('roster.add.post.missing'), field: $('shift-post') },
        { bad: !$('shift-person').value, text: t('roster.add.person.missing'), field: $('shift-person') },
        { bad: !k, text: t('roster.add.kind.missing'), field: $('shift-kind') },
        { bad: !date, text: t('roster.add.date.missing'), field: $('shift-date') }])) { return; }
      var from = $('shift-start').value || KINDS[k][0], to = $('shift-end').value || KINDS[k][1];
      var overnight = KINDS[k][1] < KINDS[k][0];
      // a night's part after midnight belongs to the next calendar day
      var startDay = overnight && from < KINDS[k][0] ? nextDay(date) : date;
      var endDay = overnight && to <= KINDS[k][1] ? nextDay(date) : date;
      var body = { post: $('shift-post').value, personId: $('shift-person').value, kind: k,
        startsAt: P.instantOf(startDay + 'T' + from), endsAt: P.instantOf(endDay + 'T' + to) };
      var who = $('shift-person').selectedOptions[0].textContent, postName = post(body.post);
      P.call('POST', '/api/roster/shifts', body, form).then(function () {
        P.say(t('roster.add.done', { name: who, day: P.day(body.startsAt), kind: kind(k), post: postName }));
        $('shift-start').value = ''; $('shift-end').value = '';
        return load();
      }, function () {});
    });
  }
  load();
})();
