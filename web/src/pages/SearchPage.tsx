import { plural } from '../format';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type EventTypeInfo } from '../api';
import { LevelBadge, useLevels } from '../components/Sensitivity';
import { Citations, EventSummary, Panel, Pending, StatusBadge } from '../components/ui';
import { useAsync, useTitle } from '../hooks';
import { Link, navigate, paths, type Location } from '../router';

const FIELDS = ['q', 'type', 'status', 'dateFrom', 'dateTo', 'place'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;

function formOf(query: URLSearchParams): Form {
  return Object.fromEntries(FIELDS.map((f) => [f, query.get(f) ?? ''])) as Form;
}

/** A snippet with its matches marked, from offsets (never from markup). */
function Snippet({ text, highlights }: { text: string; highlights: Array<{ start: number; end: number }> }) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    if (h.start > at) parts.push({ text: text.slice(at, h.start), hit: false });
    parts.push({ text: text.slice(h.start, h.end), hit: true });
    at = h.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return <p className="snippet">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>;
}

/** Search over reports, people and events, with filters on events. */
export function SearchPage({ location }: { location: Location }) {
  const key = location.query.toString();
  const applied = formOf(location.query);
  const [form, setForm] = useState<Form>(applied);
  useEffect(() => setForm(formOf(new URLSearchParams(key))), [key]);
  useTitle(applied.q ? `Search: ${applied.q}` : 'Search');
  const types = useAsync<EventTypeInfo[]>(() => api.eventTypes(), []);
  const hasAny = FIELDS.some((f) => applied[f]);
  const results = useAsync(
    () => (hasAny ? api.search(Object.fromEntries(FIELDS.map((f) => [f, applied[f] || undefined]))) : Promise.resolve(null)),
    [key],
  );
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const params = Object.fromEntries(FIELDS.filter((f) => form[f].trim()).map((f) => [f, form[f].trim()]));
    navigate(paths.search(params));
  };
  const set = (f: Field) => (e: { target: { value: string } }) => setForm({ ...form, [f]: e.target.value });
  const r = results.data;
  const levels = useLevels(r ? [...r.entities.map((e) => e.id), ...r.events.map((e) => e.id), ...r.documents.map((d) => d.documentId)] : []);
  return (
    <main className="page">
      <h1>Search</h1>
      <form className="search-form" role="search" onSubmit={submit}>
        <div className="row">
          <input
            aria-label="Search text"
            name="q"
            autoFocus
            placeholder='Words, "exact phrase", prefix*, OR, -exclude'
            value={form.q}
            onChange={set('q')}
          />
          <button type="submit">Search</button>
        </div>
        <div className="filters">
          <label>
            Event type
            <select name="type" value={form.type} onChange={set('type')}>
              <option value="">any</option>
              {(types.data ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Review
            <select name="status" value={form.status} onChange={set('status')}>
              <option value="">any</option>
              <option value="suggested">suggested</option>
              <option value="confirmed">confirmed</option>
              <option value="rejected">rejected</option>
            </select>
          </label>
          <label>
            From
            <input name="dateFrom" placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" value={form.dateFrom} onChange={set('dateFrom')} />
          </label>
          <label>
            To
            <input name="dateTo" placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" value={form.dateTo} onChange={set('dateTo')} />
          </label>
          <label>
            Place
            <input name="place" placeholder="e.g. Almaty" value={form.place} onChange={set('place')} />
          </label>
        </div>
      </form>
      {hasAny ? <Pending loading={results.loading} error={results.error} /> : <p className="muted">Type words or pick a filter.</p>}
      {r ? (
        <div className="results">
          {r.entities.length > 0 ? (
            <Panel title={`People and organizations (${r.entities.length})`}>
              <ul className="entity-results">
                {r.entities.map((e) => (
                  <li key={e.id}>
                    <Link href={paths.entity(e.id)}>{e.name}</Link> <span className="muted">{e.type}</span>{' '}
                    <span className="count">{plural(e.eventCount, 'event')}</span> <LevelBadge level={levels.get(e.id)?.level} />
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}
          <Panel title={`Events (${r.eventTotal})`}>
            {r.events.length === 0 ? <p className="muted">No event matches.</p> : null}
            <ul className="event-results">
              {r.events.map((e) => (
                <li key={e.id} className={`event status-${e.status}`}>
                  <div className="event-line">
                    <EventSummary event={e} /> <StatusBadge status={e.status} /> <LevelBadge level={levels.get(e.id)?.level} />
                  </div>
                  <Citations event={e} limit={2} />
                </li>
              ))}
            </ul>
            {r.eventTotal > r.events.length ? <p className="muted">Showing the first {r.events.length}; narrow the filters to see others.</p> : null}
          </Panel>
          {applied.q ? (
            <Panel title={`Reports (${r.documents.length})`}>
              {r.documents.length === 0 ? <p className="muted">No report matches.</p> : null}
              <ul className="doc-results">
                {r.documents.map((d) => (
                  <li key={d.documentId}>
                    <Link href={paths.document(d.documentId, d.start !== null && d.end !== null ? { start: d.start, end: d.end } : null)}>
                      {d.documentTitle ?? d.documentId}
                    </Link>
                    <span className="muted"> {[d.source, d.published].filter(Boolean).join(', ')}</span>{' '}
                    <LevelBadge level={levels.get(d.documentId)?.level} />
                    <Snippet text={d.snippet} highlights={d.highlights} />
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}
