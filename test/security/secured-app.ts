import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAuth, type AuthOptions } from '../../src/auth/index.js';
import { installErrorHandler } from '../../src/http/error-handler.js';
import { documentRoutes } from '../../src/http/routes/documents.route.js';
import { entityRoutes } from '../../src/http/routes/entities.route.js';
import { exportRoutes } from '../../src/http/routes/export.route.js';
import { homeRoutes } from '../../src/http/routes/home.route.js';
import { ingestRoutes } from '../../src/http/routes/ingest.route.js';
import { reviewRoutes } from '../../src/http/routes/review.route.js';
import { searchRoutes } from '../../src/http/routes/search.route.js';
import type { ReviewableStore } from '../../src/store/reviewable-store.js';

/**
 * The API routes of src/http behind the auth layer, composed as buildApp does (without the static
 * web app), so the access rules are tested against the real route handlers.
 */
export async function buildSecuredApp(deps: ReviewableStore, options: AuthOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await installAuth(app, deps.store, options);
  for (const routes of [homeRoutes, searchRoutes, entityRoutes, documentRoutes, reviewRoutes, ingestRoutes, exportRoutes]) {
    await app.register(routes(deps));
  }
  await app.ready();
  return app;
}
