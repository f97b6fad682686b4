import { describe, expect, it } from 'vitest';
import { linkKeys, resolveEntity, type EntityLookup, type LinkTarget } from './resolve-entity.js';
import { nameKey } from './name-key.js';

/** An in-memory lookup over targets and their keys: the store's part, without a store. */
function lookupOver(entries: Array<[LinkTarget, string[]]>): EntityLookup {
  return {
    findByKeys: async (keys) => entries.filter(([, ks]) => ks.some((k) => keys.includes(k))).map(([t]) => t),
  };
}

describe('nameKey', () => {
  it('ignores case, quotes and spacing', () => {
    expect(nameKey('  «Azat»   Party ')).toBe('azat party');
    expect(nameKey('AIDOS  Sadykov')).toBe(nameKey('aidos sadykov'));
  });
});

describe('linkKeys', () => {
  it('gives a person keys for full names only', () => {
    expect(linkKeys({ type: 'person', name: 'Aidos Sadykov', aliases: ['Sadykov', 'Mr. Sadykov', 'Aydos Sadykov'] })).toEqual([
      'person:aidos sadykov',
      'person:aydos sadykov',
    ]);
    expect(linkKeys({ type: 'person', name: 'Sadykov', aliases: ['Mr Sadykov'] })).toEqual([]);
  });

  it('gives organizations and places every normalised name, without a leading "the"', () => {
    expect(linkKeys({ type: 'organization', name: 'The OSCE', aliases: ['OSCE'] })).toEqual(['organization:osce']);
    expect(linkKeys({ type: 'place', name: 'Kyiv', aliases: ['Kiev'] })).toEqual(['place:kyiv', 'place:kiev']);
  });
});

describe('resolveEntity', () => {
  const sadykov: LinkTarget = { id: 'd1:e1', type: 'person', name: 'Aidos Sadykov' };
  const lookup = lookupOver([
    [sadykov, ['person:aidos sadykov']],
    [{ id: 'd1:e2', type: 'place', name: 'Kyiv' }, ['place:kyiv']],
  ]);

  it('links the same full name to the stored person', async () => {
    expect(await resolveEntity({ type: 'person', name: 'AIDOS SADYKOV', aliases: [] }, lookup)).toEqual({
      kind: 'existing',
      entityId: 'd1:e1',
      keys: ['person:aidos sadykov'],
    });
  });

  it('keeps a surname-only person new, and different names apart', async () => {
    expect(await resolveEntity({ type: 'person', name: 'Sadykov', aliases: [] }, lookup)).toEqual({ kind: 'new', keys: [] });
    expect((await resolveEntity({ type: 'person', name: 'Bota Sadykova', aliases: [] }, lookup)).kind).toBe('new');
  });

  it('links places by normalised name', async () => {
    expect(await resolveEntity({ type: 'place', name: ' kyiv', aliases: [] }, lookup)).toMatchObject({
      kind: 'existing',
      entityId: 'd1:e2',
    });
  });
});
