import type { Found, ResolveContext } from './context.js';

/** One family of expressions: a global regex that finds them and a function that normalises a match. */
export interface Rule {
  name: string;
  re: RegExp;
  /** A quick test of the whole text: when it fails the rule cannot match and is skipped. */
  trigger?: RegExp;
  /** Textual checks on a match before it competes with others (context words, false friends). */
  accept?(m: RegExpExecArray, text: string): boolean;
  build(m: RegExpExecArray, ctx: ResolveContext): Found | null;
  /** Clock times anchor on dates of their sentence, so they are resolved after everything else. */
  late?: boolean;
}

/** The word just before `index` (lower case), or ''. */
export function wordBefore(text: string, index: number): string {
  const m = /([A-Za-z]+)[^A-Za-z\n]{0,3}$/.exec(text.slice(Math.max(0, index - 30), index));
  return m?.[1]?.toLowerCase() ?? '';
}

/** The word just after `index` as written, or ''. */
export function wordAfter(text: string, index: number): string {
  const m = /^\s*([A-Za-z]+)/.exec(text.slice(index, index + 30));
  return m?.[1] ?? '';
}

/** Words after which a bare month, season or early year is a date ("in May", "since 1998"). */
export const DATE_PREPOSITIONS = new Set([
  'in', 'since', 'from', 'until', 'till', 'by', 'of', 'during', 'before', 'after', 'between', 'and', 'or', 'through',
  'to', 'throughout', 'early', 'late', 'mid', 'last', 'next', 'this', 'that', 'on', 'around', 'as', 'circa', 'for',
  'at', 'into', 'over', 'within', 'the',
]);
