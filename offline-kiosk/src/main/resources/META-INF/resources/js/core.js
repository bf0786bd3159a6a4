// What every screen of the kiosk shares: calls to the kiosk's own API, texts (zh-CN default, English on Alt+L), times in
// the hospital's zone, problem+json at the fields, form resets, pick lists. Served by the kiosk itself: nothing remote.
export const state = { T: {}, lang: 'zh-CN', status: null, me: null, zone: 'Asia/Shanghai' };
/** The shell's navigation and banner refresh, set by app.js (screens call them without importing the shell). */
export const shell = { go: () => {}, refresh: async () => {} };

export const $ = (s, root) => (root || document).querySelector(s);
export const $$ = (s, root) => Array.from((root || document).querySelectorAll(s));
export const t = (k) => (state.T[k] !== undefined ? state.T[k] : k);
/** A text with {0}, {1} … filled in. */
export const tf = (k, ...args) => t(k).replace(/\{(\d+)\}/g, (m, i) => (args[+i] === undefined || args[+i] === null ? '' : String(args[+i])));
export const yuan = (fen) => (fen < 0 ? '-' : '') + '¥' + Math.floor(Math.abs(fen) / 100) + '.' + String(Math.abs(fen) % 100).padStart(2, '0');
export const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};

export async function api(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  try {
    const r = await fetch(url, init);
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (r.status === 401 && !url.startsWith('/api/session')) document.dispatchEvent(new CustomEvent('kiosk:signed-out'));
    return { ok: r.ok, status: r.status, data };
  } catch (e) {
    return { ok: false, status: 0, data: { detail: t('error.network') } };
  }
}

// ---- times: always the hospital's zone (the banner's status names it), never ISO text or the machine's zone ----
function parts(iso, opts) {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (isNaN(d)) return null;
  const p = {};
  new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: state.zone, hourCycle: 'h23' }, opts)).formatToParts(d)
    .forEach((x) => { p[x.type] = x.value; });
  return p;
}
/** 12-06 14:05 (with the year when it is not this year). */
export function when(iso) {
  if (!iso) return '';
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  if (!p) return '';
  const now = parts(new Date(), { year: 'numeric' });
  return (p.year !== now.year ? p.year + '-' : '') + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
}
/**
 * 12月7日 09:25 — the pages' Chinese time form (the ward report's 数据截至, the board's): month and day without leading
 * zeros, the year in front when it is not this year (2025年12月7日 09:25); on the English toggle, the form of when().
 */
export function whenZh(iso) {
  if (!iso) return '';
  if (state.lang === 'en') return when(iso);
  const p = parts(iso, { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  if (!p) return '';
  const now = parts(new Date(), { year: 'numeric' });
  return (p.year !== now.year ? p.year + '年' : '') + Number(p.month) + '月' + Number(p.day) + '日 ' + p.hour + ':' + p.minute;
}
/** 14:05 */
export function clock(iso) {
  const p = parts(iso, { hour: '2-digit', minute: '2-digit' });
  return p ? p.hour + ':' + p.minute : '';
}
/** 2026-12-06 in the hospital's zone. */
export function day(iso) {
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return p ? p.year + '-' + p.month + '-' + p.day : '';
}
/** 5分钟, 2小时5分钟, 1天3小时 — words, never a raw duration. */
export function duration(seconds) {
  const m = Math.max(0, Math.floor((seconds || 0) / 60));
  if (m < 60) return m + t('unit.minutes');
  if (m < 1440) return Math.floor(m / 60) + t('unit.hours') + (m % 60 ? (m % 60) + t('unit.minutes') : '');
  return Math.floor(m / 1440) + t('unit.days') + (Math.floor(m % 1440 / 60) ? Math.floor(m % 1440 / 60) + t('unit.hours') : '');
}
/** Age in whole years on today's date in the hospital's zone. */
export function ageOf(birthDate) {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = day(new Date()).split('-').map(Number);
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;
  return age;
}
export const sexWord = (s) => (s ? t('reg.sex.' + s) : '');

// ---- messages ----
export function flash(text, ok) {
  const f = $('#flash');
  f.hidden = !text;
  f.textContent = text || '';
  f.className = ok ? 'ok' : 'bad';
}

export function clearErrors(form) {
  $$('.err', form).forEach((e) => { e.textContent = ''; });
  $$('[aria-invalid]', form).forEach((e) => e.removeAttribute('aria-invalid'));
}

/** A problem+json at the fields it names (focus on the first at fault) and its detail on top, in the kiosk's words. */
export function showProblem(form, p) {
  clearErrors(form);
  const problem = p || {};
  let first = null;
  (problem.violations || []).forEach((v) => {
    let field = v.field || '';
    let prefix = '';
    const m = /^(lines|exams)\[(\d+)\]\.(\w+)$/.exec(field);
    if (m) { prefix = tf('error.line-prefix', +m[2] + 1); field = m[1]; }
    const box = $('[data-err="' + field + '"]', form);
    if (box) box.textContent = (box.textContent ? box.textContent + ' ' : '') + prefix + v.message;
    const input = $('[name="' + field + '"]:not([type=hidden])', form) || $('[data-field="' + field + '"]', form);
    if (input) { input.setAttribute('aria-invalid', 'true'); if (!first) first = input; }
  });
  flash(t('common.failed') + ' ' + (problem.detail || '') + ' ' + t('common.unsaved'), false);
  if (first) first.focus();
}

/** The named fields of a form as JSON (empty → null; check boxes → true/false; visible fields only when asked). */
export function formData(form, visibleOnly) {
  const o = {};
  $$('input[name], select[name]', form).forEach((e) => {
    if (visibleOnly && e.type !== 'hidden' && e.closest('[hidden]')) return;
    if (e.type === 'checkbox') o[e.name] = e.checked;
    else o[e.name] = e.value.trim() === '' ? null : e.value.trim();
  });
  return o;
}

/** Every field back to empty, hidden ones too (a form never carries a patient over to the next one). */
export function resetForm(form) {
  form.reset();
  $$('input[type=hidden]', form).forEach((e) => { e.value = ''; });
  $$('.results', form).forEach((e) => { e.textContent = ''; });
  clearErrors(form);
}

/** The header that says whose record the form is (or that nobody is picked yet). */
export function whose(box, main, sub) {
  box.textContent = '';
  box.classList.toggle('none', !main);
  box.appendChild(el('span', main || t('whose.none')));
  if (sub) box.appendChild(el('span', sub, 'sub'));
}

/**
 * Enter saves from any single-line field and from drop-downs (a pick list open on the field takes Enter first);
 * Escape, with no list open, cancels the form. Arrow keys keep moving through a drop-down's options.
 */
export function keyboardForm(form, save, cancel) {
  form.addEventListener('keydown', (e) => {
    const tag = e.target.tagName;
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); save(); return; }
    if (e.key === 'Enter' && !e.defaultPrevented && (tag === 'SELECT' || (tag === 'INPUT' && !['button', 'submit'].includes(e.target.type)))) {
      if (e.target.dataset.enter === 'own') return;
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && !e.defaultPrevented && cancel) {
      e.preventDefault();
      cancel();
    }
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); save(); });
  const c = $('button.cancel', form);
  if (c && cancel) c.addEventListener('click', cancel);
}

/**
 * A pick list under an input: search as the person types, ↑↓ to move, Enter (or Tab) to pick, Escape to close.
 * Enter with nothing listed falls through to the form (which saves).
 */
export function picker(input, list, fetchItems, render, onPick, opts) {
  const o = opts || {};
  let items = [];
  let sel = -1;
  let seq = 0;
  const draw = () => {
    list.textContent = '';
    items.forEach((it, i) => {
      const li = el('li', render(it), i === sel ? 'sel' : '');
      li.setAttribute('role', 'option');
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); items = []; sel = -1; draw(); onPick(it); });
      list.appendChild(li);
    });
  };
  const close = () => { items = []; sel = -1; draw(); };
  input.addEventListener('input', async () => {
    const my = ++seq;
    const q = input.value.trim();
    if (o.onType) o.onType(q);
    const got = q.length >= (o.min || 1) ? await fetchItems(q) : [];
    if (my !== seq) return;
    items = got.slice(0, o.max || 10); sel = items.length ? 0 : -1; draw();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); sel = Math.min(sel + 1, items.length - 1); draw(); }
    else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); sel = Math.max(sel - 1, 0); draw(); }
    else if (e.key === 'Escape' && items.length) { e.preventDefault(); close(); }
    else if ((e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey && o.tabPicks)) && !e.ctrlKey && sel >= 0 && items[sel]) {
      e.preventDefault();
      const it = items[sel]; close(); onPick(it);
    }
  });
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close(); }, 150));
  return { close, open: () => items.length > 0 };
}

/** A table whose rows are picked with ↑↓ (the selected row is marked); returns the selection's accessors. */
export function pickTable(table, onEnter) {
  let rows = [];
  let sel = -1;
  const mark = () => $$('tbody tr', table).forEach((tr, i) => tr.classList.toggle('sel', i === sel));
  table.tabIndex = 0;
  table.addEventListener('keydown', (e) => {
    if (!rows.length) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); sel = Math.min(sel + 1, rows.length - 1); mark(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); sel = Math.max(sel - 1, 0); mark(); }
    else if (e.key === 'Enter' && onEnter && sel >= 0) { e.preventDefault(); onEnter(rows[sel]); }
  });
  return {
    set(list, draw) {
      rows = list;
      sel = rows.length ? 0 : -1;
      const body = $('tbody', table);
      body.textContent = '';
      rows.forEach((r, i) => {
        const tr = draw(r);
        tr.addEventListener('click', () => { sel = i; mark(); table.focus(); });
        body.appendChild(tr);
      });
      mark();
    },
    selected: () => (sel >= 0 ? rows[sel] : null),
    select(pred) { const i = rows.findIndex(pred); if (i >= 0) { sel = i; mark(); } },
  };
}

export function row(cells, classes) {
  const tr = document.createElement('tr');
  cells.forEach((v, i) => tr.appendChild(el('td', v, classes && classes[i] ? classes[i] : '')));
  return tr;
}

export const searchCatalogue = async (q) => {
  const r = await api('GET', '/api/reference/search?limit=10&q=' + encodeURIComponent(q));
  return r.ok ? r.data : [];
};
export const itemLabel = (h) => h.name + (h.specification ? ' ' + h.specification : '') + '  ' + yuan(h.priceFen) + '/' + h.unit + '  ' + h.code
  + '  ' + h.pinyin;
