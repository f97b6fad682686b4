import type { EntityType, ExtractedEntity, Span } from '../../domain/chronicle-json.js';
import type { Mention } from './mentions.js';

/** Mentions grouped as one entity, before ids are given. */
interface Cluster {
  type: EntityType;
  mentions: Mention[];
}

/** Case, quotes and spacing folded, so "Kazakhstan" and "KAZAKHSTAN" are one name. */
export function normalizeName(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Number of words, the measure of how full a name is. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The most frequent type among mentions; person wins ties (names are most often people). */
function majorityType(mentions: readonly Mention[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  let best: EntityType = mentions[0]?.type ?? 'person';
  let bestVotes = 0;
  for (const [type, n] of votes) {
    if (n > bestVotes || (n === bestVotes && type === 'person')) {
      best = type;
      bestVotes = n;
    }
  }
  return best;
}

/**
 * Groups the mentions of one document into entities: the same name is one entity of one type; a
 * surname (or first part) alone joins the full name of the person it ends; ids by first mention.
 */
export function clusterMentions(mentions: readonly Mention[]): ExtractedEntity[] {
  const byName = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = normalizeName(m.text);
    const list = byName.get(key) ?? [];
    list.push(m);
    byName.set(key, list);
  }
  // Full person names (two words or more), found by each of their last words.
  const clusters: Cluster[] = [];
  const clusterOf = new Map<string, Cluster>();
  const bySurname = new Map<string, Cluster[]>();
  const names = [...byName.keys()].sort((a, b) => wordCount(b) - wordCount(a));
  for (const key of names) {
    const list = byName.get(key) ?? [];
    const type = majorityType(list);
    const words = key.split(' ');
    if (words.length === 1) {
      const owners = bySurname.get(key);
      // A lone word that ends exactly one full name of a person is that person, whatever it was tagged.
      if (owners && owners.length === 1 && owners[0]) {
        owners[0].mentions.push(...list);
        clusterOf.set(key, owners[0]);
        continue;
      }
    } else if (type === 'person') {
      // "Nursultan Nazarbayev" and "President Nursultan Nazarbayev" share their last word too.
      const surname = words[words.length - 1] ?? '';
      const owners = bySurname.get(surname);
      const shorter = owners?.find((c) => c.type === 'person' && normalizeName(longestText(c)).endsWith(key));
      if (shorter) {
        shorter.mentions.push(...list);
        clusterOf.set(key, shorter);
        continue;
      }
    }
    const cluster: Cluster = { type, mentions: [...list] };
    clusters.push(cluster);
    clusterOf.set(key, cluster);
    if (type === 'person' && words.length > 1) {
      const surname = words[words.length - 1] ?? '';
      const owners = bySurname.get(surname) ?? [];
      owners.push(cluster);
      bySurname.set(surname, owners);
    }
  }
  for (const c of clusters) {
    const multi = c.mentions.some((m) => wordCount(m.text) > 1 && m.type === 'person');
    if (multi) c.type = 'person';
    c.mentions.sort((a, b) => a.start - b.start);
  }
  clusters.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  return clusters.map((c, i) => toEntity(c, `e${i + 1}`));
}

function longestText(c: Cluster): string {
  let best = '';
  for (const m of c.mentions) if (wordCount(m.text) > wordCount(best) || (wordCount(m.text) === wordCount(best) && m.text.length > best.length)) best = m.text;
  return best;
}

function toEntity(c: Cluster, id: string): ExtractedEntity {
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
  return { id, type: c.type, name, aliases, mentions, attributes: {} };
}
