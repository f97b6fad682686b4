import { isoWeekMonday } from './calendar.js';

/** An ISO date interval cut to its precision; `to` absent for a single period or an open start. */
export interface DateInterval {
  from: string;
  to?: string;
}

const SEASONS: Record<string, [number, number]> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 14], // December to February of the next year
};

const QUARTERS: Record<string, [number, number]> = {
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
  H1: [1, 6],
  H2: [7, 12],
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM` for a month counted from January of `year` (13 = January of the next year). */
function monthOf(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}`;
}

function isoDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a span of `n` units into thirds for START/MID/END; returns [first, last] 0-based indices. */
function third(n: number, mod: string): [number, number] | null {
  const a = Math.floor(n / 3);
  const b = Math.floor((2 * n) / 3);
  if (mod === 'START') return [0, a - 1];
  if (mod === 'MID') return [a, b - 1];
  if (mod === 'END') return [b, n - 1];
  return null;
}

function plainInterval(value: string): DateInterval | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) return { from: `${m[1]}-${m[2]}-${m[3]}` };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { from: value };
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: value };
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const c = isoWeekMonday(Number(m[1]), Number(m[2]));
    const monday = new Date(Date.UTC(c.y, c.m - 1, c.d));
    if (m[3]) return { from: isoDay(addDays(monday, 5)), to: isoDay(addDays(monday, 6)) };
    return { from: isoDay(monday), to: isoDay(addDays(monday, 6)) };
  }
  m = /^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const range = SEASONS[m[2] ?? ''] ?? QUARTERS[m[2] ?? ''];
    if (!range) return null;
    return { from: monthOf(year, range[0]), to: monthOf(year, range[1]) };
  }
  m = /^(\d{3})$/.exec(value);
  if (m) return { from: `${m[1]}0`, to: `${m[1]}9` };
  m = /^(\d{2})$/.exec(value);
  if (m) return { from: `${m[1]}00`, to: `${m[1]}99` };
  return null;
}

/** Narrows a period to its START, MID or END part (a quarter of a year, ten days of a month, a third otherwise). */
function narrow(value: string, base: DateInterval, mod: string): DateInterval {
  let m = /^(\d{4})$/.exec(value);
  if (m) {
    // Early / late in a year reads as its first / last quarter in news ("the beginning of this year").
    const months: Record<string, [number, number]> = { START: [1, 3], MID: [5, 8], END: [10, 12] };
    const t = months[mod];
    if (!t) return base;
    return { from: monthOf(Number(m[1]), t[0]), to: monthOf(Number(m[1]), t[1]) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const days = daysInMonth(year, month);
    const bounds: Record<string, [number, number]> = { START: [1, 10], MID: [11, 20], END: [21, days] };
    const b = bounds[mod];
    if (!b) return base;
    return { from: `${m[1]}-${m[2]}-${pad(b[0])}`, to: `${m[1]}-${m[2]}-${pad(b[1])}` };
  }
  m = /^(\d{3})$/.exec(value);
  if (m) {
    const t = third(10, mod);
    if (!t) return base;
    return { from: `${m[1]}${t[0]}`, to: `${m[1]}${t[1]}` };
  }
  m = /^(\d{2})$/.exec(value);
  if (m) {
    const t = third(100, mod);
    if (!t) return base;
    return { from: `${m[1]}${pad(t[0])}`, to: `${m[1]}${pad(t[1])}` };
  }
  m = /^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$/.exec(value);
  if (m && base.to) {
    const [fy, fm] = base.from.split('-').map(Number) as [number, number];
    const span = (Number(base.to.slice(0, 4)) - fy) * 12 + Number(base.to.slice(5, 7)) - fm + 1;
    const t = third(span, mod);
    if (!t) return base;
    const first = monthOf(fy, fm + t[0]);
    const last = monthOf(fy, fm + Math.max(t[0], t[1]));
    return first === last ? { from: first } : { from: first, to: last };
  }
  return base;
}

/**
 * The calendar interval a TIMEX3 value denotes, cut to its precision:
 * `2016` → {from:'2016'}; `2016-SU` → {from:'2016-06', to:'2016-08'}; `2016-W49` → Monday to Sunday;
 * with mod START/MID/END the first, middle or last third (`2016` START → January to March).
 * Open references (PAST_REF, PRESENT_REF, FUTURE_REF), durations, sets and unresolved values
 * (`XXXX-04`) give null: they name no calendar interval.
 */
export function timexInterval(value: string, mod?: string): DateInterval | null {
  const base = plainInterval(value.trim());
  if (!base) return null;
  if (!mod) return base;
  if (mod === 'START' || mod === 'MID' || mod === 'END') return narrow(value.trim(), base, mod);
  // After a period: an open interval starting where it starts (the event extractor reads `to` as absent).
  if (mod === 'AFTER' || mod === 'ON_OR_AFTER') return { from: base.from };
  return base;
}
