import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { LevelBadge, useLevels } from '../components/Sensitivity';
import { Panel, Pending, StatusBadge } from '../components/ui';
import { formatCount } from '../format';
import { useAsync, useTitle } from '../hooks';
import { Link, navigate, paths } from '../router';

/** What the store holds, where review stands, the latest reports and the people with most events. */
export function HomePage() {
  useTitle('');
  const home = useAsync(() => api.home(), []);
  const [q, setQ] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    navigate(paths.search(q.trim() ? { q: q.trim() } : {}));
  };
  const data = home.data;
  const levels = useLevels(data ? [...data.topPeople.map((p) => p.id), ...data.latest.map((d) => d.id)] : []);
  const reviewTotal = data ? data.review.suggested + data.review.confirmed + data.review.rejected : 0;
  const maxType = data ? Math.max(1, ...data.eventTypes.map((t) => t.count)) : 1;
  return (
    <main className="page">
      <form className="hero-search" role="search" onSubmit={submit}>
        <label htmlFor="home-q">Search reports, people and events</label>
        <div className="row">
          <input id="home-q" autoFocus placeholder='e.g. Sadykov, "refugee status", extradit*' value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit">Search</button>
        </div>
      </form>
      <Pending loading={home.loading} error={home.error} />
      {data ? (
        <>
          <div className="stats">
            {[
              ['Reports', data.summary.documents],
              ['People', data.summary.people],
              ['Organizations', data.summary.organizations],
              ['Places', data.summary.places],
              ['Events', data.summary.events],
            ].map(([label, n]) => (
              <div className="stat" key={label}>
                <span className="stat-n">{formatCount(Number(n))}</span>
                <span className="stat-label">{label}</span>
              </div>
            ))}
          </div>
          {data.summary.documents === 0 ? (
            <p className="empty">
              The store is empty. <Link href={paths.ingest()}>Add reports</Link> to begin.
            </p>
          ) : null}
          <div className="grid-2">
            <Panel title="Review" aside={<Link href={paths.review()}>Open the queue →</Link>}>
              <div className="progress" aria-label="review progress">
                {(['confirmed', 'suggested', 'rejected'] as const).map((s) =>
                  data.review[s] > 0 ? <span key={s} className={`bar-${s}`} style={{ flexGrow: data.review[s] }} /> : null,
                )}
              </div>
              <p>
                <strong>{formatCount(data.review.suggested)}</strong> suggested facts await review;{' '}
                {formatCount(data.review.confirmed)} confirmed, {formatCount(data.review.rejected)} rejected
                {reviewTotal ? ` (of ${formatCount(reviewTotal)})` : ''}.
              </p>
            </Panel>
            <Panel title="People with most events">
              <ol className="people-list">
                {data.topPeople.map((p) => (
                  <li key={p.id}>
                    <span>
                      <Link href={paths.entity(p.id)}>{p.name}</Link> <LevelBadge level={levels.get(p.id)?.level} />
                    </span>
                    <span className="count">{p.eventCount}</span>
                  </li>
                ))}
                {data.topPeople.length === 0 ? <li className="muted">No events yet.</li> : null}
              </ol>
            </Panel>
            <Panel title="Events by type">
              <ul className="type-bars">
                {data.eventTypes
                  .filter((t) => t.count > 0)
                  .sort((a, b) => b.count - a.count)
                  .map((t) => (
                    <li key={t.id}>
                      <Link href={paths.search({ type: t.id })}>{t.label}</Link>
                      <span className={`type-bar type-${t.group}`} style={{ width: `${(100 * t.count) / maxType}%` }} />
                      <span className="count">{formatCount(t.count)}</span>
                    </li>
                  ))}
              </ul>
            </Panel>
            <Panel title="Latest reports">
              <ul className="doc-list">
                {data.latest.map((d) => (
                  <li key={d.id}>
                    <span>
                      <Link href={paths.document(d.id)}>{d.title ?? d.id}</Link> <LevelBadge level={levels.get(d.id)?.level} />
                    </span>
                    <span className="muted">
                      {[d.source, d.published].filter(Boolean).join(', ') || 'no date'}
                    </span>
                  </li>
                ))}
              </ul>
            </Panel>
          </div>
          <p className="muted small">
            Facts marked <StatusBadge status="suggested" /> were extracted by the machine and are not yet reviewed.
          </p>
        </>
      ) : null}
    </main>
  );
}
