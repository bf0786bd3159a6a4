// IT's departments page: the directory's departments and wards with the ladder area whose instructions each follows
// (EP-5.2, EP-6.1) and its place in the hospital (EP-4.1: an area cut off reaches the departments it covers), in words;
// an IT administrator adds one or corrects one (its code stays). Every action is the directory API's (role-checked and
// audited there). Keyboard: Enter saves, Esc leaves an edit.
(function () {
  'use strict';
  var P = OpsKit, t = P.t, $ = P.$, el = P.el, clear = P.clear, zh = P.zh, boot = P.boot;
  var state = { departments: [], people: [] };

  function areaName(d) {
    if (!d.area) { return t('dept.area.none'); }
    return (zh ? d.areaZh : (d.areaEn || d.areaZh)) || t('dept.area.unknown');
  }
  function placeName(d) { return d.place ? ((zh ? d.placeZh : (d.placeEn || d.placeZh)) || d.place) : t('dept.place.none'); }

  function fillAreas() {
    var select = clear($('dept-area'));
    select.appendChild(el('option', { value: '', text: t('dept.area.none') }));
    boot.areas.forEach(function (a) { select.appendChild(el('option', { value: a.code, text: P.name(a) })); });
  }

  function render() {
    var body = clear($('departments').tBodies[0]);
    if (!state.departments.length) { body.appendChild(el('tr', null, [el('td', { colspan: '6', text: t('dept.none') })])); return; }
    state.departments.forEach(function (d) {
      var n = state.people.filter(function (p) { return p.departmentCode === d.code && p.active; }).length;
      var actions = el('td', { 'class': 'row-actions' });
      if (boot.admin) {
        var b = el('button', { type: 'button', 'data-action': 'edit', 'aria-label': t('dept.edit.for', { name: d.nameZh }), text: t('dept.edit') });
        b.addEventListener('click', function () { edit(d); });
        actions.appendChild(b);
      }
      body.appendChild(el('tr', { 'data-code': d.code }, [
        el('th', { scope: 'row', text: zh ? d.nameZh : (d.nameEn || d.nameZh) }),
        el('td', { 'class': 'code', text: d.code }),
        el('td', { 'class': 'area', text: areaName(d) }),
        el('td', { 'class': 'place', text: placeName(d) }),
        el('td', { text: t('dept.people.n', { n: n }) }),
        actions
      ]));
    });
  }

  function edit(d) {
    var f = $('dept-form');
    f.editing.value = d.code;
    f.nameZh.value = d.nameZh;
    f.code.value = d.code;
    f.code.readOnly = true;
    f.area.value = d.area || '';
    f.place.value = d.place || '';
    f.nameEn.value = d.nameEn && d.nameEn !== d.nameZh ? d.nameEn : '';
    $('h-dept-form').textContent = t('dept.editing', { name: d.nameZh });
    $('dept-submit').textContent = t('dept.edit.submit');
    $('dept-cancel').hidden = false;
    $('dept-name').focus();
  }
  function resetForm() {
    var f = $('dept-form');
    f.reset();
    f.editing.value = '';
    f.code.readOnly = false;
    f.querySelector('.form-error').textContent = '';
    $('h-dept-form').textContent = t('dept.new');
    $('dept-submit').textContent = t('dept.new.submit');
    $('dept-cancel').hidden = true;
  }
  $('dept-cancel').addEventListener('click', function () { resetForm(); $('dept-name').focus(); });
  $('dept-form').addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && $('dept-form').editing.value) { ev.preventDefault(); resetForm(); $('dept-name').focus(); }
  });
  $('dept-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, editing = f.editing.value;
    var code = f.code.value.trim().toUpperCase();
    if (P.invalid(f, [
      { bad: !f.nameZh.value.trim(), field: f.nameZh, text: t('dept.check.name') },
      { bad: !editing && !/^[A-Z0-9_-]{1,40}$/.test(code), field: f.code, text: t('dept.check.code') },
      { bad: !!f.place.value.trim() && !/^[^/]+(\/[^/]+){0,2}$/.test(f.place.value.trim()), field: f.place, text: t('dept.check.place') }
    ])) { return; }
    var body = { nameZh: f.nameZh.value.trim(), nameEn: f.nameEn.value.trim() || null, area: f.area.value || null,
      place: f.place.value.trim() || null };
    var request = editing ? P.call('PUT', '/api/departments/' + encodeURIComponent(editing), body, f)
      : P.call('POST', '/api/departments', Object.assign({ code: code }, body), f);
    request.then(function () {
      P.say(t(editing ? 'dept.edited' : 'dept.added', { name: body.nameZh }));
      resetForm();
      return refresh();
    }, function () {}).then(function () { $('dept-name').focus(); });
  });
  if (!boot.admin) { $('dept-form-card').hidden = true; }

  function refresh() {
    return Promise.all([P.get('/api/departments'), P.get('/api/people')]).then(function (r) {
      state.departments = r[0] || [];
      state.people = r[1] || [];
      render();
      document.body.setAttribute('data-rendered', String(Date.now()));
    }, function () {});
  }

  fillAreas();
  refresh();
})();
