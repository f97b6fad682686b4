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
  const min = Math.floor(Math.min(...spans.map((s) => s.from)));
  const max = Math.ceil(Math.max(...spans.map((s) => s.to)));
  const range = Math.max(1, max - min);
  const x = (year: number): number => PAD + ((year - min) / range) * (WIDTH - 2 * PAD);
  // Greedy lanes: an event goes to the first lane whose last mark ends before it starts.
  const laneEnds: number[] = [];
  const placed = spans
    .sort((a, b) => a.from - b.from)
    .map((s) => {
      const x0 = x(s.from);
      const x1 = Math.max(x(s.to), x0 + 8);
      let lane = laneEnds.findIndex((end) => end + 4 < x0);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = x1;
      return { ...s, x0, x1, lane };
    });
  const height = PAD + laneEnds.length * LANE + 28;
  const step = range > 40 ? 10 : range > 16 ? 5 : range > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = Math.ceil(min / step) * step; y <= max; y += step) ticks.push(y);
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Timeline of events">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={8} y2={height - 20} className="tick" />
            <text x={x(t)} y={height - 6} textAnchor="middle" className="tick-label">
              {t}
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
