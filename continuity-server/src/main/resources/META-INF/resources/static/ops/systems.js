// IT's page of the watched systems: probes of the HIS components (EP-1.3) with their place and state in words, added,
// edited, disabled/enabled (IT administrators) and checked now (IT); the backup restore tests' history (HR-19, EP-7.5).
// Every action is the probe or backup API's (role-checked and audited there).
(function () {
  'use strict';
  var K = window.OpsKit, t = K.t, $ = K.$, el = K.el, clear = K.clear, zh = K.zh, boot = K.boot;
  var state = { probes: [] };

  function component(code) {
    for (var k = 0; k < boot.components.length; k++) { if (boot.components[k].code === code) { return K.name(boot.components[k]); } }
    return t('probes.component.unknown');
  }
  function every(ms) { return t('probes.every', { span: K.span(ms) }); }
  function place(p) { return p.area ? (zh ? p.areaZh : (p.areaEn || p.areaZh)) : t('probes.area.hospital'); }
  function stateOf(p) {
    if (!p.enabled) { return { cls: 'off', text: t('probes.state.disabled') }; }
    if (!p.lastStatus) { return { cls: 'unknown', text: t('probes.state.never') }; }
    var since = p.lastChangeAt ? t('probes.state.since', { when: K.when(p.lastChangeAt) }) : '';
    var checked = p.lastRunAt ? t('probes.state.checked', { when: K.when(p.lastRunAt) }) : '';
    return { cls: p.lastStatus === 'DOWN' ? 'down' : 'up', text: t('probes.state.' + p.lastStatus) + since + checked };
  }

  function button(text, attrs, onClick) {
    var b = el('button', Object.assign({ type: 'button', text: text }, attrs || {}));
    b.addEventListener('click', onClick);
    return b;
  }

  function renderProbes(list) {
    state.probes = list || [];
    var body = clear($('probes').tBodies[0]);
    if (!state.probes.length) { body.appendChild(el('tr', null, [el('td', { colspan: '6', text: t('probes.none') })])); return; }
    state.probes.forEach(function (p) {
      var s = stateOf(p);
      var actions = el('td', { 'class': 'actions' });
      if (boot.admin) {
        actions.appendChild(button(t('probes.edit'), { 'data-action': 'edit' }, function () { edit(p); }));
        actions.appendChild(button(p.enabled ? t('probes.disable') : t('probes.enable'), { 'data-action': p.enabled ? 'disable' : 'enable' },
          function () {
            K.call('POST', '/api/probes/' + p.id + (p.enabled ? '/disable' : '/enable'), undefined, null).then(function () {
              K.say(t(p.enabled ? 'probes.disabled' : 'probes.enabled', { name: p.name }));
              refresh();
            }, function () {});
          }));
      }
      if (p.enabled) {
        actions.appendChild(button(t('probes.run'), { 'data-action': 'run' }, function () {
          K.call('POST', '/api/probes/' + p.id + '/run', undefined, null).then(function (r) {
            K.say(t('probes.ran', { name: p.name, state: t('probes.state.' + (r.lastStatus || 'UP')) }));
            refresh();
          }, function () {});
        }));
      }
      body.appendChild(el('tr', { 'data-probe': p.name, 'data-state': s.cls }, [
        el('th', { scope: 'row', text: p.name }),
        el('td', { text: component(p.component) }),
        el('td', { 'class': 'area', text: place(p) }),
        el('td', { text: t('probes.kind.' + p.kind) + ' · ' + p.target + ' · ' + every(p.intervalMs) }),
        el('td', { 'class': 'probe-state ' + s.cls, text: s.text }),
        actions
      ]));
    });
  }

  // the form adds a probe, or edits the one chosen (the same fields)
  function fillComponents() {
    var select = clear($('probe-component'));
    boot.components.forEach(function (c) { select.appendChild(el('option', { value: c.code, text: K.name(c) })); });
  }
  function edit(p) {
    var f = $('probe-form');
    f.id.value = p.id;
    f.name.value = p.name;
    f.component.value = p.component;
    f.kind.value = p.kind;
    f.target.value = p.target;
    f.area.value = p.area || '';
    f.interval.value = Math.round(p.intervalMs / 1000);
    f.timeout.value = Math.max(1, Math.round(p.timeoutMs / 1000));
    $('h-probe-form').textContent = t('probes.editing', { name: p.name });
    $('probe-save').textContent = t('probes.save.edit');
    $('probe-cancel').hidden = false;
    $('probe-name').focus();
  }
  function resetForm() {
    var f = $('probe-form');
    f.reset();
    f.id.value = '';
    f.querySelector('.form-error').textContent = '';
    $('h-probe-form').textContent = t('probes.add');
    $('probe-save').textContent = t('probes.save.add');
    $('probe-cancel').hidden = true;
  }
  $('probe-cancel').addEventListener('click', function () { resetForm(); $('probe-name').focus(); });
  $('probe-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, id = f.id.value;
    var body = { name: f.name.value, kind: f.kind.value, target: f.target.value, component: f.component.value, series: null,
      intervalMs: (+f.interval.value) * 1000, timeoutMs: (+f.timeout.value) * 1000, area: f.area.value || null };
    K.call(id ? 'PUT' : 'POST', id ? '/api/probes/' + id : '/api/probes', body, f).then(function () {
      K.say(t(id ? 'probes.saved.edit' : 'probes.saved.add', { name: body.name }));
      resetForm();
      refresh();
      $('probe-name').focus();
    }, function () {});
  });
  if (!boot.admin) {
    $('probe-form-card').hidden = true;
  }

  // HR-19: the restore tests, newest first; an administrator runs one now
  function size(bytes) { return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB'; }
  function renderRestore(list) {
    list = list || [];
    var body = clear($('restore-tests').tBodies[0]);
    $('restore-form').hidden = !boot.admin;
    var last = list.length ? list[0] : null, lastOk = null;
    list.forEach(function (r) { if (!lastOk && r.ok) { lastOk = r; } });
    $('restore-summary').textContent = !last ? t('restore.never')
      : lastOk ? t('restore.lastOk', { when: K.when(lastOk.finishedAt), ago: K.span(Date.now() - Date.parse(lastOk.finishedAt)) })
      : t('restore.noneOk');
    $('restore-summary').className = last && last.ok ? '' : 'his-down';
    if (!list.length) { body.appendChild(el('tr', null, [el('td', { colspan: '4', text: t('restore.none') })])); return; }
    list.forEach(function (r) {
      var tables = r.tables || [], same = 0;
      tables.forEach(function (x) { if (x.rows === x.restoredRows && x.checksum === x.restoredChecksum) { same++; } });
      body.appendChild(el('tr', { 'data-ok': String(r.ok) }, [
        el('th', { scope: 'row', text: K.when(r.finishedAt) + ' · ' + t('restore.took', { span: K.span(Date.parse(r.finishedAt) - Date.parse(r.startedAt)) }) }),
        el('td', { 'class': r.ok ? 'up' : 'down', text: r.ok ? t('restore.ok') : t('restore.failed') }),
        el('td', { text: t('restore.tables', { same: same, total: tables.length, size: size(r.backupBytes || 0) })
          + (tables.length - same ? ' · ' + t('restore.differ', { n: tables.length - same }) : '') }),
        el('td', { text: r.runBy || '' })
      ]));
    });
  }
  $('restore-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    $('restore-run').disabled = true;
    K.say(t('restore.running'));
    K.call('POST', '/api/admin/restore-tests', undefined, f).then(function (r) {
      K.say(r.ok ? t('restore.done.ok') : t('restore.done.failed'), !r.ok);
      return refresh();
    }, function () {}).then(function () { $('restore-run').disabled = false; });
  });

  function refresh() {
    return Promise.all([K.get('/api/probes'), K.get('/api/admin/restore-tests?limit=20')]).then(function (r) {
      renderProbes(r[0]);
      renderRestore(r[1]);
      document.body.setAttribute('data-rendered', String(Date.now()));
    }, function () { K.say(t('error.other'), true); });
  }

  fillComponents();
  refresh();
  setInterval(function () {
    // never rebuild under a keyboard user's focus in the probe table
    if (!document.activeElement || !$('probes').contains(document.activeElement)) { refresh(); }
  }, 15000);
})();
