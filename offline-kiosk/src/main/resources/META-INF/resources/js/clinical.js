// EP-6.4-6.7 clinical downtime forms, one per tab as the plan names them: 手工处方, 医嘱/申请单 (doctor), 药品请领单,
// 收费执行单 (nurse), 检查登记 (med-tech), 发药记录 (pharmacy). The patient is picked from the ward's census by bed, 住院号
// or pinyin initials, and the allergies show at once. One line per drug or item (Ctrl+Enter saves). HR-9: the kiosk's
// records of these forms are listed below, to void, correct or reprint with a reason — picked by patient and time.
import { state, shell, $, $$, t, tf, api, el, flash, showProblem, resetForm, clearErrors, keyboardForm, picker, pickTable, row, whose,
  sexWord, ageOf, when, searchCatalogue, itemLabel } from './core.js';
import { showPaper } from './paper.js';
import { findInpatients, inpatientLabel } from './settlement.js';
import { allergyWords } from './census.js';

const form = $('#f-clinical');
const DRUG_FORMS = ['prescriptions', 'requisitions', 'dispenses'];
const TYPE_OF = { prescriptions: 'prescription', orders: 'clinical-order', requisitions: 'requisition', 'charge-executions': 'charge-execution',
  'exam-registers': 'exam-register', dispenses: 'dispense' };
const PATH_OF = Object.fromEntries(Object.entries(TYPE_OF).map(([k, v]) => [v, k]));
let kind = null;
let correcting = null;
let patient = null;

const kindOf = () => kind;

function showFields() {
  $$('#f-clinical [data-for]').forEach((e) => { e.hidden = !e.getAttribute('data-for').split(' ').includes(kind); });
  $('#cl-lines-hint').textContent = kind ? t('clinical.lines.' + kind) : '';
  $('#cl-title').textContent = t('form.' + TYPE_OF[kind]);
}

function header() {
  if (!patient) {
    const n = $('#cl-patientName').value.trim();
    whose($('#cl-whose'), n ? t('whose.walk-in') + '：' + n : null);
    $('#cl-allergies').hidden = true;
    return;
  }
  const a = ageOf(patient.birthDate);
  whose($('#cl-whose'), patient.name, [sexWord(patient.sex), a === null ? '' : a + t('unit.years'), patient.ward, patient.bed,
    patient.inpatientNumber].filter((x) => x).join(' '));
  const box = $('#cl-allergies');
  if (!['prescriptions', 'requisitions'].includes(kind)) { box.hidden = true; return; }
  box.className = 'allergy-box' + (patient.allergies && patient.allergies.length ? '' : (patient.allergiesRecorded ? ' none' : ' unknown'));
  box.textContent = t('clinical.allergies') + '：' + (patient.allergies && patient.allergies.length
    ? patient.allergies.map((x) => x.allergen + (x.reaction ? '（' + x.reaction + '）' : '') + ' ' + t('allergy.severity.' + x.severity)).join('；')
    : allergyWords(patient));
  box.hidden = false;
}

function clear(focus) {
  resetForm(form);
  $('#cl-lines').value = '';
  $('#cl-form').value = kind;
  patient = null;
  correcting = null;
  $('#cl-correcting').hidden = true;
  $('#cl-approval').hidden = true;
  header();
  if (focus !== false) firstField().focus();
}

const firstField = () => (kind === 'dispenses' ? $('#cl-fillsRecordId') : $('#cl-patient'));

export async function load(k, params, again) {
  if (again && k === kind && !(params && params.patient)) { await loadRecent(); return; } // the person stays where they type
  if (k !== kind) { kind = k; clear(false); }
  showFields();
  if (params && params.patient) pick(params.patient);
  else header();
  // HIS down, LAN up: opened from the relay list: the record to fill and its lines, ready to check and save
  if (params && params.fills && kind === 'dispenses') {
    $('#cl-fillsRecordId').value = params.fills;
    $('#cl-lines').value = params.fillLines || '';
  }
  // the keyboard lands first; the recent list fills in behind it, so keys typed meanwhile are never taken back
  (patient && kind !== 'dispenses' ? (kind === 'orders' ? $('#cl-kind') : kind === 'prescriptions' ? $('#cl-diagnosis') : $('#cl-lines')) : firstField()).focus();
  await loadRecent();
}

function pick(p) {
  patient = p;
  $('#cl-knownPatientId').value = p.patientId;
  $('#cl-patient').value = [p.bed, p.name, p.inpatientNumber].filter((x) => x).join(' ');
  $('#cl-patientName').value = '';
  header();
}

picker($('#cl-patient'), $('#cl-patient-results'), findInpatients, inpatientLabel, (p) => {
  pick(p);
  (kind === 'orders' ? $('#cl-kind') : kind === 'prescriptions' ? $('#cl-diagnosis') : kind === 'exam-registers' ? $('#cl-stubNumber') : $('#cl-lines')).focus();
}, { onType: () => { if (patient) { patient = null; $('#cl-knownPatientId').value = ''; header(); } } });
$('#cl-patient').dataset.enter = 'own';
$('#cl-patient').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.defaultPrevented && !e.ctrlKey) e.preventDefault(); });
$('#cl-patientName').addEventListener('input', header);

// ---- pinyin picker in the lines box: the first word of the caret's line, ranked by the kiosk's search ----
(function linePicker() {
  const area = $('#cl-lines');
  const list = $('#cl-lines-results');
  let items = [];
  let sel = -1;
  let seq = 0;
  const token = () => {
    const v = area.value;
    const caret = area.selectionStart;
    const start = v.lastIndexOf('\n', caret - 1) + 1;
    const word = v.substring(start, caret);
    return /^\S+$/.test(word) && !/\S/.test((v.substring(caret).split('\n')[0] || '').charAt(0)) ? { start, word } : null;
  };
  const close = () => { items = []; sel = -1; draw(); };
  const draw = () => {
    list.textContent = '';
    items.forEach((it, i) => { const li = el('li', itemLabel(it), i === sel ? 'sel' : ''); li.setAttribute('role', 'option'); list.appendChild(li); });
  };
  area.addEventListener('input', async () => {
    const my = ++seq;
    const tk = token();
    if (!tk || kind === 'orders' || kind === 'exam-registers') { close(); return; }
    let got = await searchCatalogue(tk.word);
    if (my !== seq) return;
    const now = token();
    if (!now || now.word !== tk.word) { close(); return; }
    if (DRUG_FORMS.includes(kind)) got = got.filter((h) => h.kind === 'DRUG');
    if (got.length === 1 && got[0].code.toUpperCase() === tk.word.toUpperCase()) got = [];
    items = got.slice(0, 8); sel = items.length ? 0 : -1; draw();
  });
  area.addEventListener('keydown', (e) => {
    if (!items.length) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); sel = Math.min(sel + 1, items.length - 1); draw(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); sel = Math.max(sel - 1, 0); draw(); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
    else if ((e.key === 'Tab' || (e.key === 'Enter' && !e.ctrlKey)) && sel >= 0) {
      e.preventDefault();
      const tk = token();
      const it = items[sel];
      close();
      if (!tk) return;
      const v = area.value;
      area.value = v.substring(0, tk.start) + it.code + ' ' + v.substring(tk.start + tk.word.length).replace(/^ /, '');
      const caret = tk.start + it.code.length + 1;
      area.setSelectionRange(caret, caret);
    }
  });
  area.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== area) close(); }, 150));
}());

function lines() {
  const rows = $('#cl-lines').value.split('\n').map((l) => l.trim()).filter((l) => l).map((l) => l.split(/\s+/));
  const num = (v) => (v === undefined || v === '' || isNaN(Number(v)) ? null : Number(v));
  if (kind === 'prescriptions') {
    return rows.map((r) => ({ drugCode: r[0], dose: num(r[1]), doseUnit: r[2] || null, route: r[3] || null, frequency: r[4] || null, quantity: num(r[5]),
      days: num(r[6]) }));
  }
  if (kind === 'exam-registers') {
    // the price as people write it, in yuan (120 or 120.5); the record keeps fen
    const fen = (v) => { const y = num(v); return y === null ? null : Math.round(y * 100); };
    return rows.map((r) => (/^[A-Za-z]\d+$/.test(r[0]) ? { itemCode: r[0], priceFen: fen(r[1]) } : { description: r[0], priceFen: fen(r[1]) }));
  }
  return rows.map((r) => ({ code: r[0], quantity: num(r[1]) }));
}

async function save() {
  if (!kind) return;
  const body = {};
  $$('[data-for]', form).forEach((box) => {
    if (box.hidden) return;
    $$('input[name], select[name]', box).forEach((e) => { body[e.name] = e.type === 'checkbox' ? e.checked : (e.value.trim() === '' ? null : e.value.trim()); });
  });
  if (kind === 'exam-registers') body.exams = lines(); else if (kind !== 'orders') body.lines = lines();
  flash(t('common.saving'), true);
  // HR-9: a correction goes with the second person's approval (a supervisor of the discipline, their own password)
  const r = correcting
    ? await api('POST', '/api/clinical/' + correcting.id + '/corrections', { reason: correcting.reason, form: body,
      approverAccountId: $('#cl-approver').value.trim(), approverPassword: $('#cl-approver-password').value })
    : await api('POST', '/api/clinical/' + kind, body);
  $('#cl-approver-password').value = '';
  if (!r.ok) {
    showProblem(form, r.data);
    // an allergy match is refused with the matching lines and the reason it needs: the lines show the warning,
    // and the caret waits in the reason (the doctor types why, or goes back to the lines to change the drug)
    if (r.data && (r.data.violations || []).some((v) => v.field === 'allergyOverrideReason')) $('#cl-allergyOverrideReason').focus();
    return;
  }
  const who = patient ? patient.name : (body.patientName || '');
  const approvedBy = correcting ? await approverOf(correcting.id) : null;
  flash(correcting ? tf('clinical.amend.corrected', t('form.' + TYPE_OF[kind]), who, r.data.kioskSeq, myName(), approvedBy)
    : tf('clinical.saved', t('form.' + TYPE_OF[kind]), who, r.data.kioskSeq), true);
  clear();
  await loadRecent();
  shell.refresh();
  showPaper('/api/clinical/' + r.data.id + '/print', t('form.' + TYPE_OF[kind]) + ' ' + who);
}

keyboardForm(form, save, () => { clear(); flash(t('common.cancelled'), true); });

// ---- HR-9: void, correct or reprint a record of this kiosk, picked from the list ----
const recent = pickTable($('#cl-recent'), () => $('#am-reason').focus());
// Alt+R: to the list of saved records from anywhere on the screen (then ↑↓, Enter to the reason, Alt+V / Alt+C / Alt+P)
$('#s-clinical').addEventListener('keydown', (e) => {
  if (e.altKey && (e.key === 'r' || e.key === 'R')) { e.preventDefault(); $('#cl-recent').focus(); }
});

async function loadRecent() {
  const r = await api('GET', '/api/clinical/recent?limit=20');
  const list = (r.ok ? r.data : []).filter((x) => x.type === TYPE_OF[kind]);
  recent.set(list, (x) => row(['#' + x.kioskSeq, when(x.recordedAt), t('form.' + x.type), [x.bed, x.patientName].filter((y) => y).join(' '),
    x.summary || '', t('clinical.status.' + x.status)]));
}

/** The signed-in person's name (who voids or corrects). */
const myName = () => (state.me ? state.me.displayName : '');

/** The name of the second person who approved the amendment of a record, as journaled. */
async function approverOf(id) {
  const r = await api('GET', '/api/clinical/' + id);
  return r.ok && r.data.amendment ? r.data.amendment.approvedByName : '';
}

function chosen() {
  const x = recent.selected();
  if (!x) showProblem($('#f-amend'), { violations: [{ field: 'recordId', message: t('clinical.amend.pick') }], detail: t('error.form') });
  return x;
}

$('#am-void').addEventListener('click', async () => {
  const x = chosen();
  if (!x) return;
  // HR-9: the void goes with the second person's approval (a supervisor of the discipline, their own password)
  const r = await api('POST', '/api/clinical/' + x.id + '/void', { reason: $('#am-reason').value.trim(),
    approverAccountId: $('#am-approver').value.trim(), approverPassword: $('#am-approver-password').value });
  $('#am-approver-password').value = '';
  if (!r.ok) { showProblem($('#f-amend'), r.data); return; }
  resetForm($('#f-amend'));
  flash(tf('clinical.amend.voided', t('form.' + x.type), x.patientName || '', r.data.amendment.kioskSeq, myName(),
    r.data.amendment.approvedByName), true);
  await loadRecent();
  shell.refresh();
  showPaper('/api/clinical/' + x.id + '/print', t('form.' + x.type) + ' ' + (x.patientName || ''));
});

$('#am-correct').addEventListener('click', async () => {
  const x = chosen();
  if (!x) return;
  const reason = $('#am-reason').value.trim();
  if (reason.length < 4) { showProblem($('#f-amend'), { violations: [{ field: 'reason', message: t('error.text.too-short') }], detail: t('error.form') }); return; }
  const r = await api('GET', '/api/clinical/' + x.id);
  if (!r.ok) { showProblem($('#f-amend'), r.data); return; }
  const d = r.data.details;
  clear(false);
  const set = (id, v) => { const e = $(id); if (e) e.value = v === undefined || v === null ? '' : String(v); };
  if (d.patient && d.patient.knownPatientId) {
    const found = await findInpatients(d.patient.inpatientNumber || d.patient.name);
    const p = found.find((y) => y.patientId === d.patient.knownPatientId);
    if (p) pick(p); else set('#cl-knownPatientId', d.patient.knownPatientId);
  } else if (d.patient) set('#cl-patientName', d.patient.name);
  set('#cl-diagnosis', d.diagnosis); set('#cl-kind', d.kind || 'ORDER'); set('#cl-content', d.content);
  set('#cl-dischargeMark', d.dischargeMark || 'NONE'); set('#cl-stubNumber', d.stubNumber); set('#cl-note', d.note);
  set('#cl-fillsRecordId', d.fillsAsWritten || d.fills); set('#cl-overrideReason', d.overrideReason);
  set('#cl-allergyOverrideReason', d.allergyCheck ? d.allergyCheck.overrideReason : '');
  $('#cl-dischargeMedication').checked = !!d.dischargeMedication;
  const ls = d.lines || d.exams || [];
  $('#cl-lines').value = ls.map((l) => (kind === 'prescriptions' ? [l.drugCode, l.dose, l.doseUnit, l.route, l.frequency, l.quantity, l.days]
    : kind === 'exam-registers' ? [l.itemCode || l.description, l.priceFen === null || l.priceFen === undefined ? '' : l.priceFen / 100]
      : [l.code, l.quantity]).join(' ')).join('\n');
  correcting = { id: x.id, reason };
  $('#cl-correcting-what').textContent = '#' + x.kioskSeq + ' ' + (x.patientName || '') + ' — ' + reason;
  $('#cl-correcting').hidden = false;
  $('#cl-approval').hidden = false;
  resetForm($('#f-amend'));
  header();
  $('#cl-lines').focus();
});

$('#am-print').addEventListener('click', () => {
  const x = chosen();
  if (x) showPaper('/api/clinical/' + x.id + '/print', t('form.' + x.type) + ' ' + (x.patientName || ''));
});

$('#s-clinical').addEventListener('keydown', (e) => {
  if (e.target.closest && e.target.closest('#f-amend') && e.key === 'Enter') e.preventDefault();
  if (!e.altKey || !(e.target.closest && (e.target.closest('#f-amend') || e.target.closest('#cl-recent')))) return;
  const k = e.key.toLowerCase();
  if (k === 'v') { e.preventDefault(); $('#am-void').click(); } else if (k === 'c') { e.preventDefault(); $('#am-correct').click(); }
  else if (k === 'p') { e.preventDefault(); $('#am-print').click(); }
});
$('#f-amend').addEventListener('submit', (e) => e.preventDefault());

