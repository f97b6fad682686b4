import { api, type AuditEntry } from '../api';
import { formatTimestamp } from '../format';
import { useAsync } from '../hooks';
import { Panel, Pending } from './ui';

/** A before/after snapshot in one line: `sensitivity: restricted`, `status: confirmed, type: exile`. */
export function snapshotText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(snapshotText).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/** What was changed: the action, and for an attribute its name (`mark · birthplace`). */
function actionText(entry: AuditEntry, id: string): string {
  const attribute = entry.targetId.startsWith(`${id}#`) ? entry.targetId.slice(id.length + 1) : null;
  return attribute ? `${entry.action} · ${attribute}` : entry.action;
}

/**
 * Every recorded change to a record from the audit log, newest first: who, when, what, before, after
 * and why. `version` reloads it after a change made on the page.
 */
export function HistoryPanel({ id, version = 0 }: { id: string; version?: number }) {
  const history = useAsync(() => api.history(id), [id, version]);
  const entries = history.data ?? [];
  return (
    <Panel title={`History${history.data ? ` (${entries.length})` : ''}`} id="history">
      <Pending loading={history.loading && !history.data} error={history.error} />
      {history.data && entries.length === 0 ? <p className="muted">No change recorded.</p> : null}
      {entries.length > 0 ? (
        <div className="history-scroll">
          <table className="log history">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Before</th>
                <th>After</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((e) => (
                <tr key={e.seq} data-action={e.action}>
                  <td className="nowrap">{formatTimestamp(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{actionText(e, id)}</td>
                  <td className="snapshot">{snapshotText(e.before)}</td>
                  <td className="snapshot">{snapshotText(e.after)}</td>
                  <td>{e.reason ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
