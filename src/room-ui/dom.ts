/**
 * Building the pages' elements. User text only ever goes in as text (textContent), never as
 * HTML: a note that reads `<img onerror=…>` is shown as those characters.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e as T;
}

/** Listen to the page's event stream; `status` tells whether it is connected (EventSource reconnects by itself). */
export function listen<T>(url: string, onState: (state: T) => void, status: (connected: boolean) => void): EventSource {
  const source = new EventSource(url);
  source.addEventListener('state', (e) => {
    status(true);
    onState(JSON.parse((e as MessageEvent<string>).data) as T);
  });
  source.addEventListener('error', () => status(false));
  return source;
}

/** m:ss, for a countdown. */
export function clock(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
