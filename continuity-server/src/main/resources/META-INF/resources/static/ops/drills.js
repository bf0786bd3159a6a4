// IT's drill page (EP-9.4, HR-21): start from a scenario chosen by its name, at a speed in words; follow the drill on its own
// clock (drill time, labelled as such); stop it; open each drill's report. Every action is the drill API's (role-checked, audited).
(function () {
  'use strict';
  var K = window.OpsKit, t = K.t, $ = K.$, el = K.el, clear = K.clear, zh = K.zh;
  var state = { scenarios: [], current: null };

  function title(d) { return zh ? d.titleZh : (d.titleEn || d.titleZh); }
  function speed(factor) { return m('drills.speed.' + factor) || t('drills.speed.other', { n: factor }); }
  function m(key) { return K.boot.m[key]; }

  // the drill's clock: plan time since the drill began (the engine runs factor times as fast from the start)
  function drillElapsed(d, realMs) { return Math.max(0, realMs - Date.parse(d.since)) * d.factor; }

  function renderCurrent() {
    var d = state.current;
    var key = d ? d.id : 'none';
    if (state.shown === key) { tick(); return; }
    state.shown = key;
    var box = clear($('current-drill'));
    $('stop-form').hidden = !d;
    $('start-button').disabled = !!d;
    if (!d) { box.appendChild(el('p', { id: 'drill-none', text: t('drills.none') })); return; }
    box.appendChild(el('p', { id: 'drill-title', 'class': 'his-down' }, [t('drills.running', { title: title(d) })]));
    box.appendChild(el('p', null, [el('b', { text: t('drills.clock') + '：' }), el('span', { id: 'drill-clock' })]));
    box.appendChild(el('p', { id: 'drill-real' }));
    tick();
    box.appendChild(el('p', null, [el('a', { href: '/drills/' + d.id + '/report' + (zh ? '' : '?lang=en'), id: 'drill-report-link',
      text: t('drills.report.open') }), ' · ', el('a', { href: '/board' + (zh ? '' : '?lang=en'), text: t('drills.board') })]));
  }

  // only the clock's words change each second: links and fields keep their focus
  function tick() {
    var d = state.current;
    if (!d || !$('drill-clock')) { return; }
    var now = Date.now();
    $('drill-clock').textContent = t('drills.clock.value', { elapsed: K.span(drillElapsed(d, now)) });
    $('drill-real').textContent = t('drills.real', { when: K.when(d.since), elapsed: K.span(now - Date.parse(d.since)), speed: speed(d.factor) });
  }

  function stateWords(d) {
    if (d.status === 'RUNNING') { return t('drills.state.RUNNING'); }
    if (d.status === 'FINISHED') { return t('drills.state.FINISHED'); }
    if (d.endedBy === 'system') { return t('drills.state.STOPPED.fault'); }
    var why = d.endReason && d.endReason !== 'stopped' ? '（' + d.endReason + '）' : '';
    return t('drills.state.STOPPED', { who: d.endedBy || '' }) + why;
  }

  function renderHistory(list) {
    var body = clear($('drills').tBodies[0]);
    if (!list || !list.length) {
      body.appendChild(el('tr', null, [el('td', { colspan: '4', text: t('drills.history.none') })]));
      return;
    }
    list.forEach(function (d) {
      var whenText = K.when(d.startedAt) + (d.endedAt ? ' — ' + K.when(d.endedAt) : '') + ' · ' + t('drills.by', { who: d.startedBy || '' })
        + ' · ' + speed(d.factor);
      body.appendChild(el('tr', { 'data-drill': d.id, 'data-status': d.status }, [
        el('th', { scope: 'row', text: title(d) }),
        el('td', { text: d.purgedAt ? t('drills.state.purged') : stateWords(d) }),
        el('td', { text: whenText }),
        el('td', null, [el('a', { href: '/drills/' + d.id + '/report' + (zh ? '' : '?lang=en'), text: t('drills.report.open') })])
      ]));
    });
  }

  function renderScenarios() {
    var select = clear($('start-scenario'));
    state.scenarios.forEach(function (s) {
      select.appendChild(el('option', { value: s.id, text: zh ? s.titleZh : (s.titleEn || s.titleZh) }));
    });
    about();
  }
  function about() {
    var id = $('start-scenario').value, s = null;
    state.scenarios.forEach(function (x) { if (x.id === id) { s = x; } });
    $('scenario-about').textContent = s ? t('drills.scenario.about', { span: K.span(s.spanMinutes * 60000), signals: s.signals,
      real: K.span(s.spanMinutes * 60000 / (+$('start-speed').value || 1)) }) : '';
  }
  $('start-scenario').addEventListener('change', about);
  $('start-speed').addEventListener('change', about);

  $('start-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    K.call('POST', '/api/drills', { scenario: f.scenario.value, factor: +f.factor.value }, f).then(function (d) {
      K.say(t('drills.started', { title: title(d) }));
      refresh().then(function () { $('stop-reason').focus(); });
    }, function () {});
  });
  $('stop-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    if (!state.current) { return; }
    K.call('POST', '/api/drills/' + state.current.id + '/stop', { reason: f.reason.value || null }, f).then(function () {
      f.reset();
      K.say(t('drills.stopped'));
      refresh().then(function () { $('start-scenario').focus(); });
    }, function () {});
  });

  function refresh() {
    return Promise.all([K.get('/api/drills/current'), K.get('/api/drills')]).then(function (r) {
      state.current = r[0] && r[0].drill ? r[0] : null;
      renderCurrent();
      renderHistory(r[1] || []);
      document.body.setAttribute('data-rendered', String(Date.now()));
    }, function () { K.say(t('error.other'), true); });
  }

  K.get('/api/drills/scenarios').then(function (list) { state.scenarios = list || []; renderScenarios(); }, function () {});
  refresh();
  setInterval(refresh, 10000);
  setInterval(tick, 1000);
})();
