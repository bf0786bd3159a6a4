// The kiosk's shell: texts, the status banner, the F-key bar by role, screens by hash, sign-in and enrolment.
// Each screen is a module (register, charge, cashier, settlement, clinical, census, mode, fault, journal).
import { state, shell, $, $$, t, tf, api, el, flash, showProblem, formData, duration, resetForm, keyboardForm } from './core.js';
import { closePaper, paperOpen } from './paper.js';
import * as mode from './mode.js';
import * as register from './register.js';
import * as charge from './charge.js';
import * as cashier from './cashier.js';
import * as settlement from './settlement.js';
import * as clinical from './clinical.js';
import * as census from './census.js';
import * as fault from './fault.js';
import * as journal from './journal.js';
import * as relay from './relay.js';

const SCREENS = {
  mode, register, charge, invoices: cashier.invoices, ious: cashier.ious, settlement, census, fault, journal, relay,
};
/** The forms of the clinical roles, each its own tab (the plan's words: 药品请领单, 检查登记 …). */
const CLINICAL = ['prescriptions', 'orders', 'requisitions', 'charge-executions', 'exam-registers', 'dispenses'];
const PATH_TYPE = { prescriptions: 'prescription', orders: 'clinical-order', requisitions: 'requisition', 'charge-executions': 'charge-execution',
  'exam-registers': 'exam-register', dispenses: 'dispense' };
/** Screens that capture records: only in downtime mode (EP-6.1; before it the HIS is used, after it back-entry). */
const CAPTURE = ['register', 'charge', 'settlement'];
const ROLE_KEYS = ['F1', 'F2', 'F3', 'F4', 'F6', 'F9'];

let tabs = [];
let current = null;

async function loadTexts() {
  const s = await api('GET', '/api/settings/language');
  state.lang = s.ok ? s.data.language : 'zh-CN';
  const b = await api('GET', '/api/i18n/' + encodeURIComponent(state.lang));
  state.T = b.ok ? b.data : {};
  document.documentElement.lang = state.lang;
  $$('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  $$('[data-t-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.tPlaceholder); });
  $('#b-lang').textContent = t('lang.switch') + '（Alt+L）';
  document.dispatchEvent(new CustomEvent('kiosk:texts'));
}

// ---- the banner: mode, how long, the instruction to acknowledge, the server, unsent, snapshot, number pools, who ----
async function refreshBanner() {
  const r = await api('GET', '/api/status');
  if (!r.ok) return;
  const s = r.data;
  const was = state.status;
  state.status = s;
  state.zone = s.timeZone || state.zone;
  document.title = (s.kioskName ? s.kioskName + ' — ' : '') + t('app.title');
  $('#banner').classList.toggle('downtime', !!s.downtime);
  $('#b-kiosk').textContent = s.enrolled ? (s.kioskName || '') + (s.departmentName ? '（' + s.departmentName + '）' : '') : '';
  // HIS down: 联网停机 while the continuity server answers (records flow between stations through it), else 完全离线
  const reachable = s.relayReachable !== null && s.relayReachable !== undefined ? s.relayReachable : s.serverReachable;
  $('#b-mode').textContent = !s.enrolled ? t('banner.not-enrolled')
    : s.downtime ? t('banner.mode.downtime') + ' · ' + (reachable === true ? t('banner.mode.lan-up') : t('banner.mode.offline'))
      : (s.phase === 'AFTER_RECOVERY' ? t('banner.mode.after') : t('banner.mode.normal'));
  $('#b-mode').dataset.link = s.downtime ? (reachable === true ? 'lan-up' : 'offline') : '';
  $('#b-elapsed').textContent = s.downtime ? t('banner.elapsed') + ' ' + duration(s.downtimeSeconds) : '';
  $('#b-unsent').textContent = s.enrolled ? t('banner.unsent') + ' ' + s.unsent + t('unit.records') : '';
  const server = $('#b-server');
  server.className = s.serverReachable === false ? 'warn' : '';
  server.textContent = s.serverReachable === true ? t('banner.server.up') : s.serverReachable === false ? t('banner.server.down') : '';
  const snap = $('#b-snapshot');
  snap.className = '';
  if (!s.enrolled) snap.textContent = '';
  else if (!s.snapshot) { snap.textContent = t('banner.snapshot.none'); snap.className = 'warn'; }
  else {
    snap.textContent = t('banner.snapshot') + ' ' + duration(s.snapshot.ageSeconds) + t('banner.ago');
    if (s.snapshot.stale) { snap.textContent += ' — ' + t('banner.snapshot.stale'); snap.className = 'warn'; }
  }
  const pools = $('#b-pools');
  pools.textContent = '';
  (s.pools || []).filter((p) => p.low || !p.remaining).forEach((p) => {
    pools.appendChild(el('span', t('banner.pool.' + p.pool.toLowerCase()) + ' ' + p.remaining + ' — ' + t('banner.pool.low'), 'warn'));
  });
  $('#b-staff').textContent = s.staff ? t('banner.staff') + '：' + s.staff : '';
  const drill = $('#drill-banner');
  drill.hidden = !s.drill;
  drill.textContent = s.drill ? (state.lang === 'en' ? s.drill.bannerEn : s.drill.bannerZh) : '';
  // EP-6.1: the newest announcement for this department, and whether someone acknowledged it
  const ins = $('#b-instruction');
  const a = s.instruction;
  ins.className = a && !a.acknowledged ? 'warn' : '';
  ins.textContent = !a ? '' : a.acknowledged
    ? tf('banner.instruction.done', a.number || '', a.acknowledgedBy || '')
    : tf('banner.instruction.open', a.number || '', a.modeAfter === 'MANUAL' ? t('mode.kind.manual') : t('mode.kind.restart'));
  if (was && was.downtime !== s.downtime && current) {
    document.dispatchEvent(new CustomEvent('kiosk:mode-changed', { detail: s }));
    if (!s.downtime && needsDowntime(current)) { flash(t('error.not-in-downtime')); go('mode'); }
  }
}

const needsDowntime = (name) => CAPTURE.includes(name) || name.startsWith('clinical/');

// ---- the F-key bar follows the signed-in person's roles (a ward kiosk is a ward kiosk) ----
function buildTabs(roles, forms) {
  const list = [];
  if (roles.includes('CASHIER')) {
    [['register', 'nav.register'], ['charge', 'nav.charge'], ['invoices', 'nav.invoices'], ['ious', 'nav.ious'],
      ['settlement', 'nav.settlement']].forEach((x) => list.push(x));
  }
  CLINICAL.filter((f) => forms.includes(f)).forEach((f) => list.push(['clinical/' + f, 'nav.' + f]));
  if (forms.length) list.push(['census', 'nav.census'], ['relay', 'nav.relay']); // 在院病人 keeps its key; 站间单据 after it
  const out = list.slice(0, ROLE_KEYS.length).map((x, i) => ({ name: x[0], label: x[1], key: ROLE_KEYS[i] }));
  out.push({ name: 'fault', label: 'nav.fault', key: 'F5' }, { name: 'journal', label: 'nav.journal', key: 'F7' },
    { name: 'mode', label: 'nav.mode', key: 'F8' }, { name: 'logout', label: 'nav.logout', key: 'F10' });
  return out;
}

function drawNav() {
  const nav = $('#nav');
  nav.textContent = '';
  tabs.sort((a, b) => +a.key.substring(1) - +b.key.substring(1)).forEach((tab) => {
    const a = el('a');
    a.href = '#' + tab.name;
    a.dataset.key = tab.key;
    a.appendChild(el('kbd', tab.key));
    a.appendChild(document.createTextNode(t(tab.label)));
    if (current === tab.name) a.classList.add('active');
    nav.appendChild(a);
  });
}

async function show(name, params, my) {
  const section = name.startsWith('clinical/') ? 'clinical' : name;
  // the screen on view already, with the keyboard in it (its F-key pressed again, or a second route for it arriving
  // while the person types): the person's place and what they typed stay
  const again = current === name && !$('#s-' + section).hidden && $('#s-' + section).contains(document.activeElement);
  ['enrol', 'login', 'mode', 'register', 'charge', 'invoices', 'ious', 'settlement', 'census', 'clinical', 'fault', 'journal', 'relay']
    .forEach((s) => { if (s !== section) $('#s-' + s).hidden = true; });
  current = name;
  drawNav();
  if (name.startsWith('clinical/')) {
    $('#s-clinical').hidden = false;
    await clinical.load(name.substring('clinical/'.length), params, again);
    return;
  }
  $('#s-' + name).hidden = false;
  const screen = SCREENS[name];
  if (screen && screen.load) await screen.load(params);
  // another screen was asked for meanwhile: the keyboard is its business now
  if (my !== undefined && my !== routes) return;
  // a screen that put the keyboard somewhere itself (a picked row, a field) keeps it
  if ($('#s-' + name).contains(document.activeElement)) return;
  const first = $('#s-' + name + ' [data-autofocus]:not([hidden])') || $('#s-' + name + ' input:not([type=hidden]), #s-' + name + ' select');
  if (first && !first.closest('[hidden]')) first.focus();
}

/** Opens a screen (with optional parameters, e.g. the patient picked on the census). */
function go(name, params) {
  pending = params || null;
  if (location.hash === '#' + name) route(); else location.hash = '#' + name;
}
let pending = null;
relay.init(go);
/**
 * Routes started so far. A route waits for the server several times; when a newer one started meanwhile (an F-key
 * pressed while the previous screen was still being opened), the older one gives up: it never shows its screen over
 * the newer one, nor takes back the keyboard from what the person is already typing there.
 */
let routes = 0;

async function route() {
  const my = ++routes;
  await refreshBanner();
  if (my !== routes) return undefined;
  const s = state.status;
  if (!s || !s.enrolled) { $('#nav').hidden = true; return show('enrol', null, my); }
  const me = await api('GET', '/api/session');
  if (my !== routes) return undefined;
  if (!me.ok) { state.me = null; $('#nav').hidden = true; return show('login', null, my); }
  state.me = me.data;
  const forms = await api('GET', '/api/clinical/forms');
  if (my !== routes) return undefined;
  // the forms this person writes, as the kiosk names them in its paths (requisition → requisitions)
  state.forms = CLINICAL.filter((f) => (forms.ok ? forms.data : []).includes(PATH_TYPE[f]));
  tabs = buildTabs(state.me.roles || [], state.forms);
  $('#nav').hidden = false;
  let name = (location.hash || '').substring(1);
  if (name === 'logout') { await api('DELETE', '/api/session'); state.me = null; location.hash = ''; return route(); }
  if (!tabs.some((x) => x.name === name)) name = s.downtime ? tabs[0].name : 'mode';
  if (!s.downtime && needsDowntime(name)) {
    flash(t('error.not-in-downtime'));
    name = 'mode';
  }
  const params = pending;
  pending = null;
  return show(name, params, my);
}

document.addEventListener('keydown', (e) => {
  if (paperOpen()) {
    // the F-key bar stays in sight over a print preview: an F-key closes the preview and goes where it says
    if (!/^F([1-9]|1[0-2])$/.test(e.key) || $('#nav').hidden) return;
    closePaper();
  }
  if (e.altKey && (e.key === 'l' || e.key === 'L')) { e.preventDefault(); switchLanguage(); return; }
  if (!/^F([1-9]|1[0-2])$/.test(e.key)) return;
  e.preventDefault();
  if ($('#nav').hidden) return;
  const tab = tabs.find((x) => x.key === e.key);
  if (!tab) { flash(tf('error.key.unused', e.key)); return; }
  flash('');
  go(tab.name);
});
window.addEventListener('hashchange', () => { route(); });
document.addEventListener('kiosk:signed-out', () => {
  if (state.me) { state.me = null; flash(t('error.session.required')); location.hash = ''; route(); }
});

async function switchLanguage() {
  await api('PUT', '/api/settings/language', { language: state.lang === 'zh-CN' ? 'en' : 'zh-CN' });
  await loadTexts();
  drawNav();
  await refreshBanner();
  if (current) show(current);
}
$('#b-lang').addEventListener('click', switchLanguage);

// ---- enrolment and sign-in ----
keyboardForm($('#f-enrol'), async () => {
  const form = $('#f-enrol');
  const r = await api('POST', '/api/kiosk/enrolment', formData(form));
  if (!r.ok) return showProblem(form, r.data);
  resetForm(form);
  flash(t('enrol.done'), true);
  route();
});
keyboardForm($('#f-login'), async () => {
  const form = $('#f-login');
  const r = await api('POST', '/api/session', formData(form));
  $('#login-password').value = '';
  if (!r.ok) return showProblem(form, r.data);
  resetForm(form);
  flash('');
  location.hash = '';
  route();
});

shell.go = go;
shell.refresh = refreshBanner;

(async function start() {
  await loadTexts();
  await route();
  setInterval(refreshBanner, 5000);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && paperOpen()) closePaper(); });
})();
