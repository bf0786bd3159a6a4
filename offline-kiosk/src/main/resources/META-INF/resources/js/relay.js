// HIS down, LAN up: what other stations sent to this one through the continuity server (EP-6.4–6.7): the pharmacy's
// prescriptions and requisitions to dispense (Enter opens the dispense form filled in), the med-tech's exam requests,
// the doctor's registered patients (and those the HIS registered today, from the snapshot), the ward's dispenses and exams done. The list follows the server as things arrive.
import { state, $, t, tf, api, el, whenZh, pickTable, row } from './core.js';

let go = null;
let version = -1;
let following = 0;
const table = pickTable($('#relay-table'), (x) => {
  if (x.status === 'TO_DISPENSE' && go) go('clinical/dispenses', { fills: x.recordId, fillLines: x.fillLines });
});

/** The app gives its router (to open the dispense form from a row). */
export function init(router) { go = router; }

function draw(q) {
  version = q.version;
  const rows = q.rows || [];
  const was = table.selected();
  table.set(rows, (x) => {
    const tr = row([whenZh(x.recordedAt), t('relay.kind.' + x.kind), [x.bed ? (x.bed.endsWith(t('relay.bed')) ? x.bed : x.bed + t('relay.bed')) : '', x.patientName, x.patientNumber]
      .filter((y) => y).join(' '), x.summary || '', x.from || '', t('relay.status.' + x.status)]);
    tr.dataset.record = x.recordId;
    tr.dataset.status = x.status;
    return tr;
  });
  if (was) table.select((x) => x.recordId === was.recordId); // the person's place stays when the list follows the server
  $('#relay-none').hidden = rows.length > 0;
  const st = $('#relay-state');
  st.className = q.serverReachable === false ? 'warn' : '';
  st.textContent = q.serverReachable === true ? t('relay.state.up') : q.serverReachable === false ? t('relay.state.down') : t('relay.state.unknown');
  const roles = (state.status && state.status.roles) || [];
  $('#relay-hint').textContent = roles.includes('PHARMACIST') ? t('relay.hint.pharmacist') : t('relay.hint.other');
}

async function follow(my) {
  while (my === following && !$('#s-relay').hidden) {
    const r = await api('GET', '/api/relay?since=' + version + '&waitMillis=20000');
    if (my !== following || $('#s-relay').hidden) return;
    if (r.ok) draw(r.data);
    else await new Promise((ok) => setTimeout(ok, 2000));
  }
}

export async function load() {
  const r = await api('GET', '/api/relay');
  if (r.ok) draw(r.data);
  $('#relay-table').focus();
  follow(++following);
}
