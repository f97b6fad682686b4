import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ReviewableStore } from '../store/reviewable-store.js';
import { installAuth, type AuthOptions } from '../auth/index.js';
import { installErrorHandler } from './error-handler.js';
import { documentRoutes } from './routes/documents.route.js';
import { entityRoutes } from './routes/entities.route.js';
import { exportRoutes } from './routes/export.route.js';
import { homeRoutes } from './routes/home.route.js';
import { ingestRoutes } from './routes/ingest.route.js';
import { reviewRoutes } from './routes/review.route.js';
import { searchRoutes } from './routes/search.route.js';

/** What the server needs: the store (with its review repository) and, optionally, the built web app. */
export interface AppOptions {
  deps: ReviewableStore;
  /** Folder of the built front end (web/dist); without it only the API is served. */
  webRoot?: string | null;
  logger?: boolean;
  /** Limits of the accounts layer (login attempts, request rate). */
  auth?: AuthOptions;
}

// Everything the page loads comes from this server: no CDN, font or tile host can be reached.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Builds the Chronicle web server: the JSON API under /api, its OpenAPI document, and the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // Accounts, sessions, CSRF and sensitivity filters: hooks on every route registered below.
  await installAuth(app, options.deps.store, options.auth);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Chronicle',
        description: 'Sourced, reviewable case files from human-rights reports.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  const { deps } = options;
  await app.register(homeRoutes(deps));
  await app.register(searchRoutes(deps));
  await app.register(entityRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(reviewRoutes(deps));
  await app.register(ingestRoutes(deps));
  await app.register(exportRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const webRoot = options.webRoot;
  const withShell = Boolean(webRoot && existsSync(join(webRoot, 'index.html')));
  if (withShell) {
    await app.register(fastifyStatic, { root: webRoot as string, prefix: '/', wildcard: false, index: 'index.html' });
  }
  // Client-side routes (/entities/…, /review) get the app shell; unknown API paths stay 404 JSON.
  app.setNotFoundHandler((request, reply) => {
    if (withShell && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: 'not_found', message: `${request.method} ${request.url.split('?')[0]} not found` });
  });
  await app.ready();
  return app;
}
