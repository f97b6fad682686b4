export { ingestDocument, saveExtraction, type IngestOutcome, type SaveOptions } from './ingest.service.js';
export { mergeAttributes } from './merge-attributes.js';
export { exportStore, EXPORT_FORMATS, CSV_COLUMNS, type ExportFormat, type ExportOptions } from './export.service.js';
export { getPersonCase, listPeople, sortByDate, type PersonCase, type PersonSummary } from './person.service.js';
export { listEvents, type ListedEvent } from './event.service.js';
export { search } from './search.service.js';
export { summarizeStore, type StoreSummary } from './summary.service.js';
export { validateExtraction } from './validate-extraction.js';
