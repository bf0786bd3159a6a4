// EP-6.3.3/6.3.4 emergency discharge settlement by hand: the inpatient from the census (bed, 住院号, name or pinyin
// initials), the charges from the nurse station's list, the deposit; the settlement prints on A5.
import { $, t, tf, api, yuan, flash, showProblem, resetForm, keyboardForm, picker, whose, sexWord, ageOf } from './core.js';
import { showPaper } from './paper.js';
import { lineEntry, drawLines } from './lines.js';

const form = $('#f-settle');
const lines = [];

function clear(focus) {
  resetForm(form);
  lines.length = 0;
  drawLines('st', lines);
  whose($('#st-whose'), null);
  if (focus !== false) $('#st-patient').focus();
}

export async function load(params) {
  if (params && params.patient) { pick(params.patient); return; }
  if (!lines.length && !$('#st-patientId').value) clear(false);
}

function pick(p) {
  $('#st-patientId').value = p.patientId;
  $('#st-patient').value = [p.bed, p.name, p.inpatientNumber].filter((x) => x).join(' ');
  $('#st-deposit').value = (p.depositFen / 100).toFixed(2);
  const a = ageOf(p.birthDate);
  whose($('#st-whose'), p.name, [sexWord(p.sex), a === null ? '' : a + t('unit.years'), p.ward, p.bed, p.inpatientNumber,
    t('settle.deposit') + ' ' + yuan(p.depositFen)].filter((x) => x).join(' '));
  $('#st-search').focus();
}

export const findInpatients = async (q) => {
  const r = await api('GET', '/api/reference/patients?census=true&q=' + encodeURIComponent(q));
  return r.ok ? r.data : [];
};
export const inpatientLabel = (p) => [p.bed, p.name, sexWord(p.sex), ageOf(p.birthDate) === null ? '' : ageOf(p.birthDate) + t('unit.years'),
  p.inpatientNumber, p.ward].filter((x) => x !== null && x !== undefined && x !== '').join('  ');

picker($('#st-patient'), $('#st-patient-results'), findInpatients, inpatientLabel, pick,
  { onType: () => { $('#st-patientId').value = ''; whose($('#st-whose'), null); } });
$('#st-patient').dataset.enter = 'own';
$('#st-patient').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.ctrlKey && !e.defaultPrevented) { e.preventDefault(); if ($('#st-patientId').value) $('#st-search').focus(); }
});
lineEntry('st', lines, () => $('#st-examsChecked').focus());

keyboardForm(form, async () => {
  const dep = $('#st-deposit').value.trim();
  let depositFen = null;
  if (dep) {
    if (!/^\d+(\.\d{1,2})?$/.test(dep)) {
      showProblem(form, { violations: [{ field: 'depositFen', message: t('error.amount.negative') }], detail: t('error.form') });
      return;
    }
    depositFen = Math.round(parseFloat(dep) * 100);
  }
  const body = { patientId: $('#st-patientId').value || null, lines: lines.map((l) => ({ code: l.code, quantity: l.quantity })), depositFen,
    examsChecked: $('#st-examsChecked').checked };
  flash(t('common.saving'), true);
  const r = await api('POST', '/api/discharge-settlements', body);
  if (!r.ok) { showProblem(form, r.data); return; }
  const d = r.data.details;
  clear();
  flash(tf('settle.saved', d.invoiceNo, d.patientName, yuan(d.totalFen), yuan(d.balanceFen)), true);
  showPaper('/api/discharge-settlements/' + r.data.id + '/paper', t('print.settlement.title') + ' ' + d.invoiceNo);
}, () => { clear(); flash(t('common.cancelled'), true); });
