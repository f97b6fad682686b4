import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../errors.js';
import { getDocumentView } from '../../services/document-view.service.js';
import type { ReviewableStore } from '../../store/reviewable-store.js';
import { idParams } from '../schemas.js';

/** Reports: text with highlighted spans, and the original bytes. */
export function documentRoutes(deps: ReviewableStore): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/documents/:id',
      { schema: { tags: ['browse'], summary: 'A report: metadata, plain text, mentions, dates and evidence spans', params: idParams } },
      (request) => getDocumentView(deps, request.params.id),
    );
    app.get(
      '/api/documents/:id/original',
      { schema: { tags: ['browse'], summary: 'The bytes as received, as a download (never rendered)', params: idParams } },
      async (request, reply) => {
        const original = await deps.store.documents.getOriginal(request.params.id);
        if (!original) throw new NotFoundError(`document ${request.params.id}`);
        // Stored HTML must never run in this origin: a download, sandboxed, never sniffed.
        reply.header('content-type', 'application/octet-stream');
        reply.header('content-disposition', `attachment; filename="${encodeURIComponent(request.params.id)}.original"`);
        reply.header('content-security-policy', "sandbox; default-src 'none'");
        reply.header('x-media-type', original.mediaType);
        return reply.send(Buffer.from(original.bytes));
      },
    );
  };
}
