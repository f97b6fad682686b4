import type { ExtractedEntity } from '../../domain/chronicle-json.js';

/** Occupations and standings worth recording as a person's role (head nouns, lower case). */
const ROLE_NOUNS = new Set([
  'journalist', 'reporter', 'editor', 'correspondent', 'photographer', 'blogger', 'writer', 'poet', 'author',
  'activist', 'campaigner', 'dissident', 'defender', 'lawyer', 'attorney', 'advocate', 'judge', 'prosecutor',
  'accountant', 'economist', 'businessman', 'businesswoman', 'entrepreneur', 'banker', 'oligarch', 'tycoon',
  'politician', 'lawmaker', 'deputy', 'senator', 'minister', 'president', 'governor', 'mayor', 'official',
  'diplomat', 'ambassador', 'leader', 'chairman', 'chairwoman', 'founder', 'member', 'spokesman',
  'spokeswoman', 'spokesperson', 'director', 'head', 'chief', 'teacher', 'professor', 'scholar',
  'researcher', 'scientist', 'student', 'doctor', 'physician', 'nurse', 'engineer', 'farmer', 'worker',
  'pastor', 'priest', 'imam', 'monk', 'nun', 'believer', 'artist', 'musician', 'singer', 'filmmaker',
  'director', 'officer', 'soldier', 'colonel', 'general', 'policeman', 'refugee', 'opponent', 'critic',
  'protester', 'unionist', 'organizer', 'organiser', 'coordinator', 'volunteer', 'observer', 'analyst',
]);

/** Words before a role that say when or how much, not what ("former journalist" → "journalist"). */
const ROLE_QUALIFIERS = /^(?:(?:former|ex-|retired|prominent|well-known|outspoken|noted|famous|renowned|leading|veteran|young|jailed|exiled|imprisoned|self-exiled|longtime|long-time)\s+)+/;

/** Where an appositive's description stops: a clause or a phrase about something else. */
const PHRASE_END = /\s+(?:by|at|in|of|for|with|who|whose|which|since|on|to|after|before|during)\b.*$/s;

function rolesIn(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/\s*,\s*|\s+and\s+/)) {
    const role = part.trim().replace(ROLE_QUALIFIERS, '');
    const head = role.split(/\s+/).pop() ?? '';
    if (role && ROLE_NOUNS.has(head) && /^[a-z][a-z -]*$/.test(role) && role.split(' ').length <= 3) out.push(role);
  }
  return out;
}

/**
 * Adds `roles` and `from` to people where the text states them plainly: an appositive right after a
 * mention ("Aidos Sadykov, a former journalist and civic activist from Aktobe,"), a role noun right
 * before it ("writer Murat Telibekov"), or "from PLACE" right after it.
 */
export function addPersonAttributes(text: string, entities: ExtractedEntity[]): void {
  const placeAt = new Map<number, string>();
  for (const e of entities) if (e.type === 'place') for (const m of e.mentions) placeAt.set(m.start, e.name);
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const roles: string[] = [];
    let from: string | undefined;
    for (const m of e.mentions) {
      const after = text.slice(m.end, m.end + 200);
      const appositive = /^,\s+(?:a|an|the)\s+([^,.;:()“”"]+)/.exec(after);
      if (appositive?.[1]) {
        let phrase = appositive[1];
        const fromAt = /\s+from\s+/.exec(phrase);
        if (fromAt) {
          const placeStart = m.end + (appositive.index + appositive[0].indexOf(phrase)) + fromAt.index + fromAt[0].length;
          from ??= placeAt.get(placeStart);
          phrase = phrase.slice(0, fromAt.index);
        }
        roles.push(...rolesIn(phrase.replace(PHRASE_END, '')));
      }
      const fromAfter = /^\s+from\s+/.exec(after);
      if (fromAfter) from ??= placeAt.get(m.end + fromAfter[0].length);
      const before = /(?:^|[\s(])([A-Za-z][a-z-]+)\s+$/.exec(text.slice(Math.max(0, m.start - 40), m.start));
      if (before?.[1]) roles.push(...rolesIn(before[1].toLowerCase()));
    }
    const unique = [...new Set(roles)];
    if (unique.length > 0) e.attributes.roles = unique;
    if (from) e.attributes.from = from;
  }
}
