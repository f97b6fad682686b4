import { plural } from '../format';
import { useState } from 'react';
import { api, type CaseView } from '../api';
import { useAsync } from '../hooks';
import { Link, paths } from '../router';
import { LevelBadge, useLevels } from './Sensitivity';

/**
 * Reviewer tools for identity: merge another entry of the same person into this file, or split
 * reports that speak of someone else into a new entry. Both are recorded with a reason.
 */
export function MergeSplit({ view, onChanged }: { view: CaseView; onChanged: (id: string) => void }) {
  const { person } = view;
  const [q, setQ] = useState('');
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const candidates = useAsync(
    () => (q.trim().length >= 2 ? api.entities(q.trim(), person.type) : Promise.resolve([])),
    [q, person.type],
  );
  const levels = useLevels((candidates.data ?? []).map((c) => c.id));
  const run = async (work: () => Promise<string>, done: (id: string) => string): Promise<void> => {
    try {
      const id = await work();
      setMessage({ text: done(id), error: false });
      setQ('');
      setPicked([]);
      setReason('');
      onChanged(id);
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  };
  const merge = (mergedId: string, name: string): void => {
    if (!window.confirm(`Merge “${name}” into ${person.name}? Its mentions and events join this case file.`)) return;
    void run(
      async () => (await api.merge(person.id, mergedId, reason || undefined)).survivorId,
      () => `Merged ${name} into ${person.name}.`,
    );
  };
  const split = (): void => {
    void run(
      async () => {
        const r = await api.split(person.id, picked, undefined, reason || undefined);
        return r.entityId;
      },
      () => `Split ${picked.length} report${picked.length > 1 ? 's' : ''} off into a new entry.`,
    );
  };
  return (
    <div className="merge-split">
      {message ? <p className={message.error ? 'error' : 'ok'}>{message.text}</p> : null}
      <label className="stack">
        Why (recorded in the review log)
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. same date of birth in both reports" />
      </label>
      <label className="stack">
        Same {person.type} under another entry
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Find by name…" />
      </label>
      <ul className="candidates">
        {(candidates.data ?? [])
          .filter((c) => c.id !== person.id)
          .slice(0, 8)
          .map((c) => (
            <li key={c.id}>
              <Link href={paths.entity(c.id)}>{c.name}</Link> <LevelBadge level={levels.get(c.id)?.level} />{' '}
              <span className="muted">{plural(c.eventCount, 'event')}</span>
              <button className="small" onClick={() => merge(c.id, c.name)}>
                Merge here
              </button>
            </li>
          ))}
      </ul>
      {view.documents.length > 1 ? (
        <>
          <p className="small muted">Reports about someone else of the same name:</p>
          <ul className="split-docs">
            {view.documents.map((d) => (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(d.id)}
                    onChange={(e) => setPicked(e.target.checked ? [...picked, d.id] : picked.filter((x) => x !== d.id))}
                  />{' '}
                  {d.title ?? d.id}
                </label>
              </li>
            ))}
          </ul>
          <button disabled={picked.length === 0 || picked.length === view.documents.length} onClick={split}>
            Split selected off
          </button>
        </>
      ) : null}
    </div>
  );
}
