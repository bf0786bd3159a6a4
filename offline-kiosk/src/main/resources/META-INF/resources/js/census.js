// The ward's patients from the last snapshot (F3 on a clinical kiosk): bed, name, 住院号, sex, age, deposit, allergies.
// Type a bed, a 住院号 or the name's pinyin initials to narrow the list; ↑↓ and Enter open the first form for that patient.
import { state, shell, $, t, api, yuan, pickTable, row, sexWord, ageOf } from './core.js';
import { showPaper } from './paper.js';

let all = [];
const table = pickTable($('#cs-table'), (p) => {
  const first = (state.forms || [])[0];
  if (first) shell.go('clinical/' + first, { patient: p });
});

function draw() {
  const q = $('#cs-filter').value.trim().toUpperCase();
  const list = !q ? all : all.filter((p) => (p.bed || '').toUpperCase().startsWith(q) || (p.inpatientNumber || '').toUpperCase().startsWith(q)
    || p.name.startsWith(q) || (p.pinyin || '').startsWith(q));
  table.set(list, (p) => row([p.bed || '', p.name, p.inpatientNumber || '', sexWord(p.sex), ageOf(p.birthDate) === null ? '' : ageOf(p.birthDate) + t('unit.years'),
    yuan(p.depositFen), allergyWords(p)], [null, null, null, null, null, 'num']));
}

export function allergyWords(p) {
  if (!p.allergiesRecorded) return t('allergy.not-recorded');
  if (!p.allergies || !p.allergies.length) return t('allergy.none-known');
  return p.allergies.map((a) => a.allergen + (a.reaction ? '（' + a.reaction + '）' : '')).join('；');
}

export async function load() {
  const r = await api('GET', '/api/reference/patients?census=true&q=');
  all = r.ok ? r.data : [];
  draw();
}

$('#cs-filter').addEventListener('input', draw);
$('#cs-filter').addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' || e.key === 'Enter') { e.preventDefault(); $('#cs-table').focus(); if (e.key === 'Enter') $('#cs-table').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' })); }
});
// the ward's downtime report from the HIS's data (census, MAR of the next 24 hours, active orders, allergies), as printed
$('#cs-ward-report').addEventListener('click', () => showPaper('/api/ward-reports/page', t('report.ward')));
document.querySelectorAll('#s-census [data-report]').forEach((b) => b.addEventListener('click', () => {
  showPaper('/api/clinical/reports/' + b.dataset.report, t('report.' + b.dataset.report));
}));
