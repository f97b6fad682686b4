/** An event's date as people read it: `2016-05-14`, `2010 – 2012`, `until 2014`, or `undated`. */
export function formatEventDate(from: string | null, to: string | null): string {
  if (!from && !to) return 'undated';
  if (from && to && to !== from) return `${from} – ${to}`;
  if (!from && to) return `until ${to}`;
  return from ?? '';
}

const UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'],
  M: ['month', 'months'],
  W: ['week', 'weeks'],
  D: ['day', 'days'],
};

/** An ISO 8601 duration in words: P2Y → "2 years". */
export function formatDuration(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  (['Y', 'M', 'W', 'D'] as const).forEach((u, i) => {
    const n = m[i + 1];
    if (n) parts.push(`${n} ${Number(n) === 1 ? UNITS[u]?.[0] : UNITS[u]?.[1]}`);
  });
  return parts.length ? parts.join(' ') : iso;
}

/** A timestamp in the reader's locale, to the minute. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A number with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** "1 event", "3 events". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
