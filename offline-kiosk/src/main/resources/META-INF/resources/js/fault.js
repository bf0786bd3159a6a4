// EP-3.1 / EP-3.2, F5: report a fault in one action — what fails, where, since when, in one's own words. Kept here and
// sent at once when the server answers, else later; each report shows what IT did with it: received, verified (or not
// reproduced), folded into an incident.
import { state, shell, $, t, tf, api, el, flash, showProblem, formData, resetForm, keyboardForm, row, when, clock, day } from './core.js';

const form = $('#f-fault');
const SYMPTOMS = ['CANNOT_CONNECT', 'PROGRAM_WONT_OPEN', 'DATABASE_SLOW', 'TERMINAL_BROKEN', 'WRONG_DATA', 'PATIENT_DATA_MISSING',
  'PRICE_LOOKS_WRONG', 'INSURANCE_SETTLEMENT_FAILS', 'OTHER'];

function options() {
  const s = $('#ft-symptom');
  const keep = s.value;
  s.textContent = '';
  SYMPTOMS.forEach((x) => { const o = el('option', t('fault.symptom.' + x)); o.value = x; s.appendChild(o); });
  if (keep) s.value = keep;
}

function stateWords(r) {
  if (!r.sent) return r.lastError && r.lastError !== t('error.server-unreachable') && r.attempts > 0 && !/^error\./.test(r.lastError)
    ? tf('fault.state.refused', r.lastError) : t('fault.state.pending');
  const parts = [tf('fault.state.received', when(r.sentAt))];
  if (r.state === 'CONFIRMED') parts.push(tf('fault.state.confirmed', r.verifiedBy || '', when(r.verifiedAt)));
  if (r.state === 'NOT_REPRODUCED') parts.push(tf('fault.state.not-reproduced', r.verifiedBy || '', when(r.verifiedAt)));
  if (r.incidentOpenedAt) parts.push(tf('fault.state.incident', when(r.incidentOpenedAt), r.incidentClass ? t('fault.class.' + r.incidentClass) : ''));
  return parts.join('；');
}

async function list(refresh) {
  const r = await api(refresh ? 'POST' : 'GET', refresh ? '/api/fault-reports/refresh' : '/api/fault-reports');
  const body = $('#ft-table tbody');
  body.textContent = '';
  (r.ok ? r.data : []).forEach((x) => body.appendChild(row([when(x.filedAt), t('fault.symptom.' + x.symptom), x.location, x.reporterName, stateWords(x)])));
}

function clear() {
  resetForm(form);
  options();
  $('#ft-location').value = state.status ? [state.status.kioskName, state.status.departmentName].filter((x) => x).join('，') : '';
  $('#ft-since').value = clock(new Date());
}

export async function load() {
  clear();
  await list(true);
}

/** "14:05" today, or "2026-12-06 14:05", in the hospital's zone → an instant. */
function since(text) {
  const v = (text || '').trim();
  if (!v) return null;
  const m = /^(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  const date = m[1] || day(new Date());
  // the hospital's zone offset at that moment (China has one offset all year; computed anyway from the zone's own clock)
  const guess = new Date(date + 'T' + m[2].padStart(2, '0') + ':' + m[3] + ':00Z');
  const shown = new Date(new Intl.DateTimeFormat('en-US', { timeZone: state.zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess).replace(/(\d+)\/(\d+)\/(\d+),\s*/, '$3-$1-$2T') + ':00Z');
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime())).toISOString();
}

keyboardForm(form, async () => {
  const body = formData(form);
  const at = since($('#ft-since').value);
  if (at === undefined) { showProblem(form, { violations: [{ field: 'observedSince', message: t('error.fault.since') }], detail: t('error.form') }); return; }
  body.observedSince = at;
  flash(t('common.saving'), true);
  const r = await api('POST', '/api/fault-reports', body);
  if (!r.ok) { showProblem(form, r.data); return; }
  clear();
  flash(r.data.sent ? t('fault.saved.sent') : t('fault.saved.kept'), true);
  await list(false);
  shell.refresh();
  $('#ft-symptom').focus();
}, () => { clear(); flash(t('common.cancelled'), true); $('#ft-symptom').focus(); });

document.addEventListener('kiosk:texts', options);
