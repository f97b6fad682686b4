import { sql, type Kysely } from 'kysely';
import { ValidationError } from '../../errors.js';
import type { Database } from '../schema.js';
import type { SearchClause, SearchQuery, SearchTerm } from '../search-query.js';
import { MATCH_CLOSE, MATCH_OPEN, unmark } from '../search-markers.js';
import type { SearchHit } from '../types.js';

const STATEMENTS = [
  // External-content tables: the index reads title/text from the rows themselves, keyed by `seq`.
  `create virtual table documents_fts using fts5(title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
  `create virtual table evidence_fts using fts5(text, content='evidence', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
  // Deleted reports must not linger in the index's pages (sensitive material).
  `insert into documents_fts(documents_fts, rank) values ('secure-delete', 1)`,
  `insert into evidence_fts(evidence_fts, rank) values ('secure-delete', 1)`,
  `create trigger documents_fts_insert after insert on documents begin
     insert into documents_fts(rowid, title, text) values (new.seq, new.title, new.text);
   end`,
  `create trigger documents_fts_delete after delete on documents begin
     insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
   end`,
  `create trigger documents_fts_update after update of seq, title, text on documents begin
     insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
     insert into documents_fts(rowid, title, text) values (new.seq, new.title, new.text);
   end`,
  `create trigger evidence_fts_insert after insert on evidence begin
     insert into evidence_fts(rowid, text) values (new.seq, new.text);
   end`,
  `create trigger evidence_fts_delete after delete on evidence begin
     insert into evidence_fts(evidence_fts, rowid, text) values ('delete', old.seq, old.text);
   end`,
  `create trigger evidence_fts_update after update of seq, text on evidence begin
     insert into evidence_fts(evidence_fts, rowid, text) values ('delete', old.seq, old.text);
     insert into evidence_fts(rowid, text) values (new.seq, new.text);
   end`,
  // A store migrated from an older version already has rows: index them.
  `insert into documents_fts(documents_fts) values ('rebuild')`,
  `insert into evidence_fts(evidence_fts) values ('rebuild')`,
];

/** Creates the FTS5 tables and the triggers that keep them in step with documents and evidence. */
export async function createSqliteSearchIndex(db: Kysely<Database>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

function renderTerm(term: SearchTerm): string {
  // Quoted strings are FTS5 literals: no user character can act as query syntax.
  const quoted = `"${term.words.join(' ').replaceAll('"', '""')}"`;
  return term.prefix ? `${quoted}*` : quoted;
}

function renderClause(clause: SearchClause): string {
  const parts = clause.alternatives.map(renderTerm);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** A parsed query as an FTS5 MATCH expression. */
export function toFts5(query: SearchQuery): string {
  const positive = query.clauses.filter((c) => !c.negated).map(renderClause);
  const negative = query.clauses.filter((c) => c.negated).map(renderClause);
  let expression = positive.length === 1 ? (positive[0] as string) : `(${positive.join(' AND ')})`;
  for (const n of negative) expression = `${expression} NOT ${n}`;
  return expression;
}


function firstMatch(marked: string | null): { start: number; end: number } | null {
  if (!marked) return null;
  const start = marked.indexOf(MATCH_OPEN);
  if (start < 0) return null;
  const close = marked.indexOf(MATCH_CLOSE, start);
  return { start, end: close - 1 };
}

interface DocumentRow {
  id: string;
  title: string | null;
  score: number;
  snippet: string;
  marked: string | null;
}

interface EvidenceRow {
  event_id: string;
  document_id: string;
  title: string | null;
  start: number;
  end: number;
  score: number;
  snippet: string;
}

/** Ranked (bm25) hits over documents and evidence; title words weigh more than body words. */
export async function searchSqlite(db: Kysely<Database>, query: SearchQuery, limit: number): Promise<SearchHit[]> {
  const match = toFts5(query);
  try {
    const documents = await sql<DocumentRow>`
      select d.id, d.title, -bm25(documents_fts, 4.0, 1.0) as score,
             snippet(documents_fts, -1, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 24) as snippet,
             highlight(documents_fts, 1, ${MATCH_OPEN}, ${MATCH_CLOSE}) as marked
      from documents_fts join documents d on d.seq = documents_fts.rowid
      where documents_fts match ${match}
      order by bm25(documents_fts, 4.0, 1.0), d.seq
      limit ${limit}`.execute(db);
    const evidence = await sql<EvidenceRow>`
      select e.event_id, e.document_id, d.title, e.start, e."end", -bm25(evidence_fts) as score,
             snippet(evidence_fts, 0, ${MATCH_OPEN}, ${MATCH_CLOSE}, '…', 32) as snippet
      from evidence_fts
        join evidence e on e.seq = evidence_fts.rowid
        join documents d on d.id = e.document_id
      where evidence_fts match ${match}
      order by bm25(evidence_fts), e.seq
      limit ${limit}`.execute(db);
    const hits: SearchHit[] = [
      ...documents.rows.map((r): SearchHit => {
        const span = firstMatch(r.marked);
        return {
          kind: 'document',
          documentId: r.id,
          documentTitle: r.title,
          eventId: null,
          ...unmark(r.snippet),
          start: span?.start ?? null,
          end: span?.end ?? null,
          score: r.score,
        };
      }),
      ...evidence.rows.map(
        (r): SearchHit => ({
          kind: 'evidence',
          documentId: r.document_id,
          documentTitle: r.title,
          eventId: r.event_id,
          ...unmark(r.snippet),
          start: r.start,
          end: r.end,
          score: r.score,
        }),
      ),
    ];
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  } catch (error) {
    // The parser should make this unreachable; never let an engine message through as a crash.
    if (error instanceof Error && /fts5|syntax error|no such column/i.test(error.message)) {
      throw new ValidationError(`search query cannot be run: ${error.message}`);
    }
    throw error;
  }
}
