import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** The current location as the app routes it. */
export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), hash: window.location.hash };
}

/** Moves to `to` without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  if (!to.includes('#') && !options.replace) window.scrollTo(0, 0);
}

/** The location, re-rendering on every navigation. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = (): void => setLocation(current());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return location;
}

/** A link that navigates inside the app; modified clicks keep the browser's behaviour. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  const handle = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** Paths of the app's pages. */
export const paths = {
  home: () => '/',
  search: (params: Record<string, string> = {}) => `/search${params && Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`,
  entity: (id: string) => `/entities/${encodeURIComponent(id)}`,
  print: (id: string, scope = 'confirmed') => `/entities/${encodeURIComponent(id)}/print?scope=${scope}`,
  document: (id: string, span?: { start: number; end: number } | null) =>
    `/documents/${encodeURIComponent(id)}${span ? `?at=${span.start}-${span.end}` : ''}`,
  review: () => '/review',
  ingest: () => '/ingest',
  export: () => '/export',
};
