/** A calendar day (month 1–12, day 1–31), computed in UTC so no time zone or clock leaks in. */
export interface CalDay {
  y: number;
  m: number;
  d: number;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function toDate(c: CalDay): Date {
  return new Date(Date.UTC(c.y, c.m - 1, c.d));
}

function fromDate(d: Date): CalDay {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatDay(c: CalDay): string {
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
}

/** `YYYY-MM` of a month counted from `year` (month 13 is January of the next year, 0 December before). */
export function formatMonth(year: number, month: number): string {
  const idx = year * 12 + (month - 1);
  return `${pad(Math.floor(idx / 12), 4)}-${pad((((idx % 12) + 12) % 12) + 1)}`;
}

export function addDays(c: CalDay, n: number): CalDay {
  return fromDate(new Date(toDate(c).getTime() + n * 86_400_000));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(c: CalDay): number {
  return ((toDate(c).getUTCDay() + 6) % 7) + 1;
}

/** Monday of ISO week `week` of `year`: week 1 holds 4 January. */
export function isoWeekMonday(year: number, week: number): CalDay {
  const jan4 = { y: year, m: 1, d: 4 };
  return addDays(jan4, -(weekday(jan4) - 1) + (week - 1) * 7);
}

/** ISO week-numbering year and week of a day. */
export function isoWeek(c: CalDay): { year: number; week: number } {
  const thursday = addDays(c, 4 - weekday(c));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const ordinal = Math.round((toDate(thursday).getTime() - toDate(jan1).getTime()) / 86_400_000);
  return { year: thursday.y, week: Math.floor(ordinal / 7) + 1 };
}

/** `YYYY-Www` of the week holding `c`, shifted by `shift` weeks. */
export function formatWeek(c: CalDay, shift = 0): string {
  const w = isoWeek(addDays(c, shift * 7));
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Easter Sunday (Gregorian, anonymous computus). */
export function easter(year: number): CalDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y: year, m: month, d: day };
}
