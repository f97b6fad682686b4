/**
 * A Chronicle JSON export with store ids replaced by what they stand for, in a canonical order:
 * documents by their bytes hash, entities by type and mentions, events by their content. Two
 * stores that hold the same facts give equal results whatever order they ingested in.
 */
export function normalizeExport(json: string): unknown {
  const data = JSON.parse(json) as {
    documents: Array<Record<string, unknown> & { id: string; sha256: string }>;
    entities: Array<Record<string, unknown> & { id: string; type: string; name: string; aliases: string[]; mentions: Mention[] }>;
    events: Array<Record<string, unknown> & { id: string; evidence: Mention[] }>;
  };
  const docKey = new Map(data.documents.map((d) => [d.id, d.sha256]));
  const spans = (items: Mention[]): string[] =>
    items.map((m) => `${docKey.get(m.document) ?? m.document}:${m.start}:${m.end}:${m.text}`).sort();
  const entityKey = new Map(data.entities.map((e) => [e.id, `${e.type}@${spans(e.mentions)[0] ?? e.id}`]));
  const ref = (id: unknown): unknown => (typeof id === 'string' ? (entityKey.get(id) ?? id) : id);
  const byJson = <T>(items: T[]): T[] => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    documents: byJson(data.documents.map(({ id: _id, ...rest }) => rest)),
    entities: byJson(
      // Which of two equally complete spellings heads an entity depends on which report came first;
      // the names it is known by do not.
      data.entities.map(({ id: _id, name, mentions, aliases, ...rest }) => ({
        ...rest,
        names: [String(name), ...aliases].sort(),
        mentions: spans(mentions),
      })),
    ),
    events: byJson(
      data.events.map(({ id: _id, evidence, subject, agent, object, place, ...rest }) => ({
        ...rest,
        subject: ref(subject),
        agent: ref(agent),
        object: ref(object),
        place: ref(place),
        evidence: spans(evidence),
      })),
    ),
  };
}

interface Mention {
  document: string;
  start: number;
  end: number;
  text: string;
}
