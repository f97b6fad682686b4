import { z } from 'zod';
import { EVENT_TYPES } from '../domain/event-types.js';

/** An ISO calendar date cut to its precision: 2016, 2016-05 or 2016-05-14. */
export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const reviewStatus = z.enum(['suggested', 'confirmed', 'rejected']);

export const eventType = z.enum(EVENT_TYPES.map((t) => t.id) as [string, ...string[]]);

/** A store id: documents `kyiv-post-1`, entities and events `kyiv-post-1:e3`. */
export const idParams = z.object({ id: z.string().min(1).max(300) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const searchQuery = z.object({
  q: z.string().max(500).optional(),
  type: eventType.optional(),
  status: reviewStatus.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  place: z.string().min(1).max(200).optional(),
  ...pageQuery,
});

export const peopleQuery = z.object({
  q: z.string().max(200).default(''),
  type: z.enum(['person', 'organization', 'place']).default('person'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const caseQuery = z.object({
  /** Which review states to show: suggested and confirmed by default. */
  scope: z.enum(['confirmed', 'reviewable', 'all']).default('reviewable'),
});

export const caseExportQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  scope: z.enum(['confirmed', 'reviewable', 'all']).default('confirmed'),
});

export const storeExportQuery = z.object({
  format: z.enum(['json', 'csv', 'jsonl']).default('json'),
  text: z.enum(['true', 'false']).default('false'),
  scope: z.enum(['confirmed', 'reviewable', 'all']).default('confirmed'),
});

export const queueQuery = z.object({
  status: reviewStatus.default('suggested'),
  type: eventType.optional(),
  ...pageQuery,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const correction = z
  .object({
    type: eventType.optional(),
    subjectId: z.string().min(1).nullable().optional(),
    placeId: z.string().min(1).nullable().optional(),
    dateFrom: isoDate.nullable().optional(),
    dateTo: isoDate.nullable().optional(),
    duration: z
      .string()
      .regex(/^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$/, 'expected an ISO 8601 duration such as P2Y')
      .nullable()
      .optional(),
  })
  .strict();

export const reviewBody = z
  .object({
    action: z.enum(['confirm', 'reject', 'correct']),
    changes: correction.optional(),
    reason: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const logQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ingestBody = z
  .object({
    /** File name: its extension picks the reader (.txt, .html, .xml/.rss/.atom, .jsonl). */
    name: z.string().min(1).max(300),
    /** The file's bytes in base64, or `text` for pasted content. */
    content: z.string().max(28_000_000).optional(),
    text: z.string().max(20_000_000).optional(),
    kind: z.enum(['text', 'html', 'feed', 'jsonl']).optional(),
    published: isoDate.nullable().optional(),
    source: z.string().max(300).nullable().optional(),
    url: z.string().url().max(2000).nullable().optional(),
  })
  .strict()
  .refine((b) => (b.content === undefined) !== (b.text === undefined), {
    message: 'give either content (base64) or text',
  });

export const mergeBody = z
  .object({
    /** The entity that becomes part of this one. */
    mergedId: z.string().min(1).max(300),
    reason: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const splitBody = z
  .object({
    /** Reports whose mentions belong to someone else: they move to a new entity. */
    documents: z.array(z.string().min(1).max(300)).min(1).max(500),
    name: z.string().min(1).max(300).optional(),
    reason: z.string().max(2000).nullable().optional(),
  })
  .strict();
