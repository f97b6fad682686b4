import type { Timex } from '../domain/chronicle-json.js';
import { NotFoundError } from '../errors.js';
import type { DocumentEvidence, DocumentMention } from '../store/kysely/review.repository.js';
import type { ReviewableStore } from '../store/reviewable-store.js';
import type { DocumentRecord } from '../store/index.js';

/** A report with every span the web highlights: mentions, dates and event evidence. */
export interface DocumentView {
  document: DocumentRecord;
  text: string;
  mentions: DocumentMention[];
  timexes: Timex[];
  evidence: DocumentEvidence[];
}

/** A stored report, its plain text and the spans that point into it. */
export async function getDocumentView({ store, review }: ReviewableStore, id: string): Promise<DocumentView> {
  const document = await store.documents.get(id);
  const text = await store.documents.getText(id);
  if (!document || text === null) throw new NotFoundError(`document ${id}`);
  const [mentions, timexes, evidence] = await Promise.all([
    review.documentMentions(id),
    store.timexes.listForDocument(id),
    review.documentEvidence(id),
  ]);
  return { document, text, mentions, timexes, evidence };
}
