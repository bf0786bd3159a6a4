// What IT's people and roster pages share: words from the page's bundle, elements, hospital-zone times, and calls to
// the features' JSON APIs with refusals turned into Chinese sentences (never the server's English, a code or an id).
// No framework, nothing from the internet.
var OpsPage = (function () {
  'use strict';
  var boot = JSON.parse(document.getElementById('boot').textContent);
  var m = boot.m, zh = boot.lang !== 'en';

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
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function name(c) { return c ? (zh ? c.zh : (c.en || c.zh)) : ''; }
  function roleName(code) {
    for (var k = 0; k < boot.roles.length; k++) { if (boot.roles[k].code === code) { return name(boot.roles[k]); } }
    return t('people.role.unknown');
  }

  // times in the hospital's one zone (server config), never the screen's
  var fmt = new Intl.DateTimeFormat('en-GB', { timeZone: boot.zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
  function parts(date) { var p = {}; fmt.formatToParts(date).forEach(function (x) { p[x.type] = x.value; }); return p; }
  var WEEK_ZH = { Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六', Sun: '周日' };
  function when(iso) {
    if (!iso) { return ''; }
    var p = parts(new Date(iso));
    return zh ? (+p.month) + '月' + (+p.day) + '日 ' + p.hour + ':' + p.minute : p.day + '/' + p.month + ' ' + p.hour + ':' + p.minute;
  }
  function clock(iso) { var p = parts(new Date(iso)); return p.hour + ':' + p.minute; }
  function day(iso) {
    var p = parts(new Date(iso));
    return zh ? p.year + '年' + (+p.month) + '月' + (+p.day) + '日 ' + WEEK_ZH[p.weekday] : p.weekday + ' ' + p.day + '/' + p.month + '/' + p.year;
  }
  // the hospital's calendar date of an instant, as yyyy-mm-dd (for date inputs)
  function dateOf(instant) { var p = parts(instant); return p.year + '-' + p.month + '-' + p.day; }
  // a hospital-time wall clock (yyyy-mm-ddThh:mm) as an instant
  function instantOf(local) {
    if (!local) { return null; }
    var guess = Date.parse(local + ':00Z');
    var p = parts(new Date(guess));
    var shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
    var first = guess - (shown - guess);
    p = parts(new Date(first));
    shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
    return new Date(first - (shown - guess)).toISOString();
  }

  function say(message, bad) {
    var s = $('status');
    s.className = 'ops-status' + (bad ? ' bad' : '');
    s.textContent = message;
  }

  // a refusal in words: the page's sentence for the problem type, else for the invalid field, else for the status
  function refusal(status, problem) {
    var slug = problem && problem.type ? String(problem.type).replace(/^.*\//, '') : '';
    if (slug && m['error.' + slug]) { return t('error.' + slug); }
    if (status === 422 && problem && problem.violations && problem.violations.length) {
      var fields = problem.violations.map(function (v) { return m['field.' + v.field] ? t('field.' + v.field) : null; })
        .filter(function (x) { return x; });
      if (fields.length) { return t('error.fields', { fields: fields.filter(function (f, i) { return fields.indexOf(f) === i; }).join('、') }); }
    }
    if (m['error.' + status]) { return t('error.' + status); }
    return t('error.other');
  }

  function call(method, url, body, form) {
    var out = form ? form.querySelector('.form-error') : null;
    if (out) { out.textContent = ''; }
    var init = { method: method, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Accept-Language': zh ? 'zh-CN' : 'en' } };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (p) { return p; }, function () { return null; }).then(function (p) {
          var text = t('error') + '：' + refusal(r.status, p);
          if (out) { out.textContent = text; }
          say(text, true);
          var e = new Error('refused'); e.status = r.status; throw e;
        });
      }
      return r.status === 204 ? null : r.json();
    }, function () {
      var text = t('error') + '：' + t('error.offline');
      if (out) { out.textContent = text; }
      say(text, true);
      throw new Error('offline');
    });
  }
  function get(url) { return call('GET', url, undefined, null); }

  // a form's own check before anything is sent: the first missing or wrong field, in words, focused
  function invalid(form, checks) {
    var out = form.querySelector('.form-error');
    for (var k = 0; k < checks.length; k++) {
      if (checks[k].bad) {
        out.textContent = t('error') + '：' + checks[k].text;
        say(out.textContent, true);
        if (checks[k].field) { checks[k].field.setAttribute('aria-invalid', 'true'); checks[k].field.focus(); }
        return true;
      }
    }
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (f) { f.removeAttribute('aria-invalid'); });
    out.textContent = '';
    return false;
  }

  $('me').textContent = boot.me || '';
  return { boot: boot, zh: zh, t: t, $: $, el: el, clear: clear, name: name, roleName: roleName, when: when, clock: clock,
    day: day, dateOf: dateOf, instantOf: instantOf, say: say, call: call, get: get, invalid: invalid };
})();
