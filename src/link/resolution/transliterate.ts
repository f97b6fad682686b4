/**
 * Cyrillic → Latin for Russian, Kazakh, Ukrainian and Kyrgyz names, close to the BGN/PCGN
 * romanisation most English-language outlets use ("Садыков" → "Sadykov", "Қасым" → "Qasym").
 * Variant spellings are reconciled later by foldVariants, so one scheme is enough here.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh and Kyrgyz
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Ukrainian and Belarusian
  є: 'ye', ї: 'yi', ґ: 'g', ў: 'w',
};

const HAS_CYRILLIC = /[\u0400-\u04FF]/u;

/** True when the text holds at least one Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return HAS_CYRILLIC.test(text);
}

/** Latin spelling of `text`; non-Cyrillic characters pass through, letter case is kept. */
export function transliterate(text: string): string {
  if (!hasCyrillic(text)) return text;
  let out = '';
  let atWordStart = true;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    let latin = CYRILLIC[lower];
    if (latin === undefined) {
      out += ch;
      atWordStart = !/\p{L}/u.test(ch);
      continue;
    }
    // Word-initial е is "ye" in BGN/PCGN (Ерлан → Yerlan), elsewhere "e".
    if (lower === 'е' && atWordStart) latin = 'ye';
    if (ch !== lower && latin.length > 0) latin = (latin[0] ?? '').toUpperCase() + latin.slice(1);
    out += latin;
    atWordStart = false;
  }
  return out;
}
