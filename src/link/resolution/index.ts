export { transliterate, hasCyrillic } from './transliterate.js';
export { asciiLower, foldVariants, phoneticKey } from './fold.js';
export { parsePersonName, genderOf, surnameStem, type PersonName, type NameGender } from './person-name.js';
export { orgNameKey, orgAcronym, orgWords, knownOrganization } from './org-name.js';
export { placeGazetteer, PlaceGazetteer, placeKey, canonicalPlaceKey, type PlaceInfo } from './places.js';
export { jaroWinkler, editDistance } from './similarity.js';
export { profileDocumentEntities, contextFeature, type EntityProfile, type CandidateProfile } from './profile.js';
export { blockingKeys } from './blocking-keys.js';
export { scorePair, scoreContext, comparePersonNames, isSpellingSlip, LINK_THRESHOLD, type PairScore } from './score-pair.js';
export {
  resolveEntities,
  CANDIDATE_LIMIT,
  type CandidateSource,
  type CandidateRequest,
  type ResolutionDecision,
  type ResolutionConstraints,
} from './resolve-entities.js';
export {
  eventsCompatible,
  mergeEventReports,
  findMatchingEvent,
  dayInterval,
  intervalsOverlap,
  type EventReport,
  type MergedEvent,
  type FieldConflict,
  type EventCompatibility,
  type PlaceContainment,
} from './event-merge.js';
