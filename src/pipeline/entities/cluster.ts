import type { EntityType, ExtractedEntity, Span } from '../../domain/chronicle-json.js';
import type { Mention, MentionType } from './mentions.js';

/** Legal-form words ending company names ("Exxon Mobil Corp.", "Pirelli SpA"), compared lower-case. */
const COMPANY_SUFFIXES = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'spa', 'sa', 'ag', 'nv', 'bv', 'ab', 'asa', 'gmbh', 'group', 'holdings', 'holding']);

/** Mentions grouped as one entity, before ids are given. */
interface Cluster {
  type: MentionType;
  mentions: Mention[];
}

/** Case, quotes and spacing folded, so "Kazakhstan" and "KAZAKHSTAN" are one name. */
export function normalizeName(text: string): string {
  return isPlainName(text) ? text.toLowerCase() : text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether the folding would only lower the case: no quote to fold, no space but single inner ones.
 * Most names are such, and propagation asks for many of them.
 */
function isPlainName(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    // Other whitespace and the quotes folded above (’ ‘ `), and anything beyond Latin-1 (other spaces), go the long way.
    if (c < 32 || c === 96 || c > 255 || c === 0x85 || c === 0xa0) return false;
  }
  return !prevSpace || text.length === 0;
}

/** Number of words, the measure of how full a name is. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The most frequent entity type among mentions (misc only when nothing else was seen); a person
 * named in full anywhere makes the whole cluster a person.
 */
function clusterType(mentions: readonly Mention[]): MentionType {
  if (mentions.some((m) => m.type === 'person' && m.tokens.length > 1)) return 'person';
  const votes = new Map<MentionType, number>();
  for (const m of mentions) if (m.type !== 'misc') votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  let best: MentionType = 'misc';
  let bestVotes = 0;
  for (const [type, n] of votes) {
    if (n > bestVotes) {
      best = type;
      bestVotes = n;
    }
  }
  return best;
}

/** Lower-case words inside names ("de" of "Carmen de la Vega"), never surnames by themselves. */
const INNER_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'van', 'von', 'der', 'den', 'di', 'du', 'le', 'bin', 'ibn', 'al', 'el']);

/**
 * Groups the mentions of one document into entities: the same name is one entity of one type; a
 * surname alone joins the one person whose full name it ends (of several, the first introduced), or else
 * the person of three or more words it is an inner word of (of several, the first introduced); a name's
 * first words alone join the one person whose name they begin; names tagged only as MISC (events,
 * nationalities) are dropped; ids by first mention.
 */
export function clusterMentions(mentions: readonly Mention[]): ExtractedEntity[] {
  const byName = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = normalizeName(m.text);
    const list = byName.get(key) ?? [];
    list.push(m);
    byName.set(key, list);
  }
  const clusters: Cluster[] = [];
  const bySurname = new Map<string, Cluster[]>();
  const byInnerSurname = new Map<string, Cluster[]>();
  const byGivenName = new Map<string, Cluster[]>();
  const byPrefix = new Map<string, Cluster[]>();
  // "Pirelli SpA" makes a later "Pirelli" the company, whatever the tagger made of it.
  const byCompanyBase = new Map<string, Cluster>();
  const clusterByKey = new Map<string, Cluster>();
  const keys = [...byName.keys()].sort((a, b) => wordCount(b) - wordCount(a));
  for (const key of keys) {
    const list = byName.get(key) ?? [];
    const words = key.split(' ');
    const owners = bySurname.get(words[words.length - 1] ?? '') ?? [];
    // A lone word that ends exactly one person's full name is that person, whatever it was tagged;
    // a shorter full form ("Viktor Yanukovych" of "Viktor Fedorovych Yanukovych") likewise.
    // Shared by several (a woman and her husband), a lone surname is the one introduced first: news
    // calls the subject of the report by surname and relatives by full name.
    const byLast = owners.length === 1 || (owners.length > 1 && words.length === 1) ? firstMentioned(owners) : undefined;
    // Spanish and Portuguese people go by their first surname: "Aguilar" of "Carmen Aguilar Vega".
    const inner = words.length === 1 && owners.length === 0 ? byInnerSurname.get(key) : undefined;
    // "Ángel Nsue" of "Ángel Nsue Ondo": the given name and first surname without the second.
    const prefixOf = words.length > 1 && owners.length === 0 ? byPrefix.get(key) : undefined;
    // A given name alone ("Daniyar", "like Samer") is the one person of the document it begins, unless it reads as a place.
    const given = words.length === 1 && owners.length === 0 && !inner?.length ? byGivenName.get(key) : undefined;
    // Tagged a person, or once and otherwise: a word the tagger kept calling an organization ("Tunuk") is one.
    const byGiven = given?.length === 1 && (clusterType(list) === 'person' || list.length === 1) && clusterType(list) !== 'place' ? given[0] : undefined;
    const owner = byLast ?? (prefixOf?.length === 1 ? prefixOf[0] : undefined) ?? (inner?.length ? firstMentioned(inner) : byGiven);
    const joins =
      owner &&
      (words.length === 1 ||
        owner === prefixOf?.[0] ||
        (clusterType(list) === 'person' && owner.mentions.some((m) => normalizeName(m.text).endsWith(` ${key}`))));
    if (owner && joins) {
      owner.mentions.push(...list);
      continue;
    }
    const expansion = list.find((m) => m.refersTo !== undefined)?.refersTo;
    const expanded = expansion === undefined ? undefined : clusterByKey.get(expansion);
    if (expanded) {
      expanded.mentions.push(...list);
      clusterByKey.set(key, expanded);
      continue;
    }
    const company = byCompanyBase.get(key);
    if (company && owners.length === 0) {
      company.mentions.push(...list);
      continue;
    }
    const cluster: Cluster = { type: clusterType(list), mentions: [...list] };
    clusters.push(cluster);
    clusterByKey.set(key, cluster);
    const suffix = words[words.length - 1] ?? '';
    if (cluster.type === 'organization' && words.length > 1 && COMPANY_SUFFIXES.has(suffix.replace(/\.$/, ''))) {
      const base = words.slice(0, -1).join(' ').replace(/,$/, '');
      if (!byCompanyBase.has(base)) byCompanyBase.set(base, cluster);
    }
    if (cluster.type === 'person' && words.length > 1) {
      const surname = words[words.length - 1] ?? '';
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), cluster]);
      const givenName = words[0] ?? '';
      if (!INNER_PARTICLES.has(givenName)) byGivenName.set(givenName, [...(byGivenName.get(givenName) ?? []), cluster]);
      for (let n = 2; n < words.length; n++) {
        const prefix = words.slice(0, n).join(' ');
        byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), cluster]);
      }
      for (const word of words.slice(1, -1)) {
        if (INNER_PARTICLES.has(word)) continue;
        byInnerSurname.set(word, [...(byInnerSurname.get(word) ?? []), cluster]);
      }
    }
  }
  const kept = clusters.filter((c) => c.type !== 'misc');
  for (const c of kept) c.mentions.sort((a, b) => a.start - b.start);
  kept.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return kept.map((c, i) => toEntity(c, c.type as EntityType, `e${i + 1}`));
}

function firstMentioned(clusters: readonly Cluster[]): Cluster | undefined {
  let best: Cluster | undefined;
  let bestStart = Infinity;
  for (const c of clusters) {
    const start = Math.min(...c.mentions.map((m) => m.start));
    if (start < bestStart) [best, bestStart] = [c, start];
  }
  return best;
}

/** How full a form is: most words, then normal case over a capitals headline's, then longest. */
function fullness(text: string): [number, number, number] {
  const shouted = text === text.toUpperCase() && text.length > 4 ? 0 : 1;
  return [wordCount(text), shouted, text.length];
}

function fuller(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

function longestText(c: Cluster): string {
  let best = c.mentions[0]?.text ?? '';
  for (const m of c.mentions) if (fuller(fullness(m.text), fullness(best))) best = m.text;
  return best;
}

function toEntity(c: Cluster, type: EntityType, id: string): ExtractedEntity {
  const name = longestText(c);
  const seen = new Set([normalizeName(name)]);
  const aliases: string[] = [];
  const addAlias = (form: string): void => {
    const key = normalizeName(form);
    if (seen.has(key)) return;
    seen.add(key);
    aliases.push(form);
  };
  for (const m of c.mentions) {
    addAlias(m.text);
    if (m.fullText) addAlias(m.fullText);
  }
  const mentions: Span[] = c.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text }));
  return { id, type, name, aliases, mentions, attributes: {} };
}
