export {
  appendAudit,
  sealAuditLog,
  verifyAuditLog,
  readHistory,
  listAudit,
  hashAuditRow,
  GENESIS_HASH,
  type AuditEntry,
  type AuditVerdict,
  type NewAuditEntry,
} from './audit-log.js';
