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

/** Every match of every rule that passes its textual checks. */
function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  RULES.forEach((rule, order) => {
    const re = new RegExp(rule.re.source, rule.re.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // Leading whitespace can only come from optional groups that did not match.
      const lead = m[0].length - m[0].trimStart().length;
      const trail = m[0].length - m[0].trimEnd().length;
      if (rule.accept && !rule.accept(m, text)) continue;
      out.push({ rule, match: m, start: m.index + lead, end: m.index + m[0].length - trail, order });
    }
  });
  return out;
}

/** Longest candidates first (earlier rules win ties), keeping only those that overlap nothing kept. */
function selectCandidates(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
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
  const chosen = selectCandidates(findCandidates(text));
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
