import { useState, type DragEvent, type FormEvent } from 'react';
import { api, type UploadOutcome } from '../api';
import { Panel } from '../components/ui';
import { useTitle } from '../hooks';
import { Link, paths } from '../router';

interface Job {
  key: number;
  name: string;
  state: 'waiting' | 'working' | 'done' | 'failed';
  outcome: UploadOutcome | null;
  error: string | null;
}

interface Meta {
  published: string;
  source: string;
  url: string;
}

/** Reads a file as base64 without decoding it, so the server hashes the exact bytes. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

let nextKey = 1;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Upload files or paste text, HTML or a feed; each file's progress and errors. */
export function IngestPage() {
  useTitle('Add reports');
  const [jobs, setJobs] = useState<Job[]>([]);
  const [meta, setMeta] = useState<Meta>({ published: '', source: '', url: '' });
  const [paste, setPaste] = useState({ name: '', kind: '', text: '' });
  const [dragging, setDragging] = useState(false);

  const update = (key: number, change: Partial<Job>): void => setJobs((js) => js.map((j) => (j.key === key ? { ...j, ...change } : j)));
  const options = (): { published?: string; source?: string; url?: string } => ({
    ...(meta.published.trim() ? { published: meta.published.trim() } : {}),
    ...(meta.source.trim() ? { source: meta.source.trim() } : {}),
    ...(meta.url.trim() ? { url: meta.url.trim() } : {}),
  });

  const run = async (key: number, body: () => Promise<Parameters<typeof api.ingest>[0]>): Promise<void> => {
    update(key, { state: 'working' });
    try {
      const outcome = await api.ingest(await body());
      const failed = outcome.documents.length === 0 && outcome.errors.length > 0;
      update(key, { state: failed ? 'failed' : 'done', outcome });
    } catch (error) {
      update(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const addFiles = async (files: File[]): Promise<void> => {
    const added = files.map((f) => ({ file: f, job: { key: nextKey++, name: f.name, state: 'waiting' as const, outcome: null, error: null } }));
    setJobs((js) => [...added.map((a) => a.job), ...js]);
    // One at a time: the server extracts each file in turn, and the list shows where it stands.
    for (const { file, job } of added) {
      await run(job.key, async () => ({ name: file.name, content: await toBase64(file), ...options() }));
    }
  };

  const submitPaste = (e: FormEvent): void => {
    e.preventDefault();
    if (!paste.text.trim()) return;
    const extension = { text: '.txt', html: '.html', feed: '.xml', jsonl: '.jsonl' }[paste.kind] ?? '';
    const name = paste.name.trim() || `pasted-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}${extension}`;
    const job: Job = { key: nextKey++, name, state: 'waiting', outcome: null, error: null };
    setJobs((js) => [job, ...js]);
    const text = paste.text;
    setPaste({ ...paste, text: '', name: '' });
    void run(job.key, async () => ({ name, text, ...(paste.kind ? { kind: paste.kind } : {}), ...options() }));
  };

  const drop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  };
  const done = jobs.filter((j) => j.state === 'done' || j.state === 'failed').length;

  return (
    <main className="page ingest">
      <h1>Add reports</h1>
      <p className="muted">
        Text (.txt), web pages (.html), RSS or Atom feeds (.xml, .rss, .atom) and JSON Lines (.jsonl). Each report is stored with its
        original bytes and SHA-256; the same bytes twice are recognised and skipped.
      </p>
      <fieldset className="meta-fields">
        <legend>When the file does not say</legend>
        <label>
          Published
          <input placeholder="YYYY-MM-DD" value={meta.published} onChange={(e) => setMeta({ ...meta, published: e.target.value })} />
        </label>
        <label>
          Outlet
          <input placeholder="e.g. Kyiv Post" value={meta.source} onChange={(e) => setMeta({ ...meta, source: e.target.value })} />
        </label>
        <label>
          URL
          <input placeholder="https://…" value={meta.url} onChange={(e) => setMeta({ ...meta, url: e.target.value })} />
        </label>
      </fieldset>
      <div className="grid-2">
        <Panel title="Upload files">
          <label
            className={`dropzone${dragging ? ' over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <input
              type="file"
              multiple
              accept=".txt,.text,.md,.html,.htm,.xml,.rss,.atom,.jsonl,.ndjson"
              onChange={(e) => {
                void addFiles([...(e.target.files ?? [])]);
                e.target.value = '';
              }}
            />
            <span>Drop files here, or click to choose</span>
          </label>
        </Panel>
        <Panel title="Paste">
          <form className="paste-form" onSubmit={submitPaste}>
            <div className="row">
              <input aria-label="Name" placeholder="name (optional)" value={paste.name} onChange={(e) => setPaste({ ...paste, name: e.target.value })} />
              <select aria-label="Kind" value={paste.kind} onChange={(e) => setPaste({ ...paste, kind: e.target.value })}>
                <option value="">detect</option>
                <option value="text">plain text</option>
                <option value="html">HTML</option>
                <option value="feed">RSS/Atom feed</option>
                <option value="jsonl">JSON Lines</option>
              </select>
            </div>
            <textarea aria-label="Pasted report" rows={7} placeholder="Paste a report, a page's HTML or a feed" value={paste.text} onChange={(e) => setPaste({ ...paste, text: e.target.value })} />
            <button type="submit" className="primary" disabled={!paste.text.trim()}>
              Ingest
            </button>
          </form>
        </Panel>
      </div>
      {jobs.length ? (
        <Panel title={`Progress: ${done} of ${jobs.length}`}>
          <progress max={jobs.length} value={done} />
          <ul className="jobs">
            {jobs.map((j) => (
              <li key={j.key} className={`job job-${j.state}`}>
                <span className="job-state">{j.state}</span> <strong>{j.name}</strong>
                {j.outcome?.kind ? <span className="muted"> ({j.outcome.kind})</span> : null}
                {j.error ? <p className="error">{j.error}</p> : null}
                {j.outcome ? (
                  <ul>
                    {j.outcome.documents.map((d, i) => (
                      <li key={i}>
                        {d.documentId ? <Link href={paths.document(d.documentId)}>{d.title ?? d.documentId}</Link> : (d.title ?? 'document')}{' '}
                        <span className="muted">
                          {d.status === 'added'
                            ? `added: ${plural(d.people, 'person', 'people')}, ${plural(d.events, 'event', 'events')}`
                            : d.status === 'duplicate'
                              ? 'already present, skipped'
                              : 'failed'}
                        </span>
                      </li>
                    ))}
                    {j.outcome.errors.map((m, i) => (
                      <li key={`e${i}`} className="error">
                        {m}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </main>
  );
}
