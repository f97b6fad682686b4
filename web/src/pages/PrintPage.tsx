import { api, type CaseScope } from '../api';
import { Pending } from '../components/ui';
import { formatDuration, formatEventDate } from '../format';
import { useAsync, useTitle } from '../hooks';
import { Link, paths, type Location } from '../router';

const SCOPES: Record<CaseScope, string> = {
  confirmed: 'confirmed facts only',
  reviewable: 'confirmed facts and unreviewed suggestions',
  all: 'all facts, including rejected ones',
};

/** A printable case file: the person's timeline with full citations. */
export function PrintPage({ id, location }: { id: string; location: Location }) {
  const raw = location.query.get('scope');
  const scope: CaseScope = raw === 'reviewable' || raw === 'all' ? raw : 'confirmed';
  const data = useAsync(() => api.caseExport(id, scope), [id, scope]);
  const c = data.data;
  useTitle(c ? `Case file: ${c.person.name}` : 'Case file');
  if (!c) return <main className="print"><Pending loading={data.loading} error={data.error} /></main>;
  const docs = new Map<string, number>();
  for (const e of c.events) for (const v of e.evidence) if (!docs.has(v.documentId)) docs.set(v.documentId, docs.size + 1);
  const sources = c.events.flatMap((e) => e.evidence);
  const bySource = new Map(sources.map((v) => [v.documentId, v]));
  const hashes = new Map(c.documents.map((d) => [d.id, d.sha256]));
  return (
    <main className="print">
      <nav className="no-print">
        <Link href={paths.entity(id)}>← Back to the case file</Link> ·{' '}
        {(Object.keys(SCOPES) as CaseScope[]).map((s) => (
          <span key={s}>
            {s === scope ? <strong>{s}</strong> : <Link href={paths.print(id, s)}>{s}</Link>}{' '}
          </span>
        ))}
        · <button onClick={() => window.print()}>Print</button>
      </nav>
      <h1>Case file: {c.person.name}</h1>
      {c.person.aliases.length ? <p>Also known as: {c.person.aliases.join(', ')}</p> : null}
      <p className="small">
        Prepared {new Date().toISOString().slice(0, 10)} from the Chronicle store; {SCOPES[scope]}. {c.events.length} events, {docs.size} cited reports.
      </p>
      <table className="print-events">
        <thead>
          <tr>
            <th>Date</th>
            <th>Event</th>
            <th>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {c.events.map((e) => (
            <tr key={e.id}>
              <td>{formatEventDate(e.dateFrom, e.dateTo)}</td>
              <td>
                <strong>{e.typeLabel}</strong>
                {e.place ? `, ${e.place.name}` : ''}
                {e.agent ? `, by ${e.agent.name}` : ''}
                {e.duration ? `, ${formatDuration(e.duration)}` : ''}
                {e.charge ? `; charge: ${e.charge}` : ''}
                {e.status !== 'confirmed' ? <em> ({e.status})</em> : null}
              </td>
              <td>
                {e.evidence.map((v) => (
                  <p key={`${v.documentId}:${v.start}`}>
                    “{v.text}”{' '}
                    <span className="cite-ref">
                      [{docs.get(v.documentId)}, chars {v.start}–{v.end}]
                    </span>
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Sources</h2>
      <ol className="sources">
        {[...docs.keys()].map((docId) => {
          const v = bySource.get(docId);
          return (
            <li key={docId}>
              {v?.documentTitle ?? docId}
              {v?.source ? `, ${v.source}` : ''}
              {v?.published ? `, ${v.published}` : ''}
              {v?.url ? `. ${v.url}` : ''}. Chronicle document {docId}
              {hashes.get(docId) ? (
                <>
                  , SHA-256 <code className="hash">{hashes.get(docId)}</code>
                </>
              ) : null}
              .
            </li>
          );
        })}
      </ol>
    </main>
  );
}
