import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type DocumentView } from '../api';
import { HistoryPanel } from '../components/HistoryPanel';
import { LevelBadge, MarkControl, useLevels } from '../components/Sensitivity';
import { Panel, Pending, StatusBadge } from '../components/ui';
import { formatTimestamp } from '../format';
import { useAsync, useTitle } from '../hooks';
import { Link, paths, type Location } from '../router';

interface Segment {
  start: number;
  end: number;
  entity: DocumentView['mentions'][number] | null;
  date: DocumentView['timexes'][number] | null;
  evidence: DocumentView['evidence'];
}

/** Cuts the text at every span boundary; each piece knows the mention, date and evidence covering it. */
export function segmentText(view: DocumentView): Segment[] {
  const cuts = new Set<number>([0, view.text.length]);
  for (const s of [...view.mentions, ...view.timexes, ...view.evidence]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= view.text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covers = (s: { start: number; end: number }): boolean => s.start <= start && end <= s.end;
    segments.push({
      start,
      end,
      entity: view.mentions.find(covers) ?? null,
      date: view.timexes.find(covers) ?? null,
      evidence: view.evidence.filter(covers),
    });
  }
  return segments;
}

function parseAt(value: string | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(value ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/** A report's text with people, organizations, places, dates and event evidence highlighted and linked. */
export function DocumentPage({ id, location }: { id: string; location: Location }) {
  const view = useAsync(() => api.document(id), [id]);
  const types = useAsync(() => api.eventTypes(), []);
  const label = (type: string): string => types.data?.find((t) => t.id === type)?.label ?? type.replaceAll('_', ' ');
  const d = view.data;
  useTitle(d?.document.title ?? id);
  const at = parseAt(location.query.get('at'));
  const [layers, setLayers] = useState({ person: true, organization: true, place: true, date: true, evidence: true });
  const segments = useMemo(() => (d ? segmentText(d) : []), [d]);
  const textRef = useRef<HTMLDivElement>(null);
  // Moves on with every mark set here, so levels and history are read again.
  const [version, setVersion] = useState(0);
  const levels = useLevels(d ? [d.document.id, ...d.evidence.map((e) => e.eventId)] : [], version);
  useEffect(() => {
    if (!d || !at) return;
    const target = textRef.current?.querySelector('.target');
    target?.scrollIntoView({ block: 'center' });
  }, [d, at?.start, at?.end]);
  if (!d) return <main className="page"><Pending loading={view.loading} error={view.error} /></main>;
  const events = new Map<string, DocumentView['evidence'][number]>();
  for (const e of d.evidence) if (!events.has(e.eventId)) events.set(e.eventId, e);
  const off = Object.entries(layers)
    .filter(([, on]) => !on)
    .map(([k]) => `hide-${k}`)
    .join(' ');
  const meta: Array<[string, React.ReactNode]> = [
    ['Outlet', d.document.source ?? '—'],
    ['Published', d.document.published ?? 'unknown'],
    ['URL', d.document.url ? <span className="url">{d.document.url}</span> : '—'],
    ['Language', d.document.language],
    ['Ingested', formatTimestamp(d.document.ingestedAt)],
    ['Format', d.document.mediaType],
    ['Origin', d.document.origin],
    ['SHA-256', <code className="hash">{d.document.sha256}</code>],
  ];
  return (
    <main className="page document">
      <header>
        <p className="kicker">Report</p>
        <h1>{d.document.title ?? d.document.id}</h1>
        <p className="level-line">
          Sensitivity{' '}
          <MarkControl
            id={d.document.id}
            level={levels.get(d.document.id)?.level ?? d.document.sensitivity}
            what="this report"
            onChanged={() => setVersion((v) => v + 1)}
          />
        </p>
      </header>
      <div className="doc-layout">
        <article>
          <div className="legend layers">
            {(
              [
                ['person', 'people'],
                ['organization', 'organizations'],
                ['place', 'places'],
                ['date', 'dates'],
                ['evidence', 'event evidence'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className={`key key-${key}`}>
                <input type="checkbox" checked={layers[key]} onChange={(e) => setLayers({ ...layers, [key]: e.target.checked })} /> {label}
              </label>
            ))}
          </div>
          <div className={`doc-text ${off}`} ref={textRef}>
            {segments.map((s) => {
              const text = d.text.slice(s.start, s.end);
              const classes = [
                s.entity ? `ent ent-${s.entity.entityType}` : '',
                s.date ? 'date' : '',
                s.evidence.length ? 'ev' : '',
                s.evidence.some((e) => e.status === 'suggested') ? 'ev-suggested' : '',
                at && s.start >= at.start && s.end <= at.end ? 'target' : '',
              ]
                .filter(Boolean)
                .join(' ');
              const title = [
                s.entity ? `${s.entity.entityType}: ${s.entity.entityName}` : '',
                s.date ? `date: ${s.date.value}` : '',
                ...s.evidence.map((e) => `evidence of ${e.eventType} (${e.status})`),
              ]
                .filter(Boolean)
                .join('\n');
              if (s.entity) {
                return (
                  <Link key={s.start} href={paths.entity(s.entity.entityId)} className={classes} title={title} data-start={s.start}>
                    {text}
                  </Link>
                );
              }
              return classes ? (
                <span key={s.start} className={classes} title={title || undefined} data-start={s.start}>
                  {text}
                </span>
              ) : (
                <span key={s.start}>{text}</span>
              );
            })}
          </div>
        </article>
        <aside>
          <Panel title="Source">
            <dl className="meta">
              {meta.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <a className="button small" href={`/api/documents/${encodeURIComponent(id)}/original`} download>
              Download original bytes
            </a>
          </Panel>
          <Panel title={`Events stated here (${events.size})`}>
            <ul className="doc-events">
              {[...events.values()].map((e) => (
                <li key={e.eventId}>
                  <Link href={paths.document(id, e)}>{label(e.eventType)}</Link>
                  <span>
                    <StatusBadge status={e.status} /> <LevelBadge level={levels.get(e.eventId)?.level} />
                  </span>
                </li>
              ))}
            </ul>
          </Panel>
        </aside>
      </div>
      <HistoryPanel id={d.document.id} version={version} />
    </main>
  );
}
