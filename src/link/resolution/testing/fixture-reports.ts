import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../../domain/chronicle-json.js';
import { buildExtraction } from './build-extraction.js';

const DIR = fileURLToPath(new URL('../../../../test/fixtures/resolution/', import.meta.url));

function read(file: string): string {
  return readFileSync(`${DIR}${file}`, 'utf8');
}

/**
 * The hand-written reports of test/fixtures/resolution with what an extractor should find in
 * them: one exiled journalist under three spellings (English, Russian, Kazakh romanisation), his
 * wife, a namesake farmer, and a president with and without first name and title.
 */
export function fixtureReports(): Extraction[] {
  return [
    buildExtraction('01-steppe-post', read('01-steppe-post-sadykov.txt'), '2016-03-13', [
      { type: 'person', name: 'Aidos Sadykov', aliases: ['Sadykov'], attributes: { roles: ['journalist', 'civic activist'], from: 'Aktobe' } },
      { type: 'person', name: 'Natalya Sadykova', attributes: { roles: ['journalist'] } },
      { type: 'person', name: 'Nursultan Nazarbayev', aliases: ['President Nursultan Nazarbayev'] },
      { type: 'organization', name: 'Democratic Choice of Kazakhstan' },
      { type: 'place', name: 'Aktobe' },
      { type: 'place', name: 'Kiev' },
    ], [
      { type: 'arrest', subject: 0, place: 5, date: { from: '2016-03-12', text: 'on 12 March 2016' }, charge: 'hooliganism', evidence: 'was detained by police on 12 March 2016' },
    ]),
    buildExtraction('02-vestnik', read('02-vestnik-sadykov-ru.txt'), '2016-03-20', [
      { type: 'person', name: 'Айдос Садыков', aliases: ['Садыков'], attributes: { roles: ['journalist'], from: 'Актюбинск' } },
      { type: 'person', name: 'Наталья Садыкова' },
      { type: 'organization', name: 'ДВК' },
      { type: 'place', name: 'Актюбинска' },
      { type: 'place', name: 'Киеве' },
    ], [
      { type: 'arrest', subject: 0, place: 4, date: { from: '2016-03', text: 'в марте 2016 года' }, charge: 'разжигание социальной розни', evidence: 'задержан в Киеве в марте 2016 года' },
    ]),
    buildExtraction('03-azat-wire', read('03-azat-wire-sadyqov.txt'), '2016-03-21', [
      { type: 'person', name: 'Aydos Sadyqov', aliases: ['Sadyqov'], attributes: { roles: ['blogger', 'journalist'], from: 'Aqtobe' } },
      { type: 'person', name: 'Mukhtar Ablyazov' },
      { type: 'organization', name: 'DVK' },
      { type: 'place', name: 'Kyiv' },
      { type: 'place', name: 'Aqtobe' },
    ], [
      { type: 'arrest', subject: 0, place: 3, date: { from: '2016-03', text: 'in March 2016' }, charge: 'inciting social discord', evidence: 'Police in Kyiv detained Kazakh blogger Aydos Sadyqov in March 2016' },
    ]),
    buildExtraction('04-farm-news', read('04-farm-news-bolat-sadykov.txt'), '2016-05-04', [
      { type: 'person', name: 'Bolat Sadykov', aliases: ['Sadykov'], attributes: { roles: ['farmer'] } },
      { type: 'place', name: 'Shymkent' },
    ]),
    buildExtraction('05-capital-daily', read('05-capital-daily-tokayev.txt'), '2021-12-09', [
      { type: 'person', name: 'President Tokayev', attributes: { roles: ['president'] } },
      { type: 'place', name: 'Astana' },
      { type: 'place', name: 'Kazakhstan' },
    ]),
    buildExtraction('06-gazette', read('06-gazette-tokayev-full.txt'), '2021-06-01', [
      { type: 'person', name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'], attributes: { roles: ['president'] } },
      { type: 'organization', name: 'Kazakhstan International Bureau for Human Rights' },
      { type: 'place', name: 'Kazakhstan' },
      { type: 'place', name: 'Nur-Sultan' },
    ]),
    buildExtraction('07-qazaq-times', read('07-qazaq-times-toqaev.txt'), '2021-12-10', [
      { type: 'person', name: 'Qasym-Zhomart Toqaev', aliases: ['Toqaev'] },
      { type: 'organization', name: 'KIBHR' },
      { type: 'place', name: 'Astana' },
    ]),
  ];
}
