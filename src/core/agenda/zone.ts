/** Wall-clock time in an IANA zone, with Intl only (no fs, no tz database of our own). */
import { currentZoneName } from './zone-names.js';

export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The zone's current IANA name, or null when Intl does not know it. Intl spells a zone as its
 * ICU data does, which for some zones is a name IANA has since replaced (America/Godthab for
 * America/Nuuk, Asia/Calcutta for Asia/Kolkata); the name written is the current one.
 */
export function canonicalZone(zone: string): string | null {
  if (!zone.trim()) return null;
  try {
    return currentZoneName(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return null;
  }
}

export function isUtcZone(zone: string): boolean {
  return /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)(\+0|-0|0)?$/i.test(zone);
}

export function wallAt(instant: number, zone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC at that instant, as Intl's time-zone data gives it ("GMT+05:45"). */
export function offsetAt(instant: number, zone: string): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, f);
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!m) return 0; // "GMT": UTC itself
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Math.round(Number(m[4] ?? 0) / 60);
  return m[1] === '-' ? -minutes : minutes;
}

export type WallToInstant = { ok: true; instant: number; ambiguous: boolean } | { ok: false; reason: 'gap' };

/**
 * The instant a wall-clock time happens in a zone. A time that happens twice (clocks go back)
 * is its first occurrence, as RFC 5545 reads it, and is marked ambiguous (calendar programs
 * disagree about it); a time that never happens (clocks go forward) is not ok.
 */
export function instantOf(date: string, time: string, zone: string): WallToInstant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The offset can differ by at most a day; try the offsets in force around that wall time.
  const candidates = new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc, zone), offsetAt(asUtc + 86_400_000, zone)]);
  const hits = [...candidates].map((off) => asUtc - off * 60000).filter((t) => offsetAt(t, zone) * 60000 === asUtc - t).sort((a, b) => a - b);
  return hits.length ? { ok: true, instant: hits[0]!, ambiguous: hits.length > 1 } : { ok: false, reason: 'gap' };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function wallDate(w: Wall): string {
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function wallTime(w: Wall): string {
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** "+01:00" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
