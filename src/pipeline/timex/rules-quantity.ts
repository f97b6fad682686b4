import { pad } from './calendar.js';
import type { Found } from './context.js';
import {
  AMOUNT_MOD, DAY_PARTS, MONTH, NUMBER, SEASON, UNIT, VAGUE, WEEKDAY, amountMod, ci, durationValue,
  monthNumber, numberValue, seasonCode, weekdayNumber, words, PLURAL_TRIGGER, WEEKDAY_TRIGGER,
} from './lexicon.js';
import { wordBefore, type Rule } from './rule.js';

const THE = ci('the');

function withMod(found: Found, mod: string | undefined): Found {
  if (mod) found.mod = mod;
  return found;
}

/** Amount of a duration phrase, "and a half" included; null when vague. */
function amount(raw: string | undefined, half: boolean): number | null {
  if (raw === undefined) return 1;
  const n = numberValue(raw);
  if (n === null) return null;
  return half ? n + 0.5 : n;
}

/** Durations, frequencies and clock times. */
export const QUANTITY_RULES: Rule[] = [
  {
    name: 'duration',
    trigger: /second|minute|hour|day|week|fortnight|month|year|decade|centur/i,
    re: new RegExp(
      `(?:\\b(${AMOUNT_MOD})\\s+|\\b${THE}\\s+(?:(${words(['past', 'last', 'next', 'first', 'coming', 'previous', 'following', 'final', 'remaining', 'initial', 'preceding'])})\\s+)?(?=\\d|[a-z])|\\b(?:${words(['another', 'an additional', 'a further'])})\\s+)?` +
        `\\b(${VAGUE}|${NUMBER}|${words(['a couple of', 'a', 'an'])})(\\s+and\\s+a\\s+half)?(?:\\s+(?:more|consecutive|straight|full|long|additional|further|successive))?[-\\s]+(${UNIT})(\\s+and\\s+a\\s+half)?(?:-long|[-\\s]old)?\\b`,
      'g',
    ),
    accept: (m, text) => {
      const end = m.index + m[0].length;
      // "a day" in "twice a day" and "a year" in "$5 million a year" are frequencies.
      const q = (m[3] ?? '').toLowerCase();
      if (/^an?$/.test(q) && /^seconds?$/i.test(m[5] ?? '')) return false;
      if (q === 'a' || q === 'an') {
        const before = text.slice(Math.max(0, m.index - 20), m.index);
        if (/(?:\d|million|billion|thousand|times|once|twice|%)\s*$/i.test(before)) return false;
      }
      // "one day" opening a story is not a duration worth tagging; "the day" neither.
      if (/^one$/i.test(q) && /^day$/i.test(m[5] ?? '') && /^(?:\s*,|\s+(?:he|she|they|we|i)\b)/i.test(text.slice(end, end + 6))) return false;
      return !/^\s*(?:ago|earlier|later)\b/.test(text.slice(end, end + 9));
    },
    build: (m) => {
      // "the five-year plan": the article belongs to the noun, not to the adjective.
      const trimThe = /^the\s/i.test(m[0]) && !m[2] && /^\S+-/.test(m[0].slice(m[0].indexOf(m[3] ?? '', 3)));
      const start = trimThe ? m.index + m[0].indexOf(m[3] ?? '', 3) : undefined;
      const n = amount(m[3], m[4] !== undefined || m[6] !== undefined);
      const vague = n === null || /^(?:few|a few|several|many|some|dozens of|hundreds of|a number of|countless)$/i.test(m[3] ?? '');
      const value = durationValue(vague ? null : n, m[5] ?? 'year');
      const found: Found = withMod({ type: 'DURATION', value }, amountMod(m[1]));
      if (start !== undefined) found.start = start;
      return found;
    },
  },
  {
    name: 'another-unit',
    trigger: /another|additional|further|one more/i,
    re: new RegExp(`\\b(?:${words(['another', 'an additional', 'a further', 'one more'])})\\s+(second|minute|hour|day|week|month|year|decade)\\b`, 'g'),
    build: (m) => ({ type: 'DURATION', value: durationValue(1, m[1] ?? 'year') }),
  },
  {
    name: 'half-unit',
    trigger: /half/i,
    re: new RegExp(`\\b${ci('half')}\\s+(?:an?\\s+)(hour|day|year|month|century|decade)\\b`, 'g'),
    build: (m) => {
      // Half of a unit in the next smaller one: TIMEX3 values read better whole (P50Y, PT12H).
      const halves: Record<string, string> = { hour: 'PT30M', day: 'PT12H', month: 'P2W', year: 'P6M', decade: 'P5Y', century: 'P50Y' };
      return { type: 'DURATION', value: halves[(m[1] ?? '').toLowerCase()] ?? 'P6M' };
    },
  },
  {
    // "for years", "after months of talks": the bare plural is a vague duration.
    name: 'bare-plural',
    trigger: PLURAL_TRIGGER,
    re: new RegExp(`(?<=\\b${words(['for', 'after', 'within', 'over', 'in', 'lasting', 'take', 'takes', 'took', 'taken', 'taking', 'spent', 'spend', 'spends', 'last', 'lasted'])}\\s+)(years|months|weeks|days|decades|hours)\\b(?!\\s+(?:ago|earlier|later|old)\\b)`, 'g'),
    accept: (m, text) => {
      const prev = wordBefore(text, m.index);
      if (prev === 'in' || prev === 'over') return /\b(?:first|worst|best|highest|lowest|largest|biggest|time)\b[^.]{0,30}$/i.test(text.slice(Math.max(0, m.index - 40), m.index));
      return true;
    },
    build: (m) => ({ type: 'DURATION', value: durationValue(null, m[1] ?? 'years') }),
  },
  {
    // "weeks after the protests", "hours before the vote".
    name: 'plural-before-after',
    trigger: PLURAL_TRIGGER,
    re: new RegExp(`(?<!\\b(?:${words(['the', 'those', 'these', 'many', 'few', 'several', 'some', 'of', 'working', 'business', 'school'])})\\s+)\\b(${words(['years', 'months', 'weeks', 'days', 'hours', 'decades'])})\\s+(?=(?:after|before|later|earlier)\\b)`, 'g'),
    build: (m) => ({ type: 'DURATION', value: durationValue(null, m[1] ?? 'years') }),
  },
  {
    name: 'recent-plural',
    trigger: PLURAL_TRIGGER,
    re: new RegExp(`\\b(?:${THE}\\s+)?(?:${words(['recent', 'past', 'coming', 'next', 'last', 'previous', 'following', 'final', 'first', 'closing', 'remaining'])})\\s+(?:few\\s+)?(years|months|weeks|days|decades|hours)\\b`, 'g'),
    accept: (m, text) => !/^\s+ago\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5)),
    build: (m) => ({ type: 'DURATION', value: durationValue(null, m[1] ?? 'years') }),
  },
  {
    name: 'every',
    trigger: /\b(?:every|each)\s/i,
    re: new RegExp(`\\b${words(['every', 'each'])}\\s+(?:(other)\\s+)?(?:(${NUMBER})\\s+)?(weekend|${UNIT}|${WEEKDAY}|${MONTH}|${SEASON}|morning|afternoon|evening|night)\\b`, 'g'),
    build: (m) => {
      const what = m[3] ?? '';
      if (what.toLowerCase() === 'weekend') return { type: 'SET', value: 'XXXX-WXX-WE' };
      if (/^[A-Z][a-z]+day$/.test(what) && weekdayNumber(what) > 0) return { type: 'SET', value: `XXXX-WXX-${weekdayNumber(what)}` };
      if (monthNumber(what) > 0 && /^[A-Z]/.test(what)) return { type: 'SET', value: `XXXX-${pad(monthNumber(what))}` };
      if (/^(spring|summer|autumn|fall|winter)$/i.test(what)) return { type: 'SET', value: `XXXX-${seasonCode(what)}` };
      const part = DAY_PARTS[what.toLowerCase()];
      if (part) return { type: 'SET', value: `XXXX-XX-XXT${part}` };
      const n = m[1] ? 2 : m[2] ? numberValue(m[2]) ?? 1 : 1;
      return { type: 'SET', value: durationValue(n, what) };
    },
  },
  {
    name: 'times-per',
    trigger: /once|twice|thrice|times/i,
    re: new RegExp(`\\b(?:${words(['once', 'twice', 'thrice'])}|(?:${NUMBER})\\s+times)\\s+(?:a|an|per|every|each)\\s+(${UNIT})\\b`, 'g'),
    build: (m) => ({ type: 'SET', value: durationValue(1, m[1] ?? 'year') }),
  },
  {
    name: 'per-unit',
    trigger: /\b(?:per|a)\s+(?:year|month|week|day)\b/,
    re: /\b(?:per|a)\s+(year|month|week|day)\b/g,
    accept: (m, text) => /(?:\d|million|billion|thousand|%)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index)),
    build: (m) => ({ type: 'SET', value: durationValue(1, m[1] ?? 'year') }),
  },
  {
    name: 'frequency-adverb',
    trigger: /(?:dai|week|month|annual|year|hour|night|quarter|fortnight)ly/i,
    re: new RegExp(`\\b(${words(['daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'nightly', 'quarterly', 'biweekly', 'fortnightly'])})\\b`, 'g'),
    // "the daily Kommersant", "a weekly magazine" are titles; a quarterly dividend is still paid every quarter.
    accept: (m, text) =>
      /^(?:quarterly|annually|yearly|hourly|biweekly|fortnightly)$/i.test(m[1] ?? '') ||
      !/^(?:the|a|an|its|his|her|their|our|your|this|that)$/.test(wordBefore(text, m.index)),
    build: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      const value: Record<string, string> = {
        daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D',
        quarterly: 'P3M', biweekly: 'P2W', fortnightly: 'P2W',
      };
      return { type: 'SET', value: value[w] ?? 'P1D' };
    },
  },
  {
    name: 'weekday-plural',
    trigger: WEEKDAY_TRIGGER,
    re: new RegExp(`(?<=\\b[Oo]n\\s+)(${WEEKDAY})s\\b`, 'g'),
    build: (m) => ({ type: 'SET', value: `XXXX-WXX-${weekdayNumber(m[1] ?? '')}` }),
  },
  {
    name: 'clock-ampm',
    trigger: /\d\s*[ap]\.?\s?m/i,
    re: new RegExp(`(?:\\b(${AMOUNT_MOD})\\s+)?\\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?\\s*([AaPp])\\.?\\s?[mM]\\b\\.?`, 'g'),
    accept: (m, text) => {
      // "I am", "2 am" need the dotted or attached form unless a time preposition precedes.
      const raw = m[0];
      if (/[ap]\.\s?m/i.test(raw) || /\d[ap]m/i.test(raw)) return true;
      return m[1] !== undefined || /^(?:at|from|until|till|by|before|after|around|about|to|between|and|since|shortly|approximately)$/.test(wordBefore(text, m.index));
    },
    build: (m, ctx) => {
      let hour = Number(m[2]);
      const pm = (m[4] ?? '').toLowerCase() === 'p';
      if (pm && hour < 12) hour += 12;
      if (!pm && hour === 12) hour = 0;
      const clock = `T${pad(hour)}:${m[3] ?? '00'}`;
      return withMod({ type: 'TIME', value: `${ctx.anchorDay(m.index) ?? 'XXXX-XX-XX'}${clock}` }, amountMod(m[1]));
    },
    late: true,
  },
  {
    name: 'clock-24h',
    trigger: /\d[:h][0-5]\d/,
    re: /\b([01]?\d|2[0-3])[:h]([0-5]\d)\b(?![:.]\d)(?:\s+(?:GMT|UTC|CET|EST|local time))?/g,
    accept: (m, text) =>
      /^(?:at|from|until|till|by|before|after|around|about|to|between|and|since|approximately)$/.test(wordBefore(text, m.index)) ||
      /GMT|UTC|CET|EST|local/.test(m[0]) || /^\s*(?:hours|hrs)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)),
    build: (m, ctx) => ({ type: 'TIME', value: `${ctx.anchorDay(m.index) ?? 'XXXX-XX-XX'}T${pad(Number(m[1]))}:${m[2]}` }),
    late: true,
  },
  {
    name: 'the-day-part',
    trigger: /the\s+(?:morning|afternoon|evening|night)/i,
    re: new RegExp(`(?<=\\b(?:${words(['into', 'in', 'during', 'through', 'throughout'])})\\s+)${THE}\\s+(morning|afternoon|evening|night)\\b(?!\\s+of\\b)`, 'g'),
    build: (m, ctx) => ({ type: 'TIME', value: `${ctx.anchorDay(m.index) ?? 'XXXX-XX-XX'}T${DAY_PARTS[(m[1] ?? '').toLowerCase()] ?? 'XX'}` }),
    late: true,
  },
  {
    name: 'clock-word',
    trigger: /noon|midday|midnight|o['’]clock/i,
    re: new RegExp(`\\b(?:(${words(['noon', 'midday', 'midnight'])})|(${NUMBER})\\s+o['’]clock)\\b`, 'g'),
    build: (m, ctx) => {
      const w = (m[1] ?? '').toLowerCase();
      const hour = w === 'midnight' ? 24 : w ? 12 : numberValue(m[2] ?? '') ?? 0;
      return { type: 'TIME', value: `${ctx.anchorDay(m.index) ?? 'XXXX-XX-XX'}T${pad(hour)}:00` };
    },
    late: true,
  },
];

