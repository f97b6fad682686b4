import { parse as parseQuery } from 'node:querystring';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Sensitivity } from '../domain/chronicle-json.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import { exportPublic } from '../protect/public-export.js';
import { canRead, sensitivityOf } from '../protect/sensitivity.js';
import type { Store } from '../store/index.js';
import { authenticate, countAccounts } from './accounts.js';
import { scrubForReader } from './http-filter.js';
import { registerProtectionRoutes } from './http-routes.js';
import { loginPage, safeReturnPath } from './login-page.js';
import { RateLimiter } from './rate-limit.js';
import { can, clearanceOf, type Permission, type Principal } from './roles.js';
import { createSession, endSession, resolveSession, SESSION_HOURS, type SessionInfo } from './sessions.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'chronicle_session';
/** The header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who is asking, as every handler sees it on `request.auth`. */
export interface RequestAuth {
  principal: Principal;
  /** The account name, `local` in single-user mode, null for the public. */
  name: string | null;
  session: (SessionInfo & { token: string }) | null;
  /** True when no account exists yet: the local user is an admin (the server only binds to 127.0.0.1). */
  singleUser: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

/** Limits of the auth layer. */
export interface AuthOptions {
  /** Failed logins per client address or account name per 15 minutes. */
  loginAttempts?: number;
  /** Requests per client address per minute. */
  requestsPerMinute?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_ROUTES = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'GET /login']);

// What each state-changing route needs; any other non-GET route needs `review` (editors and admins).
const ROUTE_PERMISSIONS: Record<string, Permission> = {
  'POST /api/ingest': 'ingest',
  'POST /api/events/:id/review': 'review',
  'POST /api/mark': 'mark',
  'POST /api/entities/merge': 'merge',
  'POST /api/entities/:id/merge': 'merge',
  'POST /api/entities/:id/split': 'merge',
  'POST /api/entities/merge/:id': 'merge',
};

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function sessionCookie(request: FastifyRequest, token: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure}`;
}

/** True when the browser says the request comes from this very site (Origin or Sec-Fetch-Site). */
function sameOrigin(request: FastifyRequest): boolean | null {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  return null;
}

/**
 * Accounts, sessions, CSRF and access rules for the web server, as hooks on `app` (call before
 * registering routes): every route resolves who is asking; state-changing routes need a session
 * with the right role, a same-origin request and the CSRF token; records above the reader's
 * clearance answer 404, and lists and texts are filtered to what the reader may see.
 * While no account exists, the local user acts as admin (single-user mode).
 */
export async function installAuth(app: FastifyInstance, store: Store, options: AuthOptions = {}): Promise<void> {
  const failures = new RateLimiter(options.loginAttempts ?? 5, 15 * 60_000);
  const requests = new RateLimiter(options.requestsPerMinute ?? 6000, 60_000);
  app.decorateRequest('auth', null as unknown as RequestAuth);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, parseQuery(body as string));
  });

  app.addHook('onRequest', async (request, reply) => {
    if (requests.blocked(request.ip)) {
      reply.header('retry-after', String(requests.retryAfter(request.ip)));
      return reply.status(429).send({ error: 'rate_limited', message: 'too many requests: slow down' });
    }
    requests.hit(request.ip);
    request.auth = await resolveAuth(store, request);
    return authorize(store, request, reply);
  });

  app.addHook('preSerialization', async (request, _reply, payload) => {
    const auth = request.auth as RequestAuth | null;
    if (!auth || !request.url.startsWith('/api/')) return payload;
    return scrubForReader(store, payload, clearanceOf(auth.principal));
  });

  registerProtectionRoutes(app, store);

  app.get('/login', { schema: { hide: true } }, (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const failure = query.failed === 'credentials' || query.failed === 'rate-limited' ? query.failed : undefined;
    const page = loginPage({ next: safeReturnPath(query.next), ...(failure ? { failure } : {}) });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  });

  app.post('/api/auth/login', { schema: { hide: true }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The script-free login page posts a form: it gets redirects (back to the page, or to the form
    // with the reason it failed) where the app's fetch gets JSON.
    const fromForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    const next = safeReturnPath(body.next);
    const backToForm = (failure: 'credentials' | 'rate-limited'): FastifyReply => {
      const query = new URLSearchParams({ failed: failure, ...(next !== '/' ? { next } : {}) });
      return reply.redirect(`/login?${query.toString()}`, 303);
    };
    const name = typeof body.name === 'string' ? body.name : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const totp = typeof body.totp === 'string' && body.totp !== '' ? body.totp : undefined;
    if (!name || !password) throw new ValidationError('name and password are required');
    const keys = [`ip:${request.ip}`, `name:${name}`];
    const blocked = keys.find((k) => failures.blocked(k));
    if (blocked) {
      reply.header('retry-after', String(failures.retryAfter(blocked)));
      if (fromForm) return backToForm('rate-limited');
      return reply.status(429).send({ error: 'rate_limited', message: 'too many failed logins: try again later' });
    }
    let account;
    try {
      account = await authenticate(store, name, password, totp);
    } catch (error) {
      for (const k of keys) failures.hit(k);
      if (fromForm && error instanceof UnauthorizedError) return backToForm('credentials');
      throw error;
    }
    for (const k of keys) failures.reset(k);
    const session = await createSession(store, account);
    reply.header('set-cookie', sessionCookie(request, session.token, SESSION_HOURS * 3600));
    reply.header('cache-control', 'no-store');
    if (fromForm) return reply.redirect(next, 303);
    return { name: account.name, role: account.role, csrfToken: session.csrf };
  });

  app.post('/api/auth/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.auth.session) await endSession(store, request.auth.session.token);
    reply.header('set-cookie', sessionCookie(request, '', 0));
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { hide: true } }, (request, reply) => {
    reply.header('cache-control', 'no-store');
    const { auth } = request;
    return {
      name: auth.name,
      role: auth.principal,
      singleUser: auth.singleUser,
      csrfToken: auth.session?.csrf ?? null,
    };
  });
}

/** Who may call which route, CSRF, and records above the reader's clearance; runs once the route is known. */
async function authorize(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (OPEN_ROUTES.has(route)) return checkCsrf(request, false);
  const api = request.url.startsWith('/api/');
  if (!api) return undefined;
  const { principal } = request.auth;
  const permission: Permission = SAFE_METHODS.has(request.method) ? 'read' : (ROUTE_PERMISSIONS[route] ?? 'review');
  if (!can(principal, permission)) {
    throw principal === 'public' ? new UnauthorizedError() : new ForbiddenError(`${principal} may not ${permission}`);
  }
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request, true);
  const clearance = clearanceOf(principal);
  const params = request.params as Record<string, unknown> | undefined;
  if (typeof params?.id === 'string') {
    const level = await sensitivityOf(store, params.id);
    // Same answer as for a missing record: a reader learns nothing of what they may not see.
    if (level !== null && !canRead(clearance, level)) throw new NotFoundError(`${params.id}`);
  }
  if (clearance !== 'confidential' && route === 'GET /api/export') return sendPublicExport(store, request, reply);
  if (clearance !== 'confidential' && route === 'GET /api/entities/:id/export') {
    throw new ForbiddenError('case exports need the editor role; print the case file instead');
  }
  return undefined;
}

async function resolveAuth(store: Store, request: FastifyRequest): Promise<RequestAuth> {
  if ((await countAccounts(store)) === 0) return { principal: 'admin', name: 'local', session: null, singleUser: true };
  const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
  const session = token ? await resolveSession(store, token) : null;
  if (!session || !token) return { principal: 'public', name: null, session: null, singleUser: false };
  return { principal: session.role, name: session.name, session: { ...session, token }, singleUser: false };
}

/**
 * Refuses cross-site writes: a browser's Origin or Sec-Fetch-Site must name this site, and a
 * session's write must carry its CSRF token unless the browser vouches for the same origin.
 */
function checkCsrf(request: FastifyRequest, needToken: boolean): undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const same = sameOrigin(request);
  if (same === false) throw new ForbiddenError('cross-site request refused');
  const session = request.auth.session;
  if (needToken && session && same !== true && request.headers[CSRF_HEADER] !== session.csrf) {
    throw new ForbiddenError(`missing or wrong ${CSRF_HEADER} header`);
  }
  return undefined;
}

async function sendPublicExport(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const query = request.query as Record<string, unknown>;
  if (query.format !== undefined && query.format !== 'json') {
    throw new ForbiddenError('readers without confidential clearance get the public JSON export only');
  }
  let body = '';
  await exportPublic(store, (chunk) => (body += chunk), { includeText: query.text === 'true' });
  reply.header('content-type', 'application/json');
  reply.header('content-disposition', 'attachment; filename="chronicle-public-export.json"');
  return reply.send(body);
}

/** The sensitivity a principal may read; re-exported for routes that filter themselves. */
export function readerClearance(request: FastifyRequest): Sensitivity {
  return clearanceOf(request.auth.principal);
}
