import type { EventDate, Modality, Timex } from '../../domain/chronicle-json.js';
import type { Sentence } from '../segment.js';
import { timexInterval } from '../timex/interval.js';
import type { Clause } from './clauses.js';
import type { TriggerMatch } from './triggers.js';

/** Modality, date, duration, charge and penalty of one trigger, read from its clause and sentence. */

const NEGATION = /\b(?:not|never|no|no longer|nobody|no one|neither|nor|none|cannot)\b|n[’']t\b/i;
const FEARED = /\b(?:fear(?:ing|s|ed)?|fac(?:e|es|ing)|risk(?:s|ing)?|could get|avoid(?:ing|ed)?|escape|escaping)\s+(?:\w+\s+){0,3}$/i;
// Case matters for one word: "may" is a modal, "May" a month ("In May police arrested him").
const MODAL = /(?:\b(?:[Ww]ill|[Ww]ould|[Cc]ould|[Mm]ight|may|[Ss]hould|[Cc]an|[Ss]hall|[Mm]ust)|[’']d|[’']ll)\s+(?:\w+\s+){0,3}$/;
/** "calls on the authorities to disclose …, to release them and to …": a later infinitive of the same appeal. */
const APPEAL_LIST = /\b(?:calls? on|called on|urg(?:e|es|ed)|demand(?:s|ed)?|asks?|asked)\b[^.;]{0,250},\s+(?:and\s+)?to\s+(?:\w+\s+){0,3}$/i;
const IRREALIS = /\b(?:decided|decide|decides|plans?|planned|planning|intends?|intended|wants?|wanted|hopes?|hoped|tried|tries|trying|attempted|attempts?|threatened|threatens|threatening|aims?|aimed|promised|vowed|going|ready|prepared|asked|urged|called on|calls on|demanded|demands|warned|warns|warning|ordered|orders|told|tells|pressured|pressed|requests?|requested|bid|bids|plea|pleas|application|motion|petition|appeal)\s+(?:[\w’'-]+\s+){0,10}?to\s+(?:\w+\s+){0,4}$/i;
const APPEAL = /\b(?:demand(?:ed|s|ing)?|call(?:ed|s|ing)? for|urg(?:ed|es|ing)|seek(?:s|ing)?|sought|press(?:ed|es|ing)? for|campaign(?:ed|s|ing)? for|appeal(?:ed|s|ing)? for|fight(?:s|ing)? for|fought for)\s+(?:[\w’'-]+\s+){0,3}$/i;
const CONDITION = /^\W*(?:if|unless|should|were)\b/i;
const DEMAND_ITEM = /^[\s\-–—•*·]*(?:\d+[.)]\s*)?(?:(?:immediately|promptly|urgently)\s+)?(?:and\s+unconditionally\s+)?(?:release|free|drop|withdraw|investigate|end|stop|lift|ensure|guarantee|allow|repeal|quash|halt|cease|grant|restore|reopen|unblock|return|overturn|refrain|hold|bring|provide|disclose)\b/i;
// "warned him to stop organising protests", "gave up journalism": what stops is no event.
const CEASED = /\b(?:stop|stops|stopped|stopping|quit|quits|cease|ceases|ceased|refrain(?:ed)? from|give up|gives up|gave up|giving up)\s+(?:[\w-]+ing\s+)?(?:\w+\s+){0,1}$/i;
// A condition of bail or probation is itself the restriction: "must surrender his passport".
const OBLIGED = /\b(?:must|has to|have to|had to|(?:(?:is|was|are|were|been) )?(?:required|obliged|ordered) to)\s+(?:\w+\s+){0,2}$/i;
// "The ministry denied that he had been mistreated": the clause is denied, not asserted.
const DENIED = /\b(?:den(?:y|ies|ied)|rejected|dismissed|refuted)\s+(?:(?:the\s+)?(?:claims?|allegations?|reports?|accusations?|suggestions?)\s+)?that\s+(?:[\w’'-]+\s+){0,6}$/i;
const GOVERNED = /\b(?:over|for|about|into|after|following|since|despite|behind|concerning)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}$/i;
const GENERIC = /\b(?:usually|often|typically|normally|generally|always|routinely|whenever|every time|tend to|tends to|as a rule|(?:maximum|minimum) (?:penalty|sentence|term)|punishable by|carr(?:y|ies) (?:a |an )?(?:[\w-]+ )?(?:penalty|sentence|prison term))\b/i;

/** How the text presents the event: asserted, hypothetical, negated or generic. */
export function readModality(text: string, sentence: Sentence, clause: Clause, trig: TriggerMatch, genericSubject: boolean): Modality {
  const before = text.slice(clause.start, trig.start);
  const near = before.slice(-45);
  const sentenceBefore = text.slice(sentence.start, trig.start);
  if (/refused\s+to\s+(?:\w+\s+)?$/i.test(before) && trig.pattern.type !== 'extradition_refused') return 'negated';
  // "have not charged anyone over the killing of X": the negation belongs to the verb, the nominal stays a fact.
  const governedNominal = trig.pattern.frame === 'noun' && GOVERNED.test(near);
  if (NEGATION.test(near) && !governedNominal && trig.pattern.type !== 'extradition_refused' && trig.pattern.type !== 'restriction') return 'negated';
  if (/\bwithout\s+(?:being\s+)?$/i.test(before)) return 'negated';
  if (CONDITION.test(text.slice(sentence.start, sentence.end)) || /\b(?:if|unless)\b/i.test(before)) return 'hypothetical';
  // A demand in a list ("- immediately and unconditionally release X;", "2. withdraw the extradition request"): not a fact.
  const lineStart = Math.max(sentence.start, text.lastIndexOf('\n', trig.start) + 1);
  if (DEMAND_ITEM.test(text.slice(lineStart, trig.end))) return 'hypothetical';
  if (CEASED.test(near) || DENIED.test(sentenceBefore.slice(-90))) return 'negated';
  if (trig.pattern.type === 'restriction' && OBLIGED.test(near)) return 'asserted';
  // "demanded his immediate release", "called for her release": an appeal, not a fact.
  if (trig.pattern.frame === 'noun' && APPEAL.test(before)) return 'hypothetical';
  if (MODAL.test(before) || IRREALIS.test(before) || APPEAL_LIST.test(before) || (trig.pattern.frame === 'noun' && FEARED.test(before))) return 'hypothetical';
  // "The trial is expected to begin in November": announced, not yet happened.
  if (/^\s+(?:(?:is|are|was|were)\s+(?:expected|scheduled|due|set|planned|likely|unlikely)\s+to|(?:will|would|could|may|might)\s)/i.test(text.slice(trig.end, trig.end + 40))) {
    return 'hypothetical';
  }
  if (genericSubject || GENERIC.test(sentenceBefore)) return 'generic';
  return 'asserted';
}

/** Timexes sorted by start, with the sentence lookup the date rules need. */
export interface TimexIndex {
  all: Timex[];
  published: string | null;
}

function isAttributive(text: string, sentence: Sentence, t: Timex): boolean {
  if (!/^\d{4}$/.test(t.text.trim())) return false;
  const prev = /(\w+)\s*$/.exec(text.slice(Math.max(sentence.start, t.start - 12), t.start))?.[1]?.toLowerCase() ?? '';
  if (['in', 'since', 'during', 'by', 'until', 'before', 'after', 'of', 'between', 'and', 'to', 'back'].includes(prev)) return false;
  // "after the disputed 2020 election" still dates the event; "a 1993 book" does not.
  if (/\b(?:after|before|during|since|following|ahead of|amid)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i.test(text.slice(Math.max(sentence.start, t.start - 40), t.start))) return false;
  const next = sentence.tokens.find((k) => k.start >= t.end);
  return next !== undefined && next.start - t.end <= 1 && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN');
}

const DATELINE_HEAD = /^[A-Z][\w .'’-]{1,40}?,\s*(?:[A-Z][\w .'’-]{1,30},\s*)?$/;
const DATELINE_TAIL = /^\s*(?:,?\s*\d{4})?\s*(?:\([^)\n]{1,40}\)\s*)?(?:[-\u2013\u2014]|--)\s/;

function isDateline(text: string, sentence: Sentence, t: Timex): boolean {
  return DATELINE_HEAD.test(text.slice(sentence.start, t.start)) && DATELINE_TAIL.test(text.slice(t.end, t.end + 50));
}

interface Dated {
  date: EventDate;
  timex: Timex;
}

function intervalOfTimex(t: Timex, published: string | null, text: string): EventDate | null {
  if (t.type === 'DURATION' || t.type === 'SET') return null;
  const range = /(\d{4})\s*[-\u2013\u2014]\s*(\d{4})/.exec(t.text);
  if (range) return { from: range[1] ?? '', to: range[2] ?? '', text: t.text };
  if (t.value === 'PRESENT_REF') return published ? { from: published, text: t.text } : null;
  if (t.value === 'PAST_REF') return published ? vagueAgo(t.text, published) : null;
  const iv = timexInterval(t.value, t.mod);
  if (!iv) return null;
  // "since 2014": an open start; the event runs on from there.
  const since = /\b(?:since|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, t.start - 12), t.start));
  if (since) return { from: iv.from, text: t.text };
  return iv.to ? { from: iv.from, to: iv.to, text: t.text } : { from: iv.from, text: t.text };
}

/**
 * "several months ago" is vague but bounded: a few units back from publication, never the day itself
 * (two to eleven months, one to eight weeks, two to nine years, two to ten days).
 */
function vagueAgo(text: string, published: string): EventDate | null {
  const m = /\b(?:several|a few|some|a couple of|many)\s+(day|week|month|year)s\s+ago\b/i.exec(text);
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m || !p) return null;
  const base = Date.UTC(Number(p[1]), Number(p[2]) - 1, Number(p[3]));
  const unit = (m[1] ?? '').toLowerCase();
  const day = (d: number): string => new Date(d).toISOString().slice(0, 10);
  const back = (months: number): string => day(Date.UTC(Number(p[1]), Number(p[2]) - 1 - months, 1)).slice(0, 7);
  if (unit === 'day') return { from: day(base - 10 * 86_400_000), to: day(base - 2 * 86_400_000), text };
  if (unit === 'week') return { from: day(base - 56 * 86_400_000), to: day(base - 7 * 86_400_000), text };
  if (unit === 'month') return { from: back(11), to: back(2), text };
  return { from: String(Number(p[1]) - 9), to: String(Number(p[1]) - 2), text };
}

function datesIn(text: string, sentence: Sentence, index: TimexIndex, start: number, end: number, skip: Clause[] = []): Dated[] {
  const out: Dated[] = [];
  for (const t of index.all) {
    if (t.start < start || t.end > end) continue;
    // "MANAMA, March 12 (Gulf Desk) - …": the dateline dates the report, not what it tells.
    if (t.start - sentence.start < 60 && isDateline(text, sentence, t)) continue;
    if (skip.some((c) => c.start <= t.start && t.end <= c.end)) continue;
    // "…, her lawyer said on Monday": the day of the statement, not of the event.
    if (/\b(?:said|says|told|announced|reported|stated|confirmed|wrote|added)\s+(?:\w+\s+){0,2}?(?:on\s+|late\s+on\s+|early\s+on\s+)?$/i.test(text.slice(Math.max(start, t.start - 40), t.start))) continue;
    if (isAttributive(text, sentence, t)) continue;
    const d = intervalOfTimex(t, index.published, text);
    if (d) out.push({ date: d, timex: t });
  }
  // "In April and May", "between 2010 and 2012", "from March to June": one range.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (!a || !b) continue;
    const calendar = (t: Timex): boolean => /^\d{4}/.test(t.value);
    if (calendar(a.timex) && calendar(b.timex) && b.timex.value >= a.timex.value && /^\s*(?:-|\u2013|\u2014|to|and|until|till|through)\s*$/i.test(text.slice(a.timex.end, b.timex.start))) {
      const to = b.date.to ?? b.date.from;
      const merged: EventDate = { from: a.date.from ?? '', text: text.slice(a.timex.start, b.timex.end) };
      if (to && to !== merged.from) merged.to = to;
      out.splice(i, 2, { date: merged, timex: { ...a.timex, end: b.timex.end } });
    }
  }
  return out;
}

function nearest(ds: Dated[], trig: TriggerMatch): Dated | undefined {
  let best: Dated | undefined;
  let bestDist = Infinity;
  for (const d of ds) {
    // English puts the time after the verb phrase: a date before the trigger must be clearly nearer.
    const dist = d.timex.start >= trig.start ? Math.max(0, d.timex.start - trig.end) : (trig.start - d.timex.end) * 1.5;
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}

/** The event's date from its clause, else its sentence; null when neither gives a time. */
export function readDate(
  text: string,
  sentence: Sentence,
  clauses: Clause[],
  clause: Clause,
  trig: TriggerMatch,
  index: TimexIndex,
): { date: EventDate; from: 'clause' | 'sentence'; openEnd: boolean; at: number } | null {
  const open = (d: Dated): boolean => /\b(?:since|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, d.timex.start - 12), d.timex.start));
  const inClause = nearest(datesIn(text, sentence, index, clause.start, clause.end), trig);
  if (inClause) return { date: inClause.date, from: 'clause', openEnd: open(inClause), at: inClause.timex.start };
  // A relative clause dates its own predicate ("X, who has lived in Kyiv since 2014"), not the sentence.
  // A "where" clause shares its antecedent's time ("spent ten days in a centre, where guards beat her").
  const ownRelative = /^(?:who|whom|whose|which)\b/i.test(text.slice(clause.start, clause.start + 6));
  if (ownRelative && (clause.start > sentence.start || clause.end < sentence.end)) return null;
  const relative = clauses.filter((c) => c !== clause && /^(?:who|whom|whose|which|where)\b/i.test(text.slice(c.start, c.start + 6)));
  const inSentence = nearest(datesIn(text, sentence, index, sentence.start, sentence.end, relative), trig);
  if (inSentence) return { date: inSentence.date, from: 'sentence', openEnd: open(inSentence), at: inSentence.timex.start };
  return null;
}

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const UNITS: Record<string, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H' };
const DURATION_RE =
  /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety)(?:[- ]and[- ]a[- ]half)?[- ](year|month|week|day|hour)s?\b(?![- ]old)/i;

/** "two years" → P2Y, "15 days" → P15D, "six hours" → PT6H. */
export function parseDuration(phrase: string): string | null {
  const m = DURATION_RE.exec(phrase);
  if (!m) return null;
  const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : NUMBERS[(m[1] ?? '').toLowerCase()];
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (!n || !unit) return null;
  return unit === 'H' ? `PT${n}H` : `P${n}${unit}`;
}

// "two years after his arrest", "two years ago": a distance in time, not a length.
const OFFSET = /^\s*(?:ago|after|before|later|earlier)\b/i;
const WITH_DURATION = new Set(['detention', 'imprisonment', 'sentence', 'restriction', 'interrogation', 'exile', 'protest', 'abduction', 'ban']);

/** A stated length: a DURATION timex or a "N units" phrase in the trigger or just after it in the clause. */
export function readDuration(text: string, clause: Clause, trig: TriggerMatch, index: TimexIndex): string | null {
  if (!WITH_DURATION.has(trig.pattern.type)) return null;
  const windowEnd = Math.min(clause.end, trig.end + 35);
  for (const t of index.all) {
    if (t.type !== 'DURATION' || t.start < trig.start || t.start > windowEnd) continue;
    if (/^P(?:T)?\d/.test(t.value) && !OFFSET.test(text.slice(t.end, t.end + 10))) return t.value;
  }
  const span = text.slice(trig.start, windowEnd);
  const m = DURATION_RE.exec(span);
  if (!m) return null;
  // Only a length: "for two years", "to three years", "spent two years", not "two years ago" or "a 2-year-old".
  if (OFFSET.test(span.slice(m.index + m[0].length, m.index + m[0].length + 10))) return null;
  const lead = span.slice(Math.max(0, m.index - 12), m.index);
  const insideTrigger = m.index < trig.end - trig.start;
  if (!insideTrigger && !/(?:for|to|spent|spend|serving|served|of|additional|another|extra|up to|and)\s+$/i.test(lead)) return null;
  return parseDuration(m[0]);
}

const OFFENCES =
  /\b(?:incitement (?:(?:of|to) )?(?:(?:ethnic|social|religious|national|racial|interethnic|inter-ethnic|class) )?(?:hatred|discord|hostility|strife)|incit(?:ing|ement to) (?:\w+ )?(?:hatred|discord|riots|violence|extremism|separatism|terrorism)|(?:aggravated )?embezzlement|fraud|tax evasion|money laundering|bribery|corruption|abuse of (?:office|power)|extremism|extremist activit(?:y|ies)|terrorism|(?:high )?treason|espionage|spying|separatism|hooliganism|(?:organi[sz]ing |participation in )?(?:mass )?riots|rioting|defamation|libel|slander|insult(?:ing)? (?:the )?(?:president|head of state|authorities|officials?|police|judge)|disrespect(?:ing)? (?:the )?(?:authorities|state)|spreading (?:false|fake) (?:information|news)|false information|fake news|discrediting (?:the )?(?:army|armed forces)|illegal (?:border crossing|entrepreneurship|assembly|protest)|(?:unsanctioned|unauthori[sz]ed|illegal) (?:rall(?:y|ies)|protests?|gatherings?|assembly|picket)|resisting (?:arrest|police)|disobeying (?:the )?police|drug (?:possession|trafficking|smuggling)|possession of (?:drugs|narcotics|weapons|explosives)|murder|manslaughter|robbery|theft|extortion|blasphemy|sedition|subversion|calling for (?:\w+ ){0,3}(?:overthrow|seizure of power|extremism|separatism|violence)|(?:attempt(?:ing)? to )?(?:overthrow|seize power)|propaganda|vandalism|desecration|sabotage|mercenarism)\b/i;

const CHARGED_TYPES = new Set(['charge', 'sentence', 'trial', 'wanted', 'arrest', 'detention', 'accusation', 'imprisonment', 'lawsuit', 'extradition_request']);

/** The alleged offence: "for the alleged embezzlement of $6 billion" → "embezzlement"; "qualified as incitement of hatred". */
export function readCharge(text: string, sentence: Sentence, clause: Clause, trig: TriggerMatch): string | null {
  if (!CHARGED_TYPES.has(trig.pattern.type)) return null;
  const rest = text.slice(trig.start, sentence.end);
  const qualified = /\b(?:qualified|classified|treated|characteri[sz]ed|considered) as\s+(.+?)(?=[,.;]|$)/i.exec(rest);
  if (qualified) {
    const o = OFFENCES.exec(qualified[1] ?? '');
    return (o?.[0] ?? (qualified[1] ?? '').split(/\s+/).slice(0, 5).join(' ')).toLowerCase();
  }
  const windowText = text.slice(trig.start, Math.min(sentence.end, Math.max(clause.end, trig.end + 90)));
  const intro = /\b(?:for|of|with|over|on charges? of|on suspicion of|under article \d+[\w.]*\s*(?:\([^)]*\))?\s*(?:of the criminal code)?\s*(?:on|for)?)\s+(?:the\s+|an?\s+)?(?:alleged(?:ly)?\s+)?/gi;
  for (let m = intro.exec(windowText); m; m = intro.exec(windowText)) {
    const tail = windowText.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const o = OFFENCES.exec(tail);
    if (o && o.index <= 25) return o[0].toLowerCase();
  }
  return null;
}

/** Kind of penalty a sentence carries. */
export function readPenalty(text: string, sentence: Sentence, trig: TriggerMatch): string | null {
  if (trig.pattern.type !== 'sentence') return null;
  const s = text.slice(trig.start, Math.min(sentence.end, trig.end + 80));
  if (/\bsuspended\b|\bprobation\b/i.test(s)) return 'suspended';
  if (/\b(?:restricted|restriction of) (?:freedom|liberty)|custodial restraint|house arrest|limitation of freedom/i.test(s)) return 'restricted_freedom';
  if (/\b(?:prison|jail|penal colony|prison colony|labou?r camp|imprisonment|behind bars)\b/i.test(s)) return 'prison';
  if (/\bfined?\b|\bfine of\b/i.test(s)) return 'fine';
  if (/\bto death\b|\bdeath (?:penalty|sentence)\b|\blife imprisonment\b/i.test(s)) return /\blife\b/i.test(s) ? 'prison' : 'other';
  if (/\bcommunity service|corrective labou?r|forced labou?r|compulsory (?:labou?r|work)/i.test(s)) return 'other';
  return null;
}
