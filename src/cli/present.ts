import type { EventDate, Extraction } from '../domain/chronicle-json.js';

/** A date as people read it: `2010 – 2012`, `since 2014`, or `undated`. */
export function formatDate(date: EventDate | null | undefined): string {
  if (!date || (!date.from && !date.to)) return 'undated';
  if (date.from && date.to && date.to !== date.from) return `${date.from} – ${date.to}`;
  if (!date.from && date.to) return `until ${date.to}`;
  return date.from ?? '';
}

/** Shortens a quote to one line for terminal listings. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A readable summary of one extraction, for `chronicle extract FILE` without --json. */
export function formatExtraction(x: Extraction): string {
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const out: string[] = [];
  out.push(`${x.document.title ?? x.document.id}  (published ${x.document.published ?? 'unknown'})`);
  out.push('', 'Entities:');
  for (const e of x.entities) {
    const aka = e.aliases.length ? ` (also: ${e.aliases.join(', ')})` : '';
    out.push(`  ${e.id.padEnd(4)} ${e.type.padEnd(12)} ${e.name}${aka}  ×${e.mentions.length}`);
  }
  out.push('', 'Dates:');
  for (const t of x.timexes) out.push(`  ${t.type.padEnd(8)} ${t.value.padEnd(12)} "${t.text}"`);
  out.push('', 'Events:');
  for (const v of x.events) {
    const who = v.subject ? (names.get(v.subject) ?? v.subject) : '—';
    const where = v.place ? ` in ${names.get(v.place) ?? v.place}` : '';
    const mod = v.modality === 'asserted' ? '' : ` [${v.modality}]`;
    out.push(`  ${v.id.padEnd(4)} ${v.type.padEnd(20)} ${who}${where}, ${formatDate(v.date)}${mod}`);
    for (const ev of v.evidence) out.push(`       “${oneLine(ev.text)}”`);
  }
  return `${out.join('\n')}\n`;
}
