// Charge lines, shared by charges and discharge settlements: an item by code, name or pinyin initials (↑↓ Enter), its
// quantity (Enter adds the line), Delete removes the last line. Enter in the empty item box moves on (to settling).
import { $, t, el, yuan, picker, searchCatalogue, itemLabel } from './core.js';

export function drawLines(prefix, lines) {
  const body = $('#' + prefix + '-lines tbody');
  body.textContent = '';
  let total = 0;
  lines.forEach((l, i) => {
    const tr = document.createElement('tr');
    [l.code, l.name + (l.specification ? ' ' + l.specification : ''), l.unit, yuan(l.priceFen), l.quantity, yuan(l.priceFen * l.quantity)]
      .forEach((v, j) => tr.appendChild(el('td', v, j >= 3 ? 'num' : '')));
    const td = document.createElement('td');
    const b = el('button', t('charge.remove'));
    b.type = 'button';
    b.tabIndex = -1;
    b.addEventListener('click', () => { lines.splice(i, 1); drawLines(prefix, lines); $('#' + prefix + '-search').focus(); });
    td.appendChild(b);
    tr.appendChild(td);
    body.appendChild(tr);
    total += l.priceFen * l.quantity;
  });
  $('#' + prefix + '-total').textContent = yuan(total);
}

export function lineEntry(prefix, lines, onDone) {
  let picked = null;
  const search = $('#' + prefix + '-search');
  const qty = $('#' + prefix + '-qty');
  search.dataset.enter = 'own';
  qty.dataset.enter = 'own';
  const pick = picker(search, $('#' + prefix + '-results'), searchCatalogue, itemLabel, (h) => {
    picked = h;
    search.value = h.name + (h.specification ? ' ' + h.specification : '');
    qty.focus();
    qty.select();
  }, { onType: () => { picked = null; } });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.defaultPrevented) {
      e.preventDefault();
      if (!search.value.trim()) onDone();
    } else if (e.key === 'Delete' && !search.value && lines.length) {
      e.preventDefault();
      lines.pop();
      drawLines(prefix, lines);
    }
  });
  qty.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.ctrlKey) return;
    e.preventDefault();
    const raw = qty.value.trim();
    const n = /^-?\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
    const er = $('#' + prefix + '-qty-err');
    if (!picked) { search.focus(); return; }
    // the quantity goes to the kiosk's API as typed: it refuses a non-positive one at the line
    if (isNaN(n)) { if (er) er.textContent = t('error.quantity.positive'); return; }
    lines.push({ code: picked.code, name: picked.name, specification: picked.specification, unit: picked.unit, priceFen: picked.priceFen, quantity: n });
    picked = null;
    drawLines(prefix, lines);
    search.value = '';
    qty.value = '1';
    if (er) er.textContent = '';
    pick.close();
    search.focus();
  });
}
