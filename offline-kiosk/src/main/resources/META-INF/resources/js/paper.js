// The print preview: the paper exactly as it prints (A5 or 80 mm receipt, its own @media print), in a frame over the
// screen. Enter (or Ctrl+P) prints, Escape closes and gives the keyboard back to the form.
import { $, t } from './core.js';

let back = null;

export function showPaper(url, title) {
  back = document.activeElement;
  $('#paper-title').textContent = title || '';
  $('#paper-frame').src = url;
  $('#paper').hidden = false;
  $('#paper-print').focus();
}

export function closePaper() {
  if ($('#paper').hidden) return false;
  $('#paper').hidden = true;
  $('#paper-frame').src = 'about:blank';
  if (back && document.body.contains(back)) back.focus();
  return true;
}

export const paperOpen = () => !$('#paper').hidden;

function printIt() {
  const w = $('#paper-frame').contentWindow;
  if (w) { w.focus(); w.print(); }
  $('#paper-print').focus();
}

$('#paper-print').addEventListener('click', printIt);
$('#paper-close').addEventListener('click', closePaper);
$('#paper').addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { e.preventDefault(); closePaper(); }
  else if ((e.key === 'p' || e.key === 'P') && e.ctrlKey) { e.preventDefault(); printIt(); }
  else if (e.key === 'Tab') {
    // the keyboard stays on the two buttons while the preview is open
    e.preventDefault();
    ($('#paper-print') === document.activeElement ? $('#paper-close') : $('#paper-print')).focus();
  }
});
document.addEventListener('kiosk:texts', () => { $('#paper-frame').title = t('paper.title'); });
// the preview opens below the top bar (drill banner, status, F-keys): they stay in sight whatever the screen's width
new ResizeObserver(() => {
  document.documentElement.style.setProperty('--top-height', $('#top').getBoundingClientRect().height + 'px');
}).observe($('#top'));
