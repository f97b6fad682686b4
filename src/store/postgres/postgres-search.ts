import { sql, type Kysely } from 'kysely';
import { ValidationError } from '../../errors.js';
import type { Database } from '../schema.js';
import type { SearchClause, SearchQuery, SearchTerm } from '../search-query.js';
import { MATCH_CLOSE, MATCH_OPEN, unmark } from '../search-markers.js';
import type { SearchHit } from '../types.js';

/**
 * The text search configuration of the store, `chronicle_text`: PostgreSQL's 'simple' parser and
 * dictionary (lower-cases, no stemming, no stop words, like FTS5's unicode61 tokenizer) with
 * `unaccent` first where the extension can be installed, so "Sadıqov" and "Café" match "Sadiqov"
 * and "cafe" as with FTS5's remove_diacritics. Title weighs A, text B.
 */
export const TEXT_SEARCH_CONFIG = 'chronicle_text';

const INDEX_STATEMENTS = [
  `alter table documents add column search_vector tsvector generated always as (
     setweight(to_tsvector('${TEXT_SEARCH_CONFIG}'::regconfig, coalesce(title, '')), 'A') ||
     setweight(to_tsvector('${TEXT_SEARCH_CONFIG}'::regconfig, text), 'B')) stored`,
  `create index documents_search on documents using gin (search_vector)`,
  `alter table evidence add column search_vector tsvector generated always as (
     to_tsvector('${TEXT_SEARCH_CONFIG}'::regconfig, text)) stored`,
  `create index evidence_search on evidence using gin (search_vector)`,
];

/** Creates the configuration (with unaccent when available) in the store's schema. */
async function createTextSearchConfig(db: Kysely<Database>): Promise<void> {
  await sql.raw(`create text search configuration ${TEXT_SEARCH_CONFIG} (copy = pg_catalog.simple)`).execute(db);
  // A failed CREATE EXTENSION (not installed, not allowed) must not abort the migration's transaction.
  await sql.raw('savepoint chronicle_unaccent').execute(db);
  try {
    await sql.raw('create extension if not exists unaccent schema public').execute(db);
    // The extension is per database; another schema of the same database may have installed it.
    const found = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
      where e.extname = 'unaccent'`.execute(db);
    const schema = found.rows[0]?.schema ?? 'public';
    await sql
      .raw(
        `alter text search configuration ${TEXT_SEARCH_CONFIG}
           alter mapping for hword, hword_part, word with "${schema.replaceAll('"', '""')}".unaccent, simple`,
      )
      .execute(db);
    await sql.raw('release savepoint chronicle_unaccent').execute(db);
  } catch {
    await sql.raw('rollback to savepoint chronicle_unaccent').execute(db);
  }
}

/** Generated tsvector columns (kept in step by PostgreSQL itself) with GIN indexes. */
export async function createPostgresSearchIndex(db: Kysely<Database>): Promise<void> {
  await createTextSearchConfig(db);
  for (const statement of INDEX_STATEMENTS) await sql.raw(statement).execute(db);
}

function renderTerm(term: SearchTerm): string {
  // The parser keeps only letters and digits in words, so quoting cannot be escaped from.
  const lexemes = term.words.map((w, i) => (term.prefix && i === term.words.length - 1 ? `'${w}':*` : `'${w}'`));
  return lexemes.length === 1 ? (lexemes[0] as string) : `(${lexemes.join(' <-> ')})`;
}

function renderClause(clause: SearchClause): string {
  const parts = clause.alternatives.map(renderTerm);
  const body = parts.length === 1 ? (parts[0] as string) : `(${parts.join(' | ')})`;
  return clause.negated ? `!${body}` : body;
}

/** A parsed query as tsquery text: clauses joined by `&`, OR as `|`, phrases as `<->`, prefixes as `:*`. */
export function toTsQuery(query: SearchQuery): string {
  const positive = query.clauses.filter((c) => !c.negated).map(renderClause);
  const negative = query.clauses.filter((c) => c.negated).map(renderClause);
  return [...positive, ...negative].join(' & ');
}


interface DocumentRow {
  id: string;
  title: string | null;
  score: number;
  in_text: boolean;
  snippet: string;
  title_marked: string | null;
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

const SNIPPET = `StartSel="${MATCH_OPEN}", StopSel="${MATCH_CLOSE}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const WHOLE = `StartSel="${MATCH_OPEN}", StopSel="${MATCH_CLOSE}", HighlightAll=true`;
/**
 * Matches ranked per query, newest first. ts_rank reads every ranked row's vector, so ranking all
 * matches of a common word costs seconds at a million reports; the newest matches are ranked
 * instead (exact whenever a query matches fewer rows than this, as specific queries do).
 */
export const RANK_WINDOW = 2000;

const CONFIG = sql.raw(`'${TEXT_SEARCH_CONFIG}'::regconfig`);
// Weights for D, C, B, A: a title word counts four times a body word, as in the SQLite ranking.
const WEIGHTS = sql.raw(`'{0.0, 0.0, 0.25, 1.0}'::float4[]`);

/**
 * Ranked hits over documents and evidence (ts_rank over the GIN-indexed vectors, length-normalised)
 * among the newest RANK_WINDOW matches of each. Snippets and highlights are computed for the
 * returned rows only.
 */
export async function searchPostgres(db: Kysely<Database>, query: SearchQuery, limit: number): Promise<SearchHit[]> {
  const tsquery = toTsQuery(query);
  const joinAdjacent = query.clauses.some((c) => c.alternatives.some((t) => t.kind === 'phrase'));
  // Written out in each clause (not a CTE) so the planner can estimate how many rows match.
  const match = sql`to_tsquery(${CONFIG}, ${tsquery})`;
  try {
    const documents = await sql<DocumentRow>`
      with recent as (
        select d.seq from documents d
        where d.search_vector @@ ${match}
        order by d.seq desc
        limit ${RANK_WINDOW}),
      top as (
        select d.id, d.title, d.text, d.seq, ts_rank(${WEIGHTS}, d.search_vector, ${match}, 1) as score
        from documents d join recent on recent.seq = d.seq
        order by score desc, d.seq
        limit ${limit})
      select top.id, top.title, top.score,
             to_tsvector(${CONFIG}, top.text) @@ ${match} as in_text,
             ts_headline(${CONFIG}, top.text, ${match}, ${SNIPPET}) as snippet,
             ts_headline(${CONFIG}, coalesce(top.title, ''), ${match}, ${WHOLE}) as title_marked,
             case when to_tsvector(${CONFIG}, top.text) @@ ${match}
               then ts_headline(${CONFIG}, top.text, ${match}, ${WHOLE}) end as marked
      from top
      order by top.score desc, top.seq`.execute(db);
    const evidence = await sql<EvidenceRow>`
      with recent as (
        select e.seq from evidence e
        where e.search_vector @@ ${match}
        order by e.seq desc
        limit ${RANK_WINDOW}),
      top as (
        select e.seq, e.event_id, e.document_id, e.start, e."end", e.text,
               ts_rank(e.search_vector, ${match}, 1) as score
        from evidence e join recent on recent.seq = e.seq
        order by score desc, e.seq
        limit ${limit})
      select top.event_id, top.document_id, d.title, top.start, top."end", top.score,
             ts_headline(${CONFIG}, top.text, ${match}, ${SNIPPET}) as snippet
      from top join documents d on d.id = top.document_id
      order by top.score desc, top.seq`.execute(db);
    const hits: SearchHit[] = [
      ...documents.rows.map((r): SearchHit => {
        // A document matched in its title only shows its title, like SQLite's best-column snippet.
        const shown = r.in_text ? unmark(r.snippet, joinAdjacent) : unmark(r.title_marked ?? '', joinAdjacent);
        const first = r.marked === null ? undefined : unmark(r.marked, joinAdjacent).highlights[0];
        return {
          kind: 'document',
          documentId: r.id,
          documentTitle: r.title,
          eventId: null,
          ...shown,
          start: first?.start ?? null,
          end: first?.end ?? null,
          score: Number(r.score),
        };
      }),
      ...evidence.rows.map(
        (r): SearchHit => ({
          kind: 'evidence',
          documentId: r.document_id,
          documentTitle: r.title,
          eventId: r.event_id,
          ...unmark(r.snippet, joinAdjacent),
          start: r.start,
          end: r.end,
          score: Number(r.score),
        }),
      ),
    ];
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  } catch (error) {
    // The parser should make this unreachable; never let an engine message through as a crash.
    if (error instanceof Error && /tsquery|syntax error/i.test(error.message)) {
      throw new ValidationError(`search query cannot be run: ${error.message}`);
    }
    throw error;
  }
}
