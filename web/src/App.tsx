import { useState, type FormEvent } from 'react';
import { api, LOGIN_PATH } from './api';
import { DocumentPage } from './pages/DocumentPage';
import { EntityPage } from './pages/EntityPage';
import { ExportPage } from './pages/ExportPage';
import { HomePage } from './pages/HomePage';
import { IngestPage } from './pages/IngestPage';
import { PrintPage } from './pages/PrintPage';
import { ReviewPage } from './pages/ReviewPage';
import { SearchPage } from './pages/SearchPage';
import { Link, navigate, paths, useLocation, type Location } from './router';
import { useSession } from './session';

function route(location: Location) {
  const { path } = location;
  let m: RegExpExecArray | null;
  if (path === '/') return <HomePage />;
  if (path === '/search') return <SearchPage location={location} />;
  if ((m = /^\/entities\/([^/]+)\/print$/.exec(path))) return <PrintPage id={decodeURIComponent(m[1] ?? '')} location={location} />;
  if ((m = /^\/entities\/([^/]+)$/.exec(path))) return <EntityPage id={decodeURIComponent(m[1] ?? '')} />;
  if ((m = /^\/documents\/([^/]+)$/.exec(path))) return <DocumentPage id={decodeURIComponent(m[1] ?? '')} location={location} />;
  if (path === '/review') return <ReviewPage />;
  if (path === '/ingest') return <IngestPage />;
  if (path === '/export') return <ExportPage />;
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>
        No page at {path}. <Link href="/">Back to the overview</Link>.
      </p>
    </main>
  );
}

function QuickSearch() {
  const [q, setQ] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (q.trim()) navigate(paths.search({ q: q.trim() }));
  };
  return (
    <form className="quick-search" role="search" onSubmit={submit}>
      <input aria-label="Search" placeholder="Search reports, people, events…" value={q} onChange={(e) => setQ(e.target.value)} />
    </form>
  );
}

/** Who is logged in and with which role, with log out; or a way to log in. */
function Account() {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  if (!session) return null;
  if (session.singleUser) {
    return (
      <div className="account" title="No account exists yet: the local user acts as admin">
        <span className="account-name">{session.name}</span> <span className="badge role">single-user</span>
      </div>
    );
  }
  if (!session.name) {
    return (
      <div className="account">
        <span className="muted">Not logged in</span> <a href={LOGIN_PATH}>Log in</a>
      </div>
    );
  }
  const logout = (): void => {
    api.logout().then(
      () => window.location.assign(LOGIN_PATH),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <div className="account">
      <span className="account-name">{session.name}</span> <span className={`badge role role-${session.role}`}>{session.role}</span>{' '}
      <button type="button" className="small" onClick={logout}>
        Log out
      </button>
      {error ? <span className="error" role="alert">{error}</span> : null}
    </div>
  );
}

/** The app shell: navigation and the page for the current path. */
export function App() {
  const location = useLocation();
  const printing = location.path.endsWith('/print');
  const nav = [
    { href: paths.home(), label: 'Overview', active: location.path === '/' },
    { href: paths.search(), label: 'Search', active: location.path === '/search' },
    { href: paths.review(), label: 'Review', active: location.path === '/review' },
    { href: paths.ingest(), label: 'Add reports', active: location.path === '/ingest' },
    { href: paths.export(), label: 'Export', active: location.path === '/export' },
  ];
  return (
    <>
      {printing ? null : (
        <header className="topbar">
          <Link className="brand" href="/">
            Chronicle
          </Link>
          <nav>
            {nav.map((n) => (
              <Link key={n.href} href={n.href} className={n.active ? 'active' : undefined} aria-current={n.active ? 'page' : undefined}>
                {n.label}
              </Link>
            ))}
          </nav>
          {location.path === '/' || location.path === '/search' ? null : <QuickSearch />}
          <Account />
        </header>
      )}
      {route(location)}
    </>
  );
}
