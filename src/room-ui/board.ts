import type { BoardView } from '../core/room/model.js';
import { byId, clock, el, fill, listen } from './dom.js';

/** The projector's page: everything comes from the board's event stream, drawn whole on each message. */

let view: BoardView | undefined;

function render(v: BoardView): void {
  view = v;
  document.title = `${v.title} — align room`;
  byId('title').textContent = v.title;
  const current = v.agenda.find((a) => a.id === v.current?.section);
  byId('section').textContent = current?.title ?? (v.current ? v.current.section : 'Starting soon');

  fill(
    byId('agenda'),
    ...v.agenda.map((a) => el('li', { class: `agenda-${a.state}`, 'data-state': a.state }, el('span', { class: 'agenda-title' }, a.title), el('span', { class: 'agenda-minutes' }, `${a.minutes} min`))),
  );

  fill(byId('capture'), ...v.capture.map((c) => el('li', {}, el('span', { class: 'kind' }, c.kind), el('span', { class: 'text' }, c.text))));
  byId('capture-empty').hidden = v.capture.length > 0;

  fill(
    byId('contributions'),
    ...[...v.contributions]
      .reverse()
      .map((c) =>
        el(
          'li',
          { 'data-id': c.id, ...(c.accepted ? { class: 'accepted' } : {}) },
          el('span', { class: 'text' }, c.text),
          el('span', { class: 'author' }, c.author),
          c.accepted ? el('span', { class: 'kind' }, c.accepted.as) : null,
        ),
      ),
  );
  byId('contributions-count').textContent = String(v.contributions.length);

  const vote = byId('vote');
  vote.hidden = !v.vote;
  if (v.vote) {
    const max = Math.max(1, ...v.vote.candidates.map((c) => c.votes));
    byId('vote-state').textContent = v.vote.open ? `open · ${v.vote.budget} dots each` : 'closed';
    fill(byId('tally'), ...v.vote.candidates.map((c) => bar(c.text, c.votes, max, c.id)));
  }

  const stages = byId('stages');
  stages.hidden = !v.stages;
  if (v.stages) {
    const max = Math.max(1, ...v.stages.map((s) => s.count));
    fill(byId('stage-bars'), ...v.stages.map((s) => bar(s.stage, s.count, max)));
  }
  tick();
}

function bar(label: string, n: number, max: number, id?: string): HTMLElement {
  const fillEl = el('span', { class: 'bar-fill' });
  // Set through the style object, which the page's Content-Security-Policy allows (a style attribute it would not).
  fillEl.style.width = `${(100 * n) / max}%`;
  return el('li', id ? { 'data-id': id } : {}, el('span', { class: 'bar-label' }, label), el('span', { class: 'bar' }, fillEl), el('span', { class: 'bar-count' }, String(n)));
}

/** The timebox: time left, then the overrun counting up. */
function tick(): void {
  const out = byId('countdown');
  const cur = view?.current;
  let left: number | undefined;
  if (cur?.endsAt) left = Date.parse(cur.endsAt) - Date.now();
  else if (cur?.overrunMs !== undefined) left = -cur.overrunMs;
  if (left === undefined || Number.isNaN(left)) {
    out.textContent = '';
    out.className = '';
  } else if (left >= 0) {
    out.textContent = `${clock(left)} left`;
    out.className = left < 60_000 ? 'ending' : '';
  } else {
    out.textContent = `+${clock(-left)} over`;
    out.className = 'over';
  }
}

listen<BoardView>('events', render, (connected) => {
  byId('connection').hidden = connected;
});
setInterval(tick, 250);
