// The server's sign-in pages (board, IT pages, workbench): sign in; HR-3: with the one-time password IT handed over, a
// password of one's own is set first, on the same page, before anything else. Words come from #login-words.
(function () {
  var words = JSON.parse(document.getElementById('login-words').textContent);
  var lang = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  var form = document.getElementById('login-form');
  var change = document.getElementById('password-form');
  // the current password is kept only while the new one is being chosen, in this page's memory
  var current = null;
  function problem(r) {
    return r.json().then(function (p) { return p.detail || p.title || ''; }, function () { return ''; });
  }
  // HR-3: signed in with the one-time password IT handed over: a password of one's own comes first, nothing else
  function askForOwnPassword(name) {
    form.hidden = true;
    change.hidden = false;
    document.getElementById('password-who').textContent = name || '';
    document.getElementById('new-password').focus();
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var password = form.password.value;
    fetch('/api/auth/login', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ username: form.username.value, password: password }) })
      .then(function (r) {
        if (r.ok) {
          return r.json().then(function (s) {
            if (s.mustChangePassword) { current = password; askForOwnPassword(s.personName); return; }
            location.reload();
          });
        }
        return problem(r).then(function (d) { document.getElementById('login-error').textContent = words.loginFailed + d; });
      }, function () { document.getElementById('login-error').textContent = words.offline; });
  });
  change.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var out = document.getElementById('password-error');
    out.textContent = '';
    var chosen = change.newPassword.value;
    if (!chosen) { out.textContent = words.empty; change.newPassword.focus(); return; }
    if (chosen !== change.again.value) { out.textContent = words.mismatch; change.again.value = ''; change.again.focus(); return; }
    if (current === null) { out.textContent = words.failed; form.hidden = false; change.hidden = true; return; }
    fetch('/api/auth/password', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ password: current, newPassword: chosen }) })
      .then(function (r) {
        if (r.ok) { current = null; location.reload(); return; }
        return problem(r).then(function (d) { out.textContent = words.failed + d; change.newPassword.focus(); });
      }, function () { out.textContent = words.offline; });
  });
  // a session that still has its one-time password (e.g. the page was reloaded): sign in again to choose the new one
})();
