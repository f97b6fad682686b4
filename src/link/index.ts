export { nameKey, nameWords, isFullPersonName, linkKey } from './name-key.js';
export {
  linkKeys,
  resolveEntity,
  type EntityCandidate,
  type EntityLookup,
  type EntityResolution,
  type LinkTarget,
} from './resolve-entity.js';
