import { useState } from 'react';
import { api, type CaseScope } from '../api';
import { CaseMap } from '../components/CaseMap';
import { HistoryPanel } from '../components/HistoryPanel';
import { MergeSplit } from '../components/MergeSplit';
import { attributeLevel, LevelBadge, MarkControl, useLevels } from '../components/Sensitivity';
import { Timeline } from '../components/Timeline';
import { Citations, Panel, Pending, StatusBadge, TypeBadge } from '../components/ui';
import { formatDuration, formatEventDate } from '../format';
import { useAsync, useTitle } from '../hooks';
import { Link, navigate, paths } from '../router';

/** Events drawn at first: a long case file stays quick to open. */
const PAGE = 150;

function attributeText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A person's case file: names, attributes, timeline, dated events with sources, map, connections. */
export function EntityPage({ id }: { id: string }) {
  const [scope, setScope] = useState<CaseScope>('reviewable');
  const [shown, setShown] = useState(PAGE);
  const view = useAsync(() => api.caseView(id, scope), [id, scope]);
  const c = view.data;
  // Moves on with every mark set here, so levels and history are read again.
  const [version, setVersion] = useState(0);
  const marked = (): void => setVersion((v) => v + 1);
  const levels = useLevels(
    c ? [c.person.id, ...c.events.map((e) => e.id), ...c.documents.map((d) => d.id), ...c.connections.map((n) => n.id)] : [],
    version,
  );
  useTitle(c?.person.name ?? 'Case file');
  const pick = (eventId: string): void => {
    if (c && c.events.findIndex((e) => e.id === eventId) >= shown) setShown(c.events.length);
    window.setTimeout(() => reveal(eventId), 0);
  };
  const reveal = (eventId: string): void => {
    const el = document.getElementById(`ev-${eventId}`);
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    el?.classList.add('flash');
    window.setTimeout(() => el?.classList.remove('flash'), 1600);
  };
  const exportHref = (format: string, s: CaseScope): string =>
    `/api/entities/${encodeURIComponent(id)}/export?format=${format}&scope=${s}`;
  if (!c) return <main className="page"><Pending loading={view.loading} error={view.error} /></main>;
  const titles = new Map(c.documents.map((d) => [d.id, d.title ?? d.id]));
  const own = levels.get(c.person.id);
  const seenKeys = new Set<string>();
  const suggested = c.events.filter((e) => e.status === 'suggested').length;
  return (
    <main className="page case">
      <header className="case-head">
        <div>
          <p className="kicker">{c.person.type === 'person' ? 'Case file' : c.person.type}</p>
          <h1>{c.person.name}</h1>
          {c.person.aliases.length ? <p className="aliases">Also: {c.person.aliases.join(' · ')}</p> : null}
          <p className="level-line">
            Sensitivity <MarkControl id={c.person.id} level={own?.level ?? c.person.sensitivity} what={c.person.name} onChanged={marked} />
          </p>
        </div>
        <div className="actions">
          <a className="button" href={exportHref('json', 'confirmed')} download>
            JSON
          </a>
          <a className="button" href={exportHref('csv', 'confirmed')} download>
            CSV
          </a>
          <Link className="button" href={paths.print(id, 'confirmed')}>
            Printable case file
          </Link>
        </div>
      </header>

      <div className="case-meta">
        <dl className="attributes">
          {c.attributes.map((a) => {
            // One control per attribute name: a mark covers every value of it.
            const first = !seenKeys.has(a.key);
            seenKeys.add(a.key);
            const level = attributeLevel(own, a.key) ?? c.person.sensitivity;
            return (
            <div key={`${a.key}:${attributeText(a.value)}`} data-attribute={a.key}>
              <dt>
                {a.key}
                {a.sensitive ? <span className="badge sensitive">sensitive</span> : null}{' '}
                {first ? (
                  <MarkControl id={`${c.person.id}#${a.key}`} level={level} what={`attribute ${a.key}`} onChanged={marked} />
                ) : (
                  <LevelBadge level={level} />
                )}
              </dt>
              <dd>
                {attributeText(a.value)}{' '}
                {a.documents.map((docId, i) => (
                  <Link key={docId} className="source-ref" href={paths.document(docId)} title={titles.get(docId) ?? docId}>
                    [{i + 1}]
                  </Link>
                ))}
              </dd>
            </div>
            );
          })}
          <div>
            <dt>sources</dt>
            <dd>
              {c.documents.length === 1 ? '1 report mentions' : `${c.documents.length} reports mention`} {c.person.name}
            </dd>
          </div>
        </dl>
        <fieldset className="scope">
          <legend>Show</legend>
          {(
            [
              ['confirmed', 'confirmed facts'],
              ['reviewable', 'confirmed and suggested'],
              ['all', 'also rejected'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="scope" checked={scope === value} onChange={() => setScope(value)} /> {label}
            </label>
          ))}
        </fieldset>
      </div>
      {suggested > 0 ? (
        <p className="notice">
          {suggested} of {c.events.length} events are machine suggestions, not yet reviewed. They are marked{' '}
          <StatusBadge status="suggested" />. <Link href={paths.review()}>Review them</Link>.
        </p>
      ) : null}

      <Panel title="Timeline">
        <Timeline events={c.events} onPick={pick} />
      </Panel>

      <div className="case-body">
        <Panel title={`Events (${c.events.length})`}>
          {c.events.length === 0 ? <p className="muted">No events in this view.</p> : null}
          <ol className="event-list">
            {c.events.slice(0, shown).map((e) => (
              <li key={e.id} id={`ev-${e.id}`} className={`event status-${e.status}`}>
                <div className="event-date">{formatEventDate(e.dateFrom, e.dateTo)}</div>
                <div className="event-body">
                  <div className="event-line">
                    <TypeBadge label={e.typeLabel} group={e.group} />
                    {e.subject && e.subject.id !== id ? (
                      <>
                        {' '}
                        <Link href={paths.entity(e.subject.id)}>{e.subject.name}</Link>
                      </>
                    ) : null}
                    {e.place ? (
                      <>
                        {' '}in <Link href={paths.entity(e.place.id)}>{e.place.name}</Link>
                      </>
                    ) : null}
                    {e.agent ? (
                      <>
                        {' '}by <Link href={paths.entity(e.agent.id)}>{e.agent.name}</Link>
                      </>
                    ) : null}
                    {' '}
                    <StatusBadge status={e.status} />
                    {e.modality !== 'asserted' ? <span className="badge modality">{e.modality}</span> : null}{' '}
                    <MarkControl id={e.id} level={levels.get(e.id)?.level} what={`event ${e.typeLabel}`} onChanged={marked} />
                  </div>
                  <p className="event-facts muted">
                    {[
                      e.dateText ? `“${e.dateText}”` : null,
                      formatDuration(e.duration),
                      e.charge ? `charge: ${e.charge}` : null,
                      e.penalty ? `penalty: ${e.penalty}` : null,
                      `confidence ${Math.round(e.confidence * 100)}%`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <Citations event={e} />
                </div>
              </li>
            ))}
          </ol>
          {c.events.length > shown ? (
            <button onClick={() => setShown(c.events.length)}>Show all {c.events.length} events</button>
          ) : null}
        </Panel>
        <aside className="case-side">
          <Panel title="Places">
            <CaseMap places={c.places} />
          </Panel>
          <Panel title="Connected people and organizations">
            {c.connections.length === 0 ? <p className="muted">None found.</p> : null}
            <ul className="connections">
              {c.connections.map((n) => (
                <li key={n.id}>
                  <span>
                    <Link href={paths.entity(n.id)}>{n.name}</Link> <LevelBadge level={levels.get(n.id)?.level} />
                  </span>{' '}
                  <span className="muted">{n.type}</span>
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title="Same or different person?">
            <MergeSplit
              view={c}
              onChanged={(next) => {
                if (next !== id) navigate(paths.entity(next), { replace: true });
                else view.reload();
              }}
            />
          </Panel>
          <Panel title="Reports">
            <ul className="doc-list">
              {c.documents.map((d) => (
                <li key={d.id}>
                  <span>
                    <Link href={paths.document(d.id)}>{d.title ?? d.id}</Link> <LevelBadge level={levels.get(d.id)?.level} />
                  </span>
                  <span className="muted">{[d.source, d.published].filter(Boolean).join(', ')}</span>
                </li>
              ))}
            </ul>
          </Panel>
        </aside>
      </div>
      <HistoryPanel id={c.person.id} version={version} />
    </main>
  );
}
