import type { Contribution, Participant, ParticipantView } from '../core/room/model.js';
import { byId, el, fill, listen } from './dom.js';

/**
 * A participant's page. Joining gives a token, kept in this browser (localStorage, under this
 * room's join code) and sent in a header with every request, so a reload or a reopened tab is
 * the same person.
 */

const code = location.pathname.split('/')[2] ?? '';
const TOKEN_KEY = `align-room:${code}`;

let token = localStorage.getItem(TOKEN_KEY);
let me: Participant | undefined;
let view: ParticipantView | undefined;
let ballot: { voteId: string; dots: Record<string, number> } | undefined;
let mine: Contribution[] = [];

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (res.status === 401 || res.status === 403) {
    if (path !== 'join') forget();
  }
  if (!res.ok) throw new Error(data.error ?? `the room answered ${res.status}`);
  return data;
}

function say(message: string, error = false): void {
  const s = byId('status');
  s.textContent = message;
  s.className = error ? 'status error' : 'status';
}

function forget(): void {
  token = null;
  me = undefined;
  localStorage.removeItem(TOKEN_KEY);
  render();
}

async function join(name: string, guest: boolean): Promise<void> {
  try {
    const r = await call<{ token: string; participant: Participant }>('join', { name, guest });
    token = r.token;
    localStorage.setItem(TOKEN_KEY, token);
    me = r.participant;
    say('');
    await refresh();
  } catch (e) {
    say((e as Error).message, true);
  }
}

/** Who this page is, its ballot and its notes in this section, from the server. */
async function refresh(): Promise<void> {
  if (!token) return render();
  try {
    const r = await call<{ participant: Participant; ballot?: typeof ballot; contributions: Contribution[] }>('me');
    me = r.participant;
    ballot = r.ballot;
    mine = r.contributions;
  } catch (e) {
    say((e as Error).message, true);
  }
  render();
}

function render(): void {
  byId('who').hidden = me !== undefined;
  byId('room').hidden = me === undefined;
  if (view) {
    byId('title').textContent = view.title;
    fill(byId('members'), ...view.members.map((m) => el('li', {}, button(m, () => join(m, false)))));
  }
  if (!me) return;
  byId('me').textContent = me.name + (me.guest ? ' (guest)' : '');
  const current = view?.current;
  byId('section').textContent = current ? current.title : 'Waiting for the first section…';
  byId('note-form').hidden = !current;
  fill(byId('mine'), ...mine.filter((c) => c.section === current?.section).map((c) => el('li', {}, c.text)));
  renderVote();
}

function renderVote(): void {
  const v = view?.vote;
  const box = byId('vote');
  box.hidden = !v;
  if (!v) return;
  const dots = ballot?.voteId === v.id ? ballot.dots : {};
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const left = v.budget - used;
  byId('vote-state').textContent = v.open ? `${left} of ${v.budget} dots left` : 'voting closed';
  fill(
    byId('candidates'),
    ...v.candidates.map((c) => {
      const n = dots[c.id] ?? 0;
      return el(
        'li',
        { 'data-id': c.id },
        el('span', { class: 'text' }, c.text),
        v.open ? button('−', () => cast(v.id, { ...dots, [c.id]: n - 1 }), n === 0, `Take a dot from ${c.text}`) : null,
        el('span', { class: 'dots' }, v.open ? '●'.repeat(n) || '·' : `${c.votes ?? 0}`),
        v.open ? button('+', () => cast(v.id, { ...dots, [c.id]: n + 1 }), left <= 0, `Give a dot to ${c.text}`) : null,
      );
    }),
  );
}

async function cast(voteId: string, dots: Record<string, number>): Promise<void> {
  try {
    const r = await call<{ ballot: Record<string, number> }>('vote', { voteId, dots });
    ballot = { voteId, dots: r.ballot };
    say('');
  } catch (e) {
    say((e as Error).message, true);
  }
  renderVote();
}

function button(label: string, onClick: () => void, disabled = false, title?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', ...(title ? { 'aria-label': title } : {}) }, label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

byId('guest-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = byId<HTMLInputElement>('guest-name');
  if (input.value.trim()) void join(input.value, true);
});

byId('note-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = byId<HTMLTextAreaElement>('note');
  const text = input.value;
  if (!text.trim()) return;
  try {
    const r = await call<{ contribution: Contribution }>('contribute', { text });
    mine.push(r.contribution);
    input.value = '';
    say('Added.');
  } catch (err) {
    say((err as Error).message, true);
  }
  render();
});

byId('not-me').addEventListener('click', forget);

listen<ParticipantView>(
  'events',
  (v) => {
    const again = v.current?.section !== view?.current?.section || v.vote?.id !== view?.vote?.id || v.vote?.open !== view?.vote?.open;
    view = v;
    if (again && token) void refresh();
    else render();
  },
  (connected) => {
    byId('connection').hidden = connected;
  },
);
void refresh();
