import type { Token } from '../segment.js';
import { CALENDAR_NAMES, MONTHS } from '../timex/lexicon.js';
import { GAZETTEER_CATEGORIES, type Gazetteer } from './gazetteer.js';
import { DEMONYMS, INSTITUTION_WORDS, ORG_HEADS, PERSON_TITLES } from './lexicon.js';
import type { Mention, MentionType } from './mentions.js';

/**
 * Repairs of the tagger's spans that its per-token view cannot make: the long names of institutions
 * ("Secretariat of Human Rights", "Security and Intelligence Service", "Journalists' Union"), names run
 * into the words around them, a person's name split at a particle, and people the tagger took for an
 * organization or place although the sentence says what they are ("radio reporter Floriane Niyonzima").
 */
export function repairMentions(text: string, sequences: readonly Token[][], mentions: readonly Mention[], gazetteer?: Gazetteer): Mention[] {
  // Mentions and sequences both run in document order: one walk hands each sequence its mentions.
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let at = 0;
  for (const tokens of sequences) {
    const head = tokens[0];
    const tail = tokens[tokens.length - 1];
    if (!head || !tail) continue;
    while (at < sorted.length && (sorted[at]?.start ?? 0) < head.start) out.push(sorted[at++] as Mention);
    const mine: Mention[] = [];
    while (at < sorted.length && (sorted[at]?.start ?? 0) < tail.end) mine.push(sorted[at++] as Mention);
    if (mine.length) out.push(...repairSequence(text, tokens, mine, gazetteer));
  }
  while (at < sorted.length) out.push(sorted[at++] as Mention);
  return out.sort((a, b) => a.start - b.start);
}

/** Words glued to a name by a hyphen that make it a modifier ("Putin-led", "Kyiv-based"). */
const HYPHEN_MODIFIERS = new Set(['led', 'run', 'era', 'born', 'made', 'type', 'like', 'free', 'wide', 'held']);

/** Lower-case words that may stand inside an organization's name. */
const ORG_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'de', 'del', 'la', 'du', 'des', 'y', 'et', '&']);
/** Words after an institution that carry its name on ("Commission on Human Rights"). */
const NAME_LINKS = new Set(['of', 'for', 'on']);
/** Possessors that begin an institution's name ("Attorney General's Office", "Journalists' Union"). */
const POSSESSIVE = /^['’]s?$/;

/** Occupations and roles written before a person's name in news ("radio reporter Floriane Niyonzima"). */
const ROLE_NOUNS = new Set([
  ...PERSON_TITLES,
  'reporter', 'correspondent', 'photographer', 'cameraman', 'editor', 'presenter', 'host', 'anchor',
  'columnist', 'cartoonist', 'teacher', 'student', 'students', 'preacher', 'cleric', 'pastor', 'doctor',
  'nurse', 'farmer', 'worker', 'unionist', 'spokesman', 'spokeswoman', 'spokesperson', 'researcher',
  'academic', 'scholar', 'economist', 'politician', 'lawmaker', 'candidate', 'musician', 'singer', 'rapper',
  'filmmaker', 'director', 'founder', 'campaigner', 'defender', 'advocate', 'organiser', 'organizer',
  'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'mother', 'father', 'uncle', 'aunt', 'cousin',
  'nephew', 'niece', 'colleague', 'friend', 'associate', 'client', 'neighbour', 'neighbor', 'widow',
]);

/** Last words that only an institution's name ends with (unlike "Post", "Times" or "Front", which places and people share). */
const INSTITUTION_HEADS = new Set([
  'university', 'college', 'court', 'ministry', 'committee', 'commission', 'party', 'bank', 'agency', 'council',
  'service', 'institute', 'authority', 'bureau', 'union', 'network', 'media', 'monitor', 'initiative', 'centre',
  'center', 'foundation', 'association', 'federation', 'league', 'movement', 'directorate', 'office', 'department',
  'tribunal', 'procuratorate', 'secretariat', 'inspectorate', 'forum', 'coalition', 'alliance', 'observatory', 'syndicate',
  'collective', 'hospital',
]);
/** Institution heads that end place names too ("Soviet Union", "Rockefeller Center", "Oval Office"). */
const PLACE_HEADS_TOO = new Set(['union', 'centre', 'center', 'office']);
/** Capitalised words that begin sentences and titles, never names. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'of', 'to', 'and', 'but', 'by', 'from', 'with', 'as', 'this', 'that', 'its', 'his', 'her', 'their', 'when', 'after', 'before', 'since', 'while', 'if']);

/** First words that make a name an organization's whatever the tagger said. */
const ORG_FIRST_WORDS = new Set(['radio', 'television', 'tv', 'bank', 'university', 'college', 'hotel', 'club', 'church', 'channel', 'agency', 'institute', 'studio', 'theatre', 'theater']);

const isTitleWord = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text);
const isLowerWord = (t: Token | undefined): boolean => t !== undefined && /^\p{Ll}/u.test(t.text);
const lastWord = (m: Mention): string => (m.tokens[m.tokens.length - 1]?.text ?? '').toLowerCase();
const hasOrgHead = (toks: readonly Token[]): boolean => toks.some((t) => ORG_HEADS.has(t.text.toLowerCase()));

/** The words of a name as written ("Al-Hawamdeh" is one, though the tokenizer splits it at the hyphen). */
const words = (m: Mention): string[] => m.text.split(/\s+/);
/** Capitalised words, hyphenated ones too ("Ziad Al-Hawamdeh", "Abdel-Sattar"): the shape of a person's name. */
const looksLikeName = (m: Mention): boolean => words(m).every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u.test(w));
/** A name tagged as something else that has a person's shape: up to three capitalised words, no organization head, no demonym. */
const mayBePerson = (m: Mention): boolean =>
  m.type !== 'person' && m.type !== 'misc' && words(m).length <= 3 && !hasOrgHead(m.tokens) && looksLikeName(m) && !DEMONYMS.has(m.text.toLowerCase());
/** Arabic family names joined to their article or kinship word: "Al-Hawamdeh", "Abu-Zeid", "Bin-Salem". */
const ARABIC_FAMILY_NAME = /^(?:Al|El|Abu|Bin|Ibn|Abd|Abdel|Abdul)-\p{Lu}\p{Ll}+$/u;

function mentionOf(text: string, toks: Token[], type: MentionType): Mention {
  const head = toks[0] as Token;
  const tail = toks[toks.length - 1] as Token;
  return { start: head.start, end: tail.end, text: text.slice(head.start, tail.end), type, tokens: toks };
}

function repairSequence(text: string, tokens: readonly Token[], input: Mention[], gazetteer?: Gazetteer): Mention[] {
  const index = new Map(tokens.map((t, i) => [t.start, i]));
  const first = (m: Mention): number => index.get(m.tokens[0]?.start ?? -1) ?? -1;
  const last = (m: Mention): number => index.get(m.tokens[m.tokens.length - 1]?.start ?? -1) ?? -1;
  let list = input
    .flatMap((m) => splitPersonOfOrganization(text, m))
    .flatMap((m) => splitCoordinatedPeople(text, m))
    .filter((m) => !(m.tokens.length === 1 && m.type !== 'person' && CALENDAR_WORDS.has(lastWord(m)) && m.type !== 'misc'))
    .sort((a, b) => a.start - b.start);

  // A person's name the tagger cut in two at a particle: "Hamad" + "al-Suwaidi".
  const joined: Mention[] = [];
  for (const m of list) {
    const prev = joined[joined.length - 1];
    const particle = /^(?:al|el|bin|ibn|abu|ben|van|von|de|da|di|du|le|la)$/i.test(m.tokens[0]?.text ?? '');
    // "Mona Abdel" + "-" + "Sattar": a hyphenated surname cut at its hyphen.
    const hyphen = tokens[first(m) - 1];
    const hyphenated = prev && (prev.type === 'person' || m.type === 'person') && hyphen?.text === '-' && first(m) === last(prev) + 2 && hyphen.start === prev.end && hyphen.end === m.start;
    // "Thierno Boubacar" + "Sow": two person spans with nothing between are one name.
    if (prev && prev.type === 'person' && m.type === 'person' && first(m) === last(prev) + 1 && (particle || prev.tokens.length === 1 || m.tokens.length === 1)) {
      joined[joined.length - 1] = mentionOf(text, [...prev.tokens, ...m.tokens], 'person');
    } else if (prev && hyphenated && hyphen) {
      joined[joined.length - 1] = mentionOf(text, [...prev.tokens, hyphen, ...m.tokens], 'person');
    } else joined.push(m);
  }
  list = joined.map((m) => {
    // "Abdel-Sattar" with only "Abdel" tagged: the hyphen-glued capitalised word ends the name.
    const hyphen = tokens[last(m) + 1];
    const next = tokens[last(m) + 2];
    // Cantonese given names go on in lower case ("Raymond Yiu Chi-wai"); "Putin-backed" is a modifier, not a name.
    const glued = hyphen?.text === '-' && hyphen.start === m.end && next !== undefined && next.start === hyphen.end &&
      (/^\p{Lu}\p{Ll}+$/u.test(next.text) || (/^\p{Ll}{2,4}$/u.test(next.text) && !HYPHEN_MODIFIERS.has(next.text)));
    const free = glued && !joined.some((o) => o !== m && o.tokens.some((t) => t.start === next.start));
    return m.type === 'person' && glued && free && next && hyphen ? mentionOf(text, [...m.tokens, hyphen, next], 'person') : m;
  });

  const covering = (i: number): Mention | undefined => list.find((m) => first(m) <= i && i <= last(m));
  const replace = (absorbed: Mention[], made: Mention): void => {
    list = [...list.filter((m) => !absorbed.includes(m)), made].sort((a, b) => a.start - b.start);
  };

  for (const m of [...list]) {
    if (!list.includes(m) || m.type !== 'organization') continue;
    let from = first(m);
    let to = last(m);
    // "Commission on Human Rights", "Bureau for Human Rights and Rule of Law".
    if (ORG_HEADS.has(lastWord(m)) && NAME_LINKS.has(tokens[to + 1]?.text ?? '')) {
      let j = to + 2;
      if (tokens[j]?.text === 'the') j++;
      const end = capitalisedRunEnd(tokens, j, covering);
      const run = end >= j ? list.filter((x) => first(x) >= j && last(x) <= end) : [];
      const onlyPlace = run.length === 1 && run[0]?.type === 'place' && first(run[0]) === j && last(run[0]) === end;
      if (end >= j && !onlyPlace) to = end;
    }
    // "Security and Intelligence Service", "Justice and Dignity Committee".
    if (tokens[from - 1]?.text === 'and' && isTitleWord(tokens[from - 2]) && from - 2 > 0 && hasOrgHead(m.tokens)) {
      const other = covering(from - 2);
      if (!other || other.type === 'organization') from = other ? first(other) : from - 2;
    }
    // "Burundian Journalists' Union", "Attorney General's Office": a possessor that is no person or place.
    if (POSSESSIVE.test(tokens[from - 1]?.text ?? '') && isTitleWord(tokens[from - 2]) && hasOrgHead(m.tokens)) {
      const possessor = covering(from - 2);
      const word = tokens[from - 2]?.text ?? '';
      const institutional = /s$/.test(word) || /^(?:General|People|Women|Children|Men)$/.test(word);
      if (institutional && (!possessor || possessor.type === 'organization')) {
        let start = possessor ? first(possessor) : from - 2;
        while (!possessor && start > 1 && isTitleWord(tokens[start - 1]) && !covering(start - 1)) start--;
        from = start;
      }
    }
    // "Ethiopian Media Authority" tagged as "Authority", "Central Asian Media" + "Defence Network": the capitalised
    // words around an institution's head are its name.
    if (INSTITUTION_HEADS.has(lastWord(m)) && from === first(m)) {
      while (from > 0 && isTitleWord(tokens[from - 1]) && !FUNCTION_WORDS.has(tokens[from - 1]?.text.toLowerCase() ?? '') && !covering(from - 1)) from--;
    }
    if (to === last(m)) {
      let k = to + 1;
      // Another name in the way stops it, unless it is the head word itself tagged alone ("Network" as a person).
      const passable = (i: number): boolean => {
        const other = covering(i);
        return !other || other.type === 'organization' || (other.tokens.length === 1 && INSTITUTION_HEADS.has(lastWord(other)));
      };
      // A plural possessor inside the name carries it on: "Jordan Teachers" + "' Syndicate".
      const possessiveInside = (i: number): boolean => POSSESSIVE.test(tokens[i]?.text ?? '') && /s$/.test(tokens[i - 1]?.text ?? '') && isTitleWord(tokens[i + 1]);
      while (k < tokens.length && k - to <= 3 && ((isTitleWord(tokens[k]) && passable(k)) || possessiveInside(k))) k++;
      if (k - 1 > to && INSTITUTION_HEADS.has(tokens[k - 1]?.text.toLowerCase() ?? '')) to = k - 1;
    }
    if (from === first(m) && to === last(m)) continue;
    const toks = tokens.slice(from, to + 1);
    const absorbed = list.filter((x) => first(x) >= from && last(x) <= to);
    replace(absorbed, mentionOf(text, toks, 'organization'));
  }

  // "Security" of "Lebanon's General Security" tagged as a person: the institution, with the word before it.
  for (const m of [...list]) {
    if (m.type !== 'person' || m.tokens.length !== 1 || !INSTITUTION_WORDS.has(lastWord(m))) continue;
    const i = first(m);
    const before = tokens[i - 1];
    const extend = i > 1 && isTitleWord(before) && !covering(i - 1);
    replace([m], mentionOf(text, extend ? tokens.slice(i - 1, i + 1) : [...m.tokens], 'organization'));
  }

  // "Radio Inanga", "Tunuk Media", "Xinjiang University": a name that begins or ends with what it is.
  for (const m of list) {
    if (m.type === 'person' && m.tokens.length > 1 && (ORG_FIRST_WORDS.has(m.tokens[0]?.text.toLowerCase() ?? '') || ORG_HEADS.has(lastWord(m)) || (INSTITUTION_HEADS.has(lastWord(m)) && !PLACE_HEADS_TOO.has(lastWord(m))))) m.type = 'organization';
    if (m.type === 'place' && m.tokens.length > 1 && INSTITUTION_HEADS.has(lastWord(m)) && !PLACE_HEADS_TOO.has(lastWord(m))) m.type = 'organization';
    // "Ziad Al-Hawamdeh": a given name before an Arabic family name.
    if (m.type !== 'person' && words(m).length >= 2 && words(m).slice(1).some((w) => ARABIC_FAMILY_NAME.test(w)) && looksLikeName(m) && !hasOrgHead(m.tokens) && !INSTITUTION_HEADS.has(lastWord(m))) m.type = 'person';
    // Vietnamese names carry "Thi" or "Van" in the middle: "Vu Thi Lan", "Nguyen Van An".
    if (m.type !== 'person' && m.tokens.length === 3 && /^(?:Thi|Thị|Van|Văn)$/.test(m.tokens[1]?.text ?? '')) m.type = 'person';
  }

  // A name after an occupation or before an age is a person's: "radio reporter Floriane Niyonzima", "Niyonzima, 31,".
  for (const m of list) {
    if (!mayBePerson(m)) continue;
    const before = tokens[first(m) - 1];
    const role = before !== undefined && isLowerWord(before) && ROLE_NOUNS.has(before.text.toLowerCase());
    const age = tokens[last(m) + 1]?.text === ',' && /^\d{2}$/.test(tokens[last(m) + 2]?.text ?? '') && tokens[last(m) + 3]?.text === ',';
    if ((role && m.tokens.length >= 2) || age) m.type = 'person';
  }

  // A sentence that opens with a name the tagger left out, or left half out: "Bekzat Omarov, who was filmed …",
  // "Sheema Baloch was ordered detained", "Sakhile" before a tagged "Mkhabela was arrested".
  const opener = openingName(text, tokens, covering, gazetteer);
  if (opener) replace(list.filter((m) => first(m) >= 0 && first(m) < opener.tokens.length), opener);

  // What only happens to people: "officers told Reinaldo Cárdenas", "ordered Levan Mchedlishvili jailed",
  // "Mkhabela was arrested". A name the gazetteer knows as a place or organization keeps its type.
  for (const m of list) {
    if (!mayBePerson(m) || INSTITUTION_HEADS.has(lastWord(m)) || knownNotPerson(m.text, gazetteer)) continue;
    const before = tokens[first(m) - 1]?.text ?? '';
    const after = tokens.slice(last(m) + 1, last(m) + 4).map((t) => t.text.toLowerCase());
    const passive = (after[0] === 'was' || after[0] === 'were') && DONE_TO_PEOPLE.has(after[1] ?? '')
      || (after[0] === 'has' || after[0] === 'had') && after[1] === 'been' && DONE_TO_PEOPLE.has(after[2] ?? '');
    const ordered = (before === 'ordered' || before === 'followed') && (DONE_TO_PEOPLE.has(after[0] ?? '') || after[0] === 'held' || after[0] === 'home');
    // "sentenced Anglophone journalist Emmanuel Ngwa": a word before the person's name describes them.
    const modifier = ROLE_NOUNS.has(after[0] ?? '') || isTitleWord(tokens[last(m) + 1]);
    // Outlets are told things too ("told Sahel Wire"); a warning that follows names a person.
    const spokenTo = (before !== 'told' && before !== 'warned') || /^(?:he|she|that|to|not)$/.test(after[0] ?? '');
    if ((DONE_TO_PEOPLE.has(before) && !modifier && spokenTo) || passive || ordered) m.type = 'person';
  }
  return list;
}

/**
 * "Thierno Boubacar" tagged and "Sow" added by propagation right after it: two people's spans with only a
 * space between are one name.
 */
export function joinAdjacentPeople(text: string, mentions: readonly Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  for (const m of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'person' && m.type === 'person' && m.start === prev.end + 1 && text[prev.end] === ' ' && (prev.tokens.length === 1 || m.tokens.length === 1)) {
      out[out.length - 1] = mentionOf(text, [...prev.tokens, ...m.tokens], 'person');
    } else out.push(m);
  }
  return out;
}

/**
 * "Nsue" and "Ángel Nsue" tagged as organizations in a report about Celestino Nsue Ondo and Ángel Nsue Ondo:
 * a short name whose every word stands inside a person's longer name in the same document is that person's
 * (family names are used alone and in part), unless the gazetteer knows it as a place or organization.
 */
export function retypeNameParts(mentions: readonly Mention[], gazetteer?: Gazetteer): Mention[] {
  const personWords = new Set<string>();
  const familyNames = new Set<string>();
  for (const m of mentions) {
    const ws = words(m);
    if (m.type !== 'person' || ws.length < 2) continue;
    for (const w of ws) personWords.add(w);
    for (const w of ws.slice(1)) familyNames.add(w);
  }
  return mentions.map((m) => {
    if (m.type !== 'organization' && m.type !== 'place') return m;
    const ws = words(m);
    // A lone word must be a family name: a given name alone ("Rif" of a mistyped "Rif Today") is too often something else.
    const known = ws.length === 1 ? familyNames : personWords;
    if (ws.length > 2 || !ws.every((w) => known.has(w) && /^\p{Lu}\p{Ll}/u.test(w))) return m;
    if (hasOrgHead(m.tokens) || DEMONYMS.has(m.text.toLowerCase())) return m;
    if (knownNotPerson(m.text, gazetteer)) return m;
    return { ...m, type: 'person' };
  });
}

/** What may follow a person's name that opens a sentence: a relative "who", an age, a passive of what is done to people. */
function saysPerson(tokens: readonly Token[], at: number): boolean {
  const w = (k: number): string => tokens[at + k]?.text.toLowerCase() ?? '';
  if (w(0) === ',' && (w(1) === 'who' || (/^\d{2}$/.test(w(1)) && w(2) === ','))) return true;
  if ((w(0) === 'was' || w(0) === 'were') && (DONE_TO_PEOPLE.has(w(1)) || w(1) === 'ordered')) return true;
  return (w(0) === 'has' || w(0) === 'had') && w(1) === 'been' && DONE_TO_PEOPLE.has(w(2));
}

/** The person's name a sentence opens with when the tagger missed all of it or its first word (see repairSequence). */
function openingName(text: string, tokens: readonly Token[], covering: (i: number) => Mention | undefined, gazetteer?: Gazetteer): Mention | undefined {
  const plain = (i: number): boolean => {
    const t = tokens[i];
    const low = t?.text.toLowerCase() ?? '';
    return t !== undefined && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !covering(i) &&
      !FUNCTION_WORDS.has(low) && !PERSON_TITLES.has(low) && !ROLE_NOUNS.has(low) && !CALENDAR_WORDS.has(low) && !INSTITUTION_WORDS.has(low) && !DEMONYMS.has(low);
  };
  let n = 0;
  while (n < 3 && plain(n)) n++;
  if (n === 0) return undefined;
  const tagged = covering(n);
  let toks: Token[];
  if (n === 1 && tagged && tagged.type !== 'organization' && tagged.tokens.length === 1 && tagged.tokens[0]?.start === tokens[1]?.start) {
    // "Sakhile" + a tagged "Mkhabela", "Bekzat" + "Omarov" tagged as something else: the first word joins the surname.
    if (tagged.type !== 'person' && !saysPerson(tokens, 2)) return undefined;
    toks = [tokens[0] as Token, ...tagged.tokens];
  } else {
    if (n < 2 || tagged || !saysPerson(tokens, n)) return undefined;
    toks = tokens.slice(0, n);
  }
  const name = mentionOf(text, toks, 'person');
  if (hasOrgHead(toks) || knownNotPerson(name.text, gazetteer)) return undefined;
  return name;
}

/** Verbs whose object, or passive subject, is a person in news ("police detained", "was sentenced"). */
const DONE_TO_PEOPLE = new Set([
  'told', 'warned', 'arrested', 'detained', 'sentenced', 'jailed', 'imprisoned', 'summoned', 'questioned', 'interrogated',
  'tortured', 'beat', 'beaten', 'abducted', 'kidnapped', 'freed', 'released', 'convicted', 'acquitted', 'deported',
  'extradited', 'threatened', 'interviewed',
]);
/** Gazetteer categories that make a name a place's or an organization's whatever its context. */
const KNOWN_NOT_PERSON = (['country', 'city', 'geo', 'org'] as const).reduce((bits, c) => bits | (1 << GAZETTEER_CATEGORIES.indexOf(c)), 0);
/** Whether the gazetteer (when there is one) knows `name` as a place or an organization. */
const knownNotPerson = (name: string, gazetteer?: Gazetteer): boolean => gazetteer !== undefined && (gazetteer.lookup(name.toLowerCase()) & KNOWN_NOT_PERSON) !== 0;

/** Days and months, abbreviations too: "the Supreme Court on Monday" is no "Court on …" name. */
const CALENDAR_WORDS = new Set([...CALENDAR_NAMES, ...MONTHS.map((m) => m.slice(0, 3).toLowerCase()), 'sept']);

/** The last index of a run of capitalised words from `j` (small connectors inside allowed), or j - 1. */
function capitalisedRunEnd(tokens: readonly Token[], j: number, covering: (i: number) => Mention | undefined): number {
  let end = j - 1;
  for (let k = j; k < tokens.length; k++) {
    const t = tokens[k];
    const word = t?.text.toLowerCase() ?? '';
    if (isTitleWord(t) && !DEMONYMS.has(word) && !CALENDAR_WORDS.has(word) && covering(k)?.type !== 'person') {
      end = k;
      continue;
    }
    if (ORG_CONNECTORS.has(t?.text ?? '') && isTitleWord(tokens[k + 1]) && end === k - 1) continue;
    // "Centre for Detainees' Rights": a plural possessor inside the name.
    if (POSSESSIVE.test(t?.text ?? '') && /s$/.test(tokens[k - 1]?.text ?? '') && isTitleWord(tokens[k + 1]) && end === k - 1) continue;
    break;
  }
  return end;
}

/** "Zafar Shonazarov and Alibek Davlatmamadov" tagged as one name: two people of two or three words each. */
function splitCoordinatedPeople(text: string, m: Mention): Mention[] {
  const at = m.tokens.findIndex((t) => t.text === 'and');
  if (at < 2 || m.tokens.length - at - 1 < 2 || m.tokens.length - at - 1 > 3 || at > 3 || hasOrgHead(m.tokens)) return [m];
  const left = m.tokens.slice(0, at);
  const right = m.tokens.slice(at + 1);
  if (![...left, ...right].every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t.text))) return [m];
  return [mentionOf(text, left, 'person'), mentionOf(text, right, 'person')];
}

/**
 * "Ainur Sarsenova of the Kazakhstan International Bureau" tagged as one name: a person's two or three
 * words before "of (the)" and an institution after are two names.
 */
function splitPersonOfOrganization(text: string, m: Mention): Mention[] {
  if (m.type !== 'organization' && m.type !== 'person') return [m];
  const at = m.tokens.findIndex((t) => t.text === 'of');
  if (at < 2 || at > 3) return [m];
  const person = m.tokens.slice(0, at);
  const rest = m.tokens.slice(m.tokens[at + 1]?.text === 'the' ? at + 2 : at + 1);
  if (rest.length === 0 || !hasOrgHead(rest) || hasOrgHead(person)) return [m];
  if (!person.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) return [m];
  return [mentionOf(text, person, 'person'), mentionOf(text, rest, 'organization')];
}
