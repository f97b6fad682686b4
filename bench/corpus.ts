/**
 * A deterministic generator of news-like English reports for benchmarks: varied people, places,
 * organizations, dates and persecution events, so every pipeline stage does real work.
 */

const FIRST = ['Aidos', 'Natalya', 'Ermek', 'Moldir', 'Roman', 'Sofia', 'Andrzej', 'Maks', 'Leyla', 'Ilgar', 'Vera', 'Timur', 'Dana', 'Rustam', 'Olga', 'Bakhyt', 'Galym', 'Zhanna', 'Arman', 'Svetlana'];
const LAST = ['Sadykov', 'Narymbayev', 'Adilova', 'Bokayev', 'Yunus', 'Mammadli', 'Petrova', 'Ismailov', 'Karimova', 'Orlov', 'Tokhtarov', 'Akhmetova', 'Suleimenov', 'Belova', 'Zhaksybekov', 'Kuznetsova'];
const PLACES = ['Almaty', 'Astana', 'Aktobe', 'Atyrau', 'Kyiv', 'Minsk', 'Vilnius', 'Baku', 'Tbilisi', 'Bishkek', 'Moscow', 'Warsaw', 'Paris', 'Berlin', 'Tashkent'];
const COUNTRIES = ['Kazakhstan', 'Ukraine', 'Belarus', 'Lithuania', 'Azerbaijan', 'Georgia', 'Kyrgyzstan', 'Russia', 'Poland', 'France', 'Germany', 'Uzbekistan'];
const ORGS = ['Human Rights Watch', 'Amnesty International', 'the Committee to Protect Journalists', 'Reporters Without Borders', 'the Interior Ministry', 'the National Security Committee', 'the Supreme Court', 'the United Nations', 'Democratic Choice of Kazakhstan', 'the European Union'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROLES = ['journalist', 'civic activist', 'blogger', 'lawyer', 'opposition politician', 'human rights defender'];

/** A small seeded PRNG (mulberry32), so every run benchmarks the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated report with a publication date. */
export interface BenchDocument {
  id: string;
  text: string;
  published: string;
}

/** Yields reports until `totalBytes` of text have been produced. */
export function* generateCorpus(totalBytes: number, seed = 42): Generator<BenchDocument> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let produced = 0;
  for (let n = 0; produced < totalBytes; n++) {
    const year = 2010 + Math.floor(rnd() * 14);
    const month = 1 + Math.floor(rnd() * 12);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const a = `${pick(FIRST)} ${pick(LAST)}`;
    const b = `${pick(FIRST)} ${pick(LAST)}`;
    const surnameA = a.split(' ')[1] ?? a;
    const city = pick(PLACES);
    const country = pick(COUNTRIES);
    const refuge = pick(COUNTRIES);
    const org = pick(ORGS);
    const paragraphs = [
      `${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} ${a} detained in ${city}`,
      `Police in ${city} detained ${a}, a ${pick(ROLES)} from ${pick(PLACES)}, on ${pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, ${org} said in a statement.`,
      `${surnameA} was held for ${2 + Math.floor(rnd() * 28)} days and later charged with inciting social hatred over posts on Facebook. A court in ${city} sentenced ${surnameA} to ${2 + Math.floor(rnd() * 6)} years in prison in ${pick(MONTHS)} ${year - Math.floor(rnd() * 3)}.`,
      `In ${pick(MONTHS)} and ${pick(MONTHS)}, a series of demonstrations against the government flared up in several cities across ${country}. ${b}, who joined the protests, fled to ${refuge} in the summer and applied for asylum there.`,
      `“If I return I will be arrested,” ${b.split(' ')[1]} told reporters three weeks ago. The authorities froze the bank accounts of both activists last year and put ${a} on a wanted list.`,
      `${org} called on the authorities of ${country} to release all political prisoners. The ministry did not respond to a request for comment by ${MONTHS[month - 1]} ${1 + Math.floor(rnd() * 28)}, ${year}.`,
    ];
    const text = paragraphs.join('\n\n');
    produced += Buffer.byteLength(text);
    yield { id: `bench-${n}`, text, published };
  }
}
