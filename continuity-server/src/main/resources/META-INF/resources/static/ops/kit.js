// What the drill page and the systems page share: texts, elements, times in the hospital's zone, durations in words,
// and calls to the features' JSON APIs with refusals said in words (never the server's English detail or a code).
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
  function name(c) { return c ? (zh ? c.zh : (c.en || c.zh)) : ''; }

  var fmt = new Intl.DateTimeFormat('en-GB', { timeZone: boot.zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  function parts(date) { var p = {}; fmt.formatToParts(date).forEach(function (x) { p[x.type] = x.value; }); return p; }
  // a time in the hospital's zone: 2026-12-06 14:05
  function when(iso) {
    if (!iso) { return ''; }
    var p = parts(typeof iso === 'number' ? new Date(iso) : new Date(iso));
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  // a time of day with seconds, for a clock: 14:05:09
  function clock(ms) { var p = parts(new Date(ms)); return p.hour + ':' + p.minute + ':' + p.second; }
  // a duration in words: 1小时05分 / 45秒
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
  function refusal(status, problem) {
    if (status === 409) { return t('opsx.error.409') + (problem && problem.rule ? ' ' + t('opsx.rule') + ' ' + problem.rule : ''); }
    if (status === 401 || status === 403 || status === 404 || status === 422) { return t('opsx.error.' + status); }
    return t('opsx.error.other');
  }
  function call(method, url, body, form) {
    var out = form ? form.querySelector('.form-error') : null;
    if (out) { out.textContent = ''; }
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (p) { return p; }, function () { return null; }).then(function (p) {
          var text = t('opsx.error') + '：' + refusal(r.status, p);
          if (out) { out.textContent = text; }
          say(text, true);
          var e = new Error('refused'); e.status = r.status; throw e;
        });
      }
      return r.status === 204 ? null : r.json();
    });
  }
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (r.status === 404) { return null; } if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
  }
  $('me').textContent = boot.me || '';
  return { boot: boot, zh: zh, t: t, $: $, el: el, clear: clear, name: name, when: when, clock: clock, span: span, say: say,
    call: call, get: get };
})();
