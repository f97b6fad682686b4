import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type EventCorrection, type EventTypeInfo, type QueueItem } from '../api';
import { MarkControl, useLevels } from '../components/Sensitivity';
import { Panel, Pending, StatusBadge, TypeBadge } from '../components/ui';
import { formatDuration, formatEventDate, formatTimestamp } from '../format';
import { useAsync, useTitle } from '../hooks';
import { Link, paths } from '../router';

interface Draft {
  type: string;
  subjectId: string;
  placeId: string;
  dateFrom: string;
  dateTo: string;
  duration: string;
  reason: string;
}

function draftOf(item: QueueItem): Draft {
  const e = item.event;
  return {
    type: e.type,
    subjectId: e.subject?.id ?? '',
    placeId: e.place?.id ?? '',
    dateFrom: e.dateFrom ?? '',
    dateTo: e.dateTo ?? '',
    duration: e.duration ?? '',
    reason: '',
  };
}

/** Only the fields the reviewer changed. */
function changesOf(item: QueueItem, d: Draft): EventCorrection {
  const e = item.event;
  const out: EventCorrection = {};
  const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
  if (d.type !== e.type) out.type = d.type;
  if (d.subjectId !== (e.subject?.id ?? '')) out.subjectId = orNull(d.subjectId);
  if (d.placeId !== (e.place?.id ?? '')) out.placeId = orNull(d.placeId);
  if (d.dateFrom !== (e.dateFrom ?? '')) out.dateFrom = orNull(d.dateFrom);
  if (d.dateTo !== (e.dateTo ?? '')) out.dateTo = orNull(d.dateTo);
  if (d.duration !== (e.duration ?? '')) out.duration = orNull(d.duration);
  return out;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Suggested facts one at a time with their evidence: confirm, reject or correct, from the keyboard too. */
export function ReviewPage() {
  useTitle('Review');
  const [offset, setOffset] = useState(0);
  const queue = useAsync(() => api.queue(offset), [offset]);
  const types = useAsync<EventTypeInfo[]>(() => api.eventTypes(), []);
  const log = useAsync(() => api.reviewLog(8), [queue.data]);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const item = queue.data?.items[0] ?? null;
  const total = queue.data?.total ?? 0;

  useEffect(() => {
    setEditing(false);
    setDraft(item ? draftOf(item) : null);
  }, [item?.event.id]);

  const act = useCallback(
    async (action: 'confirm' | 'reject' | 'correct') => {
      if (!item || busy) return;
      setBusy(true);
      try {
        const changes = action === 'correct' && draft ? changesOf(item, draft) : undefined;
        if (action === 'correct' && changes && Object.keys(changes).length === 0) {
          setMessage({ text: 'Nothing changed: edit a field, or confirm as is.', error: true });
          return;
        }
        const after = await api.review(item.event.id, action, changes, draft?.reason || undefined);
        const verb = action === 'confirm' ? 'Confirmed' : action === 'reject' ? 'Rejected' : 'Corrected and confirmed';
        setMessage({ text: `${verb}: ${after.typeLabel}${after.subject ? `, ${after.subject.name}` : ''}.`, error: false });
        queue.reload();
      } catch (error) {
        setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
      } finally {
        setBusy(false);
      }
    },
    [item, busy, draft, queue],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && editing) {
        setEditing(false);
        return;
      }
      if (editing && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void act('correct');
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'c') void act('confirm');
      else if (e.key === 'r') void act('reject');
      else if (e.key === 'e') {
        e.preventDefault();
        setEditing(true);
      } else if ((e.key === 'j' || e.key === 'ArrowRight') && offset + 1 < total) setOffset(offset + 1);
      else if ((e.key === 'k' || e.key === 'ArrowLeft') && offset > 0) setOffset(offset - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, editing, offset, total]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void act('correct');
  };
  const set = (f: keyof Draft) => (e: { target: { value: string } }) => draft && setDraft({ ...draft, [f]: e.target.value });
  const people = item?.candidates.filter((c) => c.type !== 'place') ?? [];
  const places = item?.candidates.filter((c) => c.type === 'place') ?? [];
  const e = item?.event;
  const [marks, setMarks] = useState(0);
  const levels = useLevels(e ? [e.id] : [], marks);

  return (
    <main className="page review">
      <header className="review-head">
        <h1>Review</h1>
        <p className="muted">
          {total ? `${offset + 1} of ${total} suggested facts` : queue.loading ? '' : 'Nothing left to review.'}
        </p>
      </header>
      <p className="keys muted small">
        Keys: <kbd>c</kbd> confirm · <kbd>r</kbd> reject · <kbd>e</kbd> correct · <kbd>j</kbd>/<kbd>→</kbd> skip ·{' '}
        <kbd>k</kbd>/<kbd>←</kbd> back · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save correction · <kbd>Esc</kbd> cancel
      </p>
      {message ? (
        <p className={message.error ? 'error' : 'ok'} role="status">
          {message.text}
        </p>
      ) : null}
      <Pending loading={queue.loading && !item} error={queue.error} />
      {item && e ? (
        <article className="review-card" aria-busy={busy}>
          <div className="review-fact">
            <div className="event-line">
              <TypeBadge label={e.typeLabel} group={e.group} /> <StatusBadge status={e.status} />
              {e.modality !== 'asserted' ? <span className="badge modality">{e.modality}</span> : null}{' '}
              <MarkControl id={e.id} level={levels.get(e.id)?.level} what="this event" onChanged={() => setMarks((n) => n + 1)} />
            </div>
            <dl className="fact-grid">
              <dt>Subject</dt>
              <dd>{e.subject ? <Link href={paths.entity(e.subject.id)}>{e.subject.name}</Link> : <em className="muted">none</em>}</dd>
              <dt>Date</dt>
              <dd>
                {formatEventDate(e.dateFrom, e.dateTo)}
                {e.dateText ? <span className="muted"> (“{e.dateText}”)</span> : null}
              </dd>
              <dt>Place</dt>
              <dd>{e.place ? e.place.name : <em className="muted">none</em>}</dd>
              <dt>Duration</dt>
              <dd>{formatDuration(e.duration) ?? <em className="muted">none</em>}</dd>
              {e.agent ? (
                <>
                  <dt>By</dt>
                  <dd>{e.agent.name}</dd>
                </>
              ) : null}
              {e.charge ? (
                <>
                  <dt>Charge</dt>
                  <dd>{e.charge}</dd>
                </>
              ) : null}
              <dt>Confidence</dt>
              <dd>{Math.round(e.confidence * 100)}%</dd>
            </dl>
          </div>
          {item.context ? (
            <blockquote className="context">
              <span className="muted">{item.context.before}</span>
              <mark>{item.context.quote}</mark>
              <span className="muted">{item.context.after}</span>
            </blockquote>
          ) : null}
          {e.evidence[0] ? (
            <p className="small">
              <Link href={paths.document(e.evidence[0].documentId, e.evidence[0])}>
                {e.evidence[0].documentTitle ?? e.evidence[0].documentId}
                {e.evidence[0].source ? ` — ${e.evidence[0].source}` : ''}
                {e.evidence[0].published ? `, ${e.evidence[0].published}` : ''}
              </Link>
              {e.evidence.length > 1 ? <span className="muted"> and {e.evidence.length - 1} more reports</span> : null}
            </p>
          ) : null}
          {editing && draft ? (
            <form className="correct-form" onSubmit={submit}>
              <label>
                Type
                <select autoFocus value={draft.type} onChange={set('type')}>
                  {(types.data ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Subject
                <select value={draft.subjectId} onChange={set('subjectId')}>
                  <option value="">none</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.type})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Date from
                <input value={draft.dateFrom} placeholder="YYYY[-MM[-DD]]" onChange={set('dateFrom')} />
              </label>
              <label>
                Date to
                <input value={draft.dateTo} placeholder="YYYY[-MM[-DD]]" onChange={set('dateTo')} />
              </label>
              <label>
                Place
                <select value={draft.placeId} onChange={set('placeId')}>
                  <option value="">none</option>
                  {places.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Duration
                <input value={draft.duration} placeholder="P2Y, P6M, P15D" onChange={set('duration')} />
              </label>
              <label className="wide">
                Why (recorded in the review log)
                <textarea rows={2} value={draft.reason} onChange={set('reason')} />
              </label>
              <div className="buttons">
                <button type="submit" className="primary" disabled={busy}>
                  Save correction
                </button>
                <button type="button" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <div className="buttons">
              <button className="primary" disabled={busy} onClick={() => void act('confirm')}>
                Confirm <kbd>c</kbd>
              </button>
              <button className="danger" disabled={busy} onClick={() => void act('reject')}>
                Reject <kbd>r</kbd>
              </button>
              <button disabled={busy} onClick={() => setEditing(true)}>
                Correct <kbd>e</kbd>
              </button>
              <button disabled={busy || offset + 1 >= total} onClick={() => setOffset(offset + 1)}>
                Skip <kbd>j</kbd>
              </button>
            </div>
          )}
        </article>
      ) : null}
      <Panel title="Recent decisions">
        {log.data && log.data.length === 0 ? <p className="muted">None yet.</p> : null}
        <table className="log">
          <tbody>
            {(log.data ?? []).map((l) => (
              <tr key={l.seq}>
                <td className="muted">{formatTimestamp(l.at)}</td>
                <td>{l.actor}</td>
                <td>{l.action}</td>
                <td className="small">{l.targetId}</td>
                <td className="muted small">{l.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </main>
  );
}
