// IT's people page: the directory's people with department and roles in words, a new person (and account), roles
// changed, accounts disabled/enabled, one-time passwords and kiosk enrolment codes shown once. Every action calls the
// owning feature's JSON API (/api/people, /api/accounts, /api/admin/kiosks), role-checked and audited there.
(function () {
  'use strict';
  var P = OpsKit, t = P.t, $ = P.$, el = P.el, clear = P.clear;
  var state = { people: [], departments: [], accounts: [], kiosks: [], editing: null };

  function departmentName(code) {
    for (var k = 0; k < state.departments.length; k++) {
      var d = state.departments[k];
      if (d.code === code) { return P.zh ? d.nameZh : (d.nameEn || d.nameZh); }
    }
    return t('people.department.unknown');
  }
  function accountOf(personId) {
    for (var k = 0; k < state.accounts.length; k++) { if (state.accounts[k].personId === personId) { return state.accounts[k]; } }
    return null;
  }
  function roleWords(roles) {
    return (roles || []).slice().sort().map(P.roleName).join('、');
  }

  // ---- a secret shown once: a one-time password or a kiosk enrolment code ----
  function showSecret(who, value, note) {
    $('secret-who').textContent = who;
    $('secret-value').textContent = value;
    $('secret-note').textContent = note;
    $('secret').hidden = false;
    $('secret').focus();
  }
  function hideSecret() {
    $('secret-value').textContent = '';
    $('secret-who').textContent = '';
    $('secret-note').textContent = '';
    $('secret').hidden = true;
    P.say(t('people.secret.gone'));
  }
  $('secret-done').addEventListener('click', hideSecret);

  // ---- choices ----
  function fillDepartments(select) {
    var keep = select.value;
    clear(select);
    select.appendChild(el('option', { value: '', text: t('people.choose') }));
    state.departments.forEach(function (d) {
      select.appendChild(el('option', { value: d.code, text: P.zh ? d.nameZh : (d.nameEn || d.nameZh) }));
    });
    select.value = keep;
  }
  function roleBoxes(container, checked, prefix) {
    P.boot.roles.forEach(function (r) {
      var box = el('input', { type: 'checkbox', name: 'role', value: r.code, id: prefix + '-' + r.code });
      box.checked = checked.indexOf(r.code) >= 0;
      container.appendChild(el('label', { 'class': 'check', 'for': prefix + '-' + r.code }, [box, ' ' + P.name(r)]));
    });
  }
  function checkedRoles(container) {
    return Array.prototype.filter.call(container.querySelectorAll('input[name=role]'), function (b) { return b.checked; })
      .map(function (b) { return b.value; });
  }
  roleBoxes($('person-roles'), [], 'new-role');

  // ---- the people table ----
  function accountCell(a, person) {
    if (!a) { return el('td', { 'class': 'account none', text: person.active ? t('people.account.none') : t('people.account.left') }); }
    var words = t('people.account.username', { username: a.username }) + ' · ';
    if (!a.active) { words += t('people.account.disabled'); }
    else if (a.lockedUntil && Date.parse(a.lockedUntil) > Date.now()) { words += t('people.account.locked', { until: P.when(a.lockedUntil) }); }
    else { words += t('people.account.active'); }
    return el('td', { 'class': 'account' + (a.active ? '' : ' disabled') }, [words]);
  }

  function rowActions(person, a) {
    var cell = el('td', { 'class': 'row-actions' });
    var label = person.name;
    var edit = el('button', { type: 'button', 'class': 'edit-roles', 'aria-label': t('people.roles.edit.for', { name: label }),
      text: t('people.roles.edit') });
    edit.addEventListener('click', function () { state.editing = person.id; render(); focusIn('roles-' + person.id); });
    cell.appendChild(edit);
    if (a) {
      var toggle = el('button', { type: 'button', 'class': a.active ? 'disable' : 'enable',
        'aria-label': t(a.active ? 'people.account.disable.for' : 'people.account.enable.for', { name: label }),
        text: t(a.active ? 'people.account.disable' : 'people.account.enable') });
      toggle.addEventListener('click', function () {
        P.call('POST', '/api/accounts/' + encodeURIComponent(a.id) + (a.active ? '/disable' : '/enable'), undefined, null).then(function () {
          P.say(t(a.active ? 'people.account.disabled.done' : 'people.account.enabled.done', { name: label }));
          return load();
        }, function () {});
      });
      cell.appendChild(toggle);
      var reset = el('button', { type: 'button', 'class': 'reset', 'aria-label': t('people.password.reset.for', { name: label }),
        text: t('people.password.reset') });
      reset.addEventListener('click', function () {
        if (!window.confirm(t('people.password.reset.confirm', { name: label }))) { return; }
        P.call('POST', '/api/accounts/' + encodeURIComponent(a.id) + '/one-time-password', undefined, null).then(function (issued) {
          P.say(t('people.password.reset.done', { name: label }));
          showSecret(t('people.secret.password.who', { name: label, username: a.username }), issued.oneTimePassword,
            t('people.secret.password.note'));
          return load();
        }, function () {});
      });
      cell.appendChild(reset);
    } else if (person.active) {
      var form = el('form', { 'class': 'inline-form open-account', novalidate: 'novalidate' });
      var input = el('input', { name: 'username', maxlength: '60', autocomplete: 'off', 'aria-label': t('people.username.for', { name: label }),
        placeholder: t('people.username') });
      form.appendChild(input);
      form.appendChild(el('button', { type: 'submit', text: t('people.account.open') }));
      form.appendChild(el('output', { 'class': 'form-error', role: 'alert' }));
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        openAccount(person, input.value.trim(), form, input);
      });
      cell.appendChild(form);
    }
    return cell;
  }

  function rolesEditor(person) {
    var form = el('form', { 'class': 'roles-editor', id: 'roles-' + person.id, novalidate: 'novalidate' });
    var set = el('fieldset', { 'class': 'roles' }, [el('legend', { text: t('people.roles.of', { name: person.name }) })]);
    roleBoxes(set, person.roles || [], 'role-' + person.id);
    form.appendChild(set);
    form.appendChild(el('button', { type: 'submit', text: t('people.roles.save') }));
    var cancel = el('button', { type: 'button', text: t('people.cancel') });
    cancel.addEventListener('click', function () { state.editing = null; render(); });
    form.appendChild(cancel);
    form.appendChild(el('output', { 'class': 'form-error', role: 'alert' }));
    form.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { state.editing = null; render(); } });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var roles = checkedRoles(set);
      if (P.invalid(form, [{ bad: roles.length === 0, text: t('people.roles.needOne'), field: set.querySelector('input') }])) { return; }
      P.call('PUT', '/api/people/' + encodeURIComponent(person.id) + '/roles', { roles: roles }, form).then(function () {
        state.editing = null;
        P.say(t('people.roles.done', { name: person.name, roles: roleWords(roles) }));
        return load();
      }, function () {});
    });
    return form;
  }

  function focusIn(id) {
    var f = $(id);
    if (f) { var first = f.querySelector('input, button'); if (first) { first.focus(); } }
  }

  function render() {
    var body = clear($('people').tBodies[0]);
    var filter = $('people-filter').value.trim().toLowerCase();
    state.people.filter(function (p) {
      if (!filter) { return true; }
      var a = accountOf(p.id);
      return (p.name + ' ' + departmentName(p.departmentCode) + ' ' + roleWords(p.roles) + ' ' + (a ? a.username : '')).toLowerCase()
        .indexOf(filter) >= 0;
    }).forEach(function (p) {
      var a = accountOf(p.id);
      var row = el('tr', { 'class': 'person' + (p.active ? '' : ' left') }, [
        el('th', { scope: 'row', text: p.name + (p.active ? '' : t('people.left')) }),
        el('td', { text: departmentName(p.departmentCode) }),
        el('td', { 'class': 'roles-cell', text: roleWords(p.roles) }),
        accountCell(a, p),
        rowActions(p, a)
      ]);
      body.appendChild(row);
      if (state.editing === p.id) {
        body.appendChild(el('tr', { 'class': 'editor' }, [el('td', { colspan: '5' }, [rolesEditor(p)])]));
      }
    });
    if (!body.firstChild) { body.appendChild(el('tr', null, [el('td', { colspan: '5', text: t('people.none') })])); }
    renderKiosks();
  }
  $('people-filter').addEventListener('input', render);

  // ---- opening an account ----
  var USERNAME = /^[A-Za-z0-9._-]+$/;
  function usernameProblem(u) {
    if (!u) { return t('people.username.missing'); }
    if (!USERNAME.test(u)) { return t('people.username.bad'); }
    // checked again by the server (HR-1: one account per person, names unique); said here before anything is stored
    var taken = state.accounts.some(function (a) { return a.username.toLowerCase() === u.toLowerCase(); });
    return taken ? t('people.username.taken', { username: u }) : null;
  }
  function openAccount(person, username, form, input) {
    var problem = usernameProblem(username);
    if (P.invalid(form, [{ bad: !!problem, text: problem, field: input }])) { return Promise.resolve(); }
    return P.call('POST', '/api/accounts/issue', { username: username, personId: person.id }, form).then(function (issued) {
      P.say(t('people.account.opened', { name: person.name, username: username }));
      showSecret(t('people.secret.password.who', { name: person.name, username: username }), issued.oneTimePassword,
        t('people.secret.password.note'));
      return load();
    }, function () {});
  }

  // ---- a new person (and, with a user name, their account) ----
  $('person-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = ev.target;
    var name = $('person-name').value.trim(), department = $('person-department').value;
    var roles = checkedRoles($('person-roles'));
    var phone = $('person-phone').value.trim(), email = $('person-email').value.trim(), username = $('person-username').value.trim();
    var uProblem = username ? usernameProblem(username) : null;
    if (P.invalid(form, [
      { bad: !name, text: t('people.name.missing'), field: $('person-name') },
      { bad: !department, text: t('people.department.missing'), field: $('person-department') },
      { bad: roles.length === 0, text: t('people.roles.needOne'), field: $('person-roles').querySelector('input') },
      { bad: !!phone && !/^[0-9+\- ]{5,40}$/.test(phone), text: t('people.phone.bad'), field: $('person-phone') },
      { bad: !!email && !/^[^@\s]+@[^@\s]+$/.test(email), text: t('people.email.bad'), field: $('person-email') },
      { bad: !!uProblem, text: uProblem, field: $('person-username') }])) { return; }
    var contacts = [];
    if (phone) { contacts.push({ kind: 'PHONE', address: phone }); }
    if (email) { contacts.push({ kind: 'MAIL', address: email }); }
    P.call('POST', '/api/people', { name: name, departmentCode: department, roles: roles, contacts: contacts }, form).then(function (person) {
      form.reset();
      P.say(t('people.new.done', { name: person.name, department: departmentName(person.departmentCode) }));
      if (!username) { return load().then(function () { $('person-name').focus(); }); }
      return P.call('POST', '/api/accounts/issue', { username: username, personId: person.id }, form).then(function (issued) {
        P.say(t('people.new.doneWithAccount', { name: person.name, username: username }));
        showSecret(t('people.secret.password.who', { name: person.name, username: username }), issued.oneTimePassword,
          t('people.secret.password.note'));
        return load();
      }, function () { return load(); });
    }, function () {});
  });

  // ---- kiosks ----
  function renderKiosks() {
    var body = clear($('kiosks').tBodies[0]);
    state.kiosks.forEach(function (k) {
      var cell = el('td');
      if (k.status !== 'REVOKED') {
        var revoke = el('button', { type: 'button', 'class': 'revoke', 'aria-label': t('kiosk.revoke.for', { name: k.name }), text: t('kiosk.revoke') });
        revoke.addEventListener('click', function () {
          if (!window.confirm(t('kiosk.revoke.confirm', { name: k.name }))) { return; }
          P.call('POST', '/api/admin/kiosks/' + encodeURIComponent(k.id) + '/revoke', undefined, null).then(function () {
            P.say(t('kiosk.revoke.done', { name: k.name }));
            return load();
          }, function () {});
        });
        cell.appendChild(revoke);
      }
      var stateWords = t('kiosk.state.' + k.status) + (k.status === 'ENROLLED' && k.enrolledAt ? ' · ' + P.when(k.enrolledAt) : '');
      body.appendChild(el('tr', { 'class': 'kiosk' }, [el('th', { scope: 'row', text: k.name }),
        el('td', { text: departmentName(k.departmentCode) }), el('td', { text: stateWords }), cell]));
    });
    if (!body.firstChild) { body.appendChild(el('tr', null, [el('td', { colspan: '4', text: t('kiosk.none') })])); }
  }

  $('kiosk-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = ev.target, name = $('kiosk-name').value.trim(), department = $('kiosk-department').value;
    if (P.invalid(form, [
      { bad: !name, text: t('kiosk.name.missing'), field: $('kiosk-name') },
      { bad: !department, text: t('people.department.missing'), field: $('kiosk-department') }])) { return; }
    P.call('POST', '/api/admin/kiosks', { name: name, departmentCode: department }, form).then(function (created) {
      form.reset();
      var code = created.code.replace(/(.{4})(?=.)/g, '$1-');
      P.say(t('kiosk.done', { name: created.name }));
      showSecret(t('kiosk.secret.who', { name: created.name, department: departmentName(created.departmentCode) }), code,
        t('kiosk.secret.note', { until: P.when(created.codeExpiresAt) }));
      return load();
    }, function () {});
  });

  function load() {
    return Promise.all([P.get('/api/departments'), P.get('/api/people'), P.get('/api/accounts'), P.get('/api/admin/kiosks')])
      .then(function (r) {
        state.departments = r[0] || [];
        state.people = (r[1] || []).slice().sort(function (a, b) {
          return (b.active - a.active) || a.name.localeCompare(b.name, 'zh-CN');
        });
        state.accounts = r[2] || [];
        state.kiosks = r[3] || [];
        fillDepartments($('person-department'));
        fillDepartments($('kiosk-department'));
        render();
      }, function () {});
  }
  load();
})();
