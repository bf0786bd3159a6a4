// F7: what this kiosk recorded, newest first, in words (the kind of record, who, the breakpoint phase) — never event codes.
// An entry that no longer reads back is listed in its place with the reason in words.
import { $, t, api, row, when } from './core.js';

export async function load() {
  const r = await api('GET', '/api/journal?after=0&limit=10000');
  const body = $('#j-table tbody');
  body.textContent = '';
  (r.ok ? r.data : []).slice().reverse().slice(0, 500).forEach((j) => {
    if (j.unreadable) { // a damaged entry, quarantined and reported to the server: named, never hiding the others
      body.appendChild(row(['#' + j.kioskSeq, '', t('journal.unreadable.' + j.unreadable), '', ''], [null, null, 'unreadable', null, null]));
      return;
    }
    const what = t('event.' + j.eventType);
    body.appendChild(row(['#' + j.kioskSeq, when(j.recordedAt), what === 'event.' + j.eventType ? t('event.other') : what, j.actorName || '',
      t('phase.' + j.phase)], [null, null, null, null, 'phase-' + j.phase]));
  });
}
