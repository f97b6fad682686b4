import { formatDay, isValidDay, pad } from './calendar.js';
import type { Found } from './context.js';
import {
  MONTH, POSITION, WEEKDAY, ci, monthNumber, positionMod, words, MONTH_TRIGGER,
} from './lexicon.js';
import { DATE_PREPOSITIONS, wordAfter, wordBefore, type Rule } from './rule.js';

const YEAR4 = '((?:1[0-9]|20)\\d\\d)(?![\\d,]\\d|\\.\\d)';

/** Nouns that make a four-digit number a count, not a year ("2000 people"). */
const COUNT_NOUNS = new Set([
  'people', 'persons', 'men', 'women', 'children', 'troops', 'soldiers', 'members', 'votes', 'voters', 'households',
  'families', 'students', 'workers', 'protesters', 'demonstrators', 'police', 'policemen', 'officers', 'cases', 'deaths',
  'dollars', 'euros', 'pounds', 'rubles', 'roubles', 'hryvnias', 'tenge', 'yuan', 'km', 'kilometers', 'kilometres', 'miles',
  'meters', 'metres', 'tons', 'tonnes', 'units', 'times', 'copies', 'signatures', 'residents', 'refugees', 'migrants',
  'prisoners', 'detainees', 'inmates', 'journalists', 'activists', 'supporters', 'participants', 'civilians', 'victims',
  'lawyers', 'judges', 'employees', 'jobs', 'homes', 'houses', 'buildings', 'pages', 'words', 'hectares', 'acres',
  'feet', 'points', 'seats', 'candidates', 'complaints', 'arrests', 'fighters', 'rebels', 'militants', 'users', 'followers',
  'kg', 'barrels', 'shares', 'cars', 'vehicles', 'flights', 'passengers', 'patients', 'doctors', 'teachers', 'schools',
  'hours', 'days', 'weeks', 'months', 'years', 'minutes', 'mw', 'gw', 'calories', 'euro', 'dollar', 'votes',
]);
/** Words before a number that make it a label ("Article 1993", "Resolution 2334"). */
const LABEL_WORDS = new Set([
  'article', 'articles', 'section', 'paragraph', 'resolution', 'no', 'number', 'page', 'pages', 'flight', 'route', 'room',
  'decree', 'chapter', 'rule', 'item', 'code', 'bus', 'model', 'version', 'totaling', 'totalling', 'total',
]);
/** Words before a number that make it an amount when a noun follows ("about 2000 protesters", but "around 2010, he …"). */
const APPROXIMATORS = new Set(['about', 'nearly', 'almost', 'some', 'over', 'than', 'approximately', 'roughly', 'around', 'least', 'only', 'just']);
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const LISTED_MONTH_YEAR = new RegExp(`^\\s*(?:,|and|or|to|through|until|[-–])\\s*(?:early\\s+|late\\s+|mid-)?${MONTH},?\\s+((?:1[0-9]|20)\\d\\d)\\b`);

function dayFound(y: number | null, month: number, day: number): Found {
  const value = y === null ? `XXXX-${pad(month)}-${pad(day)}` : formatDay({ y, m: month, d: day });
  return { type: 'DATE', value };
}

/** Dates written with numbers, month names, years, decades and centuries. */
export const ABSOLUTE_RULES: Rule[] = [
  {
    name: 'iso-date',
    trigger: /\d{4}-\d\d-\d\d/,
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?(?![\d-])/g,
    accept: (m) => isValidDay(Number(m[1]), Number(m[2]), Number(m[3])),
    build: (m) => {
      const day = `${m[1]}-${m[2]}-${m[3]}`;
      if (m[4] !== undefined) return { type: 'TIME', value: `${day}T${m[4]}:${m[5]}` };
      return { type: 'DATE', value: day };
    },
  },
  {
    name: 'numeric-date',
    trigger: /\d[/.]\d{1,2}[/.]\d/,
    re: /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)/g,
    accept: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      return (a <= 12 || b <= 12) && a >= 1 && b >= 1 && a <= 31 && b <= 31;
    },
    build: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const rawYear = Number(m[4]);
      const y = (m[4] ?? '').length === 2 ? (rawYear > 50 ? 1900 + rawYear : 2000 + rawYear) : rawYear;
      // Slashes read month first (American wires) unless impossible; dots read day first.
      const monthFirst = a > 12 ? false : b > 12 ? true : m[2] === '/';
      const [month, day] = monthFirst ? [a, b] : [b, a];
      if (!isValidDay(y, month, day)) return null;
      return dayFound(y, month, day);
    },
  },
  {
    name: 'month-day',
    trigger: MONTH_TRIGGER,
    re: new RegExp(`(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+${DAY}(?![\\d:.,]\\d)(?:,?\\s+${YEAR4})?\\b`, 'g'),
    accept: (m) => Number(m[3]) >= 1 && Number(m[3]) <= 31,
    build: (m, ctx) => {
      const month = monthNumber(m[2] ?? '');
      const day = Number(m[3]);
      const end = (m.index ?? 0) + m[0].length;
      const y = m[4] ? Number(m[4]) : ctx.yearOf(month, day, m.index, end);
      // 29 February in a guessed year that has none: keep the day, drop the guess.
      if (y !== null && !isValidDay(y, month, day)) return m[4] ? null : dayFound(null, month, day);
      return dayFound(y, month, day);
    },
  },
  {
    name: 'day-month',
    trigger: MONTH_TRIGGER,
    re: new RegExp(`(?:(${WEEKDAY}),?\\s+)?(?:${ci('the')}\\s+)?\\b${DAY}\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+${YEAR4})?\\b`, 'g'),
    accept: (m) => Number(m[2]) >= 1 && Number(m[2]) <= 31,
    build: (m, ctx) => {
      const month = monthNumber(m[3] ?? '');
      const day = Number(m[2]);
      const y = m[4] ? Number(m[4]) : ctx.yearOf(month, day, m.index, m.index + m[0].length);
      // 29 February in a guessed year that has none: keep the day, drop the guess.
      if (y !== null && !isValidDay(y, month, day)) return m[4] ? null : dayFound(null, month, day);
      return dayFound(y, month, day);
    },
  },
  {
    name: 'month-year',
    trigger: MONTH_TRIGGER,
    re: new RegExp(`(${POSITION})?(${MONTH}),?\\s+(?:of\\s+)?${YEAR4}\\b`, 'g'),
    build: (m) => {
      const found: Found = { type: 'DATE', value: `${m[3]}-${pad(monthNumber(m[2] ?? ''))}` };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
  {
    name: 'month',
    trigger: MONTH_TRIGGER,
    re: new RegExp(`(${POSITION})?(?:(${words(['this', 'last', 'next', 'past', 'coming'])})\\s+)?(${MONTH})(?!\\s*\\d|-)`, 'g'),
    accept: (m, text) => {
      const name = (m[3] ?? '').replace('.', '');
      if (m[1] || m[2]) return true;
      const prev = wordBefore(text, m.index);
      if (DATE_PREPOSITIONS.has(prev)) return true;
      if (name === 'May' || name === 'March') return false;
      // A capitalised word after April/June/August makes it a name ("April Ryan").
      const next = wordAfter(text, m.index + m[0].length);
      return !/^[A-Z]/.test(next) && !/^[A-Z]/.test(text.slice(Math.max(0, m.index - 2), m.index).trim());
    },
    build: (m, ctx) => {
      const month = monthNumber(m[3] ?? '');
      const shift = (m[2] ?? '').toLowerCase();
      const c = ctx.dct;
      let y: number | null;
      if (shift === 'last' || shift === 'past') y = c && c.m !== null ? (month < c.m ? c.y : c.y - 1) : null;
      else if (shift === 'next' || shift === 'coming') y = c && c.m !== null ? (month > c.m ? c.y : c.y + 1) : null;
      else if (shift === 'this') y = c ? c.y : null;
      else {
        // "April and May 1994": the first month takes the year written after the second.
        const end = m.index + m[0].length;
        const shared = LISTED_MONTH_YEAR.exec(ctx.doc.text.slice(end, end + 40));
        y = shared ? Number(shared[1]) : ctx.yearOf(month, null, m.index, end);
      }
      const found: Found = { type: 'DATE', value: `${y === null ? 'XXXX' : pad(y, 4)}-${pad(month)}` };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
  {
    name: 'year',
    trigger: /(?:1[0-9]|20)\d\d/,
    re: new RegExp(`(${POSITION})?(?<![\\d$€£#,.:/])\\b${YEAR4}\\b(?!\\s*%|\\s*(?:per\\s*cent|percent)|[-–]\\d{2}\\b(?!\\d))`, 'g'),
    accept: (m, text) => {
      const y = Number(m[2]);
      const start = m.index + (m[1]?.length ?? 0);
      const prev = wordBefore(text, start);
      if (!m[1] && LABEL_WORDS.has(prev)) return false;
      const nextRaw = wordAfter(text, m.index + m[0].length);
      const next = nextRaw.toLowerCase();
      if (COUNT_NOUNS.has(next)) return false;
      if (!m[1] && APPROXIMATORS.has(prev) && /^\s+[a-z]+s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return false;
      if (y >= 1900 && y <= 2099) return true;
      return m[1] !== undefined || DATE_PREPOSITIONS.has(prev) || prev === 'year';
    },
    build: (m) => {
      const found: Found = { type: 'DATE', value: m[2] ?? '' };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
  {
    // 2010-12 or 2010–12 written for 2010 to 2012: each end is its own timex, as TimeML annotates ranges.
    name: 'year-range',
    trigger: /\d{4}\s?[-–]\s?\d\d/,
    re: /(?<![\d$€£#,.:/-])\b((?:1[0-9]|20)(\d\d))(?=\s?[-–]\s?(\d\d)\b(?![-\d]))/g,
    accept: (m) => Number(m[3]) > Number(m[2]),
    build: (m) => ({ type: 'DATE', value: m[1] ?? '' }),
  },
  {
    name: 'year-range-end',
    trigger: /\d{4}\s?[-–]\s?\d\d/,
    re: /(?<=(?<![\d$€£#,.:/-])\b(?:1[0-9]|20)(\d\d)\s?[-–]\s?)(\d\d)\b(?![-\d])/g,
    accept: (m, text) => {
      const century = text.slice(Math.max(0, m.index - 10), m.index).match(/(\d\d)\d\d\s?[-–]\s?$/);
      return century !== null && Number(m[2]) > Number(m[1]);
    },
    build: (m, ctx) => {
      const head = /(\d\d)\d\d\s?[-–]\s?$/.exec(ctx.doc.text.slice(Math.max(0, m.index - 10), m.index));
      return { type: 'DATE', value: `${head?.[1] ?? '20'}${m[2]}` };
    },
  },
  {
    name: 'decade',
    trigger: /\d0['’]?s\b/,
    re: new RegExp(`(?:${ci('the')}\\s+)?(?:(${words(['early', 'mid', 'late'])})[-\\s]?)?(?:((?:1[0-9]|20)\\d)0['’]?s|['’](\\d)0s)\\b`, 'g'),
    build: (m) => {
      const found: Found = { type: 'DATE', value: m[2] ?? `19${m[3] ?? '0'}` };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
  {
    name: 'decade-words',
    trigger: /ties\b/,
    re: new RegExp(`${ci('the')}\\s+(?:(${words(['early', 'mid', 'late'])})[-\\s]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, 'g'),
    build: (m) => {
      const digit = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(m[2] ?? '') + 2;
      const found: Found = { type: 'DATE', value: `19${digit}` };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
  {
    name: 'century',
    trigger: /[Cc]entury/,
    re: new RegExp(`${ci('the')}\\s+(?:(${words(['early', 'mid', 'late'])})[-\\s]?)?(\\d{1,2}(?:st|nd|rd|th)|${words(['twenty-first', 'twentieth', 'nineteenth', 'eighteenth', 'seventeenth', 'sixteenth', 'fifteenth'])})\\s+century\\b`, 'g'),
    build: (m) => {
      const raw = (m[2] ?? '').toLowerCase();
      const named: Record<string, number> = {
        'twenty-first': 21, twentieth: 20, nineteenth: 19, eighteenth: 18, seventeenth: 17, sixteenth: 16, fifteenth: 15,
      };
      const n = named[raw] ?? parseInt(raw, 10);
      const found: Found = { type: 'DATE', value: pad(n - 1) };
      const mod = positionMod(m[1]);
      if (mod) found.mod = mod;
      return found;
    },
  },
];
