const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

// ISO 8601 and its everyday variants: 2016, 2016-12, 2016-12-16, 2016/12/16, with an optional time and zone.
const ISO_RE =
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// RFC 822/1123 as in RSS: "Fri, 16 Dec 2016 23:30:00 -0500", also without weekday, time or zone.
const DAY_MONTH_YEAR_RE =
  /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?)?$/i;
// "December 16, 2016", "Friday, Dec. 16 2016 10:00 AM".
const MONTH_DAY_YEAR_RE =
  /^(?:[a-z]{3,9}\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?)?$/i;

/**
 * Turns a date as found in feeds, meta tags or options into ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when
 * that is all it says); null when it is not a real date. A time with a zone keeps the calendar date as
 * stated in that zone: the reporter's day, not UTC's.
 */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s.length > 80) return null;
  let m = ISO_RE.exec(s);
  if (m) return formatDate(Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3] === undefined ? null : Number(m[3]));
  m = DAY_MONTH_YEAR_RE.exec(s);
  if (m) return fromParts(m[3] ?? '', m[2] ?? '', m[1] ?? '');
  m = MONTH_DAY_YEAR_RE.exec(s);
  if (m) return fromParts(m[3] ?? '', m[1] ?? '', m[2] ?? '');
  return null;
}

function fromParts(yearText: string, monthName: string, dayText: string): string | null {
  const month = monthNumber(monthName);
  if (month === null) return null;
  let year = Number(yearText);
  // RFC 2822 two-digit years: 00–49 are 20xx, 50–99 are 19xx.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  return formatDate(year, month, Number(dayText));
}

/** 1–12 for an English month name or its abbreviation of three letters or more ("Sept"). */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((full) => full.startsWith(lower));
  return index < 0 ? null : index + 1;
}

function formatDate(year: number, month: number | null, day: number | null): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === null) return String(year);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (day === null) return `${year}-${mm}`;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}
