/** Words and patterns for English temporal expressions, shared by the rule families. */

/** Both cases of a word's first letter, for rules that must stay case-sensitive (month names). */
export function ci(word: string): string {
  return word.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** Alternation of words, each allowed with a capital first letter. */
export function words(list: readonly string[]): string {
  return `(?:${[...list].sort((a, b) => b.length - a.length).map(ci).join('|')})`;
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** A number written in words (one … ninety-nine, hundred) or digits. */
export const NUMBER = `(?:${words(Object.keys(TENS_WORDS))}(?:[-\\s]${words(Object.keys(UNITS_WORDS).slice(1, 10))})?|${words(Object.keys(UNITS_WORDS))}|${ci('a hundred')}|${ci('hundred')}|${ci('a dozen')}|${ci('dozen')}|\\d+(?:\\.\\d+)?)`;

/** Vague quantities: their durations get an X (`PXY`). */
export const VAGUE = words(['a few', 'few', 'several', 'many', 'some', 'dozens of', 'hundreds of', 'a number of', 'countless']);

/** Value of a number matched by NUMBER; null for a vague quantity. */
export function numberValue(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'a' || s === 'an' || s === 'one') return 1;
  if (s === 'a couple of' || s === 'couple of' || s === 'a couple') return 2;
  if (s === 'a dozen' || s === 'dozen') return 12;
  if (s === 'a hundred' || s === 'hundred') return 100;
  if (s in UNITS_WORDS) return UNITS_WORDS[s] ?? null;
  const m = /^([a-z]+)[- ]([a-z]+)$/.exec(s);
  if (m && m[1] && m[2] && m[1] in TENS_WORDS && m[2] in UNITS_WORDS) {
    return (TENS_WORDS[m[1]] ?? 0) + (UNITS_WORDS[m[2]] ?? 0);
  }
  if (s in TENS_WORDS) return TENS_WORDS[s] ?? null;
  return null;
}

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Month names and abbreviations (abbreviations need their dot or a following number). */
export const MONTH = `(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?=\\s*\\d)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)`;

/** Month number (1–12) of a name or abbreviation. */
export function monthNumber(raw: string): number {
  const k = raw.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === k) + 1;
}

export const WEEKDAYS: readonly string[] = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
];
export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** Month and weekday names, lower-case, for stages that must tell a date word from a name. */
export const CALENDAR_NAMES: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));

/** ISO weekday number (Monday 1) of a weekday name. */
export function weekdayNumber(raw: string): number {
  const k = raw.slice(0, 3).toLowerCase();
  return WEEKDAYS.findIndex((w) => w.slice(0, 3).toLowerCase() === k) + 1;
}

/** Parts of the day and their TIMEX3 codes. */
export const DAY_PARTS: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI',
};
export const DAY_PART = '(?:morning|afternoon|evening|night)';

export const SEASON = '(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)';
/** TIMEX3 season code of a season name. */
export function seasonCode(raw: string): 'SP' | 'SU' | 'FA' | 'WI' {
  const s = raw.toLowerCase();
  if (s === 'spring') return 'SP';
  if (s === 'summer') return 'SU';
  if (s === 'winter') return 'WI';
  return 'FA';
}
/** First and last month of a season (winter runs into the next year). */
export const SEASON_MONTHS: Record<string, [number, number]> = {
  SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14],
};

/** Duration units and the TIMEX3 unit letters they take. */
export const UNIT = `(?:${['seconds?', 'minutes?', 'hours?', 'days?', 'weeks?', 'fortnights?', 'months?', 'years?', 'decades?', 'century', 'centuries'].map(ci).join('|')})`;

export interface UnitCode {
  /** `T` for units below a day (PT6H). */
  time: boolean;
  code: string;
  /** Multiplier for units TIMEX3 has no letter for (a fortnight is two weeks). */
  factor: number;
}

export function unitCode(raw: string): UnitCode {
  const u = raw.toLowerCase();
  if (u.startsWith('second')) return { time: true, code: 'S', factor: 1 };
  if (u.startsWith('minute')) return { time: true, code: 'M', factor: 1 };
  if (u.startsWith('hour')) return { time: true, code: 'H', factor: 1 };
  if (u.startsWith('day')) return { time: false, code: 'D', factor: 1 };
  if (u.startsWith('fortnight')) return { time: false, code: 'W', factor: 2 };
  if (u.startsWith('week')) return { time: false, code: 'W', factor: 1 };
  if (u.startsWith('month')) return { time: false, code: 'M', factor: 1 };
  if (u.startsWith('year')) return { time: false, code: 'Y', factor: 1 };
  if (u.startsWith('decade')) return { time: false, code: 'DE', factor: 1 };
  return { time: false, code: 'CE', factor: 1 };
}

/** TIMEX3 duration value: `P2Y`, `PT6H`, `PXY` when the amount is vague (n null). */
export function durationValue(n: number | null, unit: string): string {
  const u = unitCode(unit);
  const amount = n === null ? 'X' : String(Math.round(n * u.factor * 100) / 100);
  return `P${u.time ? 'T' : ''}${amount}${u.code}`;
}

/** Ordinals first … fourth and 1st … 4th (quarters, halves). */
export const ORDINAL_SMALL = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';
export function ordinalValue(raw: string): number {
  const s = raw.toLowerCase();
  if (s.startsWith('fir') || s === '1st') return 1;
  if (s.startsWith('sec') || s === '2nd') return 2;
  if (s.startsWith('thi') || s === '3rd') return 3;
  return 4;
}

/** Modifiers of amounts and their TIMEX3 mod. */
export const AMOUNT_MOD = words([
  'more than', 'less than', 'fewer than', 'nearly', 'almost', 'about', 'around', 'approximately',
  'roughly', 'some', 'at least', 'at most', 'up to', 'no more than', 'no less than', 'just over', 'just under',
]);
export function amountMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase().replace(/\s+/g, ' ');
  if (s === 'more than' || s === 'just over') return 'MORE_THAN';
  if (s === 'less than' || s === 'fewer than' || s === 'nearly' || s === 'almost' || s === 'just under') return 'LESS_THAN';
  if (s === 'at least' || s === 'no less than') return 'EQUAL_OR_MORE';
  if (s === 'at most' || s === 'up to' || s === 'no more than') return 'EQUAL_OR_LESS';
  return 'APPROX';
}

/** Position words (early, mid-, late, the beginning of …) and the TIMEX3 mod they give. */
export const POSITION = `(?:${words(['early', 'late', 'mid', 'the beginning of', 'the start of', 'the middle of', 'the end of', 'the turn of', 'the close of', 'the latter part of', 'the early part of', 'beginning of', 'start of', 'end of', 'middle of'])}(?:-|\\s+)(?:of\\s+)?|${ci('the')}\\s+(?:first|last|final|closing|opening)\\s+(?:days|weeks|months)\\s+of\\s+)`;
export function positionMod(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase();
  if (/early|beginning|start|first|opening/.test(s)) return 'START';
  if (/mid|middle/.test(s)) return 'MID';
  if (/late|end|clos|last|final|latter|turn/.test(s)) return 'END';
  return undefined;
}

/** Cheap tests that let a document skip rule families it cannot match. */
export const MONTH_TRIGGER = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
export const WEEKDAY_TRIGGER = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
export const PLURAL_TRIGGER = /(?:years|months|weeks|days|decades|hours)\b/i;
