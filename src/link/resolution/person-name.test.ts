import { describe, expect, it } from 'vitest';
import { parsePersonName } from './person-name.js';

describe('parsePersonName', () => {
  it('reads given name and surname in Western order', () => {
    const p = parsePersonName('Aidos Sadykov');
    expect([p.given, p.surname, p.gender]).toEqual(['aidos', 'sadikov', 'm']);
  });
  it('reads Russian order with patronymic', () => {
    const p = parsePersonName('Садыков Айдос Ерболович');
    expect([p.given, p.patronymic, p.surname]).toEqual(['aidos', 'erbolovich', 'sadikov']);
  });
  it('reads a Kazakh patronymic particle', () => {
    const p = parsePersonName('Nursultan Abish uly Nazarbayev');
    expect([p.given, p.patronymic, p.surname]).toEqual(['nursultan', 'abishuli', 'nazarbaev']);
  });
  it('takes titles off as roles', () => {
    const p = parsePersonName('President Tokayev');
    expect(p.titles).toEqual(['president']);
    expect([p.given, p.surname]).toEqual([null, 'tokaev']);
    expect(parsePersonName('Президент Токаев').titles).toEqual(['president']);
  });
  it('keeps an initial', () => {
    const p = parsePersonName('A. Sadykov');
    expect([p.given, p.givenInitial, p.surname]).toEqual([null, 'a', 'sadikov']);
  });
  it('gives husband and wife one surname stem and different genders', () => {
    const wife = parsePersonName('Natalya Sadykova');
    const husband = parsePersonName('Aidos Sadykov');
    expect(wife.surnameStem).toBe(husband.surnameStem);
    expect([wife.gender, husband.gender]).toEqual(['f', 'm']);
  });
});
