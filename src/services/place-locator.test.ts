import { describe, expect, it } from 'vitest';
import { locatePlace } from './place-locator.js';

describe('locatePlace', () => {
  it('puts a capital-letter country abbreviation in its country, not in a town of that name', () => {
    expect(locatePlace(['USA'])).toMatchObject({ kind: 'country', country: 'US' });
    expect(locatePlace(['UK'])).toMatchObject({ kind: 'country', country: 'GB' });
  });

  it('finds cities by name and tries each alias in turn', () => {
    expect(locatePlace(['Kyiv'])).toMatchObject({ kind: 'city', country: 'UA' });
    expect(locatePlace(['Nowhere-on-Earth', 'Almaty'])).toMatchObject({ kind: 'city', country: 'KZ' });
    expect(locatePlace(['Nowhere-on-Earth'])).toBeNull();
  });
});
