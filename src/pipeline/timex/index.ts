/**
 * Rule-based TIMEX3 tagging for English news, following TempEval-3 (TimeBank) conventions:
 * - extents leave out prepositions ("since [2014]", "for [27 years]") but keep determiners and
 *   modifiers ("the summer", "the past year", "early December", "more than two years");
 * - a range is two timexes ("between [2010]-[2012]"), as TimeML annotates its ends;
 * - "the past year" is a DURATION (P1Y), "last year" a DATE; "recently" PAST_REF, "now" PRESENT_REF;
 * - names without a year, weekdays and seasons resolve against publication, backwards in a
 *   past-tense clause and forwards in a future one; "the next day", "a year earlier" against the
 *   last date of the story.
 */
import type { Timex } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';
import { ResolveContext, type Found } from './context.js';
import type { Rule } from './rule.js';
import { ABSOLUTE_RULES } from './rules-absolute.js';
import { QUANTITY_RULES } from './rules-quantity.js';
import { RELATIVE_RULES } from './rules-relative.js';

export { timexInterval, type DateInterval } from './interval.js';

const RULES: readonly Rule[] = [...ABSOLUTE_RULES, ...RELATIVE_RULES, ...QUANTITY_RULES];

interface Candidate {
  rule: Rule;
  match: RegExpExecArray;
  start: number;
  end: number;
  order: number;
}

// Every expression starts a word: failing fast inside words makes the scan several times quicker.
const COMPILED: readonly RegExp[] = RULES.map((rule) => new RegExp(`(?<![A-Za-z0-9])(?:${rule.re.source})`, rule.re.flags));

/** Paragraphs (runs of text between blank lines): no expression crosses one, so rules scan them alone. */
function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, text: m[0] });
  return out;
}

/** Every match of every rule that passes its textual checks. */
function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const paras = paragraphs(text);
  // Several rules share a trigger (month names, weekdays, plural units): each is tested once per paragraph.
  const triggered = paras.map(() => new Map<RegExp, boolean>());
  RULES.forEach((rule, order) => {
    const re = COMPILED[order];
    if (!re) return;
    paras.forEach((para, p) => {
      // A rule whose trigger word is absent from a paragraph cannot match there.
      if (rule.trigger && !isTriggered(rule.trigger, para.text, triggered[p] as Map<RegExp, boolean>)) return;
      re.lastIndex = 0;
      for (let m = re.exec(para.text); m; m = re.exec(para.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        m.index += para.start;
        // Leading whitespace can only come from optional groups that did not match.
        const lead = m[0].length - m[0].trimStart().length;
        const trail = m[0].length - m[0].trimEnd().length;
        if (rule.accept && !rule.accept(m, text)) continue;
        out.push({ rule, match: m, start: m.index + lead, end: m.index + m[0].length - trail, order });
      }
    });
  });
  return out;
}

function isTriggered(trigger: RegExp, text: string, seen: Map<RegExp, boolean>): boolean {
  let hit = seen.get(trigger);
  if (hit === undefined) {
    // Triggers are plain (not global) patterns: a test leaves no state behind.
    hit = trigger.test(text);
    seen.set(trigger, hit);
  }
  return hit;
}

/** Longest candidates first (earlier rules win ties), keeping only those that overlap nothing kept. */
function selectCandidates(candidates: Candidate[], length: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * TIMEX3 temporal expressions of one document, resolved against `published` (YYYY-MM-DD or null).
 * With no publication date, relative expressions keep unresolved values (`XXXX-…`, never today).
 */
export function tagTimexes(doc: Segmented, published: string | null): Timex[] {
  const text = doc.text;
  const chosen = selectCandidates(findCandidates(text), text.length);
  const ctx = new ResolveContext(doc, published);
  const found = new Map<Candidate, Found>();
  // Dates first, in reading order (anaphora look back); clock times then anchor on them.
  for (const late of [false, true]) {
    for (const c of chosen) {
      if (Boolean(c.rule.late) !== late) continue;
      const f = c.rule.build(c.match, ctx);
      if (!f) continue;
      found.set(c, f);
      ctx.remember(f.start ?? c.start, f);
    }
  }
  const out: Timex[] = [];
  for (const c of chosen) {
    const f = found.get(c);
    if (!f) continue;
    const start = f.start ?? c.start;
    const end = f.end ?? c.end;
    const timex: Timex = { start, end, text: text.slice(start, end), type: f.type, value: f.value };
    if (f.mod) timex.mod = f.mod;
    out.push(timex);
  }
  return out;
}
