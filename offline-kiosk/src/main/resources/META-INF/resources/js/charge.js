// EP-6.2.2 manual charging (手工收费): pick the patient (this kiosk's registrations and the snapshot), add items by code,
// name or pinyin initials, settle. EP-4.4: an IOU (白条) only for an insured patient with a card, and a phone number.
// After saving, the invoice (or the IOU slip) is shown to print and the form is empty again: nothing carries over.
import { state, $, $$, t, tf, api, el, yuan, flash, showProblem, formData, resetForm, keyboardForm, picker, whose, sexWord,
  searchCatalogue, itemLabel } from './core.js';
import { showPaper } from './paper.js';
import { lineEntry, drawLines } from './lines.js';

const form = $('#f-charge');
const lines = [];
let patient = null;

function header() {
  if (!patient) { whose($('#ch-whose'), null); return; }
  whose($('#ch-whose'), patient.name, [sexWord(patient.sex), patient.age === null || patient.age === undefined ? '' : patient.age + t('unit.years'),
    patient.number || '', patient.insuranceType ? t('ins.' + patient.insuranceType) : ''].filter((x) => x).join(' '));
}

function settlement() {
  const iou = $('#ch-settlement').value === 'IOU';
  $$('.iou-only', form).forEach((f) => { f.hidden = !iou; });
  $('#ch-paymentMethod').disabled = iou;
  $('#ch-insuranceCard').placeholder = iou && patient && patient.insuranceCard ? t('reg.known.card') : '';
}

function clear(focus) {
  resetForm(form);
  lines.length = 0;
  drawLines('ch', lines);
  patient = null;
  $('#ch-patientName').disabled = false;
  settlement();
  header();
  if (focus !== false) $('#ch-patient').focus();
}

export async function load(params) {
  if (params && params.patient) { pick(params.patient); return; }
  if (!lines.length && !$('#ch-registrationId').value && !$('#ch-knownPatientId').value) clear(false);
}

function pick(p) {
  $('#ch-registrationId').value = p.source === 'KIOSK' ? p.id : '';
  $('#ch-knownPatientId').value = p.source === 'SNAPSHOT' ? p.id : '';
  patient = { name: p.name, sex: p.sex, age: p.age, number: p.patientNumber || p.outpatientNumber || p.inpatientNumber,
    insuranceType: p.insuranceType, insuranceCard: p.insuranceCard };
  $('#ch-patient').value = p.name + ' ' + (patient.number || '');
  $('#ch-patientName').value = '';
  $('#ch-patientName').disabled = true;
  settlement();
  header();
  $('#ch-search').focus();
}

picker($('#ch-patient'), $('#ch-patient-results'), async (q) => {
  if (q.length < 2) return [];
  const r = await api('GET', '/api/patients?q=' + encodeURIComponent(q));
  return r.ok ? r.data : [];
}, (p) => [p.name, sexWord(p.sex), p.age === null || p.age === undefined ? '' : p.age + t('unit.years'),
  p.patientNumber || p.outpatientNumber || p.inpatientNumber || '', p.phoneMasked || '', p.insuranceType ? t('ins.' + p.insuranceType) : '']
  .filter((x) => x).join('  '), pick, { min: 2, onType: () => {
  if (patient) { patient = null; $('#ch-registrationId').value = ''; $('#ch-knownPatientId').value = ''; $('#ch-patientName').disabled = false; header(); }
} });
$('#ch-patient').dataset.enter = 'own';
$('#ch-patient').addEventListener('keydown', (e) => {
  // Enter with nothing listed: a picked patient (or none) moves on to the items; it never saves from here
  if (e.key === 'Enter' && !e.ctrlKey && !e.defaultPrevented) { e.preventDefault(); (patient ? $('#ch-search') : $('#ch-patientName')).focus(); }
});
$('#ch-patientName').addEventListener('input', () => {
  const n = $('#ch-patientName').value.trim();
  whose($('#ch-whose'), n ? t('whose.walk-in') + '：' + n : null);
});

lineEntry('ch', lines, () => $('#ch-settlement').focus());
$('#ch-settlement').addEventListener('change', settlement);

async function save() {
  const body = formData(form, true);
  body.lines = lines.map((l) => ({ code: l.code, quantity: l.quantity }));
  body.insuranceDeferred = $('#ch-insuranceDeferred').checked;
  if (body.settlement === 'IOU') body.paymentMethod = null;
  flash(t('common.saving'), true);
  const r = await api('POST', '/api/charges', body);
  if (!r.ok) { showProblem(form, r.data); return; }
  const d = r.data.details;
  clear();
  flash((d.invoiceNo ? tf('charge.saved', d.invoiceNo, d.patientName, yuan(d.totalFen)) : tf('charge.saved.iou', d.iouNumber, d.patientName, yuan(d.totalFen)))
    + ' #' + r.data.kioskSeq, true);
  showPaper('/api/charges/' + r.data.id + '/invoice', d.invoiceNo ? t('print.invoice.title') + ' ' + d.invoiceNo : t('print.iou.title') + ' ' + d.iouNumber);
}

keyboardForm(form, save, () => { clear(); flash(t('common.cancelled'), true); });
