import type { ReactNode } from 'react';
import type { EventView } from '../api';
import { formatEventDate } from '../format';
import { Link, paths } from '../router';

/** A review state as a small label: suggested facts stay visibly unreviewed. */
export function StatusBadge({ status }: { status: string }) {
  const label = status === 'suggested' ? 'suggested · unreviewed' : status;
  return <span className={`badge status-${status}`}>{label}</span>;
}

/** An event type, coloured by its group (persecution, displacement, civic). */
export function TypeBadge({ label, group }: { label: string; group: string }) {
  return <span className={`type type-${group}`}>{label}</span>;
}

/** A loading line, an error box, or nothing. */
export function Pending({ loading, error }: { loading: boolean; error: string | null }) {
  if (error) return <p className="error" role="alert">{error}</p>;
  if (loading) return <p className="muted">Loading…</p>;
  return null;
}

/** A titled panel. */
export function Panel({ title, children, aside, id }: { title: string; children: ReactNode; aside?: ReactNode; id?: string }) {
  return (
    <section className="panel" id={id}>
      <header className="panel-head">
        <h2>{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

/** One line saying who, what, where and when of an event. */
export function EventSummary({ event }: { event: EventView }) {
  return (
    <span className="event-summary">
      <TypeBadge label={event.typeLabel} group={event.group} />{' '}
      {event.subject ? <Link href={paths.entity(event.subject.id)}>{event.subject.name}</Link> : <em className="muted">no subject</em>}
      {event.place ? (
        <>
          {' '}in <Link href={paths.entity(event.place.id)}>{event.place.name}</Link>
        </>
      ) : null}
      <span className="muted"> · {formatEventDate(event.dateFrom, event.dateTo)}</span>
    </span>
  );
}

/** Evidence quotes of an event, each linked to its spot in the report. */
export function Citations({ event, limit }: { event: EventView; limit?: number }) {
  const shown = limit ? event.evidence.slice(0, limit) : event.evidence;
  return (
    <ul className="citations">
      {shown.map((v) => (
        <li key={`${v.documentId}:${v.start}`}>
          <blockquote>“{v.text}”</blockquote>
          <Link className="cite" href={paths.document(v.documentId, v)}>
            {v.documentTitle ?? v.documentId}
            {v.source ? ` — ${v.source}` : ''}
            {v.published ? `, ${v.published}` : ''}
          </Link>
        </li>
      ))}
      {event.evidenceTotal > shown.length ? (
        <li className="muted small">and {event.evidenceTotal - shown.length} more reports say so</li>
      ) : null}
    </ul>
  );
}
