import { knownOrganization, orgAcronym, orgNameKey } from './org-name.js';
import { parsePersonName, type PersonName } from './person-name.js';
import { canonicalPlaceKey } from './places.js';
import type { EntityProfile } from './profile.js';
import { phoneticKey } from './fold.js';
import { editDistance, jaroWinkler } from './similarity.js';

/** Why two profiles are (or are not) the same entity. */
export interface PairScore {
  /** Total in [0, ~1.4]: name evidence plus context evidence. */
  score: number;
  /** The name rule that fired: `full-name`, `given-variant`, `initial`, `surname-only`, `known-alias`, … */
  rule: string;
  nameScore: number;
  contextScore: number;
  /** A hard reason they differ (`gender-differs`, `given-differs`, `patronymic-differs`); score is 0. */
  veto: string | null;
  /** Context features both share. */
  shared: string[];
}

/** Score at or above which resolution links a mention to a stored entity. */
export const LINK_THRESHOLD = 0.75;

/** Weight of one shared context feature, by kind; the sum is capped at CONTEXT_CAP. */
const CONTEXT_WEIGHTS: Record<string, number> = { person: 0.15, org: 0.1, role: 0.15, place: 0.08 };
const CONTEXT_CAP = 0.4;

/** Patronymics closer than this (Jaro–Winkler on folded forms) are taken for one. */
const PATRONYMIC_SIMILAR = 0.9;

/**
 * Two folded words a misspelling apart: the same consonant skeleton and one edit (two in long
 * words). "Telibekov"/"Telebekov" are; "Narimbaev"/"Narimbekov" and "Sadikov"/"Sadirov" are not.
 */
export function isSpellingSlip(a: string, b: string): boolean {
  if (phoneticKey(a) !== phoneticKey(b)) return false;
  return editDistance(a, b) <= (Math.min(a.length, b.length) >= 9 ? 2 : 1);
}

interface NameMatch {
  score: number;
  rule: string;
  veto: string | null;
}

const NO_MATCH: NameMatch = { score: 0, rule: 'no-name-match', veto: null };

/** How well two parsed person names agree. */
export function comparePersonNames(a: PersonName, b: PersonName): NameMatch {
  if (a.surnameStem === null || b.surnameStem === null) return NO_MATCH;
  const sameSurname = a.surnameStem === b.surnameStem;
  if (!sameSurname && !isSpellingSlip(a.surnameStem, b.surnameStem)) return NO_MATCH;
  if (a.gender !== null && b.gender !== null && a.gender !== b.gender) {
    return { score: 0, rule: 'surname', veto: 'gender-differs' };
  }
  if (a.patronymic !== null && b.patronymic !== null && jaroWinkler(a.patronymic, b.patronymic) < PATRONYMIC_SIMILAR) {
    return { score: 0, rule: 'surname', veto: 'patronymic-differs' };
  }
  const spelling = sameSurname ? 0 : 0.05;
  if (a.given !== null && b.given !== null) {
    if (a.given === b.given) return { score: 1 - spelling, rule: 'full-name', veto: null };
    // Compound given names written in part ("Kassym-Jomart" / "Kassym") or with a slip.
    if (a.given.startsWith(b.given) || b.given.startsWith(a.given) || isSpellingSlip(a.given, b.given)) {
      return { score: 0.9 - spelling, rule: 'given-variant', veto: null };
    }
    return { score: 0, rule: 'surname', veto: 'given-differs' };
  }
  const initialA = a.givenInitial;
  const initialB = b.givenInitial;
  if (initialA !== null && initialB !== null) {
    if (initialA !== initialB) return { score: 0, rule: 'surname', veto: 'initial-differs' };
    // An initial alone is weak: it links only with some shared context.
    return { score: 0.7 - spelling, rule: 'initial', veto: null };
  }
  return { score: 0.6 - spelling, rule: 'surname-only', veto: null };
}

function fullness(p: PersonName): number {
  return (p.given !== null ? 2 : p.givenInitial !== null ? 1 : 0) + (p.patronymic !== null ? 1 : 0);
}

/**
 * Best agreement between two people's names. The fullest names of each side decide vetoes:
 * "Natalya Sadykova" never joins "Aidos Sadykov", even though both are "Sadykov" in short.
 */
function scorePersonNames(a: string[], b: string[]): NameMatch {
  const pa = a.map(parsePersonName);
  const pb = b.map(parsePersonName);
  const fullA = Math.max(...pa.map(fullness));
  const fullB = Math.max(...pb.map(fullness));
  let best: NameMatch = NO_MATCH;
  let fullestVeto: string | null = null;
  let fullestAgree = false;
  for (const x of pa) {
    for (const y of pb) {
      const m = comparePersonNames(x, y);
      if (fullness(x) === fullA && fullness(y) === fullB) {
        if (m.veto !== null) fullestVeto ??= m.veto;
        else if (m.score > 0) fullestAgree = true;
      }
      if (m.veto === null && m.score > best.score) best = m;
    }
  }
  if (fullestVeto !== null && !fullestAgree) return { score: 0, rule: best.rule, veto: fullestVeto };
  return best;
}

function scoreOrganizationNames(a: string[], b: string[]): NameMatch {
  let best: NameMatch = NO_MATCH;
  const better = (m: NameMatch): void => {
    if (m.score > best.score) best = m;
  };
  for (const x of a) {
    const knownX = knownOrganization(x);
    const keyX = orgNameKey(x);
    const acrX = orgAcronym(x);
    for (const y of b) {
      const knownY = knownOrganization(y);
      if (knownX !== null && knownX === knownY) better({ score: 1, rule: 'known-alias', veto: null });
      const keyY = orgNameKey(y);
      if (keyX.length > 0 && keyX === keyY) better({ score: 1, rule: 'same-name', veto: null });
      const acrY = orgAcronym(y);
      // One side written as an acronym that the other side's words spell.
      const xIsAcr = /^[\p{Lu}\d./-]{2,8}$/u.test(x.trim());
      const yIsAcr = /^[\p{Lu}\d./-]{2,8}$/u.test(y.trim());
      if (acrX !== null && acrX === acrY && xIsAcr !== yIsAcr) better({ score: 0.85, rule: 'acronym', veto: null });
      if (keyX.length > 5 && keyY.length > 5 && jaroWinkler(keyX, keyY) >= 0.95) {
        better({ score: 0.8, rule: 'similar-name', veto: null });
      }
    }
  }
  return best;
}

function scorePlaceNames(a: string[], b: string[]): NameMatch {
  const keysB = new Set(b.map(canonicalPlaceKey));
  for (const x of a) if (keysB.has(canonicalPlaceKey(x))) return { score: 1, rule: 'same-place', veto: null };
  return NO_MATCH;
}

/** Context evidence: shared co-occurring people, organizations, places and roles. */
export function scoreContext(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  const setB = new Set(b);
  const shared = a.filter((f) => setB.has(f));
  let score = 0;
  for (const f of shared) score += CONTEXT_WEIGHTS[f.slice(0, f.indexOf(':'))] ?? 0.05;
  return { score: Math.min(CONTEXT_CAP, score), shared };
}

/**
 * How likely two profiles are one entity: a name rule (spelling variants, transliterations,
 * titles, acronyms, exonyms already folded away) plus shared context. Different types never match.
 */
export function scorePair(a: EntityProfile, b: EntityProfile): PairScore {
  if (a.type !== b.type) return { score: 0, rule: 'type-differs', nameScore: 0, contextScore: 0, veto: 'type-differs', shared: [] };
  const name =
    a.type === 'person'
      ? scorePersonNames(a.names, b.names)
      : a.type === 'organization'
        ? scoreOrganizationNames(a.names, b.names)
        : scorePlaceNames(a.names, b.names);
  if (name.veto !== null || name.score === 0) {
    return { score: 0, rule: name.rule, nameScore: 0, contextScore: 0, veto: name.veto, shared: [] };
  }
  const context = scoreContext(a.context, b.context);
  const score = Math.round((name.score + context.score) * 1000) / 1000;
  return { score, rule: name.rule, nameScore: name.score, contextScore: context.score, veto: null, shared: context.shared };
}
