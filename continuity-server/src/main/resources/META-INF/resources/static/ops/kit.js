// The one kit of IT's pages (/ops, drills, systems, people, departments, roster): words from the page's texts (the
// shared refusal words, i18n/opskit, plus the page's own), elements, times in the hospital's one zone ("12月6日 14:05"),
// durations in words, and calls to the features' JSON APIs with refusals said in Chinese sentences (never the server's
// English, a code or an id). No framework, nothing from the internet.
window.OpsKit = (function () {
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
  // a code's name in the page's language ({code, zh, en})
  function name(c) { return c ? (zh ? c.zh : (c.en || c.zh)) : ''; }
  function byCode(list, code) { for (var k = 0; k < (list || []).length; k++) { if (list[k].code === code) { return list[k]; } } return null; }
  function roleName(code) { var r = byCode(boot.roles, code); return r ? name(r) : t('people.role.unknown'); }

  // times in the hospital's one zone (server config), never the screen's
  var fmt = new Intl.DateTimeFormat('en-GB', { timeZone: boot.zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', hourCycle: 'h23' });
  function parts(date) { var p = {}; fmt.formatToParts(date).forEach(function (x) { p[x.type] = x.value; }); return p; }
  function dateOfAny(x) { return typeof x === 'number' ? new Date(x) : (x instanceof Date ? x : new Date(x)); }
  var WEEK_ZH = { Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六', Sun: '周日' };
  // a moment: 12月6日 14:05 (English 06/12 14:05)
  function when(x) {
    if (!x && x !== 0) { return ''; }
    var p = parts(dateOfAny(x));
    return zh ? (+p.month) + '月' + (+p.day) + '日 ' + p.hour + ':' + p.minute : p.day + '/' + p.month + ' ' + p.hour + ':' + p.minute;
  }
  // a time of day: 14:05
  function clock(x) { var p = parts(dateOfAny(x)); return p.hour + ':' + p.minute; }
  // a day: 2026年12月6日 周日
  function day(x) {
    var p = parts(dateOfAny(x));
    return zh ? p.year + '年' + (+p.month) + '月' + (+p.day) + '日 ' + WEEK_ZH[p.weekday] : p.weekday + ' ' + p.day + '/' + p.month + '/' + p.year;
  }
  // the hospital's calendar date of an instant, as yyyy-mm-dd (for date inputs)
  function dateOf(instant) { var p = parts(dateOfAny(instant)); return p.year + '-' + p.month + '-' + p.day; }
  // a hospital-time wall clock (yyyy-mm-ddThh:mm, a datetime-local value) as an instant
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
  // a duration in words: 1小时05分 / 45秒 / 2天3小时00分
  function span(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) { return zh ? s + '秒' : s + ' s'; }
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), mi = Math.floor((s % 3600) / 60);
    if (zh) { return (d ? d + '天' : '') + (d || h ? h + '小时' + (mi < 10 ? '0' : '') + mi + '分' : mi + '分钟'); }
    return (d ? d + ' d ' : '') + (d || h ? h + ' h ' : '') + mi + ' min';
  }

  function say(message, bad) {
    var s = $('status');
    s.className = 'ops-status' + (bad ? ' bad' : '');
    s.textContent = message;
  }

  // a refusal in words: the sentence for the problem type, else for the invalid fields, else for the status (with the
  // plan's clause a 409 cites)
  function refusal(status, problem) {
    var slug = problem && problem.type ? String(problem.type).replace(/^.*\//, '') : '';
    if (slug && m['error.' + slug]) { return t('error.' + slug); }
    if (status === 422 && problem && problem.violations && problem.violations.length) {
      var fields = problem.violations.map(function (v) { return m['field.' + v.field] ? t('field.' + v.field) : null; })
        .filter(function (x, i, all) { return x && all.indexOf(x) === i; });
      if (fields.length) { return t('error.fields', { fields: fields.join('、') }); }
    }
    if (status === 409) { return t('error.409') + (problem && problem.rule ? ' ' + t('error.rule') + ' ' + problem.rule : ''); }
    if (m['error.' + status]) { return t('error.' + status); }
    return t('error.other');
  }
  function refused(text, form) {
    var out = form ? form.querySelector('.form-error') : null;
    if (out) { out.textContent = text; }
    say(text, true);
  }

  // a change (or a read that must be said when refused): refusals are said in the form's error line and the status line
  function call(method, url, body, form) {
    var out = form ? form.querySelector('.form-error') : null;
    if (out) { out.textContent = ''; }
    var init = { method: method, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Accept-Language': zh ? 'zh-CN' : 'en' } };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (p) { return p; }, function () { return null; }).then(function (p) {
          refused(t('error') + '：' + refusal(r.status, p), form);
          var e = new Error('refused'); e.status = r.status; throw e;
        });
      }
      return r.status === 204 ? null : r.json();
    }, function () {
      refused(t('error') + '：' + t('error.offline'), form);
      throw new Error('offline');
    });
  }
  // a read: nothing (null) when there is none (404); any other refusal is said, as for a change
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Accept-Language': zh ? 'zh-CN' : 'en' } })
      .then(function (r) {
        if (r.status === 404) { return null; }
        if (!r.ok) {
          return r.json().then(function (p) { return p; }, function () { return null; }).then(function (p) {
            say(t('error') + '：' + refusal(r.status, p), true);
            var e = new Error('refused'); e.status = r.status; throw e;
          });
        }
        return r.status === 204 ? null : r.json();
      }, function () {
        say(t('error') + '：' + t('error.offline'), true);
        throw new Error('offline');
      });
  }

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

  if ($('me')) { $('me').textContent = boot.me || ''; }
  return { boot: boot, zh: zh, t: t, $: $, el: el, clear: clear, name: name, byCode: byCode, roleName: roleName, when: when,
    clock: clock, day: day, dateOf: dateOf, instantOf: instantOf, span: span, say: say, refusal: refusal, call: call, get: get,
    invalid: invalid };
})();
