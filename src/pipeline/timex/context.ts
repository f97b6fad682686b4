import type { TimexType } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';
import { addDays, formatDay, formatMonth, formatWeek, pad, type CalDay } from './calendar.js';
import { SEASON_MONTHS } from './lexicon.js';
import { sentenceAt, sentenceIndexAt, tenseAt, type Tense } from './tense.js';

/** Publication date cut to what is known: a year, a month or a day. */
export interface Dct {
  y: number;
  m: number | null;
  d: number | null;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); null otherwise. */
export function parseDct(published: string | null): Dct | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.trim());
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

/** What a rule says about one match; `start`/`end` (absolute offsets) trim the span when set. */
export interface Found {
  type: TimexType;
  value: string;
  mod?: string;
  start?: number;
  end?: number;
}

/** A day-precision timex already found, for anchoring clock times in the same sentence. */
interface DayMention {
  start: number;
  day: string;
}

/** Everything a rule may consult to normalise a match: the publication date, tense and earlier timexes. */
export class ResolveContext {
  readonly dct: Dct | null;
  private readonly days: DayMention[] = [];
  private last: string | null = null;

  constructor(
    readonly doc: Segmented,
    published: string | null,
  ) {
    this.dct = parseDct(published);
  }

  /** The publication day when it is known to the day. */
  get dctDay(): CalDay | null {
    const c = this.dct;
    return c && c.m !== null && c.d !== null ? { y: c.y, m: c.m, d: c.d } : null;
  }

  /**
   * "until March", "by Friday", "before Monday": a boundary. A deadline, or an "until" without a past
   * tense, lies ahead; a past "until" may lie either side of publication ("adjourned until March 14",
   * "held until Monday"), so the nearest one is taken.
   */
  boundary(start: number, end: number): 'future' | 'nearest' | null {
    const signal = /\b(until|till|by|before)\s+$/i.exec(this.doc.text.slice(Math.max(0, start - 8), start))?.[1]?.toLowerCase();
    if (!signal) return null;
    // Deadlines ("by Friday", "before Monday") lie ahead even in a past-tense report.
    if (signal === 'by' || signal === 'before') return 'future';
    return this.tense(start, end) === 'past' ? 'nearest' : 'future';
  }

  tense(start: number, end: number): Tense {
    // "since"/"until" before the expression settle the direction whatever the verbs say.
    const before = this.doc.text.slice(Math.max(0, start - 12), start).toLowerCase();
    if (/\b(since|ago|last)\s+$/.test(before)) return 'past';
    if (/\bnext\s+$/.test(before)) return 'future';
    return tenseAt(this.doc, start, end);
  }

  /** Records a resolved timex so that later anaphoric and clock expressions can anchor on it. */
  remember(start: number, found: Found): void {
    const v = found.value;
    if (found.type === 'DATE' && /^\d{4}(-(\d\d|W\d\d|SP|SU|FA|WI|Q\d|H\d)(-\d\d)?)?$/.test(v)) this.last = v;
    const day = /^(\d{4}-\d\d-\d\d)/.exec(v);
    if (day?.[1] && (found.type === 'DATE' || found.type === 'TIME')) this.days.push({ start, day: day[1] });
  }

  /** The last specific date mentioned before (for "the following year", "two days later"). */
  lastDate(): string | null {
    return this.last;
  }

  /** Day of a clock time: a date in the same sentence, else the publication day. */
  anchorDay(start: number): string | null {
    const [from, to] = this.sentenceBounds(start);
    let best: DayMention | null = null;
    for (const d of this.days) {
      if (d.start < from || d.start >= to) continue;
      if (!best || Math.abs(d.start - start) < Math.abs(best.start - start)) best = d;
    }
    if (best) return best.day;
    // A clock time in a sentence of its own follows the day the previous sentence reported
    // (a day still to come is a forecast, not the scene of the story).
    const day = this.dctDay;
    const today = day ? formatDay(day) : null;
    const prevStart = this.doc.sentences[sentenceIndexAt(this.doc, from) - 1]?.start ?? from;
    for (let i = this.days.length - 1; i >= 0; i--) {
      const d = this.days[i];
      if (d && d.start < from && d.start >= prevStart && (today === null || d.day <= today)) return d.day;
    }
    return today;
  }

  private sentenceBounds(pos: number): [number, number] {
    const s = sentenceAt(this.doc, pos);
    return s ? [s.start, s.end] : [pos, pos + 1];
  }

  /**
   * Year of a month (and day) named without one: the publication year, moved back a year when a
   * past-tense month lies after publication and forward when a future one lies before it. (A year
   * written earlier in the sentence is no safer a guide in news: "jailed since 2018, most recently in
   * November".)
   */
  yearOf(month: number, day: number | null, start: number, end: number): number | null {
    const tense = this.tense(start, end);
    const c = this.dct;
    if (!c) return null;
    if (c.m === null) return c.y;
    const boundary = this.boundary(start, end);
    if (boundary === 'future') return month < c.m || (month === c.m && day !== null && c.d !== null && day < c.d) ? c.y + 1 : c.y;
    if (boundary === 'nearest') {
      const at = (y: number): number => Math.abs(y * 372 + month * 31 + (day ?? 15) - (c.y * 372 + (c.m ?? 6) * 31 + (c.d ?? 15)));
      return [c.y - 1, c.y, c.y + 1].reduce((a, b) => (at(b) < at(a) ? b : a));
    }
    const after = month > c.m || (month === c.m && day !== null && c.d !== null && day > c.d);
    const before = month < c.m || (month === c.m && day !== null && c.d !== null && day < c.d);
    if (tense === 'past' && after) return c.y - 1;
    if (tense !== 'past' && before) return c.y + 1;
    return c.y;
  }

  /** Year of a season named without one, by the same past-leaning rule as months. */
  seasonYear(code: string, start: number, end: number, shift: 'this' | 'last' | 'next' | null): number | null {
    const c = this.dct;
    if (!c) return null;
    if (c.m === null) return shift === 'last' ? c.y - 1 : shift === 'next' ? c.y + 1 : c.y;
    const [first, last] = SEASON_MONTHS[code] ?? [1, 3];
    // Months of January and February belong to the winter that began the December before.
    const m = code === 'WI' && c.m <= 2 ? c.m + 12 : c.m;
    const base = code === 'WI' && c.m <= 2 ? c.y - 1 : c.y;
    const inside = m >= first && m <= last;
    if (shift === 'this') return base;
    if (shift === 'last') return m > last ? base : base - 1;
    if (shift === 'next') return m < first ? base : base + 1;
    const tense = this.tense(start, end);
    if (inside) return base;
    if (tense === 'past') return m > last ? base : base - 1;
    return m < first ? base : base + 1;
  }

  /** Value of the period `shift` units away from publication (this year 0, last year −1). */
  shifted(unit: string, shift: number): string {
    const c = this.dct;
    const day = this.dctDay;
    switch (unit) {
      case 'year':
        return c ? pad(c.y + shift, 4) : 'XXXX';
      case 'month':
        return c && c.m !== null ? formatMonth(c.y, c.m + shift) : 'XXXX-XX';
      case 'week':
        return day ? formatWeek(day, shift) : 'XXXX-WXX';
      case 'weekend':
        return day ? `${formatWeek(day, shift)}-WE` : 'XXXX-WXX-WE';
      case 'day':
        return day ? formatDay(addDays(day, shift)) : 'XXXX-XX-XX';
      case 'decade':
        return c ? String(Math.floor(c.y / 10) + shift) : 'XXX';
      case 'century':
        return c ? pad(Math.floor(c.y / 100) + shift) : 'XX';
      case 'quarter': {
        if (!c || c.m === null) return 'XXXX-QX';
        const q = Math.floor((c.m - 1) / 3) + shift;
        const y = c.y + Math.floor(q / 4);
        return `${pad(y, 4)}-Q${(((q % 4) + 4) % 4) + 1}`;
      }
      default:
        return 'XXXX';
    }
  }
}

/** Moves a specific date value (year, month, week or day precision) by `n` units. */
export function shiftValue(value: string, unit: string, n: number): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (unit === 'day') return formatDay(addDays(day, n));
    if (unit === 'week') return formatWeek(day, n);
    if (unit === 'month') return formatMonth(day.y, day.m + n);
    if (unit === 'year') return pad(day.y + n, 4);
    return null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    if (unit === 'month') return formatMonth(Number(m[1]), Number(m[2]) + n);
    // "a year earlier" after a month names the same month a year before.
    if (unit === 'year') return formatMonth(Number(m[1]) + n, Number(m[2]));
    return null;
  }
  m = /^(\d{4})(-(?:Q\d|H\d|SP|SU|FA|WI|W\d\d))?$/.exec(value);
  if (m && unit === 'year') return `${pad(Number(m[1]) + n, 4)}${m[2] ?? ''}`;
  return null;
}
