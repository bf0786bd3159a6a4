// EP-6.2 outpatient registration (门诊挂号). Typing less: a valid resident ID number fills sex, birth date and age
// (GB 11643 check digit verified here and at the server); a child under 14 needs a guardian; the department is picked by
// its pinyin initials; Enter saves from any field. A known patient (Shift+Tab: snapshot and this kiosk's registrations)
// fills the form. After saving, the registration slip is shown to print and the form is empty again.
import { state, $, $$, t, tf, api, el, yuan, flash, showProblem, formData, resetForm, keyboardForm, picker, whose, ageOf, sexWord } from './core.js';
import { showPaper } from './paper.js';

const form = $('#f-register');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
let departments = [];
let picked = null;

/** GB 11643: 17 digits, a birth date, the ISO 7064 MOD 11-2 check character. Null when not valid. */
export function residentId(raw) {
  const id = (raw || '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (+id[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== id[17]) return null;
  const birth = id.substring(6, 10) + '-' + id.substring(10, 12) + '-' + id.substring(12, 14);
  const d = new Date(birth + 'T00:00:00Z');
  if (isNaN(d) || d.toISOString().substring(0, 10) !== birth) return null;
  return { birth, sex: (+id[16]) % 2 === 1 ? 'M' : 'F' };
}

function derivedFields(on) {
  ['#reg-sex', '#reg-birthDate', '#reg-ageYears'].forEach((s) => { $(s).tabIndex = on ? -1 : 0; });
}

function fromId() {
  const v = $('#reg-idNumber').value.trim();
  const box = $('[data-err="idNumber"]', form);
  const ok = residentId(v);
  if (ok) {
    $('#reg-sex').value = ok.sex;
    $('#reg-birthDate').value = ok.birth;
    $('#reg-ageYears').value = String(ageOf(ok.birth));
    box.textContent = '';
    $('#reg-idNumber').removeAttribute('aria-invalid');
    derivedFields(true);
  } else {
    derivedFields(false);
    if (v.length === 18) { box.textContent = t('error.id-number.check-digit'); $('#reg-idNumber').setAttribute('aria-invalid', 'true'); }
    else if (v.length > 0 && v.length !== 18 && document.activeElement !== $('#reg-idNumber')) box.textContent = t('error.id-number.length');
    else box.textContent = '';
  }
  child();
  header();
}

function age() {
  const b = $('#reg-birthDate').value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(b)) return ageOf(b);
  const a = $('#reg-ageYears').value.trim();
  return /^\d{1,3}$/.test(a) ? +a : null;
}

/** A child under 14 is registered with a guardian's name and phone. */
function child() {
  const a = age();
  $$('.field.child', form).forEach((f) => { f.hidden = !(a !== null && a < 14); });
}

function insurance() {
  const self = $('#reg-insuranceType').value === 'SELF_PAY';
  $('#reg-insuranceCard').disabled = self;
  if (self) $('#reg-insuranceCard').value = '';
}

function header() {
  const name = $('#reg-name').value.trim();
  const a = age();
  const sub = [sexWord($('#reg-sex').value), a === null ? '' : a + t('unit.years'), picked ? picked.label : ''].filter((x) => x).join(' ');
  whose($('#reg-whose'), name ? (picked ? t('whose.known') : t('whose.new')) + '：' + name : null, sub);
}

export async function load() {
  const [d, f] = await Promise.all([api('GET', '/api/reference/departments'),
    api('GET', '/api/reference/items?category=' + encodeURIComponent('挂号诊查'))]);
  departments = d.ok ? d.data : [];
  const fee = $('#reg-feeItemCode');
  fee.textContent = '';
  (f.data || []).forEach((x) => { const o = el('option', x.name + ' ' + yuan(x.priceFen)); o.value = x.code; fee.appendChild(o); });
  if (!$('#reg-name').value && !$('#reg-knownPatientId').value) clear(false);
}

async function loadDoctors(dep) {
  const r = await api('GET', '/api/reference/doctors' + (dep ? '?department=' + encodeURIComponent(dep) : ''));
  const doc = $('#reg-doctorCode');
  doc.textContent = '';
  doc.appendChild(el('option', t('reg.doctor.any')));
  doc.firstChild.value = '';
  (r.data || []).forEach((x) => { const o = el('option', x.name + (x.title ? ' ' + x.title : '')); o.value = x.code; doc.appendChild(o); });
}

function clear(focus) {
  resetForm(form);
  picked = null;
  derivedFields(false);
  insurance();
  child();
  loadDoctors('');
  const fee = $('#reg-feeItemCode');
  if (fee.options.length) fee.selectedIndex = 0;
  header();
  if (focus !== false) $('#reg-name').focus();
}

// the department by its code, name or pinyin initials (nk → 内科)
picker($('#reg-dept'), $('#reg-dept-results'), async (q) => {
  const u = q.toUpperCase();
  return departments.filter((d) => d.code.toUpperCase().startsWith(u) || d.name.startsWith(q) || (d.pinyin || '').startsWith(u));
}, (d) => d.name + '  ' + (d.pinyin || ''), (d) => {
  $('#reg-departmentCode').value = d.code;
  $('#reg-dept').value = d.name;
  loadDoctors(d.code);
  $('#reg-doctorCode').focus();
}, { tabPicks: true, onType: () => { $('#reg-departmentCode').value = ''; } });

// a known patient: the snapshot's and this kiosk's own registrations (name, pinyin initials, ID, phone, downtime number)
picker($('#reg-known'), $('#reg-known-results'), async (q) => {
  if (q.length < 2) return [];
  const r = await api('GET', '/api/patients?q=' + encodeURIComponent(q));
  return r.ok ? r.data : [];
}, (p) => [p.name, sexWord(p.sex), p.age === null || p.age === undefined ? '' : p.age + t('unit.years'), p.patientNumber || p.outpatientNumber
  || p.inpatientNumber || '', p.idNumberMasked || '', p.phoneMasked || '', p.source === 'KIOSK' ? t('reg.known.here') : '',
  // the HIS's registration of today (the server's feed): 今日已挂号 and the doctor
  p.source === 'SNAPSHOT' && p.registeredAt ? t('reg.known.his-today') + (p.doctorName ? ' ' + p.doctorName : '') : ''].filter((x) => x).join('  '),
(p) => {
  resetForm(form);
  if (p.source === 'KIOSK') $('#reg-previousRegistrationId').value = p.id; else $('#reg-knownPatientId').value = p.id;
  $('#reg-name').value = p.name;
  $('#reg-sex').value = p.sex || '';
  $('#reg-birthDate').value = p.birthDate || '';
  $('#reg-ageYears').value = p.age === null || p.age === undefined ? '' : String(p.age);
  if (p.insuranceType) $('#reg-insuranceType').value = p.insuranceType;
  insurance();
  $('#reg-insuranceCard').placeholder = p.insuranceCard ? t('reg.known.card') : '';
  $('#reg-idNumber').placeholder = p.idNumberMasked || '';
  $('#reg-phone').placeholder = p.phoneMasked || '';
  derivedFields(true);
  picked = { label: [p.patientNumber || p.outpatientNumber || p.inpatientNumber || '', p.idNumberMasked || ''].join(' ').trim() };
  child();
  header();
  $('#reg-dept').focus();
});

$('#reg-idNumber').addEventListener('input', fromId);
$('#reg-idNumber').addEventListener('blur', fromId);
['#reg-name', '#reg-birthDate', '#reg-ageYears'].forEach((s) => $(s).addEventListener('input', () => { child(); header(); }));
$('#reg-sex').addEventListener('change', header);
$('#reg-insuranceType').addEventListener('change', insurance);

keyboardForm(form, async () => {
  const body = formData(form);
  if (body.ageYears !== null && /^\d{1,3}$/.test(body.ageYears)) body.ageYears = +body.ageYears;
  else if (body.ageYears !== null) { showProblem(form, { violations: [{ field: 'ageYears', message: t('error.age.range') }], detail: t('error.form') }); return; }
  if (body.birthDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(body.birthDate)) {
    showProblem(form, { violations: [{ field: 'birthDate', message: t('error.birth-date.format') }], detail: t('error.form') });
    return;
  }
  if (!body.departmentCode && $('#reg-dept').value.trim()) {
    showProblem(form, { violations: [{ field: 'departmentCode', message: t('error.department.pick') }], detail: t('error.form') });
    return;
  }
  flash(t('common.saving'), true);
  const r = await api('POST', '/api/registrations', body);
  if (!r.ok) { showProblem(form, r.data); $$('[data-err=departmentCode]', form).forEach((e) => { if (e.textContent) $('#reg-dept').setAttribute('aria-invalid', 'true'); }); return; }
  const d = r.data.details;
  clear();
  flash(tf('reg.saved', d.patientNumber, d.name, yuan(d.feeFen), r.data.kioskSeq), true);
  state.lastRegistration = { id: r.data.id, name: d.name, patientNumber: d.patientNumber };
  showPaper('/api/registrations/' + r.data.id + '/slip', t('print.registration.title') + ' ' + d.patientNumber);
}, () => { clear(); flash(t('common.cancelled'), true); });
