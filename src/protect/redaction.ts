/** The character a redacted character becomes: one UTF-16 unit, so offsets into the text stay valid. */
export const REDACTION_MARK = '█';

/** Masks what must not be shown, keeping the text's length so evidence offsets still point right. */
export interface Redactor {
  /** `text` with every protected name masked; `spans` (offsets into `text`) masked too. */
  redact(text: string, spans?: ReadonlyArray<{ start: number; end: number }>): string;
}

const LETTER = '\\p{L}\\p{N}';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A redactor for the given names (full names and aliases, matched whole and case-insensitively)
 * and their parts of three letters or more (surnames alone, matched as written).
 */
export function buildRedactor(names: readonly string[]): Redactor {
  const whole = new Set<string>();
  const parts = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length === 0) continue;
    whole.add(trimmed);
    for (const part of trimmed.split(/[^\p{L}\p{N}'’-]+/u)) if (part.length >= 3) parts.add(part);
  }
  const pattern = (items: Set<string>, flags: string): RegExp | null =>
    items.size === 0
      ? null
      : new RegExp(
          `(?<![${LETTER}])(?:${[...items].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![${LETTER}])`,
          flags,
        );
  const wholeRe = pattern(whole, 'giu');
  const partRe = pattern(parts, 'gu');
  const mask = (s: string): string => REDACTION_MARK.repeat(s.length);
  return {
    redact(text, spans = []) {
      let out = text;
      if (spans.length > 0) {
        const chars = out.split('');
        for (const { start, end } of spans) {
          for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) chars[i] = REDACTION_MARK;
        }
        out = chars.join('');
      }
      if (wholeRe) out = out.replace(wholeRe, mask);
      if (partRe) out = out.replace(partRe, mask);
      return out;
    },
  };
}
