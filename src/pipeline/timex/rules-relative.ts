import { addDays, easter, formatDay, pad, weekday, type CalDay } from './calendar.js';
import { shiftValue, type Found, type ResolveContext } from './context.js';
import {
  AMOUNT_MOD, DAY_PART, DAY_PARTS, NUMBER, ORDINAL_SMALL, POSITION, SEASON, UNIT, VAGUE, WEEKDAY, ci, numberValue,
  ordinalValue, positionMod, seasonCode, unitCode, weekdayNumber, words, WEEKDAY_TRIGGER,
} from './lexicon.js';
import { DATE_PREPOSITIONS, wordBefore, type Rule } from './rule.js';

const THE = ci('the');

function withMod(found: Found, mod: string | undefined): Found {
  if (mod) found.mod = mod;
  return found;
}

/** Calendar unit named by a word ("years" → year). */
function calendarUnit(raw: string): string {
  const u = raw.toLowerCase().replace(/s$/, '');
  if (u === 'centurie') return 'century';
  if (u === 'fortnight') return 'week';
  return u;
}

/** The weekday `target` nearest publication in the direction of the tense (the same day counts). */
function resolveWeekday(dct: CalDay, target: number, direction: 'past' | 'future', strict: boolean): CalDay {
  const today = weekday(dct);
  if (direction === 'past') {
    let back = (today - target + 7) % 7;
    if (strict && back === 0) back = 7;
    return addDays(dct, -back);
  }
  let ahead = (target - today + 7) % 7;
  if (strict && ahead === 0) ahead = 7;
  return addDays(dct, ahead);
}

function dayPartValue(day: string, part: string | undefined): Found {
  if (!part) return { type: 'DATE', value: day };
  return { type: 'TIME', value: `${day}T${DAY_PARTS[part.toLowerCase()] ?? 'XX'}` };
}

/** Day `n` days from publication, or the unresolved day. */
function dayFromDct(ctx: ResolveContext, n: number): string {
  const d = ctx.dctDay;
  return d ? formatDay(addDays(d, n)) : 'XXXX-XX-XX';
}

/** Publication-relative expressions: today, last week, three years ago, on Monday, the summer, now. */
export const RELATIVE_RULES: Rule[] = [
  {
    name: 'deictic-day',
    trigger: /yesterday|today|tomorrow/i,
    re: new RegExp(`\\b(${THE}\\s+day\\s+before\\s+yesterday|${THE}\\s+day\\s+after\\s+tomorrow|${words(['yesterday', 'today', 'tomorrow'])})(?:\\s+(${DAY_PART}))?\\b`, 'g'),
    build: (m, ctx) => {
      const w = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w.includes('before') ? -2 : w.includes('after') ? 2 : 0;
      return dayPartValue(dayFromDct(ctx, shift), m[2]);
    },
  },
  {
    name: 'tonight',
    trigger: /tonight|morning|afternoon|evening|night/i,
    re: new RegExp(`\\b(?:${ci('tonight')}|(${words(['this', 'last'])})\\s+(${DAY_PART}))\\b`, 'g'),
    accept: (m) => !(m[1]?.toLowerCase() === 'last' && m[2] !== 'night'),
    build: (m, ctx) => {
      if (!m[1]) return { type: 'TIME', value: `${dayFromDct(ctx, 0)}TNI` };
      const shift = m[1].toLowerCase() === 'last' ? -1 : 0;
      return dayPartValue(dayFromDct(ctx, shift), m[2]);
    },
  },
  {
    name: 'weekday',
    trigger: WEEKDAY_TRIGGER,
    re: new RegExp(`(?:\\b(${words(['last', 'next', 'this', 'past', 'coming', 'this past', 'this coming', 'early', 'late'])})\\s+)?(${WEEKDAY})(?!s\\b)(?:\\s+(${DAY_PART}))?\\b`, 'g'),
    accept: (m, text) =>
      !/\b(?:Black|Good|Cyber|Ash|Holy|Palm|Bloody|Super|Maundy|Easter)\s+$/.test(text.slice(Math.max(0, m.index - 10), m.index)) &&
      // Newspapers and leagues named after a day.
      !/^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Observer|Independent|Mail|League|Tribune|Star)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14)),
    build: (m, ctx) => {
      const target = weekdayNumber(m[2] ?? '');
      const shift = (m[1] ?? '').toLowerCase();
      const dct = ctx.dctDay;
      if (!dct) return dayPartValue(`XXXX-WXX-${target}`, m[3]);
      let day: CalDay;
      if (shift.includes('last') || shift.includes('past')) day = resolveWeekday(dct, target, 'past', true);
      else if (shift.includes('next') || shift.includes('coming')) day = resolveWeekday(dct, target, 'future', true);
      else if (ctx.boundary(m.index, m.index + m[0].length)) {
        const back = resolveWeekday(dct, target, 'past', false);
        const ahead = resolveWeekday(dct, target, 'future', false);
        const nearest = weekday(dct) - weekday(back) <= 3 && weekday(back) <= weekday(dct) ? back : ahead;
        day = ctx.boundary(m.index, m.index + m[0].length) === 'future' ? ahead : nearest;
      } else {
        const tense = ctx.tense(m.index, m.index + m[0].length);
        day = resolveWeekday(dct, target, tense === 'past' ? 'past' : 'future', false);
      }
      return dayPartValue(formatDay(day), m[3]);
    },
  },
  {
    name: 'this-unit',
    trigger: /\b(?:this|last|next|current)\s/i,
    re: new RegExp(`(?:(${POSITION})|\\b(${words(['earlier', 'later'])})\\s+)?\\b(${words(['this past', 'this coming', 'this', 'last', 'next', 'current'])})\\s+(week|weekend|month|year|decade|century|quarter)\\b`, 'g'),
    accept: (m, text) => !/^\s*(?:old|-)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5)),
    build: (m, ctx) => {
      const rel = (m[3] ?? '').toLowerCase();
      const shift = rel === 'last' || rel === 'this past' ? -1 : rel === 'next' || rel === 'this coming' ? 1 : 0;
      return withMod({ type: 'DATE', value: ctx.shifted(m[4] ?? 'year', shift) }, positionMod(m[1]));
    },
  },
  {
    name: 'position-of-the-unit',
    trigger: /the\s+(?:week|month|year|decade|century)/i,
    re: new RegExp(`(${POSITION})${THE}\\s+(week|month|year|decade|century)\\b`, 'g'),
    accept: (m) => /the|of/i.test(m[1] ?? ''),
    build: (m, ctx) => withMod({ type: 'DATE', value: ctx.shifted(m[2] ?? 'year', 0) }, positionMod(m[1])),
  },
  {
    // "the past year" is a duration in TimeML; "the coming year" names next year.
    name: 'the-past-unit',
    trigger: /the\s+(?:past|last|coming|next|following|previous|preceding|same)\s/i,
    re: new RegExp(`\\b${THE}\\s+(past|last|coming|next|following|previous|preceding|same)\\s+(day|week|weekend|month|year|decade|century)\\b`, 'g'),
    build: (m, ctx) => {
      const rel = (m[1] ?? '').toLowerCase();
      const unit = m[2] ?? 'year';
      if (rel === 'past' || rel === 'last') return { type: 'DURATION', value: `P1${unitCode(unit).code}` };
      if (rel === 'coming' || (rel === 'next' && unit !== 'day')) return { type: 'DATE', value: ctx.shifted(unit, 1) };
      // "the next day" follows the story's last date, not publication.
      const n = rel === 'following' || rel === 'next' ? 1 : rel === 'same' ? 0 : -1;
      const anchor = ctx.lastDate();
      const moved = anchor ? shiftValue(anchor, unit, n) : null;
      return { type: 'DATE', value: moved ?? ctx.shifted(unit, n) };
    },
  },
  {
    // Financial reports: "the quarter" is the one just named, "the year-earlier period" that one a year before.
    name: 'the-quarter',
    trigger: /quarter|year-(?:earlier|ago)/i,
    re: new RegExp(`\\b(?:${THE}\\s+(?:(latest|current|same|previous|past|last)\\s+)?quarter|(?:${THE}\\s+)?(year-earlier|year-ago)(?:\\s+(?:period|quarter|month|level|figure|results?))?)\\b(?![-\\s]+(?:of|century|mile|point|inch)\\b)`, 'g'),
    build: (m, ctx) => {
      const anchor = ctx.lastDate();
      const quarter = anchor && /^\d{4}-(?:Q\d|H\d)$/.test(anchor) ? anchor : null;
      if (m[2]) {
        const moved = anchor ? shiftValue(anchor, 'year', -1) : null;
        return { type: 'DATE', value: moved ?? ctx.shifted('year', -1) };
      }
      const rel = (m[1] ?? '').toLowerCase();
      if (rel === 'previous' || rel === 'past' || rel === 'last') return { type: 'DATE', value: ctx.shifted('quarter', -1) };
      if (rel === 'current') return { type: 'DATE', value: ctx.shifted('quarter', 0) };
      // A past-tense "the quarter" with nothing named before is the last one reported.
      return { type: 'DATE', value: quarter ?? ctx.shifted('quarter', ctx.tense(m.index, m.index + m[0].length) === 'past' ? -1 : 0) };
    },
  },
  {
    name: 'that-unit',
    trigger: /that\s+(?:day|week|month|year)/i,
    re: new RegExp(`\\b(?:${words(['earlier', 'later'])}\\s+)?${ci('that')}\\s+(day|week|month|year)\\b`, 'g'),
    build: (m, ctx) => {
      const anchor = ctx.lastDate();
      const moved = anchor ? shiftValue(anchor, m[1] ?? 'year', 0) : null;
      return { type: 'DATE', value: moved ?? ({ day: 'XXXX-XX-XX', week: 'XXXX-WXX', month: 'XXXX-XX' }[m[1] ?? ''] ?? 'XXXX') };
    },
  },
  {
    name: 'ago',
    trigger: /\s(?:ago|earlier|later|before|after)\b/i,
    re: new RegExp(`(?:\\b(${AMOUNT_MOD})\\s+)?(?:\\b(${VAGUE}|${NUMBER}|${words(['a', 'an', 'a couple of'])})\\s+)?\\b(${UNIT})\\s+(ago|earlier|later|before|after)\\b`, 'g'),
    accept: (m, text) => {
      const word = (m[4] ?? '').toLowerCase();
      // "hours later" measures from the story, not from now: left to the duration rules.
      if (m[2] === undefined && word !== 'ago') return false;
      if (word !== 'before' && word !== 'after') return true;
      // "two days before the vote" anchors on an event; only a bare "two days before." is a date.
      return m[2] !== undefined && /^\s*[.,;]/.test(text.slice(m.index + m[0].length));
    },
    build: (m, ctx) => {
      const word = (m[4] ?? '').toLowerCase();
      const n = m[2] === undefined ? null : numberValue(m[2]);
      const unit = calendarUnit(m[3] ?? 'year');
      const mod = m[1] ? 'APPROX' : undefined;
      if (n === null) return { type: 'DATE', value: word === 'later' || word === 'after' ? 'FUTURE_REF' : 'PAST_REF' };
      const sign = word === 'ago' || word === 'earlier' || word === 'before' ? -1 : 1;
      const whole = Math.round(n);
      if (unit === 'hour' || unit === 'minute' || unit === 'second') {
        return { type: 'DATE', value: word === 'ago' ? dayFromDct(ctx, 0) : (ctx.lastDate() ?? 'XXXX-XX-XX') };
      }
      if (unit === 'decade') {
        const c = ctx.dct;
        return withMod({ type: 'DATE', value: c ? String(Math.floor((c.y + sign * 10 * whole) / 10)) : 'XXX' }, mod);
      }
      if (unit === 'century') {
        const c = ctx.dct;
        return withMod({ type: 'DATE', value: c ? pad(Math.floor(c.y / 100) + sign * whole) : 'XX' }, mod);
      }
      if (word !== 'ago') {
        const anchor = ctx.lastDate();
        const moved = anchor ? shiftValue(anchor, unit, sign * whole) : null;
        if (moved) return withMod({ type: 'DATE', value: moved }, mod);
      }
      return withMod({ type: 'DATE', value: ctx.shifted(unit, sign * whole) }, mod);
    },
  },
  {
    name: 'season',
    trigger: /spring|summer|autumn|fall|winter/i,
    re: new RegExp(`(${POSITION})?(?:\\b(${words(['this', 'last', 'next', 'past', 'the', 'this past', 'this coming', 'coming'])})\\s+(?:[a-z]+est\\s+)?)?\\b(${SEASON})(?:\\s+(?:of\\s+)?((?:1[0-9]|20)\\d\\d)\\b)?`, 'g'),
    accept: (m, text) => {
      const season = m[3] ?? '';
      const end = m.index + m[0].length;
      if (m[4]) return true;
      // "the Arab Spring", "the fall of Aleppo", "springs", "summer camp" are not dates.
      if (/^[A-Z]/.test(season) && /[A-Za-z]\s+$/.test(text.slice(Math.max(0, m.index - 3), m.index + (m[0].length - season.length)))) {
        if (!m[1] && !m[2]) return false;
        if (/[A-Z][a-z]*\s+$/.test(text.slice(Math.max(0, end - season.length - 12), end - season.length))) return false;
      }
      if (/^(?:s|ing|ed|time\b)/i.test(text.slice(end, end + 4))) return false;
      // "the Winter Olympics", "Summer Games": a capitalised season inside a name.
      if (/^[A-Z]/.test(season) && /^\s+[A-Z]/.test(text.slice(end, end + 3))) return false;
      if (season.toLowerCase() === 'fall' && /^\s+of\b/.test(text.slice(end, end + 5))) return false;
      if (m[1] || (m[2] && m[2].toLowerCase() !== 'the')) return true;
      const prev = wordBefore(text, m.index + (m[0].length - season.length) - (m[2] ? m[2].length + 1 : 0));
      if (m[2] === undefined && season.toLowerCase() === 'fall') return false;
      if (DATE_PREPOSITIONS.has(prev) || prev === 'when' || prev === 'until') return true;
      // "the wettest winter", "the hottest summer on record".
      if (m[2]?.toLowerCase() === 'the' && /[a-z]est\s+$/.test(text.slice(Math.max(0, end - season.length - 6), end - season.length))) return true;
      return m[2] === undefined && /^\s*(?:[.,;]|(?:arrives|comes|begins|starts|ends|approaches|sets in)\b)/.test(text.slice(end, end + 12));
    },
    build: (m, ctx) => {
      const code = seasonCode(m[3] ?? '');
      const rel = (m[2] ?? '').toLowerCase();
      const shift = rel.includes('this') && !rel.includes('past') && !rel.includes('coming') ? 'this'
        : rel.includes('last') || rel.includes('past') ? 'last' : rel.includes('next') || rel.includes('coming') ? 'next' : null;
      const year = m[4] ? Number(m[4]) : ctx.seasonYear(code, m.index, m.index + m[0].length, shift);
      const found: Found = { type: 'DATE', value: `${year === null ? 'XXXX' : pad(year, 4)}-${code}` };
      return withMod(found, positionMod(m[1]));
    },
  },
  {
    name: 'quarter',
    trigger: /quarter|half/i,
    re: new RegExp(`(?:\\b${THE}\\s+)?\\b(${ORDINAL_SMALL}|final|last)[-\\s]+(quarter|half)(?:\\s+of\\s+(?:((?:1[0-9]|20)\\d\\d)\\b|(?:(this|last|next|the)\\s+year\\b)))?`, 'gi'),
    accept: (m, text) => {
      if ((m[2] ?? '').toLowerCase() === 'half') return m[3] !== undefined || m[4] !== undefined;
      if (/^(last|final)$/i.test(m[1] ?? '') && !m[3] && !m[4]) return false;
      return !/^\s+of\s+(?:a|an|the|its|his|her|their)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    },
    build: (m, ctx) => {
      const half = (m[2] ?? '').toLowerCase() === 'half';
      const n = /^(last|final)$/i.test(m[1] ?? '') ? (half ? 2 : 4) : ordinalValue(m[1] ?? '');
      const code = half ? `H${Math.min(n, 2)}` : `Q${n}`;
      let year: number | null = null;
      const c = ctx.dct;
      if (m[3]) year = Number(m[3]);
      else if (c) {
        const rel = (m[4] ?? '').toLowerCase();
        if (rel === 'last') year = c.y - 1;
        else if (rel === 'next') year = c.y + 1;
        else if (rel === 'this' || rel === 'the' || c.m === null) year = c.y;
        else {
          // A past-tense quarter still to come this year is last year's.
          const current = Math.floor((c.m - 1) / 3) + 1;
          year = ctx.tense(m.index, m.index + m[0].length) === 'past' && n > current ? c.y - 1 : c.y;
        }
      }
      return { type: 'DATE', value: `${year === null ? 'XXXX' : pad(year, 4)}-${code}` };
    },
  },
  {
    name: 'quarter-code',
    trigger: /\b[QH][1-4]\b/,
    re: /\b([QH][1-4])(?:\s+((?:19|20)\d\d))?\b/g,
    accept: (m) => m[1]?.[0] === 'Q' || Number(m[1]?.[1]) <= 2,
    build: (m, ctx) => {
      const year = m[2] ? Number(m[2]) : ctx.dct?.y ?? null;
      return { type: 'DATE', value: `${year === null ? 'XXXX' : pad(year, 4)}-${m[1]}` };
    },
  },
  {
    name: 'present-ref',
    trigger: /now|currently|presently|present|these days|moment|recently|lately/i,
    re: new RegExp(`\\b(?:(${words(['now', 'currently', 'nowadays', 'presently', 'at present', 'these days', 'at the moment'])})|(${ci('recently')}|${ci('lately')}))\\b(?!-)`, 'g'),
    accept: (m, text) => {
      // "as recently as last year" leaves the date to the expression after it; "now that" is a conjunction.
      if (m[2] && /\b(?:as|most)\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) return false;
      return !/^\s*that\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)) || (m[1] ?? '').toLowerCase() !== 'now';
    },
    build: (m) => {
      if (m[2]) return { type: 'DATE', value: 'PAST_REF' };
      const w = (m[1] ?? '').toLowerCase();
      return { type: 'DATE', value: 'PRESENT_REF', ...trimPresent(w, m.index) };
    },
  },
  {
    name: 'past-future-ref',
    trigger: /\b(?:past|future)\b/i,
    re: new RegExp(`(?<=\\b(?:${words(['in', 'into', 'for', 'of', 'to'])})\\s+)${THE}\\s+(?:(near|distant|foreseeable|recent|immediate)\\s+)?(past|future)\\b`, 'g'),
    build: (m) => ({ type: 'DATE', value: (m[2] ?? '') === 'past' ? 'PAST_REF' : 'FUTURE_REF' }),
  },
  {
    name: 'weekend',
    trigger: /weekend/i,
    re: new RegExp(`\\b${THE}\\s+weekend\\b`, 'g'),
    build: (m, ctx) => {
      const dct = ctx.dctDay;
      if (!dct) return { type: 'DATE', value: 'XXXX-WXX-WE' };
      const past = !ctx.boundary(m.index, m.index + m[0].length) && ctx.tense(m.index, m.index + m[0].length) === 'past';
      // On a Saturday or Sunday "the weekend" is the one under way; otherwise the last or the next.
      const shift = weekday(dct) >= 6 ? 0 : past ? -1 : 0;
      return { type: 'DATE', value: ctx.shifted('weekend', shift) };
    },
  },
  {
    name: 'overnight',
    trigger: /overnight/i,
    re: new RegExp(`\\b${ci('overnight')}\\b(?!\\s+(?:stay|flight|train|bus|bag|shift|curfew))`, 'g'),
    build: (_m, ctx) => ({ type: 'TIME', value: `${dayFromDct(ctx, -1)}TNI` }),
  },
  {
    name: 'holiday',
    trigger: /Christmas|New Year|Easter|Thanksgiving|Halloween|Valentine/,
    re: new RegExp(`\\b(Christmas(?:\\s+(?:Eve|Day))?|New\\s+Year['’]s(?:\\s+(?:Eve|Day))?|Easter(?:\\s+(?:Sunday|Monday))?|Thanksgiving(?:\\s+Day)?|Halloween|Valentine['’]s\\s+Day)(?:\\s+((?:19|20)\\d\\d))?\\b`, 'g'),
    accept: (m, text) => !/^\s+(?:tree|card|market|party|present|gift|holidays?|season|message|address|truce|ceasefire|Island|Rising)s?\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)) || m[1]?.includes(' ') === true,
    build: (m, ctx) => {
      const name = (m[1] ?? '').replace(/\s+/g, ' ');
      let month = 12;
      let day = 25;
      if (name.startsWith('Christmas Eve')) day = 24;
      else if (name.startsWith('New Year')) [month, day] = name.endsWith('Eve') ? [12, 31] : [1, 1];
      else if (name.startsWith('Halloween')) [month, day] = [10, 31];
      else if (name.startsWith('Valentine')) [month, day] = [2, 14];
      const year = m[2] ? Number(m[2]) : ctx.yearOf(month, day, m.index, m.index + m[0].length);
      if (year === null) return { type: 'DATE', value: name.startsWith('Easter') || name.startsWith('Thanks') ? 'XXXX-XX-XX' : `XXXX-${pad(month)}-${pad(day)}` };
      if (name.startsWith('Easter')) {
        const e = easter(year);
        return { type: 'DATE', value: formatDay(name.endsWith('Monday') ? addDays(e, 1) : e) };
      }
      if (name.startsWith('Thanksgiving')) {
        // Fourth Thursday of November (United States).
        const first = weekday({ y: year, m: 11, d: 1 });
        return { type: 'DATE', value: formatDay({ y: year, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 }) };
      }
      return { type: 'DATE', value: formatDay({ y: year, m: month, d: day }) };
    },
  },
];

/** TimeML tags only the noun: "present" of "at present", "the moment" of "at the moment". */
function trimPresent(word: string, index: number): { start?: number } {
  return word === 'at present' || word === 'at the moment' ? { start: index + 3 } : {};
}
