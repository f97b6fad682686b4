import type { EventDate, Modality, Span } from '../../domain/chronicle-json.js';

/** One document's account of an event, its entity references already resolved to stored ids. */
export interface EventReport {
  documentId: string;
  type: string;
  subjectId: string | null;
  agentId: string | null;
  objectId: string | null;
  placeId: string | null;
  date: EventDate | null;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  modality: Modality;
  confidence: number;
  evidence: Span[];
}

/** Tells whether one place lies within another (a city within its country); optional. */
export type PlaceContainment = (outerId: string, innerId: string) => boolean;

/** A calendar interval of ISO days, both ends inclusive. */
export interface DayInterval {
  from: string;
  to: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function startOf(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-01-01`;
  if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-01`;
  return iso.slice(0, 10);
}

function endOf(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-12-31`;
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7));
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
    return `${iso}-${String(last).padStart(2, '0')}`;
  }
  return iso.slice(0, 10);
}

/** The days an event date covers: "2016" is the whole year, "2010"–"2012" three years. Null when undated. */
export function dayInterval(date: EventDate | null): DayInterval | null {
  if (!date) return null;
  const from = date.from ?? date.to;
  if (!from) return null;
  return { from: startOf(from), to: endOf(date.to ?? from) };
}

function widthInDays(i: DayInterval): number {
  return (Date.parse(i.to) - Date.parse(i.from)) / 86_400_000 + 1;
}

/** True when two intervals share at least one day. */
export function intervalsOverlap(a: DayInterval, b: DayInterval): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Why two reports are or are not the same event. */
export interface EventCompatibility {
  compatible: boolean;
  /** The first thing that tells them apart, when incompatible. */
  reason: string | null;
}

function sameOrUnknown(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Same event when: same type and subject, dates overlap (an undated report fits any date),
 * places agree (or one lies within the other, or one is unknown), and agent/object do not differ.
 * Differing charge or penalty does not separate reports: they are kept as a conflict.
 */
export function eventsCompatible(
  a: Omit<EventReport, 'evidence' | 'documentId'>,
  b: Omit<EventReport, 'evidence' | 'documentId'>,
  contains?: PlaceContainment,
): EventCompatibility {
  if (a.type !== b.type) return { compatible: false, reason: 'type' };
  if (a.subjectId !== b.subjectId) return { compatible: false, reason: 'subject' };
  // Without a subject (a protest "in several cities") only a shared place and date make it one event.
  if (a.subjectId === null && (a.placeId === null || b.placeId === null || a.date === null || b.date === null)) {
    return { compatible: false, reason: 'subject' };
  }
  if (a.modality !== b.modality && (a.modality === 'negated' || b.modality === 'negated')) {
    return { compatible: false, reason: 'modality' };
  }
  const da = dayInterval(a.date);
  const db = dayInterval(b.date);
  if (da && db && !intervalsOverlap(da, db)) return { compatible: false, reason: 'date' };
  if (a.placeId !== null && b.placeId !== null && a.placeId !== b.placeId) {
    const nested = contains !== undefined && (contains(a.placeId, b.placeId) || contains(b.placeId, a.placeId));
    if (!nested) return { compatible: false, reason: 'place' };
  }
  if (!sameOrUnknown(a.agentId, b.agentId)) return { compatible: false, reason: 'agent' };
  if (!sameOrUnknown(a.objectId, b.objectId)) return { compatible: false, reason: 'object' };
  return { compatible: true, reason: null };
}

/** A field on which reports disagree, every value with the documents that state it. */
export interface FieldConflict {
  field: 'date' | 'duration' | 'charge' | 'penalty' | 'place' | 'agent' | 'object';
  values: Array<{ value: string; documentIds: string[] }>;
}

/** Reports of one event merged: the best-supported value of each field, and every disagreement. */
export interface MergedEvent {
  type: string;
  subjectId: string | null;
  agentId: string | null;
  objectId: string | null;
  placeId: string | null;
  /** The most precise date reported; the others stay in `dates`. */
  date: EventDate | null;
  /** Every distinct date, most precise first, with its documents. */
  dates: Array<{ date: EventDate; documentIds: string[] }>;
  duration: string | null;
  charge: string | null;
  penalty: string | null;
  modality: Modality;
  confidence: number;
  evidence: Array<Span & { document: string }>;
  conflicts: FieldConflict[];
}

type Field = Exclude<FieldConflict['field'], 'date'>;

const FIELD_OF: Record<Field, (r: EventReport) => string | null> = {
  duration: (r) => r.duration,
  charge: (r) => r.charge,
  penalty: (r) => r.penalty,
  place: (r) => r.placeId,
  agent: (r) => r.agentId,
  object: (r) => r.objectId,
};

function dateKey(d: EventDate): string {
  return `${d.from ?? ''}/${d.to ?? ''}`;
}

/** Values of a field with their documents, most reported first (first reported on ties). */
function tally(reports: readonly EventReport[], read: (r: EventReport) => string | null): Array<{ value: string; documentIds: string[] }> {
  const byValue = new Map<string, string[]>();
  for (const r of reports) {
    const v = read(r);
    if (v === null || v === '') continue;
    const docs = byValue.get(v) ?? [];
    if (!docs.includes(r.documentId)) docs.push(r.documentId);
    byValue.set(v, docs);
  }
  return [...byValue.entries()]
    .map(([value, documentIds]) => ({ value, documentIds }))
    .sort((a, b) => b.documentIds.length - a.documentIds.length);
}

/**
 * Merges reports of one event. Nothing is overwritten: each field takes its most reported value
 * and a field with several values is listed in `conflicts`; the most precise date wins and the
 * other dates stay in `dates`. Evidence from every report is kept, each span with its document.
 */
export function mergeEventReports(reports: readonly EventReport[]): MergedEvent {
  const first = reports[0];
  if (!first) throw new RangeError('mergeEventReports needs at least one report');
  const conflicts: FieldConflict[] = [];
  const pick = (field: Field): string | null => {
    const values = tally(reports, FIELD_OF[field]);
    if (values.length > 1) conflicts.push({ field, values });
    return values[0]?.value ?? null;
  };
  const datesByKey = new Map<string, { date: EventDate; documentIds: string[]; width: number }>();
  for (const r of reports) {
    const interval = dayInterval(r.date);
    if (!r.date || !interval) continue;
    const key = dateKey(r.date);
    const entry = datesByKey.get(key);
    if (entry) {
      if (!entry.documentIds.includes(r.documentId)) entry.documentIds.push(r.documentId);
    } else {
      datesByKey.set(key, { date: r.date, documentIds: [r.documentId], width: widthInDays(interval) });
    }
  }
  const dates = [...datesByKey.values()].sort((a, b) => a.width - b.width || b.documentIds.length - a.documentIds.length);
  // Dates that do not nest (neither contains the other) disagree rather than refine.
  const top = dates[0];
  if (top && dates.some((d) => {
    const di = dayInterval(d.date);
    const ti = dayInterval(top.date);
    return di !== null && ti !== null && !(di.from <= ti.from && ti.to <= di.to);
  })) {
    conflicts.push({ field: 'date', values: dates.map((d) => ({ value: dateKey(d.date), documentIds: d.documentIds })) });
  }
  const evidence: Array<Span & { document: string }> = [];
  const seen = new Set<string>();
  for (const r of reports) {
    for (const span of r.evidence) {
      const key = `${r.documentId}:${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push({ ...span, document: r.documentId });
    }
  }
  return {
    type: first.type,
    subjectId: first.subjectId,
    agentId: pick('agent'),
    objectId: pick('object'),
    placeId: pick('place'),
    date: top?.date ?? null,
    dates: dates.map(({ date, documentIds }) => ({ date, documentIds })),
    duration: pick('duration'),
    charge: pick('charge'),
    penalty: pick('penalty'),
    modality: first.modality,
    confidence: Math.max(...reports.map((r) => r.confidence)),
    evidence,
    conflicts,
  };
}

/** Index of the first stored event the report fits, or -1: the report is a new event. */
export function findMatchingEvent(
  report: Omit<EventReport, 'evidence' | 'documentId'>,
  stored: ReadonlyArray<Omit<EventReport, 'evidence' | 'documentId'>>,
  contains?: PlaceContainment,
): number {
  return stored.findIndex((s) => eventsCompatible(report, s, contains).compatible);
}
