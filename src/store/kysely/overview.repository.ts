import type { Kysely } from 'kysely';
import { ENTITY_TYPES, type EntityType, type ReviewStatus, type Sensitivity } from '../../domain/chronicle-json.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { kyselyOf } from './kysely-store.js';

const ALL_LEVELS: readonly Sensitivity[] = ['public', 'restricted', 'confidential'];

/**
 * The overview's counts and lists, restricted to records whose own sensitivity is one of `levels`,
 * so that a reader is never told how much there is that they may not see. Lists return ids only:
 * names and titles are read through the store's repositories, which know how to present them.
 */
export class KyselyOverviewRepository {
  /** False when the reader may see every level: the plain counts then use the tables' small indexes. */
  private readonly filtered: boolean;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly levels: readonly Sensitivity[],
  ) {
    this.filtered = !ALL_LEVELS.every((level) => levels.includes(level));
  }

  /** Documents the reader may see. */
  async countDocuments(): Promise<number> {
    if (this.levels.length === 0) return 0;
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .$if(this.filtered, (qb) => qb.where('sensitivity', 'in', this.levels))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Entities the reader may see, per type (every type present, zero when none). */
  async countEntitiesByType(): Promise<Record<EntityType, number>> {
    const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
    if (this.levels.length === 0) return counts;
    const rows = await this.db
      .selectFrom('entities')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .$if(this.filtered, (qb) => qb.where('sensitivity', 'in', this.levels))
      .groupBy('type')
      .execute();
    for (const r of rows) if ((ENTITY_TYPES as readonly string[]).includes(r.type)) counts[r.type as EntityType] = Number(r.n);
    return counts;
  }

  /** Events the reader may see, per type id (types without such events left out). */
  async countEventsByType(): Promise<Record<string, number>> {
    if (this.levels.length === 0) return {};
    const rows = await this.db
      .selectFrom('events')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .$if(this.filtered, (qb) => qb.where('sensitivity', 'in', this.levels))
      .groupBy('type')
      .orderBy('type')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
  }

  /** Events the reader may see, per review status. */
  async countEventsByStatus(): Promise<Record<ReviewStatus, number>> {
    const out: Record<ReviewStatus, number> = { suggested: 0, confirmed: 0, rejected: 0 };
    if (this.levels.length === 0) return out;
    const rows = await this.db
      .selectFrom('events')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .$if(this.filtered, (qb) => qb.where('sensitivity', 'in', this.levels))
      .groupBy('status')
      .execute();
    for (const r of rows) out[r.status as ReviewStatus] = Number(r.n);
    return out;
  }

  /** Ids of the most recently ingested documents the reader may see, newest first. */
  async latestDocumentIds(limit: number): Promise<string[]> {
    if (this.levels.length === 0) return [];
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .$if(this.filtered, (qb) => qb.where('sensitivity', 'in', this.levels))
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Entities of `type` with most (not rejected) events as subject, counting only events and
   * entities the reader may see; most events first, ties by id.
   */
  async topSubjectCounts(type: EntityType, limit: number): Promise<Array<{ id: string; eventCount: number }>> {
    if (this.levels.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .innerJoin('entities', 'entities.id', 'events.subject_id')
      .select(['entities.id', (eb) => eb.fn.countAll().as('n')])
      .where('entities.type', '=', type)
      .where('events.status', '!=', 'rejected')
      .$if(this.filtered, (qb) => qb.where('events.sensitivity', 'in', this.levels).where('entities.sensitivity', 'in', this.levels))
      .groupBy('entities.id')
      .orderBy('n', 'desc')
      .orderBy('entities.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, eventCount: Number(r.n) }));
  }
}

/** The overview repository on a store's own connection, for a reader who may see records marked `levels`. */
export function overviewRepository(store: Store, levels: readonly Sensitivity[]): KyselyOverviewRepository {
  const db = kyselyOf(store);
  if (!db) throw new Error('this store does not expose a Kysely connection');
  return new KyselyOverviewRepository(db, levels);
}
