import type { EventView } from '../api';
import { formatEventDate } from '../format';

/** An ISO date prefix as a fractional year: its start, or its end when `end` is set. */
export function yearOf(iso: string, end = false): number {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y ?? 0;
  if (m === undefined) return end ? year + 1 : year;
  if (d === undefined) return year + (end ? m : m - 1) / 12;
  return year + (m - 1) / 12 + (end ? d : d - 1) / 365;
}

const WIDTH = 900;
const LANE = 16;
const PAD = 24;
/** More lanes than this would make a wall: later marks share the last lane. */
const MAX_LANES = 10;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The case on a time axis: each dated event a mark (a bar for an interval), coloured by group;
 * unreviewed ones hollow. Clicking a mark jumps to the event in the list.
 */
export function Timeline({ events, onPick }: { events: EventView[]; onPick: (id: string) => void }) {
  const dated = events.filter((e) => e.dateFrom || e.dateTo);
  if (dated.length === 0) return <p className="muted">No dated events to draw.</p>;
  const spans = dated.map((e) => {
    const from = yearOf((e.dateFrom ?? e.dateTo) as string);
    const to = yearOf((e.dateTo ?? e.dateFrom) as string, true);
    return { e, from, to };
  });
  const first = Math.min(...spans.map((s) => s.from));
  const last = Math.max(...spans.map((s) => s.to));
  // Short cases get a month scale, long ones whole years.
  const short = last - first <= 3;
  const min = short ? Math.floor(first * 12 - 1) / 12 : Math.floor(first);
  const max = short ? Math.ceil(last * 12 + 1) / 12 : Math.ceil(last);
  const range = Math.max(1 / 12, max - min);
  const x = (year: number): number => PAD + ((year - min) / range) * (WIDTH - 2 * PAD);
  // Greedy lanes: an event goes to the first lane whose last mark ends before it starts.
  const laneEnds: number[] = [];
  const placed = spans
    .sort((a, b) => a.from - b.from)
    .map((s) => {
      const x0 = x(s.from);
      const x1 = Math.max(x(s.to), x0 + 8);
      let lane = laneEnds.findIndex((end) => end + 4 < x0);
      if (lane < 0) lane = laneEnds.length < MAX_LANES ? laneEnds.push(0) - 1 : MAX_LANES - 1;
      laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, x1);
      return { ...s, x0, x1, lane };
    });
  const height = PAD + laneEnds.length * LANE + 28;
  const ticks: Array<{ at: number; label: string }> = [];
  if (short) {
    const months = Math.round(range * 12);
    const step = months > 24 ? 6 : months > 12 ? 3 : months > 6 ? 2 : 1;
    for (let m = Math.ceil(min * 12); m <= max * 12; m++) {
      if (m % step !== 0) continue;
      const month = ((m % 12) + 12) % 12;
      ticks.push({ at: m / 12, label: month === 0 || ticks.length === 0 ? `${MONTHS[month]} ${Math.floor(m / 12)}` : (MONTHS[month] ?? '') });
    }
  } else {
    const step = range > 40 ? 10 : range > 16 ? 5 : range > 6 ? 2 : 1;
    for (let y = Math.ceil(min / step) * step; y <= max; y += step) ticks.push({ at: y, label: String(y) });
  }
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Timeline of events">
        {ticks.map((t) => (
          <g key={t.at}>
            <line x1={x(t.at)} x2={x(t.at)} y1={8} y2={height - 20} className="tick" />
            <text x={x(t.at)} y={height - 6} textAnchor={x(t.at) < PAD + 30 ? 'start' : 'middle'} className="tick-label">
              {t.label}
            </text>
          </g>
        ))}
        {placed.map(({ e, x0, x1, lane }) => (
          <g
            key={e.id}
            className={`mark type-${e.group} status-${e.status}`}
            onClick={() => onPick(e.id)}
            role="button"
            tabIndex={0}
            onKeyDown={(k) => (k.key === 'Enter' ? onPick(e.id) : undefined)}
          >
            <title>{`${e.typeLabel}, ${formatEventDate(e.dateFrom, e.dateTo)}${e.status === 'suggested' ? ' (unreviewed)' : ''}`}</title>
            <rect x={x0} y={PAD + lane * LANE - 5} width={x1 - x0} height={10} rx={5} />
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        <span className="key type-persecution">persecution</span>
        <span className="key type-displacement">displacement</span>
        <span className="key type-civic">civic</span>
        <span className="key hollow">unreviewed</span>
        {events.length > dated.length ? <span className="muted">{events.length - dated.length} undated not drawn</span> : null}
      </figcaption>
    </figure>
  );
}
