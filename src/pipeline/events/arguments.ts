import type { Sentence } from '../segment.js';
import { CALENDAR_NAMES } from '../timex/lexicon.js';
import type { Clause } from './clauses.js';
import { coordinates, ROLE, SPEECH, type Ref, type References } from './references.js';
import type { TriggerMatch } from './triggers.js';

/**
 * Participants of one trigger, read from its sentence: the subject(s) it happened to, the agent,
 * the object (for founding) and the place.
 */

export interface Participants {
  /** One entry per person it happened to ("X and Y fled" → two); [] when nobody is named. */
  subjects: Ref[][];
  /** How the subject was found: a name or pronoun in the clause, or the topic of earlier sentences. */
  via: 'clause' | 'topic' | 'none';
  agent: string | null;
  object: string | null;
  place: string | null;
  /** The subject is a generic "you". */
  generic: boolean;
}

export interface SentenceView {
  index: number;
  sentence: Sentence;
  refs: Ref[];
  clauses: Clause[];
  text: string;
}

/** "two of his colleagues", "some of their relatives": a part of a group named by a possessive. */
const PART_OF = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|some|many|several|most|all|none|dozens|\d+)\s+of\s+$/i;

/** "was among 16 political prisoners (freed …)", "is one of the journalists (detained …)". */
const AMONG_GROUP = /\b(?:was|were|is|are)\s+(?:among|one\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$/i;

/** "together with", "along with": companions in the same event. */
const ALONG_WITH = /\b(?:together|along) with\s+/i;

/** A speaker's verb and the start of what was said, with no parenthetical comma ("he says, he was"). */
const SAID_THAT = new RegExp(`^,?\\s+${SPEECH}\\s+(?:(?:the\\s+)?[\\w-]+\\s+(?=that\\b))?(?:(?:on|last|this)\\s+\\w+\\s+)?(?:that\\s+)?[^,;]*$`);

/**
 * "…since August 2024, when dozens of islanders were detained": a subordinate clause with a subject of its own
 * that names nobody (no reference lies between it and the verb), so the name before it is not the subject.
 */
const UNNAMED_CLAUSE_SUBJECT = /\b(?:when|after|before|while|because|where|until|once)\s+(?:(?!(?:and|or|but|his|her|their|its|he|she|they)\b)[a-z][\w-]*\s+){1,5}(?:were|was|had\s+been|have\s+been|has\s+been|are|is|got)\s+(?:[a-z]+ly\s+)?$/;

/** "Egyptian law caps pre-trial detention at two years": what a law or rule provides happens to nobody. */
const LAW_SAYS = /^\s*(?:[\w-]+\s+){0,3}(?:law|laws|legislation|code|constitution|rules?|regulations?|statute|decree|policy)\s+(?:\w+s|allows|permits)\s+$/i;

// "remains banned", "stayed detained" read like the passive they continue.
const AUX = /^(?:was|were|is|are|be|been|being|am|get|got|gets|getting|has|have|had|remains?|remained|stays?|stayed|'s|’s)$/i;
const SKIPPABLE = new Set(['ADV', 'PART']);
const NP_INNER = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

function tokenIndexAt(s: Sentence, offset: number): number {
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    if (t && t.end > offset) return i;
  }
  return s.tokens.length;
}

/** A word of a fronted time phrase: a year, a day of the month, a month or weekday, "early", "late", "mid". */
const isTimeWord = (word: string): boolean => /^(?:\d{4}|\d{1,2}|early|late|mid)$/i.test(word) || CALENDAR_NAMES.has(word.toLowerCase());

/** The ref sits inside a prepositional phrase ("of X", "from X") that is not the passive agent. */
function inPrepPhrase(s: Sentence, r: Ref): boolean {
  const at = tokenIndexAt(s, r.start);
  let i = at - 1;
  while (i >= 0) {
    const t = s.tokens[i];
    if (!t) break;
    if (t.pos === 'ADP' || /^(?:of|from|in|to|for|with|at|on|about|against|among|like|than|by|into|under|between|over)$/i.test(t.text)) {
      // "In 2022 Efrén Lagunas was taken": a time phrase fronted without a comma, the name after it the subject.
      const between = s.tokens.slice(i + 1, at);
      return !(between.length > 0 && between.every((x) => isTimeWord(x.text)));
    }
    if (!NP_INNER.has(t.pos) && !/^(?:’s|'s|-)$/.test(t.text)) return false;
    i--;
  }
  return false;
}

function isPossessor(text: string, r: Ref): boolean {
  return /^(?:’s|'s|’|')(?!\s*(?:been|got)\b)/.test(text.slice(r.end, r.end + 3)) && r.kind === 'name';
}

/** Passive voice: a be/get auxiliary (adverbs allowed) right before the trigger, or "by" right after. */
export function isPassive(s: Sentence, text: string, trig: TriggerMatch): boolean {
  let i = tokenIndexAt(s, trig.start) - 1;
  let hops = 0;
  while (i >= 0 && hops < 4) {
    const t = s.tokens[i];
    if (!t) break;
    if (AUX.test(t.text)) return !/^(?:has|have|had)$/i.test(t.text) || /^\s*been\b/i.test(text.slice(t.end, trig.start));
    if (!SKIPPABLE.has(t.pos) && !/^(?:been|being|not|never|also|later|reportedly|allegedly)$/i.test(t.text)) break;
    i--;
    hops++;
  }
  if (/^\s+by\b/i.test(text.slice(trig.end, trig.end + 5))) return true;
  // "was detained for several hours and (later) fined": the second participle shares the first one's auxiliary.
  let k = tokenIndexAt(s, trig.start) - 1;
  while (k >= 0 && s.tokens[k]?.pos === 'ADV') k--;
  const prev = s.tokens[k];
  if (prev && /^and$/i.test(prev.text) && /(?:ed|en)$|^(?:held|kept|sent|put|shot|hit|caught|brought|bound|led|struck|taken)$/i.test(trig.text.split(/\s/)[0] ?? '')) {
    const back = text.slice(Math.max(s.start, trig.start - 80), prev.start);
    return /\b(?:was|were|is|are|been|being|be|got|get)\s+(?:\w+\s+){0,1}\w+\b[^.;,]*$/i.test(back);
  }
  return false;
}

function usable(r: Ref, kinds: 'person' | 'any'): boolean {
  if (r.entityType === 'place') return false;
  if (kinds === 'person' && r.entityType === 'organization') return false;
  return true;
}

/** Refs joined to `r` by "and" or commas, in the direction given ("X and Y fled"). */
function coordinated(s: Sentence, text: string, refs: Ref[], r: Ref, dir: -1 | 1): Ref[] {
  const out: Ref[] = [r];
  let at = refs.indexOf(r);
  for (;;) {
    let next = refs[at + dir];
    // Names inside an appositive ("X, a student at Y University, and Z") are passed over.
    // So is the possessive of a role between two people ("X, and its editor-in-chief, Y").
    const passable = (x: Ref): boolean => (x.entityType !== 'person' && x.kind === 'name') || (x.kind === 'pronoun' && /^(?:its|his|her|their)$/i.test(x.text));
    // Several in a row: "X, president of the Y Water Board, and his nephew Z".
    let skip = 0;
    while (refs[at + (skip + 1) * dir] && passable(refs[at + (skip + 1) * dir] as Ref) && skip < 3) skip++;
    if (skip > 0 && refs[at + (skip + 1) * dir]?.entityType === 'person') {
      at += skip * dir;
      next = refs[at + dir];
    }
    if (!next || next.entityType !== 'person' || next.kind === 'relative') break;
    const gap = dir < 0 ? text.slice(next.end, out[out.length - 1]?.start ?? 0) : text.slice(out[out.length - 1]?.end ?? 0, next.start);
    if (!coordinates(gap)) break;
    // "Two men tried alongside her, X and Y": a pronoun or a name inside a prepositional phrase ends the list.
    if (/^\s*,\s*$/.test(gap) && (next.kind !== 'name' || inPrepPhrase(s, next))) break;
    // "arrested with them, the musician X": a pronoun joins a list only through "and".
    if (next.kind !== 'name' && !/\b(?:and|&)\b|&/.test(gap)) break;
    out.push(next);
    at += dir;
  }
  return dir < 0 ? out.reverse() : out;
}

function expand(s: Sentence, r: Ref, text: string, refs: Ref[], dir: -1 | 1): Ref[][] {
  // "they" resolved to a group: one subject per member.
  if (r.ids.length > 1) return r.ids.map((id) => [{ ...r, ids: [id] }]);
  return coordinated(s, text, refs, r, dir).map((x) => [x]);
}

/** Reads the participants of `trig` in sentence `v`. */
export function readParticipants(v: SentenceView, trig: TriggerMatch, clause: Clause, references: References): Participants {
  const { text, refs, sentence } = v;
  const type = trig.pattern.type;
  const frame = trig.pattern.frame;
  // Organizations too are banned, raided, fined and sued.
  const kinds = type === 'ban' || type === 'search' || type === 'founding' || type === 'protest' || type === 'lawsuit' ? 'any' : 'person';
  const inQuote = (o: number): number => references.quotes.findIndex((q) => q.start <= o && o < q.end);
  const tq = inQuote(trig.start);
  const sameVoice = (r: Ref): boolean => inQuote(r.start) === tq;
  const left = refs.filter((r) => r.end <= trig.start && sameVoice(r));
  const right = refs.filter((r) => r.start >= trig.end && sameVoice(r) && r.start < clause.end);
  const inside = refs.filter((r) => r.start >= trig.start && r.end <= trig.end);

  const nearestLeft = (): Ref | undefined => {
    for (let i = left.length - 1; i >= 0; i--) {
      const r = left[i];
      if (!r || !usable(r, kinds)) continue;
      if (r.kind === 'name' && inPrepPhrase(sentence, r)) continue;
      // A possessor owns what an owner-frame trigger names ("Markovic's detention was extended").
      const owned = type === 'ban' || type === 'search' || type === 'asset_freeze' || frame === 'owner';
      if (isPossessor(text, r) && !owned) continue;
      // A name used as a modifier ("YouTube channel") is not the head of the subject.
      if (r.kind === 'name' && nextToken(r)?.pos === 'NOUN' && !isPossessor(text, r)) continue;
      // Objects and possessive determiners ("fought off their assaults") are not the clause subject.
      if (/^(?:him|them|me)$/i.test(r.text)) continue;
      // "Rumbiak said the students were beaten": the speaker; whoever was beaten is not named before the verb.
      if (SAID_THAT.test(text.slice(r.end, trig.start))) return undefined;
      if (UNNAMED_CLAUSE_SUBJECT.test(text.slice(r.end, trig.start))) return undefined;
      // "whose son has been missing", "his brother was arrested": the possessed noun is the subject, and it is nobody named.
      // "X, whose sons were convicted, were taken to …": past the comma the relative clause is over.
      if (/^whose$/i.test(r.text) && text.slice(r.end, trig.start).includes(',')) continue;
      if (!owned && (frame === 'intrans' || frame === 'noun' || /^whose$/i.test(r.text)) && /^(?:whose|his|her|their)$/i.test(r.text) && nextToken(r)?.pos === 'NOUN' && !inPrepPhrase(sentence, r) && !refs.some((x) => x.start > r.end && x.end <= trig.start)) return undefined;
      // "two of his colleagues were arrested": the colleagues, whom the text does not name.
      if (/^(?:his|her|their|my|our)$/i.test(r.text) && PART_OF.test(text.slice(Math.max(0, r.start - 24), r.start))) return undefined;
      if (/^(?:his|her|their|its|my|your|our)$/i.test(r.text) && !(owned && /^(?:its|their|his|her)$/i.test(r.text))) continue;
      return r;
    }
    return undefined;
  };
  const nextToken = (r: Ref) => sentence.tokens.find((t) => t.start >= r.end);
  const firstRight = (maxGap: number): Ref | undefined => {
    const r = right.find((x) => usable(x, kinds));
    if (!r || r.start - trig.end > maxGap) return undefined;
    // "A third man arrested with them": those it happened together with are not its object.
    if (/^\s+(?:along\s+|together\s+)?with\s+$/i.test(text.slice(trig.end, r.start))) return undefined;
    // "beat her" is an object; "her husband" is a possessive determiner.
    const next = nextToken(r);
    if (/^(?:his|their|my|its)$/i.test(r.text)) return undefined;
    // "released her pending trial": a preposition-like word after "her" leaves it the object.
    const objectAfter = next && /^(?:pending|until|after|before|without|despite|following|again|twice|once)$/i.test(next.text);
    if (/^her$/i.test(r.text) && next && !objectAfter && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')) return undefined;
    return r;
  };

  let subj: Ref | undefined;
  let dir: -1 | 1 = -1;
  let agent: Ref | undefined;
  if (frame === 'owner') {
    // "raided the Duhok office of the channel X": the owner follows "of"; a name inside the phrase only places it.
    const ofOwner = / of$/i.test(trig.text) ? right.find((r) => r.start >= trig.end && r.start - trig.end <= 32 && OF_GAP.test(text.slice(trig.end + 1, r.start))) : undefined;
    subj = (ofOwner && usable(ofOwner, kinds) ? ofOwner : undefined) ?? inside.find((r) => usable(r, kinds)) ?? right.find((r) => usable(r, kinds) && r.start - trig.end < 40);
    if (!subj) subj = nearestLeft();
  } else if (frame === 'verb') {
    const companions = namedAfterCompanions(text, refs.filter((x) => x.start >= trig.end && sameVoice(x)), trig);
    if (companions) {
      subj = companions;
      dir = 1;
    } else if (isPassive(sentence, text, trig)) {
      subj = nearestLeft();
      const by = /^\s+by\s+/i.exec(text.slice(trig.end, trig.end + 8));
      if (by) agent = right.find((r) => r.start <= trig.end + by[0].length + 25 && r.entityType !== null);
    } else {
      const obj = /^\s+(?:on\s+)?/i.exec(text.slice(trig.end, trig.end + 6));
      // The object may sit inside the trigger phrase ("designated him a foreign agent").
      const within = inside.find((x) => x.start > trig.start && usable(x, kinds) && /^(?:him|her|them|me|us)$|^[A-Z]/.test(x.text));
      // "fined the editor of the Mutare Herald, Grace Chikomba, …": a described object, then its name.
      const r = within ?? appositiveObject(text, right, trig) ?? includedRef(text, right, trig) ?? firstRight(obj ? obj[0].length + 30 : 30);
      if (r && (r === within || r.start - trig.end <= 30 || APPOSITIVE_OBJECT.test(text.slice(trig.end, r.start)) || INCLUDING.test(text.slice(trig.end, r.start)))) {
        subj = r;
        dir = 1;
        agent = nearestLeft();
      } else if (objectBefore(text, left, trig)) {
        // "ordered him held for 15 days", "had them detained": the object sits before the participle.
        subj = objectBefore(text, left, trig);
      } else if (objectRelative(text, left, clause)) {
        // "a party, Group 24, which the Supreme Court declared extremist": the relative is the object, the name after it the agent.
        const rel = objectRelative(text, left, clause);
        subj = rel?.[0];
        agent = rel?.[1];
      } else if (/^\s*,/.test(text.slice(trig.start - 2, trig.start)) || /^(?:accused|blamed|suspected of)/i.test(trig.text)) {
        // Reduced relative ("X, detained in May, …") or a verb whose subject is the one blamed.
        subj = /^(?:accused|blamed)$/i.test(trig.text) ? undefined : nearestLeft();
      }
    }
  } else if (frame === 'noun') {
    const endsInOf = /(?:against|of)$/i.test(trig.text);
    // "the arrest of X", "an investigation into blogger X": a role word or two may come before the name.
    const of = endsInOf ? /^\s+/.exec(text.slice(trig.end, trig.end + 3)) : /^\s+(?:of|against|into)\s+/i.exec(text.slice(trig.end, trig.end + 12));
    if (of) {
      const from = trig.end + of[0].length;
      const r = right.find((x) => x.start >= from);
      if (r && r.start - from <= 30 && usable(r, kinds) && OF_GAP.test(text.slice(from, r.start))) {
        subj = r;
        dir = 1;
      }
    }
    // "the death of a young woman": the of-phrase names the one it happened to, and it is nobody we know.
    if (!subj && endsInOf) {
      return { subjects: [], via: 'none', agent: null, object: null, place: null, generic: false };
    }
    if (!subj) {
      const poss = left[left.length - 1];
      if (poss && /^(?:’s|'s)?\s*$/.test(text.slice(poss.end, trig.start)) && usable(poss, kinds)) subj = poss;
    }
    // A nominal inside "of/for/against … " names what someone else did or suffered ("participants of the protests").
    const governed = /(?:\b(?:participants?|members?|organi[sz]ers?|supporters?|leaders?|victims?|wake|series|wave|number|dozens|hundreds|thousands|reports?|news|footage|videos?|photos?|coverage)\s+(?:of|in|at)|\b(?:for|against|about|over|after|before|since|following|ahead of|until|linked to|related to|connected (?:to|with)|in connection with|tied to)|\b(?:condemned|condemns|condemning|denounced|denounces|deplored|critici[sz]ed|investigating|investigated|filmed|filming|films|photographed|covered|covering|reported on|reporting on|watched|watching|monitored|monitoring|documented|documenting|livestreamed|streamed|recorded))\s+(?:(?:the|a|an|their|its|these|those|such|multiple|several|new|public|mass|massive|[\w-]+ed|[\w-]+al|\d{1,4}|january|february|march|april|may|june|july|august|september|october|november|december)\s+){0,3}$/i.test(
      text.slice(Math.max(clause.start, trig.start - 60), trig.start),
    );
    if (!subj) {
      // "placed her under house arrest", "put him in pre-trial detention": the object before the preposition.
      const r = left[left.length - 1];
      if (
        r && r.ids.length && usable(r, kinds) && (/^(?:him|her|them)$/i.test(r.text) || r.kind === 'name') &&
        /^\s+(?:under|in|into|on)\s+(?:the\s+|a\s+|an\s+)?$/i.test(text.slice(r.end, trig.start)) &&
        /\b(?:placed|put|puts|kept|keep|held|sent|ordered|remanded)\s+$/i.test(text.slice(Math.max(0, r.start - 12), r.start))
      ) subj = r;
    }
    if (!subj && !governed) subj = nearestLeft();
    if (!subj && !governed) {
      // A fronted phrase ("Besides multiple assaults, X spent…"): the main clause subject follows.
      const r = refs.find((x) => x.start >= trig.end && sameVoice(x) && usable(x, kinds) && !inPrepPhrase(sentence, x));
      if (r && r.start - trig.end < 60) {
        subj = r;
        dir = 1;
      }
    }
  } else {
    subj = nearestLeft();
    if (!subj) {
      const r = refs.find((x) => x.start >= trig.end && sameVoice(x) && usable(x, kinds) && !inPrepPhrase(sentence, x));
      if (r && /^\s*,/.test(text.slice(clause.end - 1, clause.end + 1)) && r.start < clause.end + 40) {
        subj = r;
        dir = 1;
      }
    }
  }

  if (!subj && frame === 'verb' && AMONG_GROUP.test(text.slice(clause.start, trig.start))) {
    // "X was among 16 political prisoners freed on Thursday": the one named before "was among".
    subj = nearestLeft();
  }

  if (frame === 'verb' && /\bamong\s+(?:those|the\s+[\w-]+|them)\s+$/i.test(text.slice(Math.max(sentence.start, trig.start - 40), trig.start))) {
    // "Among those detained in Diyarbakir were bureau chief X, reporter Y and Z": the names after "were".
    const were = /^[^.;]*?\s(?:were|was|are)\s/i.exec(text.slice(trig.end, clause.end));
    const from = were ? trig.end + were[0].length : -1;
    const r = were ? right.find((x) => x.start >= from && x.entityType === 'person' && x.start - from <= 40 && !isPossessor(text, x)) : undefined;
    if (r) {
      subj = r;
      dir = 1;
    }
  }

  if (!subj && (frame === 'verb' || frame === 'intrans')) {
    // "detained at least 40 people, including student leader X": the named member of an unnamed group.
    const r = includedRef(text, right, trig);
    if (r) {
      subj = r;
      dir = 1;
    }
  }

  let via: Participants['via'] = subj ? 'clause' : 'none';
  let subjects: Ref[][] = [];
  let generic = false;
  if (subj) {
    if (subj.generic) {
      generic = true;
    } else if (subj.ids.length) {
      subjects = expand(sentence, subj, text, refs, dir);
      // "was arrested … together with two other activists, X and Y": those named with the subject share the event.
      if (frame === 'verb' || frame === 'intrans') {
        const m = ALONG_WITH.exec(text.slice(trig.end, clause.end));
        const from = m ? trig.end + m.index + m[0].length : -1;
        const first = m ? right.find((r) => r.start >= from && r.start - from <= 40 && r.entityType === 'person' && r.kind === 'name') : undefined;
        if (first && /^[\s\w-]*?(?:,\s*)?$/.test(text.slice(from, first.start))) {
          const taken = new Set(subjects.flat().flatMap((r) => r.ids));
          subjects.push(...expand(sentence, first, text, refs, 1).filter((g) => g.every((r) => !r.ids.some((id) => taken.has(id)))));
        }
      }
    }
  } else if (
    type !== 'protest' &&
    type !== 'protest_dispersal' &&
    ((frame === 'noun' && sentence.tokens[tokenIndexAt(sentence, trig.start)]?.pos !== 'VERB') ||
      (frame === 'verb' && isPassive(sentence, text, trig) && !commonNounSubject(sentence, trig, text)) ||
      frame === 'owner') &&
    !refs.some((r) => r.entityType === 'person' || r.kind !== 'name') &&
    !LAW_SAYS.test(text.slice(clause.start, trig.start)) &&
    // "The arrest is the latest in a long campaign": an arrest already told, taken up again, is no new event.
    // (A trial is told by its noun alone: "The trial opened on 2 September".)
    !(frame === 'noun' && type !== 'trial' && /^\s*the\s+$/i.test(text.slice(clause.start, trig.start))) &&
    // Nor "denied any role in the arrest", "said the arrests were lawful", "recorded at least 40 arrests": the nominal
    // takes up what was told or counts many, and the story's last person is not its subject.
    !(frame === 'noun' && type !== 'trial' && /^(?:arrests?|detentions?|abductions?|searches|raids?)$/i.test(trig.text) &&
      /(?:\bthe|\b\d[\d,]*|\bdozens of|\bhundreds of|\bmass|\bmany|\bseveral)\s+(?:[a-z-]+\s+)?$/i.test(text.slice(Math.max(clause.start, trig.start - 30), trig.start)) &&
      !/^\s+(?:of|against|on)\b/i.test(text.slice(trig.end, trig.end + 10)))
  ) {
    // No participant in the sentence: a passive or nominal event continues the story of the last person named.
    const topic = topicBefore(references, v.index, trig.start);
    if (topic.length) {
      subjects = topic.map((id) => [{ start: trig.start, end: trig.end, text: trig.text, kind: 'pronoun' as const, ids: [id], entityType: 'person' as const, sentence: v.index }]);
      via = 'topic';
    }
  }

  const object =
    type === 'founding' ? (right.find((r) => r.entityType === 'organization' && r.start - trig.end < 120)?.ids[0] ?? null) : null;
  if (!agent) {
    // "is wanted by Kazakhstan", "was questioned by the State Security Service": the by-phrase names who did it.
    const by = /(?:^|\s)by(?:\s+the)?$/i.test(trig.text) ? /^\s*/.exec(text.slice(trig.end, trig.end + 2)) : /^\s+by\s+(?:the\s+)?/i.exec(text.slice(trig.end, trig.end + 12));
    if (by) agent = refs.find((r) => r.start === trig.end + by[0].length && r.kind === 'name');
  }
  return {
    subjects,
    via,
    agent: agent?.ids[0] ?? null,
    object,
    place: findPlace(v, trig, clause, type),
    generic,
  };
}

// A described object ending in a comma: "the editor of the Mutare Herald, ", "a reporter for X, ".
const APPOSITIVE_OBJECT = new RegExp(
  `^\\s+(?:the|a|an|its|his|her|their|[A-Z][^\\s,]*[’']s)\\s+(?:[\\w’'-]+\\s+){0,4}?(?:${ROLE}|wife|husband|son|daughter|brother|sister|cousin|nephew|niece|uncle|aunt|widow|organi[sz]er|leader|founder|co-founder|director|head|spokes(?:man|woman|person)|coordinator|member|chair(?:man|woman)?|president|deputy|owner|publisher|producer|presenter|anchor|host|correspondent|secretary)(?:\\s+(?:of|at|for|from)\\s+(?:the\\s+)?(?:[A-Z][\\w’'&.-]*\\s*){1,5})?,\\s+$`,
);

/** "A cameraman arrested with her, Egide Ndayisenga, was freed": the one named after the companions. */
function namedAfterCompanions(text: string, right: Ref[], trig: TriggerMatch): Ref | undefined {
  const r = right.find((x) => x.kind === 'name' && x.entityType === 'person' && x.start - trig.end < 80);
  if (!r || !/^\s+(?:along\s+|together\s+)?with\s+(?:him|her|them|[A-Z][^\s,]*)(?:\s+[A-Z][^\s,]*)?,\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$/.test(text.slice(trig.end, r.start))) return undefined;
  return text[r.end] === ',' ? r : undefined;
}

/** The person named right after a described object ("fined the editor of X, Grace Chikomba"). */
function appositiveObject(text: string, right: Ref[], trig: TriggerMatch): Ref | undefined {
  // Cheap test first: most objects are not followed by a comma within reach.
  // The first name after a comma: a possessor before it ("arrested Kanté's wife, Fatoumata Binta Kanté") is passed over.
  const r = right.find((x) => x.kind === 'name' && x.entityType === 'person' && x.start - trig.end < 110 && text.charCodeAt(x.start - 2) === 44);
  if (!r) return undefined;
  return APPOSITIVE_OBJECT.test(text.slice(trig.end, r.start)) ? r : undefined;
}

// Role words between "of/into" and the name ("an investigation into blogger X"); lower-case, so never a name.
const OF_GAP = /^(?:(?:the\s+)?(?:[a-z][\w-]*\s+){1,2})?$/;
const INCLUDING = /\b(?:including|among them|among whom(?: were| was)?|among those \w+ (?:was|were))\s+(?:(?:the\s+)?[a-z][\w-]*\s+){0,3}$/i;

/** A person named after "including" or "among them" a little after the trigger. */
function includedRef(text: string, right: Ref[], trig: TriggerMatch): Ref | undefined {
  const r = right.find((x) => x.kind === 'name' && x.entityType === 'person');
  if (!r || r.start - trig.end > 90) return undefined;
  const gap = text.slice(trig.end, r.start);
  return /[.;]/.test(gap) || !INCLUDING.test(gap) ? undefined : r;
}

/** An object pronoun right before an active participle ("ordered him held", "had them detained"). */
function objectBefore(text: string, left: Ref[], trig: TriggerMatch): Ref | undefined {
  const r = left[left.length - 1];
  if (!r || !/^(?:him|her|them)$/i.test(r.text) || !r.ids.length) return undefined;
  return /^\s+$/.test(text.slice(r.end, trig.start)) && /\b(?:ordered|had|have|has|get|got|wanted|want|keep|kept)\s+$/i.test(text.slice(Math.max(0, r.start - 12), r.start)) ? r : undefined;
}

/** "which/whom X <verb>": a resolved relative opening the clause, then an agent before the verb; [relative, agent]. */
function objectRelative(text: string, left: Ref[], clause: Clause): [Ref, Ref | undefined] | undefined {
  const inClause = left.filter((r) => r.start >= clause.start);
  const rel = inClause[0];
  if (!rel || rel.kind !== 'relative' || !rel.ids.length || rel.start - clause.start > 3) return undefined;
  const agent = inClause[1];
  // Only when something other than a finite verb follows the relative ("which the court declared", not "which declared").
  if (!/^\s+(?:the|a|an|[A-Z]|police|authorities|officials|prosecutors|courts?)\b/.test(text.slice(rel.end, rel.end + 12))) return undefined;
  return [rel, agent && agent.kind === 'name' ? agent : undefined];
}

/** "63 people were detained": the passive has its own (unnamed) subject, so it is nobody we know. */
/** A counted or unnamed crowd as the clause subject: "21 people, including four officers, were killed". */
const COUNTED_PEOPLE = /\b(?:\d[\d,]*|dozens|hundreds|thousands|scores|several|many|more than \d[\d,]*)\s+(?:[\w-]+\s+){0,2}(?:people|persons|men|women|protesters|demonstrators|activists|journalists|civilians|officers|soldiers|students|detainees|prisoners|others)\b/i;

function commonNounSubject(s: Sentence, trig: TriggerMatch, text: string): boolean {
  if (COUNTED_PEOPLE.test(text.slice(s.start, trig.start))) return true;
  let i = tokenIndexAt(s, trig.start) - 1;
  while (i >= 0) {
    const t = s.tokens[i];
    if (!t) return false;
    if (AUX.test(t.text) || SKIPPABLE.has(t.pos) || /^(?:been|being|not|never)$/i.test(t.text)) {
      i--;
      continue;
    }
    return t.pos === 'NOUN' || t.pos === 'NUM';
  }
  return false;
}

function topicBefore(references: References, sentence: number, offset: number): string[] {
  const q = references.quotes.find((x) => x.start <= offset && offset < x.end);
  if (q?.speaker.length) return q.speaker;
  for (let s = sentence - 1; s >= 0 && s >= sentence - 2; s--) {
    const t = references.topics[s];
    if (t?.length) return t.length === 1 ? t : [];
  }
  return [];
}

function findPlace(v: SentenceView, trig: TriggerMatch, clause: Clause, type: string): string | null {
  const places = v.refs.filter((r) => r.entityType === 'place' && r.start >= clause.start && r.end <= clause.end);
  const prep = (r: Ref): string => /(\w+)\s+(?:the\s+)?$/.exec(v.text.slice(Math.max(0, r.start - 16), r.start))?.[1]?.toLowerCase() ?? '';
  const after = places.filter((r) => r.start >= trig.start);
  const wanted = type === 'exile' || type === 'deportation' || type === 'extradition' ? ['to', 'in', 'into'] : ['in', 'at', 'to', 'into'];
  const displaced = /^(?:exile|deportation|asylum_|extradition)/.test(type);
  // Before the trigger only "In Minsk, police detained…"; for a move abroad the destination always follows.
  const hit =
    after.find((r) => wanted.includes(prep(r)) && r.start - trig.end < 80) ??
    (displaced ? undefined : places.find((r) => r.end <= trig.start && prep(r) === 'in' && !/,\s*$/.test(v.text.slice(clause.start, r.start).replace(/\bin\s+$/i, ''))));
  return hit?.ids[0] ?? null;
}
