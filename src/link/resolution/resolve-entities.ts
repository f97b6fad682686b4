import type { EntityType } from '../../domain/chronicle-json.js';
import { blockingKeys } from './blocking-keys.js';
import type { CandidateProfile, EntityProfile } from './profile.js';
import { parsePersonName } from './person-name.js';
import { LINK_THRESHOLD, scorePair, type PairScore } from './score-pair.js';

/** Where resolution finds stored entities that may be the same as a new one. */
export interface CandidateSource {
  /**
   * Stored entities of `type` filed under any of `keys`, with their profiles; at most `limit`.
   * Only context features among `features` matter to scoring, so a source may leave out the rest
   * (a well-known person's profile has thousands).
   */
  candidates(type: EntityType, keys: string[], limit: number, features?: readonly string[]): Promise<CandidateProfile[]>;
  /**
   * `candidates` for several requests at once, for a source that reads them in fewer round trips;
   * each result must be what `candidates` gives for that request.
   */
  candidatesMany?(requests: ReadonlyArray<CandidateRequest>): Promise<CandidateProfile[][]>;
}

/** The arguments of one `candidates` call. */
export interface CandidateRequest {
  type: EntityType;
  keys: string[];
  limit: number;
  features?: readonly string[];
}

/** What resolution decided for one entity of a document. */
export interface ResolutionDecision {
  /** Position of the entity in the document's extraction. */
  index: number;
  /** The stored entity it is, or null: a new entity. */
  entityId: string | null;
  /** `full-name`, `surname-only`, `known-alias`, … when linked; `new`, `ambiguous` or `reviewer-pin` otherwise. */
  rule: string;
  score: number;
  /** Context features the link rests on. */
  shared: string[];
  /** Keys to file the entity under (new ones are added to a linked entity too). */
  keys: string[];
  /** Stored entities compared, for the audit trail. */
  candidates: number;
  /**
   * Set when the entity is another entity of the same document under a shorter name ("Sadykov"
   * beside "Aidos Sadykov"): it takes whatever that entity becomes. `entityId` is then null.
   */
  sameAs?: number;
}

/** Rules that name the entity outright; others need a clear lead over the runner-up. */
const DECISIVE_RULES = new Set(['full-name', 'given-variant', 'known-alias', 'same-name', 'same-place']);
/** Lead a non-decisive best candidate needs over the next one. */
const AMBIGUITY_MARGIN = 0.1;
/** Most candidates read per key tier and entity: bounds work on very common surnames. */
export const CANDIDATE_LIMIT = 50;

/** Key prefixes by selectivity: exact names, then surnames and acronyms, then phonetic keys. */
const KEY_TIERS: ReadonlyArray<readonly string[]> = [['p:n:', 'o:k:', 'o:n:', 'l:n:'], ['p:s:', 'o:a:'], ['p:f:']];

function keysByTier(keys: readonly string[]): string[][] {
  const tiers = KEY_TIERS.map((prefixes) => keys.filter((k) => prefixes.some((p) => k.startsWith(p))));
  const placed = new Set(tiers.flat());
  // Keys of no known tier are read last rather than never.
  tiers.push(keys.filter((k) => !placed.has(k)));
  return tiers;
}

/** Reviewers' decisions that resolution must respect. */
export interface ResolutionConstraints {
  /** Document entity index → stored entity a reviewer put its mentions in (a split). */
  pinned?: ReadonlyMap<number, string>;
  /** True when a reviewer separated this document entity from that stored entity. */
  cannotLink?: (index: number, entityId: string) => boolean;
}

/**
 * Resolves the entities of one document against the store, one at a time and without touching
 * the rest of the store: blocking keys find candidates, scorePair ranks them, the best one over
 * LINK_THRESHOLD is taken unless a reviewer's decision forbids it or two candidates tie.
 */
export async function resolveEntities(
  profiles: readonly EntityProfile[],
  source: CandidateSource,
  constraints: ResolutionConstraints = {},
): Promise<ResolutionDecision[]> {
  // Each entity takes its key tiers in turn, most selective first, and stops at a decisive link.
  const states = profiles.map((profile, index) => ({
    keys: blockingKeys(profile),
    tiers: constraints.pinned?.has(index) ? [] : keysByTier(blockingKeys(profile)).filter((keys) => keys.length > 0),
    next: 0,
    candidates: [] as CandidateProfile[],
    seen: new Set<string>(),
    scored: [] as Array<{ candidate: CandidateProfile; pair: PairScore }>,
  }));
  // Every entity reads its first tier in one round with the others'; those still undecided then read
  // all their remaining tiers in a second round: two rounds of reads at most, and no surname or phonetic
  // block read for an entity its full name settled.
  for (let round = 0; ; round++) {
    const pending = [...states.entries()].filter(([, state]) => state.next < state.tiers.length);
    if (pending.length === 0) break;
    const requests = pending.flatMap(([index, state]) => {
      const profile = profiles[index] as EntityProfile;
      const tiers = round === 0 ? state.tiers.slice(state.next, state.next + 1) : state.tiers.slice(state.next);
      return tiers.map((keys) => ({ index, request: { type: profile.type, keys, limit: CANDIDATE_LIMIT, features: profile.context } }));
    });
    const blocks = source.candidatesMany
      ? await source.candidatesMany(requests.map((r) => r.request))
      : await Promise.all(requests.map(({ request: r }) => source.candidates(r.type, r.keys, r.limit, r.features)));
    for (const [at, { index }] of requests.entries()) {
      const state = states[index] as (typeof states)[number];
      const profile = profiles[index] as EntityProfile;
      // Past a decisive link the entity takes no further tier.
      if (state.next >= state.tiers.length) continue;
      for (const c of blocks[at] ?? []) {
        if (state.seen.has(c.id) || constraints.cannotLink?.(index, c.id)) continue;
        state.seen.add(c.id);
        state.candidates.push(c);
      }
      state.scored = state.candidates
        .map((c) => ({ candidate: c, pair: scorePair(profile, c) }))
        .filter((s) => s.pair.veto === null && s.pair.score >= LINK_THRESHOLD)
        .sort((x, y) => y.pair.score - x.pair.score);
      // A full name usually settles it without the surname block.
      state.next = state.scored[0] && DECISIVE_RULES.has(state.scored[0].pair.rule) ? state.tiers.length : state.next + 1;
    }
  }
  const decisions: ResolutionDecision[] = [];
  for (const [index, { keys, candidates, scored }] of states.entries()) {
    const pin = constraints.pinned?.get(index);
    if (pin !== undefined) {
      decisions.push({ index, entityId: pin, rule: 'reviewer-pin', score: 1, shared: [], keys, candidates: 0 });
      continue;
    }
    const best = scored[0];
    const second = scored[1];
    if (!best) {
      decisions.push({ index, entityId: null, rule: 'new', score: 0, shared: [], keys, candidates: candidates.length });
      continue;
    }
    const tied =
      second !== undefined &&
      !DECISIVE_RULES.has(best.pair.rule) &&
      best.pair.score - second.pair.score < AMBIGUITY_MARGIN;
    // Two people equally fit (say, two Sadykovs and the text says only "Sadykov"): better a new entity a
    // reviewer can merge than a wrong link that mixes two case files.
    if (tied) {
      decisions.push({ index, entityId: null, rule: 'ambiguous', score: best.pair.score, shared: [], keys, candidates: candidates.length });
      continue;
    }
    decisions.push({
      index,
      entityId: best.candidate.id,
      rule: best.pair.rule,
      score: best.pair.score,
      shared: best.pair.shared,
      keys,
      candidates: candidates.length,
    });
  }
  return attachShortNames(profiles, decisions);
}

function isShortPersonName(profile: EntityProfile): boolean {
  return profile.type === 'person' && profile.names.every((n) => parsePersonName(n).given === null);
}

/**
 * A surname left unlinked ("Sadykov", "President Tokayev") that fits exactly one fully named
 * person of the same document is that person: the document means the one it names in full.
 */
function attachShortNames(profiles: readonly EntityProfile[], decisions: ResolutionDecision[]): ResolutionDecision[] {
  return decisions.map((decision) => {
    const profile = profiles[decision.index];
    if (!profile || decision.entityId !== null || decision.rule === 'reviewer-pin' || !isShortPersonName(profile)) return decision;
    const fits = profiles
      .map((other, j) => ({ other, j }))
      .filter(({ other, j }) => {
        if (j === decision.index || other.type !== 'person' || isShortPersonName(other)) return false;
        const pair = scorePair({ ...profile, context: [] }, { ...other, context: [] });
        return pair.veto === null && pair.nameScore > 0;
      });
    const only = fits.length === 1 ? fits[0] : undefined;
    if (!only) return decision;
    const target = decisions.find((d) => d.index === only.j);
    return {
      ...decision,
      entityId: target?.entityId ?? null,
      sameAs: only.j,
      rule: 'same-document',
      score: 1,
    };
  });
}
