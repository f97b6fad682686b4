import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extraction } from '../../domain/chronicle-json.js';
import type { SourceDocument } from '../../domain/source-document.js';
import { openStore, type Store } from '../../store/index.js';
import { buildEntity, buildEvent, buildExtraction, buildSourceDocument, buildTimex } from './builders.js';

/** A real SQLite store in a fresh temp folder; `dispose` closes it and removes the folder. */
export async function openTempStore(): Promise<{ store: Store; path: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-services-'));
  const path = join(dir, 'chronicle.db');
  const store = await openStore(path);
  return {
    store,
    path,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A report and the extraction the pipeline should give for it. */
export interface Report {
  doc: SourceDocument;
  extraction: Extraction;
}

/** Report A: Aidos Sadykov flees to Ukraine and is granted refugee status in Kyiv. */
export function exileReport(): Report {
  const text =
    'Aidos Sadykov, a journalist from Aktobe, fled to Ukraine in 2014. ' +
    'Sadykov was granted refugee status in Kyiv in March 2016, the OSCE said.';
  const doc = buildSourceDocument({ id: 'kyiv-post', title: 'Kazakh activists in Kyiv', text });
  const extraction = buildExtraction(doc, {
    entities: [
      buildEntity(text, 'e1', 'person', 'Aidos Sadykov', {
        aliases: ['Sadykov'],
        attributes: { roles: ['journalist'], from: 'Aktobe' },
      }),
      buildEntity(text, 'e2', 'place', 'Ukraine'),
      buildEntity(text, 'e3', 'place', 'Kyiv'),
      buildEntity(text, 'e4', 'organization', 'the OSCE'),
    ],
    timexes: [buildTimex(text, '2014', '2014'), buildTimex(text, 'March 2016', '2016-03')],
    events: [
      buildEvent(text, 'v1', 'exile', 'Aidos Sadykov, a journalist from Aktobe, fled to Ukraine in 2014', {
        subject: 'e1',
        place: 'e2',
        date: { from: '2014', text: 'in 2014' },
      }),
      buildEvent(text, 'v2', 'asylum_granted', 'Sadykov was granted refugee status in Kyiv in March 2016', {
        subject: 'e1',
        place: 'e3',
        date: { from: '2016-03', text: 'in March 2016' },
      }),
    ],
  });
  return { doc, extraction };
}

/** Report B: the same Aidos Sadykov arrested and imprisoned; a lawyer known only as Ivanov. */
export function prisonReport(): Report {
  const text =
    'Kazakh police arrested Aidos Sadykov in 2010. He spent two years in prison. ' +
    'Ivanov, his lawyer, called the case "political, absurd" and the OSCE agreed.';
  const doc = buildSourceDocument({ id: 'rfe', title: 'Journalist, "jailed" for two years', text });
  const extraction = buildExtraction(doc, {
    entities: [
      buildEntity(text, 'e1', 'person', 'Aidos Sadykov', { attributes: { roles: ['civic activist'] } }),
      buildEntity(text, 'e2', 'organization', 'Kazakh police'),
      buildEntity(text, 'e3', 'person', 'Ivanov', { attributes: { roles: ['lawyer'] } }),
      buildEntity(text, 'e4', 'organization', 'OSCE'),
    ],
    events: [
      buildEvent(text, 'v1', 'arrest', 'Kazakh police arrested Aidos Sadykov in 2010', {
        subject: 'e1',
        agent: 'e2',
        date: { from: '2010', text: 'in 2010' },
      }),
      buildEvent(text, 'v2', 'imprisonment', 'He spent two years in prison.', {
        subject: 'e1',
        duration: 'P2Y',
      }),
    ],
  });
  return { doc, extraction };
}

/** Report C: another Ivanov, surname only, detained. */
export function detentionReport(): Report {
  const text = 'Ivanov was detained for 15 days, police in Almaty said.';
  const doc = buildSourceDocument({ id: 'almaty', title: null, text });
  const extraction = buildExtraction(doc, {
    entities: [buildEntity(text, 'e1', 'person', 'Ivanov'), buildEntity(text, 'e2', 'place', 'Almaty')],
    events: [
      buildEvent(text, 'v1', 'detention', 'Ivanov was detained for 15 days', {
        subject: 'e1',
        place: 'e2',
        duration: 'P15D',
      }),
    ],
  });
  return { doc, extraction };
}
