import type { EventDate, ExtractedEvent, Span } from '../../domain/chronicle-json.js';

/** An event before ids are given: where it was read, and how its date was found. */
export interface DraftEvent extends Omit<ExtractedEvent, 'id'> {
  /** Sentence indices of its evidence. */
  sentences: number[];
  dateSource: 'clause' | 'sentence' | 'narrative' | null;
  /** The sentence its date was read from. */
  dateSentence: number | null;
  /** The date opens a period that runs on ("since November"). */
  openEnd: boolean;
  /** Nobody named ("sentenced two journalists"): not reported, but it sets the time for the sentences after it. */
  scene?: boolean;
  /** Said to be a new occurrence ("was rearrested"): never folded into an earlier one. */
  distinct?: boolean;
}

const DAY = 86_400_000;

/** First and last day (epoch days) of an ISO date cut to its precision. */
function bounds(d: string | undefined): [number, number] | null {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const a = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
    return [a, a];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1) / DAY, Date.UTC(y, Number(m[2]), 0) / DAY];
  return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y, 11, 31) / DAY];
}

/** The days an event date covers; an open start runs to the end of time. */
export function dateRange(date: EventDate | null): [number, number] | null {
  if (!date) return null;
  const a = bounds(date.from);
  if (!a) return null;
  const b = date.to ? bounds(date.to) : a;
  return [a[0], (b ?? a)[1]];
}

function overlaps(a: EventDate | null, b: EventDate | null, aOpen = false, bOpen = false): boolean {
  const x = dateRange(a);
  const y = dateRange(b);
  if (!x || !y) return true;
  if (aOpen) x[1] = Infinity;
  if (bOpen) y[1] = Infinity;
  return x[0] <= y[1] && y[0] <= x[1];
}

function width(d: EventDate | null): number {
  const r = dateRange(d);
  return r ? r[1] - r[0] : Infinity;
}

function sameEvent(a: DraftEvent, b: DraftEvent): boolean {
  if (a.type !== b.type || a.modality !== b.modality) return false;
  if (a.duration && b.duration && a.duration !== b.duration) return false;
  if (a.subject === null || b.subject === null) {
    // Unnamed participants: the same gathering only when both are dated and the dates meet.
    return a.subject === b.subject && a.date !== null && b.date !== null && overlaps(a.date, b.date) && (a.place === b.place || !a.place || !b.place);
  }
  return a.subject === b.subject && overlaps(a.date, b.date, a.openEnd, b.openEnd);
}

function addEvidence(into: Span[], more: Span[]): Span[] {
  const out = [...into];
  for (const s of more) if (!out.some((x) => x.start === s.start && x.end === s.end)) out.push(s);
  return out.sort((x, y) => x.start - y.start);
}

type Dating = Pick<DraftEvent, 'date' | 'dateSource' | 'dateSentence' | 'openEnd'>;

function dating(d: DraftEvent): Dating {
  return { date: d.date, dateSource: d.dateSource, dateSentence: d.dateSentence, openEnd: d.openEnd };
}

function pickDate(a: DraftEvent, b: DraftEvent): Dating {
  if (!a.date) return dating(b);
  if (!b.date) return dating(a);
  const rank = (s: DraftEvent['dateSource']): number => (s === 'clause' ? 0 : s === 'sentence' ? 1 : 2);
  // A closed date beats an open "since …"; then the clause beats the sentence; then the narrower one.
  if (a.openEnd !== b.openEnd) return a.openEnd ? dating(b) : dating(a);
  if (rank(a.dateSource) !== rank(b.dateSource)) return rank(a.dateSource) < rank(b.dateSource) ? dating(a) : dating(b);
  return width(b.date) < width(a.date) ? dating(b) : dating(a);
}

/** Folds reports of one event (same type and subject, dates that meet) into one event with several spans. */
export function mergeDrafts(drafts: DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const d of drafts) {
    const same = d.distinct ? undefined : out.find((x) => sameEvent(x, d));
    if (!same) {
      out.push({ ...d, evidence: [...d.evidence], sentences: [...d.sentences] });
      continue;
    }
    Object.assign(same, pickDate(same, d));
    same.evidence = addEvidence(same.evidence, d.evidence);
    same.sentences = [...new Set([...same.sentences, ...d.sentences])].sort((x, y) => x - y);
    same.duration ??= d.duration;
    same.charge ??= d.charge;
    same.penalty ??= d.penalty;
    same.place ??= d.place;
    same.agent ??= d.agent;
    same.object ??= d.object;
    same.confidence = Math.min(0.97, Math.max(same.confidence, d.confidence) + 0.05);
  }
  return out;
}
