import type { Command } from 'commander';
import { NotFoundError } from '../../errors.js';
import { getPersonCase, listEvents, listPeople, search } from '../../services/index.js';
import { parsePositiveInt } from '../options.js';
import { formatDate, oneLine } from '../present.js';
import { withStore } from '../with-store.js';

interface DbOption {
  db?: string;
  json?: boolean;
}

/** `person`, `people`, `events` and `search`: read the store. */
export function registerQueryCommands(program: Command): void {
  program
    .command('person')
    .description("a person's case file: names and aliases, then events in date order with their source quotes")
    .argument('<name>', 'full name, surname or any alias')
    .option('--db <location>', 'store path')
    .option('--json', 'print {"person": …, "events": […]} in Chronicle JSON')
    .action(async (name: string, options: DbOption) => {
      await withStore(options.db, async (store) => {
        const found = await getPersonCase(store, name);
        if (!found) throw new NotFoundError(`person "${name}"`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ person: found.person, events: found.events }, null, 2)}\n`);
          return;
        }
        const titles = new Map(found.documents.map((d) => [d.id, d.title ?? d.id]));
        const lines = [found.person.name];
        if (found.person.aliases.length) lines.push(`  also: ${found.person.aliases.join(', ')}`);
        const roles = found.person.attributes.roles;
        if (roles?.length) lines.push(`  roles: ${roles.join(', ')}`);
        lines.push(`  mentioned in ${new Set(found.person.mentions.map((m) => m.document)).size} document(s)`, '');
        for (const event of found.events) {
          const place = event.place ? ` in ${found.names[event.place] ?? event.place}` : '';
          const role = event.subject === found.person.id ? '' : ' (as agent or object)';
          const status = event.status === 'suggested' ? ' [suggested]' : '';
          const modality = event.modality === 'asserted' ? '' : ` [${event.modality}]`;
          lines.push(`${formatDate(event.date).padEnd(22)} ${event.type}${place}${role}${status}${modality}`);
          for (const span of event.evidence) {
            lines.push(`${' '.repeat(23)}“${oneLine(span.text, 140)}” — ${titles.get(span.document) ?? span.document}`);
          }
        }
        if (found.events.length === 0) lines.push('no events recorded');
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('people')
    .description('everyone in the store, with how many events involve them')
    .option('--db <location>', 'store path')
    .option('--json', 'print JSON')
    .action(async (options: DbOption) => {
      await withStore(options.db, async (store) => {
        const people = await listPeople(store);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(people, null, 2)}\n`);
          return;
        }
        for (const p of people) {
          const aka = p.aliases.length ? `  (${p.aliases.join(', ')})` : '';
          process.stdout.write(`${String(p.eventCount).padStart(4)}  ${p.name}${aka}\n`);
        }
      });
    });

  program
    .command('events')
    .description('events in the store, optionally of one type')
    .option('--type <type>', 'an event type id, e.g. sentence or exile')
    .option('--db <location>', 'store path')
    .option('--json', 'print JSON')
    .action(async (options: DbOption & { type?: string }) => {
      await withStore(options.db, async (store) => {
        const events = await listEvents(store, options.type !== undefined ? { type: options.type } : {});
        if (options.json) {
          process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
          return;
        }
        for (const e of events) {
          const place = e.placeName ? ` in ${e.placeName}` : '';
          const quote = e.evidence[0] ? `  “${oneLine(e.evidence[0].text, 100)}”` : '';
          process.stdout.write(`${formatDate(e.date).padEnd(22)} ${e.type.padEnd(20)} ${e.subjectName ?? '—'}${place}${quote}\n`);
        }
      });
    });

  program
    .command('search')
    .description('full-text search over documents and event evidence ("exact phrase", OR, NOT, prefix*)')
    .argument('<query>', 'the search query')
    .option('--limit <n>', 'how many results', parsePositiveInt('--limit'), 20)
    .option('--db <location>', 'store path')
    .option('--json', 'print JSON')
    .action(async (query: string, options: DbOption & { limit: number }) => {
      await withStore(options.db, async (store) => {
        const hits = await search(store, query, { limit: options.limit });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
          return;
        }
        if (hits.length === 0) process.stdout.write('no matches\n');
        for (const hit of hits) {
          const where = hit.kind === 'evidence' ? `event ${hit.eventId ?? ''} in ` : '';
          const at = hit.start !== null ? ` @${hit.start}` : '';
          process.stdout.write(`${where}${hit.documentTitle ?? hit.documentId} [${hit.documentId}${at}]\n  ${oneLine(hit.snippet, 200)}\n`);
        }
      });
    });
}
