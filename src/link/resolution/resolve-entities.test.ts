import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../domain/chronicle-json.js';
import { MemoryEntityIndex } from './memory-entity-index.js';
import { profileDocumentEntities } from './profile.js';
import { resolveEntities, type ResolutionDecision } from './resolve-entities.js';
import { scorePair } from './score-pair.js';
import { fixtureReports } from './testing/fixture-reports.js';

/** Resolves reports one after another into one index; returns document entity name → entity id. */
async function resolveAll(reports: Extraction[]): Promise<{ ids: Map<string, string>; decisions: Map<string, ResolutionDecision>; index: MemoryEntityIndex }> {
  const index = new MemoryEntityIndex();
  const ids = new Map<string, string>();
  const decisions = new Map<string, ResolutionDecision>();
  for (const report of reports) {
    const profiles = profileDocumentEntities(report);
    const resolved = await resolveEntities(profiles, index);
    resolved.forEach((decision, i) => {
      const profile = profiles[i];
      const entity = report.entities[i];
      if (!profile || !entity) return;
      const key = `${report.document.id}:${entity.name}`;
      ids.set(key, index.apply(profile, decision));
      decisions.set(key, decision);
    });
  }
  return { ids, decisions, index };
}

describe('resolveEntities over the fixture reports', () => {
  it('makes one person of Aidos Sadykov, Айдос Садыков and Aydos Sadyqov', async () => {
    const { ids, decisions } = await resolveAll(fixtureReports());
    const aidos = ids.get('01-steppe-post:Aidos Sadykov');
    expect(ids.get('02-vestnik:Айдос Садыков')).toBe(aidos);
    expect(ids.get('03-azat-wire:Aydos Sadyqov')).toBe(aidos);
    expect(decisions.get('02-vestnik:Айдос Садыков')?.rule).toBe('full-name');
  });

  it('keeps his wife and a namesake farmer apart from him', async () => {
    const { ids, decisions } = await resolveAll(fixtureReports());
    const aidos = ids.get('01-steppe-post:Aidos Sadykov');
    const natalya = ids.get('01-steppe-post:Natalya Sadykova');
    expect(natalya).not.toBe(aidos);
    expect(ids.get('02-vestnik:Наталья Садыкова')).toBe(natalya);
    expect(ids.get('04-farm-news:Bolat Sadykov')).not.toBe(aidos);
    expect(decisions.get('04-farm-news:Bolat Sadykov')?.rule).toBe('new');
  });

  it('joins "President Tokayev", "Kassym-Jomart Tokayev" and "Qasym-Zhomart Toqaev"', async () => {
    const { ids, decisions } = await resolveAll(fixtureReports());
    const tokayev = ids.get('05-capital-daily:President Tokayev');
    expect(ids.get('06-gazette:Kassym-Jomart Tokayev')).toBe(tokayev);
    expect(ids.get('07-qazaq-times:Qasym-Zhomart Toqaev')).toBe(tokayev);
    // The first link rests on the surname plus context, and says so.
    const first = decisions.get('06-gazette:Kassym-Jomart Tokayev');
    expect(first?.rule).toBe('surname-only');
    expect(first?.shared).toContain('role:president');
  });

  it('resolves organization acronyms across languages and places across exonyms', async () => {
    const { ids } = await resolveAll(fixtureReports());
    const dvk = ids.get('01-steppe-post:Democratic Choice of Kazakhstan');
    expect(ids.get('02-vestnik:ДВК')).toBe(dvk);
    expect(ids.get('03-azat-wire:DVK')).toBe(dvk);
    expect(ids.get('07-qazaq-times:KIBHR')).toBe(ids.get('06-gazette:Kazakhstan International Bureau for Human Rights'));
    const kyiv = ids.get('01-steppe-post:Kiev');
    expect(ids.get('02-vestnik:Киеве')).toBe(kyiv);
    expect(ids.get('03-azat-wire:Kyiv')).toBe(kyiv);
    expect(ids.get('03-azat-wire:Aqtobe')).toBe(ids.get('01-steppe-post:Aktobe'));
    expect(ids.get('07-qazaq-times:Astana')).toBe(ids.get('06-gazette:Nur-Sultan'));
  });

  it('gives the same answer whatever the order of the reports', async () => {
    const reports = fixtureReports().reverse();
    const { ids } = await resolveAll(reports);
    expect(ids.get('01-steppe-post:Aidos Sadykov')).toBe(ids.get('03-azat-wire:Aydos Sadyqov'));
    expect(ids.get('01-steppe-post:Natalya Sadykova')).not.toBe(ids.get('01-steppe-post:Aidos Sadykov'));
    expect(ids.get('04-farm-news:Bolat Sadykov')).not.toBe(ids.get('01-steppe-post:Aidos Sadykov'));
  });
});

describe('a short name beside the full one in the same document', () => {
  const person = (names: string[]) => ({ type: 'person' as const, names, roles: [], context: [] });

  it('is the person the document names in full, of the matching gender', async () => {
    const profiles = [person(['Aidos Sadykov']), person(['Natalya Sadykova']), person(['Sadykov']), person(['Mrs Sadykova'])];
    const decisions = await resolveEntities(profiles, new MemoryEntityIndex());
    expect(decisions.map((d) => [d.sameAs, d.rule])).toEqual([
      [undefined, 'new'],
      [undefined, 'new'],
      [0, 'same-document'],
      [1, 'same-document'],
    ]);
  });

  it('stays apart when two people of the document could be meant', async () => {
    const profiles = [person(['Aidos Sadykov']), person(['Bolat Sadykov']), person(['Sadykov'])];
    const [, , short] = await resolveEntities(profiles, new MemoryEntityIndex());
    expect(short?.sameAs).toBeUndefined();
  });
});

describe('surname alone', () => {
  const person = (names: string[], context: string[] = []) => ({ type: 'person' as const, names, roles: [], context });

  it('a "Sadykov" joins the Sadykov the context points at', async () => {
    const index = new MemoryEntityIndex();
    const aidos = index.apply(person(['Aidos Sadykov'], ['place:aktobe', 'role:journalist', 'org:dvk']), {
      index: 0, entityId: null, rule: 'new', score: 0, shared: [], keys: ['p:s:sadikov'], candidates: 0,
    });
    index.apply(person(['Bolat Sadykov'], ['place:shimkent', 'role:farmer']), {
      index: 0, entityId: null, rule: 'new', score: 0, shared: [], keys: ['p:s:sadikov'], candidates: 0,
    });
    const [decision] = await resolveEntities([person(['Sadykov'], ['role:journalist', 'org:dvk'])], index);
    expect(decision?.entityId).toBe(aidos);
    expect(decision?.rule).toBe('surname-only');
  });

  it('a "Sadykov" with no telling context links to neither of two', async () => {
    const index = new MemoryEntityIndex();
    for (const name of ['Aidos Sadykov', 'Bolat Sadykov']) {
      index.apply(person([name], ['place:kazahstan']), {
        index: 0, entityId: null, rule: 'new', score: 0, shared: [], keys: ['p:s:sadikov'], candidates: 0,
      });
    }
    const [decision] = await resolveEntities([person(['Sadykov'], ['place:kazahstan'])], index);
    expect(decision?.entityId).toBeNull();
  });

  it('a "Sadykova" never joins a man', () => {
    const score = scorePair(person(['Sadykova'], ['role:journalist']), person(['Aidos Sadykov', 'Sadykov'], ['role:journalist']));
    expect(score.veto).toBe('gender-differs');
    expect(score.score).toBe(0);
  });

  it('respects a reviewer who separated the two', async () => {
    const index = new MemoryEntityIndex();
    const aidos = index.apply(person(['Aidos Sadykov']), {
      index: 0, entityId: null, rule: 'new', score: 0, shared: [], keys: ['p:s:sadikov', 'p:n:aidos sadikov'], candidates: 0,
    });
    const [free] = await resolveEntities([person(['Aidos Sadykov'])], index);
    expect(free?.entityId).toBe(aidos);
    const [blocked] = await resolveEntities([person(['Aidos Sadykov'])], index, { cannotLink: (_, id) => id === aidos });
    expect(blocked?.entityId).toBeNull();
  });
});
