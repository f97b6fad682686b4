import { plural } from '../format';
import { useState } from 'react';
import { api } from '../api';
import { LevelBadge, useLevels } from '../components/Sensitivity';
import { Panel } from '../components/ui';
import { useAsync, useTitle } from '../hooks';
import { Link, paths } from '../router';

/** Downloads of the whole store, and case files per person. */
export function ExportPage() {
  useTitle('Export');
  const [q, setQ] = useState('');
  const people = useAsync(() => api.entities(q), [q]);
  const levels = useLevels((people.data ?? []).map((p) => p.id));
  return (
    <main className="page">
      <h1>Export</h1>
      <div className="grid-2">
        <Panel title="The whole store">
          <p className="muted">Every report and entity, and the events in the chosen review states, each with its status and sensitivity.</p>
          <div className="scope-pick">
            {(
              [
                ['confirmed', 'Confirmed events'],
                ['reviewable', 'Confirmed and suggested'],
                ['all', 'All, with rejected'],
              ] as const
            ).map(([scope, label]) => (
              <div key={scope} className="export-row">
                <span>{label}</span>
                <a className="button small" href={`/api/export?format=json&scope=${scope}`} download>
                  Chronicle JSON
                </a>
                <a className="button small" href={`/api/export?format=csv&scope=${scope}`} download>
                  CSV
                </a>
                <a className="button small" href={`/api/export?format=jsonl&scope=${scope}`} download>
                  JSON Lines
                </a>
              </div>
            ))}
          </div>
          <p className="small muted">
            The API is described in <a href="/api/openapi.json">OpenAPI</a>.
          </p>
        </Panel>
        <Panel title="Case files">
          <p className="muted">Confirmed facts only, with full citations. Open a case file to include suggested facts.</p>
          <input aria-label="Filter people" placeholder="Filter people by name" value={q} onChange={(e) => setQ(e.target.value)} />
          <table className="export-people">
            <tbody>
              {(people.data ?? []).map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={paths.entity(p.id)}>{p.name}</Link> <LevelBadge level={levels.get(p.id)?.level} />
                  </td>
                  <td className="muted">{plural(p.eventCount, 'event')}</td>
                  <td>
                    <a href={`/api/entities/${encodeURIComponent(p.id)}/export?format=json&scope=confirmed`} download>
                      JSON
                    </a>{' '}
                    ·{' '}
                    <a href={`/api/entities/${encodeURIComponent(p.id)}/export?format=csv&scope=confirmed`} download>
                      CSV
                    </a>{' '}
                    · <Link href={paths.print(p.id)}>print</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
      </div>
    </main>
  );
}
