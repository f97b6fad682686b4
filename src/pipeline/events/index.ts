import type { EventDate, ExtractedEntity, ExtractedEvent, Span, Timex } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';
import { readParticipants, type SentenceView } from './arguments.js';
import { readCharge, readDate, readDuration, readModality, readPenalty, type TimexIndex } from './attributes.js';
import { clauseAt, splitClauses, type Clause } from './clauses.js';
import { dateRange, mergeDrafts, type DraftEvent } from './merge.js';
import { buildReferences, type Ref } from './references.js';
import { findTriggers, type TriggerMatch } from './triggers.js';

/** What the event stage reads: the segmented text and the earlier stages' output. */
export interface EventInput {
  doc: Segmented;
  entities: ExtractedEntity[];
  timexes: Timex[];
  published: string | null;
}

const NULL_SUBJECT_TYPES = new Set(['protest', 'protest_dispersal']);
// Types whose "for …" phrase names the offence, so triggers inside it are not events of their own.
const CHARGED = new Set(['sentence', 'charge', 'trial', 'wanted', 'arrest', 'detention', 'imprisonment', 'accusation']);
// Periods that run from their start for their stated length ("two years in prison back in 2010" → 2010–2012).
const PERIOD_TYPES = new Set(['detention', 'imprisonment', 'restriction']);
const DURATION_AHEAD = /^(?:more than |over |almost |nearly |about |at least |up to )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|a few)\s+(?:years?|months?|weeks?|days?|hours?|nights?)\b/i;
// How far back (in sentences) an undated event may take the time of the story around it.
const NARRATIVE_ANY = 2;
const NARRATIVE_SAME_SUBJECT = 6;

/** Persecution, displacement and civic events of one document, ids `v1`, `v2`, … */
export function extractEvents(input: EventInput): ExtractedEvent[] {
  const { doc, entities } = input;
  const text = doc.text;
  const references = buildReferences(doc, entities);
  const timexIndex: TimexIndex = { all: [...input.timexes].sort((a, b) => a.start - b.start), published: input.published };
  const refsBySentence: Ref[][] = doc.sentences.map(() => []);
  for (const r of references.refs) refsBySentence[r.sentence]?.push(r);

  const drafts: DraftEvent[] = [];
  doc.sentences.forEach((sentence, index) => {
    const triggers = findTriggers(text, sentence.start, sentence.end);
    if (!triggers.length) return;
    const clauses = splitClauses(text, sentence.start, sentence.end);
    const view: SentenceView = { index, sentence, refs: refsBySentence[index] ?? [], clauses, text };
    const chargeSpans: [number, number][] = [];
    for (const trig of triggers) {
      // A trigger inside another event's charge ("sentenced for participation in demonstrations") is the offence, not an event.
      if (chargeSpans.some(([a, b]) => trig.start >= a && trig.end <= b)) continue;
      // "Amnesty International", "Free Speech Defence": a word of a name is no event.
      if (view.refs.some((r) => r.kind === 'name' && r.start <= trig.start && trig.end <= r.end)) continue;
      const made = draftsFor(view, trig, clauseAt(clauses, trig.start), references, timexIndex);
      for (const d of made) {
        if (d.charge) {
          const at = text.indexOf(d.charge, trig.end);
          if (at >= 0 && at < sentence.end) chargeSpans.push([at, at + d.charge.length]);
        }
        if (CHARGED.has(d.type)) {
          const clause = clauseAt(clauses, trig.start);
          // Not past a comma: "arrested X, a reporter for the Valley Ledger, in a raid" names an employer, not an offence.
          const m = /^[^,]*?\bfor\s/i.exec(text.slice(trig.end, clause.end));
          // "held for six months in a cell, where he was tortured": a length of time is no offence.
          const isLength = m && DURATION_AHEAD.test(text.slice(trig.end + m[0].length, clause.end));
          if (m && !isLength) chargeSpans.push([trig.end + m[0].length - 4, clause.end]);
        }
      }
      drafts.push(...made);
    }
  });
  // "was sentenced to 12 years in 2020 … He is held in a prison": custody in a prison now, after the person's verdict, is the prison term.
  // (Only now: news tells the verdict first and the custody before it afterwards.)
  for (const d of drafts) {
    if (d.type !== 'detention' || d.subject === null) continue;
    const evidence = d.evidence[0]?.text ?? '';
    const verdictBefore = drafts.some((x) => x.type === 'sentence' && x.subject === d.subject && x.modality === 'asserted' && (x.sentences[0] ?? 0) <= (d.sentences[0] ?? 0));
    const now = /\b(?:is|are|remains?|has been|have been)\s+(?:still\s+)?(?:being\s+)?(?:held|kept|detained|jailed|serving)\b/i.test(evidence);
    // "held in prison since his arrest" runs from before the verdict: custody, not the term.
    if (verdictBefore && now && /\b(?:prison|penal colony|prison colony|labou?r camp)\b/i.test(evidence) && !/\b(?:pre-?trial|remand|awaiting)\b|\bsince (?:his|her|their) (?:arrest|detention)\b/i.test(evidence)) d.type = 'imprisonment';
  }

  const merged = mergeDrafts(foldCustody(drafts));
  inheritNarrativeDates(merged);
  return merged
    .filter((d) => !d.scene)
    .sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0))
    .map((d, i) => ({
      id: `v${i + 1}`,
      type: d.type,
      subject: d.subject,
      agent: d.agent,
      object: d.object,
      place: d.place,
      date: d.date,
      duration: d.duration,
      charge: d.charge,
      penalty: d.penalty,
      modality: d.modality,
      confidence: Math.round(d.confidence * 100) / 100,
      evidence: d.evidence,
    }));
}

function isFormal(text: string, sentenceStart: number, sentenceEnd: number, trig: TriggerMatch): boolean {
  const before = text.slice(Math.max(sentenceStart, trig.start - 40), trig.start);
  const after = text.slice(trig.end, sentenceEnd);
  return (
    /\b(?:prosecutors?|prosecution|investigators?|the court|judges?|the indictment|the charge sheet)\b/i.test(before) ||
    /^\s+of\b[^.;]*?\b(?:under|in violation of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:law|article|code|act)\b/i.test(after)
  );
}

/** An arrest and a detention of one person in one sentence are one custody ("was detained … and spent ten days in a cell"). */
function foldCustody(drafts: DraftEvent[]): DraftEvent[] {
  return drafts.filter(
    (d) =>
      !(
        d.type === 'arrest' &&
        drafts.some((x) => x.type === 'detention' && x.duration !== null && x.subject === d.subject && x.modality === d.modality && x.sentences[0] === d.sentences[0] && (x.evidence.push(...d.evidence.filter((e) => !x.evidence.some((y) => y.start === e.start))), (x.date ??= d.date), true))
      ),
  );
}

function evidenceSpan(text: string, clause: Clause, sentenceStart: number, sentenceEnd: number): Span {
  let start = clause.start;
  let end = clause.end;
  if (end - start < 30) {
    start = sentenceStart;
    end = sentenceEnd;
  }
  while (start < end && /[\s,;:\u201c\u201d"\u2014\u2013-]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:\u201c\u201d"\u2014\u2013-]/.test(text[end - 1] ?? '')) end--;
  return { start, end, text: text.slice(start, end) };
}

function negate(duration: string): string {
  return duration.replace(/^P/, 'P-');
}

function addDuration(from: string, duration: string): string | null {
  const d = /^P(-?\d+)([YMWD])$/.exec(duration);
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(from);
  if (!d || !m) return null;
  const n = Number(d[1]);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const da = m[3] ? Number(m[3]) : 1;
  const days = d[2] === 'D' ? n : d[2] === 'W' ? 7 * n : 0;
  const date = new Date(Date.UTC(y + (d[2] === 'Y' ? n : 0), mo - 1 + (d[2] === 'M' ? n : 0), da + days));
  const iso = date.toISOString().slice(0, 10);
  return iso.slice(0, from.length);
}

// A plain literal, not a spread: this runs once per event and spreads are slow in V8's hot paths.
function withSubject(c: Omit<DraftEvent, 'subject' | 'confidence'>, subject: string | null, confidence: number, scene = false): DraftEvent {
  return {
    type: c.type,
    subject,
    agent: c.agent,
    object: c.object,
    place: c.place,
    date: c.date,
    duration: c.duration,
    charge: c.charge,
    penalty: c.penalty,
    modality: c.modality,
    confidence,
    evidence: [...c.evidence],
    sentences: [...c.sentences],
    dateSource: c.dateSource,
    dateSentence: c.dateSentence,
    openEnd: c.openEnd,
    scene,
    distinct: c.distinct ?? false,
  };
}

function draftsFor(v: SentenceView, trig: TriggerMatch, clause: Clause, references: ReturnType<typeof buildReferences>, timexes: TimexIndex): DraftEvent[] {
  const { text, sentence } = v;
  const parts = readParticipants(v, trig, clause, references);
  let type = trig.pattern.type;
  // Accused by prosecutors or under a law is a charge; blamed by officials or the state is an accusation.
  if (type === 'accusation' && /^accus/i.test(trig.text) && isFormal(text, sentence.start, sentence.end, trig)) type = 'charge';
  if (trig.pattern.needsObject && !parts.object) return [];
  // "left Azerbaijan": leaving counts only when the place left follows at once.
  if (trig.pattern.needsPlace && !v.refs.some((r) => r.entityType === 'place' && r.start >= trig.end && /^\s?(?:for\s)?$/.test(text.slice(trig.end, r.start)))) return [];
  // "was moved to a detention centre" is a transfer, not a move abroad.
  if (type === 'exile' && /^(?:moved|relocated)\b/i.test(trig.text) && /\b(?:was|were|been|being)\s+$/i.test(text.slice(trig.start - 12, trig.start))) return [];
  const modality = readModality(text, sentence, clause, trig, parts.generic);
  const duration = readDuration(text, clause, trig, timexes);
  if (type === 'arrest' && duration) type = 'detention';
  // "shot Alvarado Reyes dead": the name sits between the verb and the outcome.
  if (type === 'assault' && /^shot$/i.test(trig.text) && /^\s+(?:[\p{L}'’-]+\s+){1,4}dead\b/u.test(text.slice(trig.end, sentence.end))) type = 'killing';
  // "his contacts with exiled politicians": the adjective describes others, not an event of the clause.
  if (type === 'exile' && /^exiled$/i.test(trig.text) && /^\s+(?:[\w-]+\s+)?(?:politicians|journalists|activists|dissidents|leaders|opponents|members|figures|critics|bloggers|writers|relatives)\b/i.test(text.slice(trig.end, trig.end + 40))) return [];
  // "a bounty for information leading to the arrest of X": sought, not made.
  if (type === 'arrest' && /\b(?:bount(?:y|ies)|reward)\b[^.;]*\bleading to (?:the |his |her |their )?$/i.test(text.slice(sentence.start, trig.start))) type = 'wanted';
  // "spent nine days in remand prison": custody before any verdict is detention, not a prison term.
  if (type === 'imprisonment' && (/\b(?:remand|pre-?trial|investigative)\b/i.test(trig.text) || /^\s+(?:on remand|awaiting (?:trial|the verdict))\b/i.test(text.slice(trig.end, trig.end + 24)))) type = 'detention';
  // "lost their appeal against their convictions on Thursday": the date is the appeal's, not the conviction's.
  // "described her detention": the story told now is of an event whose date is elsewhere.
  const appealed = trig.pattern.frame === 'noun' && /\b(?:appeal(?:s|ed|ing)?|challeng(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|recount(?:s|ed|ing)?|recall(?:s|ed|ing)?|(?:spoke|speaks|talked|talks|wrote|writes) about)\s+(?:against\s+|to\s+)?(?:his|her|their|the|its)\s+$/i.test(text.slice(Math.max(sentence.start, trig.start - 40), trig.start));
  let found = appealed ? null : readDate(text, sentence, v.clauses, clause, trig, timexes);
  // "two years after his arrest", "since her detention in May": the nominal keeps only a date of its own phrase.
  const anchor = trig.pattern.frame === 'noun' && /\b(?:after|since|before|following|until|ahead of)\s+(?:his\s+|her\s+|their\s+|its\s+|the\s+)?$/i.test(text.slice(Math.max(sentence.start, trig.start - 30), trig.start));
  if (anchor && found && !(found.at >= trig.end && found.at - trig.end <= 25)) found = null;
  let date: EventDate | null = found?.date ?? null;
  if (found && date?.from && !date.to && duration && PERIOD_TYPES.has(type)) {
    // "spent a year in prison before being released in November 2023": that date ends the period.
    // "released on Monday after two years in detention": a stated time after which something happened ends there.
    const ends = (found.at > trig.end && /\b(?:before|until|till|released|freed|ended|end)\b/i.test(text.slice(trig.end, found.at))) || /^(?:after|following)\b/i.test(trig.text);
    const other = addDuration(date.from, ends ? negate(duration) : duration);
    if (other && other !== date.from) date = ends ? { ...date, from: other, to: date.from } : { ...date, to: other };
  }
  const evidence = evidenceSpan(text, clause, sentence.start, sentence.end);
  const base = trig.pattern.weight ?? 0.75;
  const common: Omit<DraftEvent, 'subject' | 'confidence'> = {
    type,
    agent: parts.agent,
    object: parts.object,
    place: parts.place,
    date,
    duration,
    charge: readCharge(text, sentence, clause, trig),
    penalty: readPenalty(text, sentence, trig),
    modality,
    evidence: [evidence],
    sentences: [v.index],
    dateSource: found?.from ?? null,
    dateSentence: found ? v.index : null,
    distinct: /^re-?(?:arrest|detain)/i.test(trig.text),
    openEnd: found?.openEnd ?? false,
  };
  if (!parts.subjects.length) {
    if (!NULL_SUBJECT_TYPES.has(type)) {
      return found?.from === 'clause' && modality === 'asserted' ? [withSubject(common, null, 0, true)] : [];
    }
    if (type === 'protest_dispersal' && !found) return [];
    if (type === 'protest') {
      // An unnamed crowd counts only as a dated, new gathering ("the protests" refers back; "protests are a nightmare" is generic).
      if (found?.from !== 'clause' || /\b(?:the|these|those|such|any|anything resembling)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(clause.start, trig.start))) return [];
    }
    return [withSubject(common, null, base - 0.1)];
  }
  // A dispersal happens to the gathering; only "prevented X from holding …" names whom.
  if (type === 'protest_dispersal' && !/^prevented\b/i.test(trig.text)) {
    return found ? [withSubject(common, null, base - 0.1)] : [];
  }
  const out: DraftEvent[] = [];
  for (const group of parts.subjects) {
    const r = group[0];
    const id = r?.ids[0];
    if (!r || !id) continue;
    const entity = references.entities.get(id);
    if (type === 'ban' && entity?.type === 'place') continue;
    if (trig.pattern.organizationsOnly && entity?.type !== 'organization') continue;
    let confidence = base + (r.kind === 'name' ? 0.1 : 0) - (parts.via === 'topic' ? 0.2 : 0) + (date ? 0.05 : 0);
    if (parts.subjects.length > 1) confidence -= 0.05;
    confidence = Math.max(0.05, Math.min(0.95, confidence));
    out.push(withSubject(common, id, confidence));
  }
  return out;
}

/**
 * An undated event takes the time of the story around it: the nearest dated event of the same
 * person a few sentences before, or of anyone in the sentences just before ("Later the court…").
 */
function inheritNarrativeDates(events: DraftEvent[]): void {
  const dated = events.filter((e) => e.date && e.modality === 'asserted' && e.dateSource !== 'narrative');
  for (const e of events) {
    if (e.date || e.modality !== 'asserted' || e.scene) continue;
    const s = e.sentences[0] ?? 0;
    let best: { date: EventDate; distance: number } | null = null;
    for (const d of dated) {
      for (const t of d.dateSentence === null ? [] : [d.dateSentence]) {
        const distance = s - t;
        if (distance < 0) continue;
        const same = d.subject !== null && d.subject === e.subject;
        const limit = same ? NARRATIVE_SAME_SUBJECT : NARRATIVE_ANY;
        // Only a scene (an unnamed crowd) or the same person's story sets the time; "since 2015" starts a period, it dates nothing else.
        if (distance > limit || distance === 0 || d.openEnd || (!same && d.subject !== null)) continue;
        // The story's time is the latest date told in the nearest sentence.
        const mine = dateRange(d.date);
        const theirs = best ? dateRange(best.date) : null;
        const later =
          best !== null && distance === best.distance && mine !== null && theirs !== null &&
          (mine[1] > theirs[1] || (mine[1] === theirs[1] && mine[1] - mine[0] < theirs[1] - theirs[0]));
        if (d.date && (!best || distance < best.distance || later)) best = { date: d.date, distance };
      }
    }
    if (best) {
      e.date = best.date;
      e.dateSource = 'narrative';
      e.confidence = Math.max(0.05, e.confidence - 0.1);
    }
  }
}
