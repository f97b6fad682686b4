import type { EventDate, Extraction } from '../domain/chronicle-json.js';
import { BadInputError } from '../errors.js';

/**
 * Scoring of extractions against hand-made gold files (spec: chronicle-json.md, "Gold files").
 * A port of shared/tools/score.py: the same matching, the same order, the same figures and lines.
 */

/** A gold entity: names in place of ids. */
export interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
  optional?: boolean;
}

/** A gold event: entity names in place of ids; `evidence` is a substring of the text or alternatives. */
export interface GoldEvent {
  type: string;
  subject: string | null;
  object?: string | null;
  agent?: string | null;
  place?: string | null;
  date: EventDate | { from?: string; to?: string } | null;
  duration?: string | null;
  charge?: string | null;
  evidence: string | string[];
  optional?: boolean;
  optional_date?: boolean;
}

/** One annotated document; `file` is relative to the text root the caller reads from. */
export interface GoldDocument {
  id: string;
  file: string;
  published: string | null;
  source?: string;
  language?: string;
  entities: GoldEntity[];
  events: GoldEvent[];
}

/** Figures (the keys of score.py's JSON) and the missed/spurious lines of score.py's `--misses`. */
export interface GoldReport {
  metrics: Record<string, number>;
  lines: string[];
  /** Raw counts behind the figures (score.py's `counts`). */
  counts: Record<string, number>;
}

/** Reads a gold file's JSON (an array of documents or `{documents: [...]}`), naming the bad item on error. */
export function parseGold(json: unknown, origin: string): GoldDocument[] {
  const docs: unknown =
    json !== null && typeof json === 'object' && !Array.isArray(json) && 'documents' in json
      ? (json as { documents: unknown }).documents
      : json;
  if (!Array.isArray(docs)) throw new BadInputError(origin, 'expected an array of gold documents');
  docs.forEach((d: unknown, i) => {
    const where = `document ${i}`;
    if (d === null || typeof d !== 'object') throw new BadInputError(origin, `${where} is not an object`);
    const o = d as Record<string, unknown>;
    for (const key of ['id', 'file'] as const) {
      if (typeof o[key] !== 'string') throw new BadInputError(origin, `${where}: "${key}" must be a string`);
    }
    if (!Array.isArray(o.entities)) throw new BadInputError(origin, `${where}: "entities" must be an array`);
    if (!Array.isArray(o.events)) throw new BadInputError(origin, `${where}: "events" must be an array`);
    (o.events as unknown[]).forEach((v, j) => {
      const e = v as Record<string, unknown> | null;
      if (!e || typeof e.type !== 'string') throw new BadInputError(origin, `${where} event ${j}: "type" must be a string`);
      const ev = e.evidence;
      if (typeof ev !== 'string' && !(Array.isArray(ev) && ev.every((x) => typeof x === 'string'))) {
        throw new BadInputError(origin, `${where} event ${j}: "evidence" must be a string or a list of strings`);
      }
    });
  });
  return docs as GoldDocument[];
}

/** Name normalisation of score.py: quotes, possessive, spaces, punctuation, case, leading "the". */
export function normalizeName(s: string | null | undefined): string {
  let t = (s ?? '').replace(/[\u2019\u2018`]/g, "'");
  t = t.trim().replace(/'s$/, '');
  t = t.replace(/\s+/g, ' ').replace(/^[ .,"]+|[ .,"]+$/g, '').toLowerCase();
  return t.replace(/^the /, '');
}

function namesOf(e: { name?: string | null; aliases?: string[] | null }): Set<string> {
  const out = new Set<string>();
  for (const x of [e.name, ...(e.aliases ?? [])]) if (x) out.add(normalizeName(x));
  return out;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

const DAY = 86_400_000;

function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY;
  const weekday = ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + 1;
  return jan4 - (weekday - 1) + (week - 1) * 7;
}

/** '2016' | '2016-04' | '2016-04-15' | '2013-W11' → [first day, last day] as day numbers. */
function spanOf(d: string | undefined | null): [number, number] | null {
  if (!d) return null;
  let m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (m) {
    const y = Number(m[1]);
    if (m[3]) {
      const a = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
      return [a, a];
    }
    if (m[2]) {
      const mo = Number(m[2]);
      return [Date.UTC(y, mo - 1, 1) / DAY, Date.UTC(y, mo, 0) / DAY];
    }
    return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y, 11, 31) / DAY];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(d);
  if (m) {
    const a = isoWeekMonday(Number(m[1]), Number(m[2]));
    return [a, a + 6];
  }
  return null;
}

type DateLike = { from?: string; to?: string } | null | undefined;

function intervalOf(date: DateLike): [number, number] | null {
  if (!date) return null;
  const a = spanOf(date.from);
  const b = date.to ? spanOf(date.to) : a;
  if (!a) return null;
  return [a[0], (b ?? a)[1]];
}

/** score.py's date rule: the intervals overlap and the prediction is at most twice as long plus two days. */
export function dateMatches(gold: DateLike, pred: DateLike): boolean {
  const g = intervalOf(gold);
  const p = intervalOf(pred);
  if (!g || !p) return false;
  if (p[0] > g[1] || p[1] < g[0]) return false;
  return p[1] - p[0] <= 2 * (g[1] - g[0]) + 2;
}

function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

// Python's repr of the small values score.py prints (dates, None), so the lines read the same.
function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}

// Python slices strings by code point, not UTF-16 unit.
function head(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

/**
 * Scores predictions (keyed by document id) against gold documents, exactly as shared/tools/score.py:
 * entity P/R/F1, asserted-event P/R/F1, date and evidence accuracy over matched events, strict event F1.
 */
export function scoreGold(
  gold: GoldDocument[],
  predictions: Map<string, Extraction>,
  readText: (file: string) => string,
): GoldReport {
  const tot = { etp: 0, efp: 0, efn: 0, vtp: 0, vfp: 0, vfn: 0, dated: 0, date_ok: 0, ev_ok: 0, strict_tp: 0 };
  const lines: string[] = [];
  for (const g of gold) {
    const p = predictions.get(g.id);
    const text = readText(g.file);
    const pents = p?.entities ?? [];
    const used = new Set<number>();
    const gidx = new Map<string, Set<string>>();
    for (const ge of g.entities) {
      const gn = namesOf(ge);
      for (const n of gn) gidx.set(n, gn);
      const hit = pents.findIndex((pe, i) => !used.has(i) && pe.type === ge.type && intersects(namesOf(pe), gn));
      if (hit >= 0) {
        used.add(hit);
        if (!ge.optional) tot.etp++;
      } else if (!ge.optional) {
        tot.efn++;
        lines.push(`${g.id}: missed entity ${ge.type} ${ge.name}`);
      }
    }
    pents.forEach((pe, i) => {
      if (used.has(i)) return;
      tot.efp++;
      lines.push(`${g.id}: spurious entity ${pe.type ?? 'None'} ${pe.name ?? 'None'}`);
    });
    const byId = new Map<string, Set<string>>();
    for (const pe of pents) byId.set(pe.id, namesOf(pe));
    const pevs = (p?.events ?? []).filter((v) => (v.modality ?? 'asserted') === 'asserted');
    const usedV = new Set<number>();
    for (const ge of g.events) {
      const gsub = ge.subject ? (gidx.get(normalizeName(ge.subject)) ?? new Set([normalizeName(ge.subject)])) : null;
      const alts = Array.isArray(ge.evidence) ? ge.evidence : [ge.evidence];
      const gspans: [number, number][] = [];
      for (const a of alts) {
        const at = text ? text.indexOf(a) : -1;
        if (at >= 0) gspans.push([at, at + a.length]);
      }
      let best: { i: number; ov: boolean } | null = null;
      pevs.forEach((v, i) => {
        if (usedV.has(i) || v.type !== ge.type) return;
        const psub = v.subject ? (byId.get(v.subject) ?? null) : null;
        if ((gsub === null) !== (psub === null)) return;
        if (gsub !== null && psub !== null && !intersects(gsub, psub)) return;
        const ov = (v.evidence ?? []).some((e) =>
          gspans.some(([a, b]) => (e.start ?? -1) < b && (e.end ?? -1) > a),
        );
        // Like min() over (not overlapping, index): the first overlapping candidate, else the first one.
        if (!best || (ov && !best.ov)) best = { i, ov };
      });
      const chosen = best as { i: number; ov: boolean } | null;
      if (chosen) {
        usedV.add(chosen.i);
        const v = pevs[chosen.i];
        if (ge.optional) continue;
        tot.vtp++;
        tot.ev_ok += chosen.ov ? 1 : 0;
        if (ge.date && Object.keys(ge.date).length > 0 && !ge.optional_date) {
          tot.dated++;
          const ok = dateMatches(ge.date, v?.date);
          tot.date_ok += ok ? 1 : 0;
          tot.strict_tp += ok && chosen.ov ? 1 : 0;
          if (!ok) {
            lines.push(
              `${g.id}: wrong date ${ge.type} ${ge.subject ?? 'None'}: gold ${pyRepr(ge.date)} got ${pyRepr(v?.date)}`,
            );
          }
        } else {
          tot.strict_tp += chosen.ov ? 1 : 0;
        }
      } else if (!ge.optional) {
        tot.vfn++;
        lines.push(`${g.id}: missed event ${ge.type} ${ge.subject ?? 'None'} | ${head(alts[0] ?? '', 60)}`);
      }
    }
    pevs.forEach((v, i) => {
      if (usedV.has(i)) return;
      tot.vfp++;
      lines.push(`${g.id}: spurious event ${v.type} | ${head(v.evidence?.[0]?.text ?? '', 60)}`);
    });
  }
  const e = prf(tot.etp, tot.efp, tot.efn);
  const v = prf(tot.vtp, tot.vfp, tot.vfn);
  const s = prf(tot.strict_tp, tot.vfp + tot.vtp - tot.strict_tp, tot.vfn + tot.vtp - tot.strict_tp);
  return {
    metrics: {
      entity_p: e[0],
      entity_r: e[1],
      entity_f1: e[2],
      event_p: v[0],
      event_r: v[1],
      event_f1: v[2],
      date_acc: tot.dated ? tot.date_ok / tot.dated : 0,
      evidence_acc: tot.vtp ? tot.ev_ok / tot.vtp : 0,
      strict_event_f1: s[2],
    },
    lines,
    counts: { ...tot },
  };
}
