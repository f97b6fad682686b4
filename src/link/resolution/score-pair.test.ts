import { describe, expect, it } from 'vitest';
import type { EntityProfile } from './profile.js';
import { LINK_THRESHOLD, scorePair } from './score-pair.js';

const person = (names: string[], context: string[] = []): EntityProfile => ({ type: 'person', names, roles: [], context });
const org = (names: string[]): EntityProfile => ({ type: 'organization', names, roles: [], context: [] });

describe('scorePair for people', () => {
  it('matches with or without the patronymic, across scripts and orders', () => {
    const score = scorePair(person(['Садыков Айдос Ерболович']), person(['Aidos Sadykov']));
    expect(score).toMatchObject({ rule: 'full-name', veto: null });
    expect(score.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it('separates two patronymics', () => {
    expect(scorePair(person(['Aidos Erbolovich Sadykov']), person(['Aidos Maratovich Sadykov'])).veto).toBe('patronymic-differs');
  });
  it('links a titled surname only with shared context', () => {
    const full = person(['Kassym-Jomart Tokayev'], ['role:president', 'place:kazahstan']);
    expect(scorePair(person(['President Tokayev']), full).score).toBeLessThan(LINK_THRESHOLD);
    const withRole = scorePair(person(['President Tokayev'], ['role:president']), full);
    expect(withRole.rule).toBe('surname-only');
    expect(withRole.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });
  it('links an initial only with shared context and never against another initial', () => {
    const aidos = person(['Aidos Sadykov'], ['place:aktobe']);
    expect(scorePair(person(['A. Sadykov']), aidos).score).toBeLessThan(LINK_THRESHOLD);
    expect(scorePair(person(['A. Sadykov'], ['place:aktobe']), aidos).score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scorePair(person(['B. Sadykov']), aidos).veto).toBe('initial-differs');
  });
  it('accepts a one-letter slip in the surname at a small cost', () => {
    const score = scorePair(person(['Ermek Narymbaev']), person(['Yermek Narymbayev']));
    expect(score.rule).toBe('full-name');
    const slip = scorePair(person(['Murat Telibekov']), person(['Murat Telebekov']));
    expect(slip).toMatchObject({ rule: 'full-name', score: 0.95 });
    expect(scorePair(person(['Ermek Narymbaev']), person(['Ermek Narymbekov'])).score).toBe(0);
    expect(scorePair(person(['Aidos Sadykov']), person(['Aidos Sadyrov'])).score).toBe(0);
  });
  it('never matches a person with an organization', () => {
    expect(scorePair(person(['Azat']), org(['Azat'])).veto).toBe('type-differs');
  });
});

describe('scorePair for organizations', () => {
  it('reads an acronym against the name it abbreviates', () => {
    const score = scorePair(org(['OSCE']), org(['Organization for Security and Co-operation in Europe']));
    expect(score.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(scorePair(org(['HRW']), org(['Human Rights Watch'])).rule).toBe('known-alias');
    expect(scorePair(org(['KNPA']), org(['Kazakh National Press Agency'])).rule).toBe('acronym');
  });
  it('keeps different organizations apart', () => {
    expect(scorePair(org(['Azat']), org(['Alga'])).score).toBe(0);
  });
});
