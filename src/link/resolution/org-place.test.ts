import { describe, expect, it } from 'vitest';
import { knownOrganization, orgAcronym, orgNameKey } from './org-name.js';
import { canonicalPlaceKey, placeGazetteer } from './places.js';

describe('organization names', () => {
  it('reads acronyms written and spelled out, in Latin and Cyrillic', () => {
    expect(orgAcronym('DVK')).toBe('dvk');
    expect(orgAcronym('Демократический выбор Казахстана')).toBe('dvk');
    expect(orgAcronym('Democratic Choice of Kazakhstan')).toBe('dck');
    expect(orgAcronym('Azat')).toBeNull();
  });
  it('knows cross-language names of the same organization', () => {
    expect(knownOrganization('DVK')).toBe('dvk');
    expect(knownOrganization('ДВК')).toBe('dvk');
    expect(knownOrganization('Democratic Choice of Kazakhstan')).toBe('dvk');
    expect(knownOrganization('the Democratic Choice of Kazakhstan')).toBe('dvk');
    expect(knownOrganization('World Bank')).toBeNull();
  });
  it('drops articles and legal forms from the name key', () => {
    expect(orgNameKey('The Kyiv Post LLC')).toBe(orgNameKey('Kyiv Post'));
  });
});

describe('places', () => {
  it('maps exonyms, former names and inflected Russian forms to one key', () => {
    const kyiv = canonicalPlaceKey('Kyiv');
    expect(canonicalPlaceKey('Kiev')).toBe(kyiv);
    expect(canonicalPlaceKey('Киеве')).toBe(kyiv);
    expect(canonicalPlaceKey('Alma-Ata')).toBe(canonicalPlaceKey('Almaty'));
    expect(canonicalPlaceKey('Актюбинска')).toBe(canonicalPlaceKey('Aktobe'));
    expect(canonicalPlaceKey('Aqtobe')).toBe(canonicalPlaceKey('Aktobe'));
  });
  it('gives country and coordinates from the gazetteer', () => {
    const gazetteer = placeGazetteer();
    const aktobe = gazetteer.resolve('Aktyubinsk');
    expect(aktobe?.name).toBe('Aktobe');
    expect(aktobe?.countryCode).toBe('KZ');
    expect(aktobe?.lat).toBeCloseTo(50.28, 1);
    expect(gazetteer.resolve('Kiev')?.ref).toBe(gazetteer.resolve('Kyiv')?.ref);
    expect(gazetteer.resolve('Алма-Ата')?.name).toBe('Almaty');
    expect(gazetteer.resolve('Казахстан')).toMatchObject({ kind: 'country', countryCode: 'KZ' });
    expect(gazetteer.resolve('Nowhereville')).toBeNull();
  });
});
