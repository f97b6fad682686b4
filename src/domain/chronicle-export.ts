/**
 * Chronicle JSON, export form: the objects of an extraction resolved across a whole store
 * (`chronicle export --format json`). Entities carry every alias and mention, spans name their
 * document, entities and events carry review status and sensitivity.
 */
import type {
  DocumentMeta,
  EntityAttributes,
  EntityType,
  ExtractedEvent,
  ReviewStatus,
  Sensitivity,
  Span,
} from './chronicle-json.js';

/** A span of one stored document's text. */
export interface ExportSpan extends Span {
  document: string;
}

/** A stored report's metadata (and its text when the export asks for it). */
export interface ExportDocument extends DocumentMeta {
  sensitivity: Sensitivity;
  text?: string;
}

/** A person, organization or place across documents. */
export interface ExportEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: ExportSpan[];
  attributes: EntityAttributes;
  status: ReviewStatus;
  sensitivity: Sensitivity;
}

/** An event across documents: entity fields are store-wide entity ids, evidence spans name their document. */
export interface ExportEvent extends Omit<ExtractedEvent, 'evidence'> {
  evidence: ExportSpan[];
  status: ReviewStatus;
  sensitivity: Sensitivity;
}

/** A whole store. */
export interface ChronicleExport {
  documents: ExportDocument[];
  entities: ExportEntity[];
  events: ExportEvent[];
}
