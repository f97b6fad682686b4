import type { Command } from 'commander';
import { getCaseFile } from '../../services/case-file.service.js';
import { formatDate } from '../present.js';
import { withStore } from '../with-store.js';

interface CaseFileOptions {
  db?: string;
  json?: boolean;
}

/** `chronicle case ID-OR-NAME`: the full case file with sources, conflicts and the resolution log. */
export function registerCaseFileCommand(program: Command): void {
  program
    .command('case')
    .description('case file of an entity: names with sources, facts (sensitive ones marked), merged timeline with conflicts, connections, why linked')
    .argument('<entity>', 'entity id (merged ids are followed) or a person name')
    .option('--json', 'print the case file as JSON')
    .option('--db <location>', 'store path')
    .action(async (entity: string, options: CaseFileOptions) => {
      await withStore(options.db, async (store) => {
        const file = await getCaseFile(store, entity);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(file, null, 2)}\n`);
          return;
        }
        const lines = [`${file.entity.name}  (${file.entity.id}, ${file.entity.type})`, '', 'Names:'];
        for (const n of file.names) lines.push(`  ${n.name}  — ${n.documents.join(', ') || 'no mention'}`);
        lines.push('', 'Facts:');
        for (const a of file.attributes) {
          const mark = a.sensitive ? ' [SENSITIVE]' : '';
          lines.push(`  ${a.key}: ${typeof a.value === 'string' ? a.value : JSON.stringify(a.value)}${mark}  — ${a.documents.join(', ')}`);
        }
        lines.push('', 'Timeline:');
        for (const e of file.timeline) {
          lines.push(`  ${formatDate(e.date).padEnd(22)} ${e.type}  — ${e.sources.join(', ')}`);
          if (e.dates.length > 1) lines.push(`      dates reported: ${e.dates.map((d) => `${d.from ?? ''}${d.to ? `/${d.to}` : ''} (${d.documents.join(', ')})`).join('; ')}`);
          for (const c of e.conflicts) {
            lines.push(`      CONFLICT ${c.field}: ${c.values.map((v) => `${v.value} (${v.documentIds.join(', ')})`).join(' vs ')}`);
          }
        }
        lines.push('', 'Connections:');
        for (const c of file.connections) lines.push(`  ${c.name} (${c.type}): ${c.sharedDocuments} shared document(s), ${c.sharedEvents} shared event(s)`);
        lines.push('', 'Resolution log:');
        for (const r of file.resolution) {
          lines.push(`  ${r.at} ${r.actor} ${r.action} ${r.otherId ?? ''} ${r.documentId ?? ''} rule=${r.rule}${r.score !== null ? ` score=${r.score}` : ''}`.replace(/\s+/gu, ' '));
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
