// The cashier's registers: the manual invoice register (手工发票登记, EP-6.2.3) with voids (HR-9), spoiled numbers and
// reprints (a voided invoice reprints with its void mark); the open IOU slips (白条, EP-4.4) by their short numbers,
// exchanged for a formal invoice after recovery, and reprinted.
import { shell, $, t, tf, api, yuan, flash, showProblem, resetForm, keyboardForm, pickTable, row, when } from './core.js';
import { showPaper } from './paper.js';

// ---- invoice register ----
let registerLines = [];
const invTable = pickTable($('#inv-table'), (l) => { $('#void-no').value = l.invoiceNo; $('#void-reason').focus(); });

async function loadInvoices() {
  const r = await api('GET', '/api/invoices');
  registerLines = r.ok ? r.data : [];
  invTable.set(registerLines.slice().reverse(), (l) => row([l.invoiceNo, t('inv.purpose.' + l.purpose), when(l.usedAt), yuan(l.amountFen),
    l.actorName || l.actor, t('phase.' + l.phase), t('inv.status.' + l.status), l.voidReason || ''],
  [null, null, null, 'num', null, 'phase-' + l.phase]));
}

function reprint(no) {
  const l = registerLines.find((x) => x.invoiceNo === no);
  if (!l) { showProblem($('#f-void'), { violations: [{ field: 'invoiceNo', message: t('error.invoice.unknown') }], detail: t('error.form') }); return; }
  if (l.purpose === 'SPOILED') { flash(t('inv.spoiled.no-paper')); return; }
  const url = l.purpose === 'DISCHARGE' ? '/api/discharge-settlements/' + l.streamId + '/paper' : '/api/charges/' + l.streamId + '/invoice';
  showPaper(url, t(l.purpose === 'DISCHARGE' ? 'print.settlement.title' : 'print.invoice.title') + ' ' + no);
}

keyboardForm($('#f-void'), async () => {
  const form = $('#f-void');
  const no = $('#void-no').value.trim();
  if (!no) { showProblem(form, { violations: [{ field: 'invoiceNo', message: t('error.required') }], detail: t('error.form') }); return; }
  // HR-9: a cashier lead approves the void with their own password (the second person)
  const r = await api('POST', '/api/invoices/' + encodeURIComponent(no) + '/void', { reason: $('#void-reason').value,
    approverAccountId: $('#void-approver').value.trim(), approverPassword: $('#void-approver-password').value });
  $('#void-approver-password').value = '';
  if (!r.ok) { showProblem(form, r.data); return; }
  resetForm(form);
  flash(tf('inv.voided', no), true);
  await loadInvoices();
  shell.refresh();
  reprint(no); // HR-9: the voided invoice reprints with its void mark, to staple to the paper copy
}, () => { resetForm($('#f-void')); $('#void-no').focus(); });
$('#reprint').addEventListener('click', () => reprint($('#void-no').value.trim() || (invTable.selected() || {}).invoiceNo));
$('#spoil').addEventListener('click', async () => {
  // HR-9: spoiling a blank invoice needs the same second person as a void (a cashier lead with their password)
  const r = await api('POST', '/api/invoices/spoiled', { reason: $('#void-reason').value,
    approverAccountId: $('#void-approver').value.trim(), approverPassword: $('#void-approver-password').value });
  $('#void-approver-password').value = '';
  if (!r.ok) { showProblem($('#f-void'), r.data); return; }
  resetForm($('#f-void'));
  flash(tf('inv.spoiled', r.data.invoiceNo), true);
  loadInvoices();
  shell.refresh();
});
$('#f-void').addEventListener('keydown', (e) => {
  if (e.altKey && (e.key === 'p' || e.key === 'P')) { e.preventDefault(); $('#reprint').click(); }
});

export const invoices = { load: loadInvoices };

// ---- IOU slips ----
let openIous = [];
const iouTable = pickTable($('#iou-table'), (i) => { $('#iou-number').value = i.number || ''; $('#iou-formal').focus(); });

async function loadIous() {
  const r = await api('GET', '/api/ious?open=true');
  openIous = r.ok ? r.data : [];
  iouTable.set(openIous, (i) => row([i.number || '', when(i.issuedAt), i.patientName, mask(i.phone), yuan(i.amountFen)], [null, null, null, null, 'num']));
}

const mask = (p) => (p && p.length > 7 ? p.substring(0, 3) + '****' + p.substring(p.length - 4) : p || '');

function iouOf(number) {
  const n = (number || '').trim().toUpperCase();
  return openIous.find((i) => (i.number || '').toUpperCase() === n || (i.number || '').toUpperCase().endsWith('-' + n.padStart(4, '0')));
}

keyboardForm($('#f-iou'), async () => {
  const form = $('#f-iou');
  const iou = iouOf($('#iou-number').value) || (!$('#iou-number').value.trim() ? iouTable.selected() : null);
  if (!iou) { showProblem(form, { violations: [{ field: 'id', message: t('error.iou.unknown') }], detail: t('error.form') }); $('#iou-number').focus(); return; }
  const r = await api('POST', '/api/ious/' + encodeURIComponent(iou.id) + '/exchange', { formalInvoiceNo: $('#iou-formal').value });
  if (!r.ok) { showProblem(form, r.data); return; }
  resetForm(form);
  flash(tf('iou.exchanged', iou.number || '', r.data.exchangedInvoice || ''), true);
  loadIous();
  shell.refresh();
  $('#iou-number').focus();
}, () => { resetForm($('#f-iou')); $('#iou-number').focus(); });
$('#iou-reprint').addEventListener('click', () => {
  const iou = iouOf($('#iou-number').value) || iouTable.selected();
  if (iou) showPaper('/api/ious/' + iou.id + '/slip', t('print.iou.title') + ' ' + (iou.number || ''));
});
$('#f-iou').addEventListener('keydown', (e) => {
  if (e.altKey && (e.key === 'p' || e.key === 'P')) { e.preventDefault(); $('#iou-reprint').click(); }
});

export const ious = { load: loadIous };
