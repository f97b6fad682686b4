/**
 * Clause boundaries inside a sentence: where a new finite clause starts, so that an event's date,
 * place, duration and modality are read from its own clause first.
 */

// A subordinator opens a clause only when a subject follows ("after he fled", not "after 2014" or "as a witness").
const SUBJECT = "(?:he|she|they|i|we|you|it|(?:the\\s+)?(?:police|officers|authorities|agents|investigators|prosecutors|security forces)\\b|(?:the\\s+)?[A-Z][\\w’'-]+(?:\\s+[a-z]+)?\\s+[a-z]+(?:ed|s)\\b)";
const BOUNDARY_RE = new RegExp(
  [
    '[;:]\\s',
    '\\s[\u2014\u2013]\\s',
    '\\s--\\s',
    ',\\s+(?:but|while|whereas|although|though|and then)\\s',
    '\\s(?:but|yet)\\s',
    ',?\\s+(?:who|which|whose)\\s',
    ',\\s+where\\s',
    `\\s(?:after|before|as|because|while|when|until|although|though|since|once|if|unless)\\s+(?=${SUBJECT})`,
    `,\\s+and\\s+(?=${SUBJECT})`,
    // Coordinated predicates carry their own adverbials: "fled in 2020 and was granted asylum in 2021".
    '\\s(?:and|but)\\s+(?=(?:was|were|is|are|has|have|had|then|later)\\s)',
    // "arrested in 2014 and convicted by the court in 2015": a second participle with its own adjuncts.
    '\\s(?:and|but)\\s+(?=(?:later\\s+|then\\s+|subsequently\\s+)?[a-z]+ed\\s+(?:by|in|on|at|of|for|to|with)\\s)',
    // "arrested supporters who were travelling to a rally, and banned the event": the main predicate resumes.
    ',\\s+and\\s+(?=(?:later\\s+|then\\s+)?[a-z]+ed\\s)',
    '[\u201c\u201d"]',
  ].join('|'),
  'gi',
);

/** A clause: [start, end) in document offsets. */
export interface Clause {
  start: number;
  end: number;
}

/** Cuts the sentence [start, end) of `text` into clauses. */
export function splitClauses(text: string, start: number, end: number): Clause[] {
  const s = text.slice(start, end);
  const cuts: number[] = [];
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(s); m; m = BOUNDARY_RE.exec(s)) {
    // The boundary word belongs to the clause it opens.
    const lead = /^[\s,;:\u2014\u2013-]*/.exec(m[0])?.[0].length ?? 0;
    cuts.push(start + m.index + Math.min(lead, m[0].length));
  }
  // A relative clause ends where the main verb resumes ("A teacher who has lived here since 2016 is fighting …").
  for (const c of [...cuts]) {
    const rest = text.slice(c, end);
    const rel = /^(?:who|which)\s+(?:(?:has|have|had|is|are|was|were)\s+\S+|\w+ed\b)/i.exec(rest);
    if (!rel) continue;
    const next = cuts.find((x) => x > c) ?? end;
    const main = /\s(?=(?:is|are|was|were|has|have|had)\s+(?:been\s+|being\s+)?\w+(?:ing|ed|en)\b)/i.exec(rest.slice(rel[0].length, next - c));
    if (main) cuts.push(c + rel[0].length + main.index + 1);
  }
  cuts.sort((a, b) => a - b);
  const out: Clause[] = [];
  let from = start;
  for (const c of cuts) {
    if (c > from) out.push({ start: from, end: c });
    from = Math.max(from, c);
  }
  if (end > from) out.push({ start: from, end });
  return out;
}

/** The clause holding `offset`. */
export function clauseAt(clauses: Clause[], offset: number): Clause {
  for (const c of clauses) if (c.start <= offset && offset < c.end) return c;
  return clauses[clauses.length - 1] ?? { start: offset, end: offset };
}
