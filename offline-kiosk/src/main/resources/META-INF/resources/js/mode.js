// EP-6.1, F8: the instructions announced to this kiosk's department, newest first, with their short numbers. The person
// signed in picks one (↑↓ Enter) or types its number, and acknowledges it with their own sign-in: sent to the server at
// once, or kept and delivered later. With the server unreachable and the instruction phoned, a second person with a
// supervisor role confirms here with their password. Leaving downtime follows the same rule.
import { state, shell, $, t, tf, api, flash, showProblem, formData, resetForm, keyboardForm, pickTable, row, when } from './core.js';

const table = pickTable($('#ins-table'), (i) => acknowledge(String(i.number || i.id)));
let down = false;

function stateWords(i) {
  if (i.acknowledgedHere && i.deliveryPending) return tf('mode.state.pending', i.acknowledgedBy || '');
  if (i.acknowledged) return tf('mode.state.done', i.acknowledgedBy || '', when(i.acknowledgedAt));
  return t('mode.state.open');
}

/** What the panel says of the kiosk's mode (the banner's words). */
const modeWords = (downtime, phase) => downtime ? t('banner.mode.downtime')
  : (phase === 'AFTER_RECOVERY' ? t('banner.mode.after') : t('banner.mode.normal'));

export async function load() {
  const m = await api('GET', '/api/mode');
  down = m.ok && m.data.downtime;
  $('#mode-current').textContent = modeWords(down, state.status && state.status.phase);
  $('#ph-submit').textContent = down ? t('mode.phoned.leave') : t('mode.phoned.enter');
  $('#ack-submit').textContent = t('mode.ack.submit');
  // the phoned path is for when the server cannot be reached (it stays one click away otherwise)
  $('#phoned').open = !!(state.status && state.status.serverReachable === false);
  const r = await api('GET', '/api/mode/instructions');
  const list = r.ok ? r.data : [];
  $('#ins-none').hidden = list.length > 0;
  table.set(list, (i) => {
    const tr = row([i.number ? tf('mode.number', i.number) : '', when(i.issuedAt), state.lang === 'en' ? i.en : i.zh,
      i.issuedBy === 'playbook' ? t('mode.from.it') : (i.issuedBy || t('mode.from.it')), stateWords(i)]);
    if (!i.acknowledged) tr.classList.add('open');
    return tr;
  });
  // the newest one waiting for this kiosk: picked already, so Enter acknowledges it
  table.select((i) => !i.acknowledged && i.modeAfter);
  if (list.length) $('#ins-table').focus();
  else $('#ack-ref').focus();
}

async function acknowledge(ref) {
  if (!ref) return;
  flash(t('common.saving'), true);
  const r = await api('POST', '/api/mode/instructions/' + encodeURIComponent(ref) + '/acknowledgement');
  if (!r.ok) { showProblem($('#f-ack'), r.data); return; }
  const i = r.data;
  flash(tf(i.deliveryPending ? 'mode.ack.done.later' : 'mode.ack.done', i.number || '', state.lang === 'en' ? i.en : i.zh), true);
  resetForm($('#f-ack'));
  await shell.refresh();
  await load();
  if (i.modeAfter === 'MANUAL' && state.status && state.status.downtime) shell.go('');
}

keyboardForm($('#f-ack'), () => {
  const ref = $('#ack-ref').value.trim();
  if (ref) { acknowledge(ref); return; }
  const sel = table.selected();
  if (sel) acknowledge(String(sel.number || sel.id));
  else showProblem($('#f-ack'), { violations: [{ field: 'instructionId', message: t('error.mode.instruction') }], detail: t('error.form') });
}, () => resetForm($('#f-ack')));

$('#mode-pull').addEventListener('click', async () => {
  const r = await api('POST', '/api/mode/instruction/pull');
  if (!r.ok) { flash(r.data && r.data.detail); return; }
  flash(r.data.reachable ? t('mode.pulled') : t('mode.announced.unreachable'), r.data.reachable);
  await shell.refresh();
  load();
});

// ---- EP-6.1: a phoned instruction, confirmed by a second person with a supervisor role ----
keyboardForm($('#f-phoned'), async () => {
  const form = $('#f-phoned');
  const body = formData(form);
  body.source = 'SUPERVISOR';
  if (body.instructionNumber !== null) {
    if (!/^\d{1,9}$/.test(body.instructionNumber)) {
      showProblem(form, { violations: [{ field: 'instructionNumber', message: t('error.number.format') }], detail: t('error.form') });
      return;
    }
    body.instructionNumber = +body.instructionNumber;
  }
  flash(t('common.saving'), true);
  const r = await api('POST', down ? '/api/mode/normal' : '/api/mode/downtime', body);
  $('#ph-password').value = '';
  if (!r.ok) { showProblem(form, r.data); return; }
  resetForm(form);
  $('#phoned').open = false;
  flash(t(r.data.mode.downtime ? 'mode.phoned.entered' : 'mode.phoned.left'), true);
  await shell.refresh();
  if (r.data.mode.downtime) shell.go(''); else load();
}, () => { resetForm($('#f-phoned')); $('#phoned').open = false; $('#ins-table').focus(); });

document.addEventListener('kiosk:texts', () => {
  $('#ph-submit').textContent = down ? t('mode.phoned.leave') : t('mode.phoned.enter');
});
// a new announcement while F8 is open shows at once
document.addEventListener('kiosk:mode-changed', (e) => {
  // the panel says what the banner says in the same moment (the banner's status); the instructions follow with load()
  const s = e.detail || state.status || {};
  $('#mode-current').textContent = modeWords(s.downtime, s.phase);
  if (!$('#s-mode').hidden) load();
});
