import type { EntityType } from '../../domain/chronicle-json.js';
import type { CandidateProfile, EntityProfile } from './profile.js';
import type { CandidateSource, ResolutionDecision } from './resolve-entities.js';

/**
 * Entities, their profiles and blocking keys held in memory: the CandidateSource for a run that
 * has no store (`chronicle extract` over several files, tests) and the reference the store-backed
 * source must agree with.
 */
export class MemoryEntityIndex implements CandidateSource {
  private readonly entities = new Map<string, CandidateProfile>();
  private readonly byKey = new Map<string, string[]>();
  private nextId = 1;

  constructor(private readonly idPrefix = 'E') {}

  async candidates(type: EntityType, keys: string[], limit: number): Promise<CandidateProfile[]> {
    const ids = new Set<string>();
    for (const key of keys) {
      for (const id of this.byKey.get(key) ?? []) {
        if (ids.size >= limit) break;
        ids.add(id);
      }
    }
    return [...ids].map((id) => this.entities.get(id)).filter((e): e is CandidateProfile => e?.type === type);
  }

  /** The stored profile of an entity. */
  get(id: string): CandidateProfile | undefined {
    return this.entities.get(id);
  }

  /** Every entity, in creation order. */
  all(): CandidateProfile[] {
    return [...this.entities.values()];
  }

  /** Applies one decision: creates the entity or folds the profile into the linked one. Returns its id. */
  apply(profile: EntityProfile, decision: ResolutionDecision): string {
    let id = decision.entityId;
    if (id === null) {
      id = `${this.idPrefix}${this.nextId++}`;
      this.entities.set(id, { id, type: profile.type, names: [...profile.names], roles: [...profile.roles], context: [...profile.context] });
    } else {
      const entity = this.entities.get(id);
      if (!entity) throw new RangeError(`entity ${id} is not in the index`);
      const add = (list: string[], values: readonly string[]): void => {
        for (const v of values) if (!list.includes(v)) list.push(v);
      };
      add(entity.names, profile.names);
      add(entity.roles, profile.roles);
      add(entity.context, profile.context);
    }
    for (const key of decision.keys) {
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      this.byKey.set(key, list);
    }
    return id;
  }
}
