/** What the login page says besides its form. */
export interface LoginPageOptions {
  /** Where to go once logged in (already checked by `safeReturnPath`). */
  next?: string;
  /** Why the last attempt failed, shown above the form. */
  failure?: 'credentials' | 'rate-limited';
}

const FAILURES: Record<NonNullable<LoginPageOptions['failure']>, string> = {
  credentials: 'Wrong name, password or two-factor code.',
  'rate-limited': 'Too many failed logins: try again in a quarter of an hour.',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * The path a login may send the browser back to: a path on this server ("/entities/x?tab=1"), never
 * another site ("//evil.example", "https://…", "/\\evil.example") or anything with control characters.
 * Anything else gives the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  return value;
}

/** A script-free login form (the CSP forbids inline scripts; a form post needs none). */
export function loginPage(options: LoginPageOptions = {}): string {
  const next = options.next && options.next !== '/' ? `\n<input type="hidden" name="next" value="${escapeHtml(options.next)}">` : '';
  const failure = options.failure ? `\n<p class="failure" role="alert">${FAILURES[options.failure]}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chronicle — log in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font:inherit}
button{margin-top:1rem;padding:.5rem 1rem;font:inherit}.failure{color:#a40000}</style></head>
<body><h1>Chronicle</h1>${failure}
<form method="post" action="/api/auth/login">${next}
<label for="name">Name</label><input id="name" name="name" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">Two-factor code (if turned on)</label><input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code">
<button type="submit">Log in</button>
</form></body></html>
`;
}
