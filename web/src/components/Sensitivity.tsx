import { useState, type FormEvent } from 'react';
import { api, type RecordSensitivity, type Sensitivity } from '../api';
import { useAsync } from '../hooks';
import { canMark, useSession } from '../session';

const LEVELS: readonly Sensitivity[] = ['public', 'restricted', 'confidential'];

/** A record's sensitivity as a small label. */
export function LevelBadge({ level }: { level: Sensitivity | null | undefined }) {
  if (!level) return null;
  return (
    <span className={`badge level level-${level}`} title={`sensitivity: ${level}`}>
      {level}
    </span>
  );
}

/** Levels of the records a page lists, by id; reloads when the ids change or `version` moves on. */
export function useLevels(ids: readonly string[], version = 0): Map<string, RecordSensitivity> {
  const key = [...new Set(ids)].sort().join('\n');
  const levels = useAsync(() => api.sensitivity(key ? key.split('\n') : []), [key, version]);
  return new Map((levels.data ?? []).map((r) => [r.id, r]));
}

/** The level an entity's attribute has: its own mark, else the entity's. */
export function attributeLevel(entity: RecordSensitivity | undefined, key: string): Sensitivity | undefined {
  return entity?.attributes?.[key] ?? entity?.level;
}

/**
 * A record's level, and for editors and admins a control to change it with a reason (recorded in the
 * audit log). Everyone else sees the level only.
 */
export function MarkControl({
  id,
  level,
  what,
  onChanged,
}: {
  /** A document, entity or event id, or `ENTITY_ID#attribute`. */
  id: string;
  level: Sensitivity | undefined;
  /** What the record is, for labels: "this report", "attribute birthplace". */
  what: string;
  onChanged: () => void;
}) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Sensitivity>(level ?? 'restricted');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canMark(session)) return <LevelBadge level={level} />;
  const start = (): void => {
    setChoice(level ?? 'restricted');
    setReason('');
    setError(null);
    setOpen(true);
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.mark(id, choice, reason.trim() || undefined);
      setOpen(false);
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <span className="mark-control">
        <LevelBadge level={level} />{' '}
        <button type="button" className="link-button" onClick={start} aria-label={`Change sensitivity of ${what}`}>
          change
        </button>
      </span>
    );
  }
  return (
    <form className="mark-form" onSubmit={(e) => void save(e)} aria-label={`Sensitivity of ${what}`}>
      <select aria-label="Sensitivity" value={choice} onChange={(e) => setChoice(e.target.value as Sensitivity)}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <input aria-label="Reason" placeholder="Why (recorded in the history)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      <button type="submit" className="primary small" disabled={busy || choice === level}>
        Save
      </button>
      <button type="button" className="small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
