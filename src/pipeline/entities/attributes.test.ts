import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '../../domain/chronicle-json.js';
import { addPersonAttributes } from './attributes.js';

function entity(id: string, type: ExtractedEntity['type'], name: string, text: string): ExtractedEntity {
  const mentions = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    mentions.push({ start: at, end: at + name.length, text: name });
  }
  return { id, type, name, aliases: [], mentions, attributes: {} };
}

describe('addPersonAttributes', () => {
  it('reads roles and origin from an appositive', () => {
    const text = 'Suspicion fell on Aidos Sadykov, a former journalist and civic activist from Aktobe, a city in Kazakhstan.';
    const entities = [entity('e1', 'person', 'Aidos Sadykov', text), entity('e2', 'place', 'Aktobe', text)];
    addPersonAttributes(text, entities);
    expect(entities[0]?.attributes).toEqual({ roles: ['journalist', 'civic activist'], from: 'Aktobe' });
    expect(entities[1]?.attributes).toEqual({});
  });

  it('reads a role noun before the name and stops an appositive at its preposition', () => {
    const text = 'The book by Kazakh writer Murat Telibekov was banned. As for Moldir Adilova, an accountant by trade, she left.';
    const entities = [entity('e1', 'person', 'Murat Telibekov', text), entity('e2', 'person', 'Moldir Adilova', text)];
    addPersonAttributes(text, entities);
    expect(entities[0]?.attributes).toEqual({ roles: ['writer'] });
    expect(entities[1]?.attributes).toEqual({ roles: ['accountant'] });
  });

  it('records nothing where the text says nothing', () => {
    const text = 'Yesterday Ermek Narymbayev, who left in June, said nothing.';
    const entities = [entity('e1', 'person', 'Ermek Narymbayev', text)];
    addPersonAttributes(text, entities);
    expect(entities[0]?.attributes).toEqual({});
  });
});
