import { asciiLower, foldVariants, remember } from './fold.js';

/** Legal forms and articles that do not tell one organization from another. */
const NOISE = new Set([
  'the', 'llp', 'llc', 'ltd', 'inc', 'jsc', 'ojsc', 'ojsc', 'plc', 'ngo', 'too', 'ao', 'oao', 'zao', 'ooo', 'pf',
  'public', 'foundation', 'fund', 'obshchestvennii', 'fond',
]);
/** Short words left out of acronyms. */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'to', 'a', 'i', 'v', 'po', 'na', 'za']);

/**
 * Organizations whose names differ across languages, so no spelling rule links them; each group
 * lists the forms as they appear in English- and Russian-language reporting (written for this
 * project from public knowledge, not copied from any list).
 */
const KNOWN_ORGANIZATIONS: ReadonlyArray<{ id: string; names: string[] }> = [
  { id: 'dvk', names: ['Democratic Choice of Kazakhstan', 'DVK', 'DCK', 'Демократический выбор Казахстана', 'Qazaqstannyn Demokratiyalyq Tandauy', 'Қазақстанның демократиялық таңдауы'] },
  { id: 'knb', names: ['National Security Committee', 'KNB', 'Committee for National Security', 'Комитет национальной безопасности', 'Ұлттық қауіпсіздік комитеті', 'UQK'] },
  { id: 'kibhr', names: ['Kazakhstan International Bureau for Human Rights and Rule of Law', 'KIBHR', 'Kazakhstan International Bureau for Human Rights', 'Казахстанское международное бюро по правам человека и соблюдению законности', 'КМБПЧ', 'Human Rights Bureau'] },
  { id: 'hrw', names: ['Human Rights Watch', 'HRW'] },
  { id: 'amnesty', names: ['Amnesty International', 'Amnesty'] },
  { id: 'osce', names: ['Organization for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe', 'OSCE', 'ОБСЕ'] },
  { id: 'un', names: ['United Nations', 'UN', 'ООН', 'U.N.'] },
  { id: 'rferl', names: ['Radio Free Europe/Radio Liberty', 'RFE/RL', 'Radio Liberty', 'Radio Azattyq', 'Azattyq', 'Радио Азаттык', 'Азаттык'] },
  { id: 'nurotan', names: ['Nur Otan', 'Нур Отан', 'Amanat', 'Аманат'] },
  { id: 'azat', names: ['Azat', 'Азат', 'Azat Party', 'Nationwide Social Democratic Party Azat'] },
  { id: 'bta', names: ['BTA Bank', 'BTA', 'Bank TuranAlem', 'БТА Банк'] },
  { id: 'interpol', names: ['Interpol', 'Интерпол', 'International Criminal Police Organization'] },
  { id: 'sbu', names: ['Security Service of Ukraine', 'SBU', 'СБУ'] },
  { id: 'fsb', names: ['Federal Security Service', 'FSB', 'ФСБ'] },
  { id: 'cpj', names: ['Committee to Protect Journalists', 'CPJ'] },
  { id: 'rsf', names: ['Reporters Without Borders', 'RSF', 'Reporters sans frontières'] },
];

/** Folded words of an organization name, legal forms and articles dropped. */
export function orgWords(name: string): string[] {
  return asciiLower(name)
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !NOISE.has(w))
    .map((w) => (/^\d+$/.test(w) ? w : foldVariants(w)));
}

/** Normalised name of an organization: its folded words joined by one space. */
export function orgNameKey(name: string): string {
  const cached = NAME_KEYS.get(name);
  if (cached !== undefined) return cached;
  const key = orgWords(name).join(' ');
  remember(NAME_KEYS, name, key);
  return key;
}

// Scoring compares the same stored names again and again: compute each key once.
const NAME_KEYS = new Map<string, string>();

/**
 * The acronym a name stands for or is: "DVK" → "dvk", "RFE/RL" → "rferl",
 * "Democratic Choice of Kazakhstan" → "dck", "Демократический выбор Казахстана" → "dvk".
 * Null for one-word names, which have no acronym.
 */
export function orgAcronym(name: string): string | null {
  const compact = name.replace(/[./\s-]/g, '');
  // Written as an acronym: 2–6 capitals.
  if (/^[\p{Lu}\d]{2,6}$/u.test(compact)) return asciiLower(compact);
  const words = asciiLower(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !ACRONYM_SKIP.has(w) && !NOISE.has(w));
  if (words.length < 2) return null;
  return words.map((w) => w[0] ?? '').join('');
}

const KNOWN_BY_KEY = new Map<string, string>();
for (const org of KNOWN_ORGANIZATIONS) {
  for (const name of org.names) {
    KNOWN_BY_KEY.set(orgNameKey(name), org.id);
    KNOWN_BY_KEY.set(asciiLower(name).replace(/[^a-z0-9]/g, ''), org.id);
  }
}

/** Id of a known organization under any of its listed names, or null. */
export function knownOrganization(name: string): string | null {
  return KNOWN_BY_KEY.get(orgNameKey(name)) ?? KNOWN_BY_KEY.get(asciiLower(name).replace(/[^a-z0-9]/g, '')) ?? null;
}
