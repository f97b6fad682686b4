import type { EntityType, ExtractedEntity } from '../../domain/chronicle-json.js';
import type { Segmented } from '../segment.js';

/**
 * Everything in a document that can name an event's participant: entity mentions and pronouns,
 * the pronouns resolved to entities within the document (nearest compatible person, the
 * sentence topic, a quote's speaker for "I", the last coordinated group for "they").
 */

export type RefKind = 'name' | 'pronoun' | 'relative';

export interface Ref {
  start: number;
  end: number;
  text: string;
  kind: RefKind;
  /** Entity ids it stands for: one for a name, several for "they" → a group, none when unresolved. */
  ids: string[];
  /** Type of the entity named (pronouns resolved to people are `person`). */
  entityType: EntityType | null;
  /** Index of the sentence holding it. */
  sentence: number;
  /** Generic pronoun ("you", "one"): marks the event generic. */
  generic?: boolean;
}

export interface QuoteRegion {
  start: number;
  end: number;
  /** Entity ids of the speaker, when an attribution ("X said", "X told …") names one. */
  speaker: string[];
}

export interface References {
  /** Every reference, in text order. */
  refs: Ref[];
  /** Per sentence: the person(s) the sentence is first about, after resolution. */
  topics: string[][];
  quotes: QuoteRegion[];
  /** Entity by id. */
  entities: Map<string, ExtractedEntity>;
}

const PRONOUN_RE =
  /\b(he|him|his|himself|she|her|hers|herself|they|them|their|themselves|i|me|my|myself|who|whom|whose|you|your|its|which|both|the (?:two|three|four|pair)|all of whom|all (?:three|four|five|six|seven|eight|nine|ten))\b/gi;
/** Plural references that take up a group named before ("X and Y were arrested … Both were charged"). */
const GROUP_WORDS = /^(?:they|them|their|themselves|both|the (?:two|three|four|pair)|all of whom|all (?:three|four|five|six|seven|eight|nine|ten))$/i;
/** How many a counted group word stands for. */
const GROUP_SIZE: Record<string, number> = { both: 2, two: 2, pair: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
export const SPEECH = '(?:said|says|told|tells|added|adds|explained|recalled|wrote|writes|noted|stated|insisted|claimed|complained|continued)';

type Gender = 'm' | 'f' | null;
const SPEAKS = new RegExp(`^,?\\s+${SPEECH}\\b`);

// Surname endings of Slavic and Baltic naming systems: a light hint, never decisive alone.
function guessGender(name: string): Gender {
  const parts = name.trim().split(/\s+/);
  const last = (parts[parts.length - 1] ?? '').toLowerCase();
  if (/(?:ova|eva|ina|aya|skaya|ska|yna|iene|aite|yte)$/.test(last)) return 'f';
  if (/(?:ov|ev|in|sky|ski|yev|enko|uly|as|is|us)$/.test(last)) return 'm';
  return null;
}

function pronounGender(p: string): Gender {
  const l = p.toLowerCase();
  if (l === 'he' || l === 'him' || l === 'his' || l === 'himself') return 'm';
  if (l === 'she' || l === 'her' || l === 'hers' || l === 'herself') return 'f';
  return null;
}

function findQuotes(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\u201c[^\u201c\u201d]{2,}?\u201d|"[^"\n]{2,}?"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Index of the sentence containing `offset`, by binary search over sentence starts. */
export function sentenceAt(doc: Segmented, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (s && s.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Collects mentions and pronouns and resolves the pronouns in document order. */
export function buildReferences(doc: Segmented, entities: ExtractedEntity[]): References {
  const text = doc.text;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const refs: Ref[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      refs.push({ start: m.start, end: m.end, text: m.text, kind: 'name', ids: [e.id], entityType: e.type, sentence: 0 });
    }
  }
  // Characters inside a name mention: a pronoun there is part of the name ("Who" in a title, "US").
  const covered = new Uint8Array(text.length + 1);
  for (const r of refs) covered.fill(1, r.start, r.end);
  for (let m = PRONOUN_RE.exec(text); m; m = PRONOUN_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // "I" only as a capital pronoun; "US" and names are not pronouns.
    if (m[0] === 'i' || (m[0].toLowerCase() === 'i' && m[0] !== 'I')) continue;
    if (covered[start] || covered[end - 1]) continue;
    const l = m[0].toLowerCase();
    // "both" as a determiner of a thing ("both cases", "both sides") names no people.
    if (l === 'both' && /^\s+(?:sides|cases|countries|charges|times|of (?:these|those|the (?:cases|charges)))\b/i.test(text.slice(end, end + 30))) continue;
    const kind: RefKind = l === 'who' || l === 'whom' || l === 'whose' || l === 'which' ? 'relative' : 'pronoun';
    refs.push({
      start,
      end,
      text: m[0],
      kind,
      ids: [],
      entityType: null,
      sentence: 0,
      generic: l === 'you' || l === 'your',
    });
  }
  refs.push(...describedPeople(doc, entities));
  refs.sort((a, b) => a.start - b.start);
  for (const r of refs) r.sentence = sentenceAt(doc, r.start);

  const quotes: QuoteRegion[] = findQuotes(text).map((q) => ({ ...q, speaker: [] }));
  const topics: string[][] = doc.sentences.map(() => []);
  const groups: { sentence: number; ids: string[] }[] = [];
  const personIds = (r: Ref): string[] => (r.entityType === 'person' ? r.ids : []);

  // Speakers of quotes: "…,” said X", "…,” X told …", or "X said: “…”".
  const speakerish = (r: Ref): boolean => r.entityType === 'person' || r.kind === 'pronoun';
  const refAt = (offset: number): Ref | undefined => refs.find((r) => r.start === offset && speakerish(r));
  const attribute = (q: QuoteRegion): Ref | undefined => {
    const after = text.slice(q.end, q.end + 80);
    const verbFirst = new RegExp(`^[\\s,]*${SPEECH}\\s+`).exec(after);
    if (verbFirst) return refAt(q.end + verbFirst[0].length);
    const lead = /^[\s,]*/.exec(after)?.[0].length ?? 0;
    const r = refAt(q.end + lead);
    if (r && new RegExp(`^\\s+${SPEECH}\\b`).test(text.slice(r.end, r.end + 20))) return r;
    const before = text.slice(Math.max(0, q.start - 80), q.start);
    const b = new RegExp(`${SPEECH}\\s*[:,]?\\s*$`).exec(before);
    if (!b) return undefined;
    const limit = q.start - before.length + b.index;
    const cands = refs.filter((x) => x.end <= limit && x.start >= q.start - 80 && speakerish(x));
    return cands[cands.length - 1];
  };
  const speakerRef = new Map<QuoteRegion, Ref>();
  let previous: QuoteRegion | undefined;
  for (const q of quotes) {
    const r = attribute(q);
    if (r) speakerRef.set(q, r);
    else if (previous && q.start - previous.end < 120) {
      // A quote that follows an attributed one closely goes on in the same voice.
      const p = speakerRef.get(previous);
      if (p) speakerRef.set(q, p);
    }
    previous = q;
  }
  const quoteOf = (offset: number): QuoteRegion | undefined => quotes.find((q) => q.start <= offset && offset < q.end);

  const interview = interviewOf(text, refs, entities);
  const learned = new Map<string, Gender>();
  // Genders stated beside a name, read only when a pronoun needs them.
  const stated = new Map<Ref, Gender>();
  const statedGender = (p: Ref): Gender => {
    if (!stated.has(p)) stated.set(p, appositiveGender(text, p));
    return stated.get(p) ?? null;
  };
  let lastTopic: string[] = [];
  let sentenceIndex = -1;
  let sentenceRefs: Ref[] = [];
  const closeSentence = (): void => {
    if (sentenceIndex < 0) return;
    // "Her son, the journalist X, …" is about X: a possessive determiner is not the topic.
    // So is a name's possessive before a relative named after it: "Abdel-Sattar's husband, Omar Nabil, said …".
    const first = sentenceRefs.find((r) => personIds(r).length > 0 && !r.generic && r.kind !== 'relative' && !possessiveDeterminer(text, r) && !POSSESSED_RELATIVE.test(text.slice(r.end, r.end + 40)));
    topics[sentenceIndex] = first ? personIds(first) : [];
    if (first) lastTopic = personIds(first);
    // Coordinated people ("X and Y", "X, Y and Z") make a group that "they" can take up.
    let run: string[] = [];
    let prev: Ref | undefined;
    for (const r of sentenceRefs) {
      const ids = personIds(r);
      // A place or an employer inside an appositive does not break the list.
      if (!ids.length && prev && r.kind === 'name' && APPOSITIVE_START.test(text.slice(prev.end, r.end + 1).replace(AGE_START, '') + ',')) continue;
      // Nor does the possessive of a role between two people ("X, and its editor-in-chief, Y"; "and his nephew Y").
      if (prev && r.kind === 'pronoun' && /^(?:its|his|her|their)$/i.test(r.text)) continue;
      if (ids.length === 1 && prev && coordinates(text.slice(prev.end, r.start))) {
        run.push(...ids);
      } else {
        if (new Set(run).size >= 2) groups.push({ sentence: sentenceIndex, ids: [...new Set(run)] });
        run = ids.length === 1 ? [...ids] : [];
      }
      prev = ids.length ? r : undefined;
    }
    if (new Set(run).size >= 2) groups.push({ sentence: sentenceIndex, ids: [...new Set(run)] });
  };

  for (const r of refs) {
    if (r.sentence !== sentenceIndex) {
      closeSentence();
      sentenceIndex = r.sentence;
      sentenceRefs = [];
    }
    if (r.kind === 'relative' && /^which$/i.test(r.text)) {
      // "a banned party, Group 24, which …": the organization named right before it.
      const prev = sentenceRefs[sentenceRefs.length - 1];
      if (prev && prev.kind === 'name' && prev.entityType === 'organization' && /^\s*,?\s*$/.test(text.slice(prev.end, r.start))) {
        r.ids = [...prev.ids];
        r.entityType = 'organization';
      }
    } else if (r.kind === 'relative') {
      // "X, a journalist from Aktobe, who has resided…": the nearest person before it in the sentence.
      const prev = [...sentenceRefs].reverse().find((p) => personIds(p).length > 0 && p.kind !== 'relative' && r.start - p.end < 200);
      // An unrecognised name in between ("another activist (Serikzhan M.), who") is the antecedent: leave it unresolved.
      // So is a plural noun right before it ("nine deportees who disappeared").
      const pluralNoun = /\b(?!(?:his|its|this|was|has|is|as|us)\b)[a-z]{3,}s,?\s+$/.test(text.slice(Math.max(0, r.start - 30), r.start));
      if (prev && !pluralNoun && !uncoveredName(prev.end, r.start)) {
        r.ids = personIds(prev);
        r.entityType = 'person';
      }
    } else if (r.kind === 'pronoun' && !r.generic && !r.ids.length) {
      // (A description already resolved when it was found keeps its person.)
      const l = r.text.toLowerCase();
      if (l === 'i' || l === 'me' || l === 'my' || l === 'myself') {
        const q = quoteOf(r.start);
        const sp = q ? speakerRef.get(q) : undefined;
        if (sp) {
          if (sp.kind === 'pronoun' && sp.ids.length === 0) resolveThirdPerson(sp);
          r.ids = personIds(sp).length ? personIds(sp) : sp.ids;
          r.entityType = r.ids.length ? 'person' : null;
        } else if (interview && r.start >= interview.answersFrom && !interview.questions.some(([a, b]) => a <= r.start && r.start < b)) {
          // An interview's answers speak in the interviewee's voice, quoted or not.
          r.ids = [interview.interviewee];
          r.entityType = 'person';
        }
      } else if (l === 'its') {
        // "Its website was blocked": the organization named last, in this sentence or the two before.
        const org = [...refs.slice(0, refs.indexOf(r))].reverse().find((p) => p.entityType === 'organization' && p.sentence >= r.sentence - 2);
        if (org) {
          r.ids = [...org.ids];
          r.entityType = 'organization';
        }
      } else if (GROUP_WORDS.test(l)) {
        // "they" looks two sentences back; "both", "the two" name a group plainly and reach further.
        const reach = /^(?:they|them|their|themselves)$/.test(l) ? 2 : 5;
        const size = GROUP_SIZE[l.replace(/^(?:all|the) /, '')];
        // A counted group of a size no one coordinated group has ("All six" after three pairs): the groups just told, together.
        const counted = size !== undefined && !groups.some((x) => x.sentence >= sentenceIndex - reach && x.ids.length === size) ? recentGroupsOf(size, 2) : null;
        const g = [...groups].reverse().find((x) => x.sentence >= sentenceIndex - reach && (size === undefined || x.ids.length === size)) ?? [...groups].reverse().find((x) => x.sentence >= sentenceIndex - reach);
        const own = groupBefore(sentenceRefs);
        const ids = own ?? counted ?? g?.ids;
        if (ids) {
          r.ids = [...ids];
          r.entityType = 'person';
          // "charged both men …, ordered their detention": the group taken up is the one "their" takes up next.
          if (ids.length > 1 && ids !== g?.ids) groups.push({ sentence: sentenceIndex, ids: [...ids] });
        }
      } else {
        resolveThirdPerson(r);
      }
    }
    sentenceRefs.push(r);
  }
  closeSentence();

  function uncoveredName(from: number, to: number): boolean {
    const re = /\b[A-Z][a-z\u00e0-\u024f]+/g;
    const gap = text.slice(from, to);
    for (let m = re.exec(gap); m; m = re.exec(gap)) if (!covered[from + m.index]) return true;
    return false;
  }

  /** The people of the groups told in the last `reach` sentences, newest first, when together they are exactly `n`. */
  function recentGroupsOf(n: number, reach: number): string[] | null {
    const found: string[] = [];
    for (const x of [...groups].reverse()) {
      if (x.sentence < sentenceIndex - reach || found.length >= n) break;
      found.unshift(...x.ids.filter((id) => !found.includes(id)));
    }
    return found.length === n ? found : null;
  }

  function groupBefore(rs: Ref[]): string[] | null {
    let run: string[] = [];
    let prev: Ref | undefined;
    let best: string[] | null = null;
    for (const x of rs) {
      const ids = personIds(x);
      if (!ids.length && prev && x.kind === 'name' && APPOSITIVE_START.test(text.slice(prev.end, x.end + 1) + ',')) continue;
      if (ids.length === 1 && prev && coordinates(text.slice(prev.end, x.start))) run.push(...ids);
      else run = ids.length === 1 ? [...ids] : [];
      if (new Set(run).size >= 2) best = [...new Set(run)];
      prev = ids.length ? x : undefined;
    }
    return best;
  }

  function compatible(ids: string[], g: Gender): boolean {
    if (ids.length !== 1) return false;
    const e = byId.get(ids[0] ?? '');
    if (!e || e.type !== 'person') return false;
    const eg = learned.get(e.id) ?? guessGender(e.name);
    return !g || !eg || eg === g;
  }

  function resolveThirdPerson(r: Ref): void {
    const g = pronounGender(r.text);
    // Same sentence: its first person (the topic of the sentence so far).
    const own = sentenceRefs.filter((p) => p.sentence === r.sentence && p.start < r.start && !p.generic);
    // "His cousin, X, vanished after he was detained": a possessive determiner yields to the name after it.
    // A gender stated beside the name ("His wife, X, said … warned him") rules it out in its own sentence.
    const fits = (p: Ref): boolean => {
      if (!compatible(personIds(p), g)) return false;
      const said = g && p.kind === 'name' ? statedGender(p) : null;
      return !said || said === g;
    };
    // "…took his phone, she said.": a trailing attribution is the voice of the one who last spoke (", his wife,
    // Remedios Ayingono, told Wire"), not the topic the reported words are about.
    if (/^(?:he|she)$/i.test(r.text) && /[,"”]\s*$/.test(text.slice(Math.max(0, r.start - 3), r.start)) && SPEAKS.test(text.slice(r.end, r.end + 16))) {
      const speaker = [...refs.slice(0, refs.indexOf(r))]
        .reverse()
        .find((p) => p.sentence >= r.sentence - 2 && p.kind === 'name' && SPEAKS.test(text.slice(p.end, p.end + 16)));
      const ids = speaker && fits(speaker) ? personIds(speaker) : [];
      if (ids.length === 1 && ids[0]) {
        r.ids = [...ids];
        r.entityType = 'person';
        if (g && !learned.has(ids[0])) learned.set(ids[0], g);
        return;
      }
    }
    let firstOwn = own.find((p) => !possessiveDeterminer(text, p) && fits(p)) ?? own.find(fits);
    // "X said Y had been beaten before he was killed": inside the report, the one reported on, not the speaker.
    if (firstOwn && SPEAKS.test(text.slice(firstOwn.end, firstOwn.end + 16))) {
      const speaker = firstOwn;
      firstOwn = own.find((p) => p.start > speaker.end && p.kind === 'name' && fits(p)) ?? speaker;
    }
    let ids: string[] | undefined = firstOwn ? personIds(firstOwn) : undefined;
    if (!ids) {
      for (let s = r.sentence - 1; s >= 0 && s >= r.sentence - 6; s--) {
        const t = topics[s];
        if (t && compatible(t, g)) {
          ids = t;
          break;
        }
        // The sentence just before is about someone else ("Serik's wife, Aizhan Bekova, … froze her accounts"):
        // the first person of it that fits, before an older topic.
        if (s === r.sentence - 1 && g) {
          const fitting = refs.find((p) => p.sentence === s && p.kind === 'name' && compatible(personIds(p), g) && statedGender(p) === g);
          if (fitting) {
            ids = personIds(fitting);
            break;
          }
        }
      }
    }
    if (!ids && compatible(lastTopic, g)) ids = lastTopic;
    if (!ids) {
      // The topic does not fit ("she … her son X … him"): the nearest fitting name in the last three sentences.
      for (let i = refs.indexOf(r) - 1; i >= 0; i--) {
        const p = refs[i];
        if (!p || p.sentence < r.sentence - 3) break;
        if (p.kind === 'name' && compatible(personIds(p), g)) {
          ids = personIds(p);
          break;
        }
      }
    }
    if (ids) {
      r.ids = [...ids];
      r.entityType = 'person';
      // "he" fixes the gender of the person it stands for, so a later "she" looks elsewhere.
      // Not from a possessive ("the king and his family"): it too often belongs to a noun that names nobody.
      if (g && ids.length === 1 && ids[0] && !learned.has(ids[0]) && !possessiveDeterminer(text, r)) learned.set(ids[0], g);
    }
  }

  // A "which" that names no organization is left to the clause (it may stand for an event).
  for (let i = refs.length - 1; i >= 0; i--) {
    const r = refs[i];
    if (r && r.kind === 'relative' && /^which$/i.test(r.text) && !r.ids.length) refs.splice(i, 1);
  }
  // A lede that describes before it names ("A teacher who … said. Abdulla Rozi, 52, was …"): the name that opens the next sentence.
  for (const r of refs) {
    if (r.ids.length || r.generic || !/^(?:he|him|his|she|her|who|whom|whose)$/i.test(r.text)) continue;
    if (refs.some((p) => p.sentence === r.sentence && p.start < r.start && p.kind === 'name' && p.entityType === 'person')) continue;
    const next = doc.sentences[r.sentence + 1];
    const first = refs.find((p) => p.sentence === r.sentence + 1);
    if (next && first && first.kind === 'name' && first.entityType === 'person' && first.start - next.start <= 2) {
      r.ids = [...first.ids];
      r.entityType = 'person';
    }
  }
  for (const q of quotes) {
    const sp = speakerRef.get(q);
    if (sp) q.speaker = personIds(sp);
  }
  const described = definiteDescriptions(doc, refs, topics);
  if (described.length) {
    refs.push(...described);
    refs.sort((a, b) => a.start - b.start);
  }
  return { refs, topics, quotes, entities: byId };
}

/** A question-and-answer part of a report: its question paragraphs, where the answers begin, who answers. */
interface Interview {
  questions: [number, number][];
  answersFrom: number;
  interviewee: string;
}

const INTERVIEWED = /\b(?:spoke (?:to|with)|talked (?:to|with)|interviewed|asked)\s+$/i;

/**
 * Two or more paragraphs that are a single short question make the report an interview. The one who
 * answers is the person named right after "spoke to", "interviewed" before the first question, else the
 * person named most often.
 */
function interviewOf(text: string, refs: readonly Ref[], entities: readonly ExtractedEntity[]): Interview | null {
  const questions: [number, number][] = [];
  const paragraph = /[^\n]+/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const p = m[0].trim();
    if (p.length > 0 && p.length < 200 && p.endsWith('?') && !/[.!]\s/.test(p) && !/^["“]/.test(p)) questions.push([m.index, m.index + m[0].length]);
  }
  if (questions.length < 2) return null;
  const firstQuestion = questions[0]?.[0] ?? 0;
  const introduced = refs.find((r) => r.kind === 'name' && r.entityType === 'person' && r.start < firstQuestion && INTERVIEWED.test(text.slice(Math.max(0, r.start - 20), r.start)));
  const people = entities.filter((e) => e.type === 'person');
  const mostNamed = [...people].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const interviewee = introduced?.ids[0] ?? mostNamed?.id;
  return interviewee ? { questions, answersFrom: firstQuestion, interviewee } : null;
}

const KIN_F = /^(?:wife|mother|sister|daughter|widow|girlfriend|fiancée|fiancee|grandmother|granddaughter|aunt|niece|businesswoman|woman|mrs|ms)$/i;
const KIN_M = /^(?:husband|father|brother|son|widower|boyfriend|fiancé|fiance|grandfather|grandson|uncle|nephew|businessman|man|mr)$/i;
const KIN_BEFORE = /\b([A-Za-z]+)\.?,?\s+(?:the\s+[\w-]+\s+)?$/;
const KIN_AFTER = /^,\s+(?:his|her|their|the|a|an)\s+([A-Za-z]+)\b/;

/**
 * Genders the text states: "His wife, Nasrin Akter," "Her son, the journalist X", "Mr X", "X, her husband".
 * Only that mention carries it (a name shared by relatives may stand for both): pronouns of its sentence test
 * against it, so "warned him" does not go to the wife.
 */
function appositiveGender(text: string, r: Ref): Gender {
  const before = KIN_BEFORE.exec(text.slice(Math.max(0, r.start - 30), r.start))?.[1] ?? '';
  const after = KIN_AFTER.exec(text.slice(r.end, r.end + 30))?.[1] ?? '';
  return KIN_F.test(before) || KIN_F.test(after) ? 'f' : KIN_M.test(before) || KIN_M.test(after) ? 'm' : null;
}

/** "his", "their", and "her" before a noun: a possessive determiner, not a participant. */
function possessiveDeterminer(text: string, r: Ref): boolean {
  if (r.kind !== 'pronoun') return false;
  if (/^(?:his|their|its|my|your|our)$/i.test(r.text)) return true;
  if (!/^her$/i.test(r.text)) return false;
  const next = /^\s+([a-z][\w’'-]*)/.exec(text.slice(r.end, r.end + 30))?.[1] ?? '';
  return next !== '' && !/^(?:to|and|or|in|on|at|for|with|from|of|by|that|as|after|before|again|once|twice|for|into|out|up|off|down|back|away|\w+ly)$/i.test(next);
}

/** A word shaped like an occupation ("cameraman", "coordinator", "presenter"), never a verb form. */
const ROLE_SHAPED = '[a-z-]*(?:er|or|ist|man|woman|ian|ant|ent|ee)';
const COORDINATED_ROLE = '(?:brother|sister|wife|husband|son|daughter|colleague|cousin|nephew|niece|mother|father|student|activist|journalist|blogger|lawyer|reporter|editor)';
/**
 * Whether `gap` joins two people: a coordination, after an appositive on the first one if any
 * ("Yakobus Doga, a law student at Cenderawasih University, and fellow student Elias Murib").
 */
export function coordinates(gap: string): boolean {
  return COORDINATION_GAP.test(gap.replace(AGE_START, '').replace(APPOSITIVE_START, ''));
}
/** An age after a name: "Aibek Sydykov, 29, and Nurzhan Toktogulova, 26, were arrested". */
const AGE_START = /^\s*,\s*\d{1,3}(?=\s*,)/;
/** A possessive name before a relative or colleague named next: "X's husband, Y". */
const POSSESSED_RELATIVE = /^['’]s\s+(?:[a-z-]+\s+){0,2}?(?:wife|husband|son|daughter|brother|sister|mother|father|lawyer|colleague|cousin|uncle|aunt|nephew|niece|partner|widow),/;
const APPOSITIVE_START = /^\s*,\s+(?:(?:a|an|the|his|her|their)\s|(?=[a-z][a-z-]+\s+(?:of|at|for)\s))[^,;()]{1,80}(?=,)/;

/**
 * What may stand between coordinated people: "X and Y", "X, Y and Z", "X and fellow student Y",
 * "X and her brother, Y", "X and project coordinator Y".
 */
const COORDINATION_GAP = new RegExp(
  `^\\s*(?:,|and|&|,\\s*and)\\s*(?:(?:(?:his|her|their|its|fellow|the)\\s+)?(?:[a-z-]+\\s+)?(?:${COORDINATED_ROLE}|${ROLE_SHAPED})(?:-in-chief)?\\s*,?\\s*)?$`,
);

export const ROLE =
  "(?:human rights (?:lawyer|defender|activist)|trade unionist|asylum seeker|[a-z]{3,}ist|lecturer|lawyer|attorney|journalist|reporter|editor|blogger|cartoonist|activist|dissident|defender|campaigner|rapper|singer|musician|artist|poet|writer|novelist|academic|scholar|professor|teacher|student|researcher|politician|priest|pastor|imam|monk|nun|doctor|businessman|businesswoman|entrepreneur|farmer|unionist|filmmaker|photographer|critic|volunteer|refugee|lawmaker|opposition (?:figure|leader|member)|man|woman|mother|father|grandmother|grandfather)";
// An indefinite description opening a sentence, after an optional wire dateline ("CAIRO, June 5 (Agency) - An Egyptian cartoonist …").
const DESCRIPTION_RE = new RegExp(`^(?:[A-Z][A-Z .'-]+,?[^\\n]{0,40}?\\s[-\\u2013\\u2014]+\\s+)?(An?\\s+(?:[\\w\\u2019'-]+\\s+){0,6}?${ROLE})\\b`);

// Roles a definite description may use for someone already named ("The 34-year-old blogger left …"); not kin or "man".
const DEFINITE_RE = new RegExp(`^The\\s+(?:[\\w’'-]+\\s+){0,4}?(?!(?:man|woman|mother|father|grandmother|grandfather)\\b)${ROLE}\\b(?![’'-]|\\s+[A-Z])`);

/**
 * "Merdan Orazov has slept … The 34-year-old Turkmen blogger left Ashgabat": a definite description
 * opening a sentence stands for the person the sentence before (or the one before that) is about.
 */
function definiteDescriptions(doc: Segmented, refs: Ref[], topics: string[][]): Ref[] {
  const out: Ref[] = [];
  doc.sentences.forEach((s, index) => {
    // Cheap test first: most sentences do not open with "The".
    if (index === 0 || doc.text.charCodeAt(s.start) !== 84 || !doc.text.startsWith('The ', s.start)) return;
    const m = DEFINITE_RE.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 90)));
    if (!m) return;
    const end = s.start + m[0].length;
    if (refs.some((r) => r.start < end && r.end > s.start)) return;
    const topic = topics[index - 1]?.length ? topics[index - 1] : topics[index - 2];
    if (!topic || topic.length !== 1) return;
    out.push({ start: s.start, end, text: m[0], kind: 'pronoun', ids: [...topic], entityType: 'person', sentence: index });
  });
  return out;
}

/**
 * "A Tajik lawyer who … was deported. … Turkish police detained Rustam Nazarov": a person introduced
 * by description stands for the person named first in the next two sentences when that name is new
 * there, else (in the lede) for the person the article names most.
 */
function describedPeople(doc: Segmented, entities: ExtractedEntity[]): Ref[] {
  const people = entities.filter((e) => e.type === 'person' && e.mentions.length);
  if (!people.length) return [];
  const out: Ref[] = [];
  const first = new Map(people.map((e) => [e, Math.min(...e.mentions.map((m) => m.start))]));
  const firstMention = (e: ExtractedEntity): number => first.get(e) ?? 0;
  doc.sentences.forEach((s, index) => {
    // Cheap test first: most sentences open with no article.
    if (!/^[^a-z]{0,60}?\bAn?\s/.test(doc.text.slice(s.start, s.start + 64)) && !/[-\u2013\u2014]\s+An?\s/.test(doc.text.slice(s.start, s.start + 90))) return;
    const m = DESCRIPTION_RE.exec(doc.text.slice(s.start, s.end));
    if (!m || !m[1]) return;
    const start = s.start + m[0].length - m[1].length;
    const end = s.start + m[0].length;
    if (people.some((e) => e.mentions.some((x) => x.start >= start && x.start < end))) return;
    const until = doc.sentences[index + 2]?.end ?? doc.text.length;
    const named = people
      .filter((e) => firstMention(e) > end && firstMention(e) < until)
      .sort((a, b) => firstMention(a) - firstMention(b))[0];
    const main = index <= 2 ? [...people].sort((a, b) => b.mentions.length - a.mentions.length)[0] : undefined;
    const who = named ?? main;
    if (who) out.push({ start, end, text: doc.text.slice(start, end), kind: 'pronoun', ids: [who.id], entityType: 'person', sentence: index });
  });
  return out;
}
