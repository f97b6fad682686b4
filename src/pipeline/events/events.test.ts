import { describe, expect, it } from 'vitest';
import type { EntityType, ExtractedEntity, ExtractedEvent, Timex, TimexType } from '../../domain/chronicle-json.js';
import { EVENT_TYPES } from '../../domain/event-types.js';
import { segment } from '../segment.js';
import { extractEvents, type EventInput } from './index.js';
import { TRIGGERS } from './lexicon.js';
import { findTriggers, firstLetters } from './triggers.js';

/** Test data for the event stage: entities and timexes placed by searching their text in the sentence. */

interface EntitySpec {
  name: string;
  type: EntityType;
  /** Other surface forms ("Sadykov"); every occurrence of each becomes a mention. */
  aliases?: string[];
}

interface TimexSpec {
  text: string;
  value: string;
  type?: TimexType;
  mod?: string;
}

function occurrences(text: string, form: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\w])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Builds the event stage's input for `text`: real segmentation, hand-placed entities and timexes. */
function buildInput(text: string, entities: EntitySpec[] = [], timexes: TimexSpec[] = [], published: string | null = null): EventInput {
  const taken = new Uint8Array(text.length);
  const built: ExtractedEntity[] = entities.map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    mentions: [],
    attributes: {},
  }));
  const forms = built.flatMap((e) => [e.name, ...e.aliases].map((f) => ({ e, f }))).sort((a, b) => b.f.length - a.f.length);
  for (const { e, f } of forms) {
    for (const at of occurrences(text, f)) {
      if (taken[at]) continue;
      taken.fill(1, at, at + f.length);
      e.mentions.push({ start: at, end: at + f.length, text: f });
    }
  }
  for (const e of built) e.mentions.sort((a, b) => a.start - b.start);
  const tx: Timex[] = timexes.flatMap((t) =>
    occurrences(text, t.text).map((at) => ({
      start: at,
      end: at + t.text.length,
      text: t.text,
      type: t.type ?? (/^PT?\d/.test(t.value) ? 'DURATION' : 'DATE'),
      value: t.value,
      ...(t.mod ? { mod: t.mod } : {}),
    })),
  );
  return { doc: segment(text), entities: built, timexes: tx.sort((a, b) => a.start - b.start), published };
}

/** Runs the event stage and names each event's participants, for readable assertions. */
function eventsOf(input: EventInput): (ExtractedEvent & { who: string | null })[] {
  const byId = new Map(input.entities.map((e) => [e.id, e.name]));
  return extractEvents(input).map((v) => ({ ...v, who: v.subject ? (byId.get(v.subject) ?? null) : null }));
}

/** The single asserted event of `type` about `who`; throws when there is not exactly one. */
function only(events: ReturnType<typeof eventsOf>, type: string, who: string | null): ReturnType<typeof eventsOf>[number] {
  const hits = events.filter((v) => v.type === type && v.who === who);
  if (hits.length !== 1) {
    throw new Error(`expected one ${type} of ${who}, got ${hits.length}: ${JSON.stringify(events.map((v) => [v.type, v.who, v.modality]))}`);
  }
  return hits[0] as ReturnType<typeof eventsOf>[number];
}


const IVANOV: EntitySpec = { name: 'Pavel Ivanov', type: 'person', aliases: ['Ivanov'] };
const PETROVA: EntitySpec = { name: 'Olga Petrova', type: 'person', aliases: ['Petrova'] };

describe('lexicon', () => {
  it('has triggers for every type of the vocabulary', () => {
    const covered = new Set(TRIGGERS.map((t) => t.type));
    for (const t of EVENT_TYPES) expect(covered.has(t.id), t.id).toBe(true);
  });

  it('uses only vocabulary types', () => {
    const ids = new Set(EVENT_TYPES.map((t) => t.id));
    for (const t of TRIGGERS) expect(ids.has(t.type), t.type).toBe(true);
  });
});

describe('pattern families', () => {
  it('reads a passive arrest and an active one with the patient after the verb', () => {
    const text = 'Pavel Ivanov was arrested in Minsk. Police detained Olga Petrova on Monday.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Minsk', type: 'place' }], [{ text: 'Monday', value: '2021-03-01' }]));
    const a = only(events, 'arrest', 'Pavel Ivanov');
    expect(a.place).toBe('e3');
    expect(only(events, 'arrest', 'Olga Petrova').date).toEqual({ from: '2021-03-01', text: 'Monday' });
  });

  it('turns a detention with a length into detention with a duration', () => {
    const events = eventsOf(buildInput('Petrova was detained for 15 days.', [PETROVA], [{ text: '15 days', value: 'P15D' }]));
    expect(only(events, 'detention', 'Olga Petrova').duration).toBe('P15D');
    expect(events.some((v) => v.type === 'arrest')).toBe(false);
  });

  it('reads a sentence with its term, penalty and charge', () => {
    const text = 'A court sentenced Pavel Ivanov to three years in a penal colony for extremism.';
    const v = only(eventsOf(buildInput(text, [IVANOV], [{ text: 'three years', value: 'P3Y' }])), 'sentence', 'Pavel Ivanov');
    expect(v).toMatchObject({ duration: 'P3Y', penalty: 'prison', charge: 'extremism' });
  });

  it('reads "qualified as" as the charge and a suspended sentence as such', () => {
    const text = 'He was convicted for a post, which officials qualified as incitement of hatred. Ivanov received a suspended sentence of two years.';
    const events = eventsOf(buildInput(text, [IVANOV]));
    const conviction = events.find((v) => v.type === 'sentence' && v.charge);
    expect(conviction?.charge).toBe('incitement of hatred');
    expect(events.some((v) => v.type === 'sentence' && v.penalty === 'suspended')).toBe(true);
  });

  it('dates a prison term from its start and length', () => {
    const text = 'Ivanov spent two years in prison after a protest back in 2010.';
    const v = only(eventsOf(buildInput(text, [IVANOV], [{ text: '2010', value: '2010' }, { text: 'two years', value: 'P2Y' }])), 'imprisonment', 'Pavel Ivanov');
    expect(v.date).toMatchObject({ from: '2010', to: '2012' });
    expect(v.duration).toBe('P2Y');
  });

  it('reads exile, asylum and extradition', () => {
    const text =
      'Ivanov fled to Lithuania in 2021 and applied for asylum. He was granted refugee status last year. ' +
      'Russia asked Lithuania to extradite him, but a court refused to extradite Ivanov. Petrova is currently fighting extradition.';
    const ents: EntitySpec[] = [IVANOV, PETROVA, { name: 'Lithuania', type: 'place' }, { name: 'Russia', type: 'place' }];
    const events = eventsOf(buildInput(text, ents, [{ text: '2021', value: '2021' }, { text: 'last year', value: '2022' }]));
    expect(only(events, 'exile', 'Pavel Ivanov').place).toBe('e3');
    only(events, 'asylum_application', 'Pavel Ivanov');
    expect(only(events, 'asylum_granted', 'Pavel Ivanov').date?.from).toBe('2022');
    only(events, 'extradition_refused', 'Pavel Ivanov');
    only(events, 'extradition_request', 'Olga Petrova');
  });

  it('reads residence abroad "since" as an open exile', () => {
    const text = 'Pavel Ivanov, a journalist from Aktobe, who has resided in Kyiv since 2014, spoke to us.';
    const ents: EntitySpec[] = [IVANOV, { name: 'Aktobe', type: 'place' }, { name: 'Kyiv', type: 'place' }];
    const v = only(eventsOf(buildInput(text, ents, [{ text: '2014', value: '2014' }])), 'exile', 'Pavel Ivanov');
    expect(v.date).toEqual({ from: '2014', text: '2014' });
    expect(v.place).toBe('e3');
  });

  it('reads a named protest, an unnamed dated one, and a dispersal', () => {
    const text =
      'In April, massive demonstrations flared up in several cities. Petrova joined the demonstrations in Almaty. ' +
      'Police dispersed the rally on Friday.';
    const ents: EntitySpec[] = [PETROVA, { name: 'Almaty', type: 'place' }];
    const events = eventsOf(buildInput(text, ents, [{ text: 'April', value: '2016-04' }, { text: 'Friday', value: '2016-04-22' }]));
    expect(only(events, 'protest', null).date?.from).toBe('2016-04');
    expect(only(events, 'protest', 'Olga Petrova').place).toBe('e2');
    only(events, 'protest_dispersal', null);
  });

  it('keeps an undated, definite or generic crowd out', () => {
    const text = 'Anything resembling public protests is a nightmare for the regime. The protests frightened officials.';
    expect(eventsOf(buildInput(text)).filter((v) => v.type === 'protest')).toEqual([]);
  });

  it('reads founding with the organization as object, and skips it without one', () => {
    const text = 'Several months ago Ivanov took a hand in establishment of a new force called Zhusan. Petrova founded a bakery.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Zhusan', type: 'organization' }]));
    expect(only(events, 'founding', 'Pavel Ivanov').object).toBe('e3');
    expect(events.some((v) => v.who === 'Olga Petrova')).toBe(false);
  });

  it('reads suspicion, restriction, asset freeze, search and wanted', () => {
    const text =
      'Suspicion for plotting the unrest fell on Pavel Ivanov. Petrova was banned from leaving her house and had her bank accounts frozen. ' +
      'Officers searched her apartment. Ivanov is wanted by Kazakhstan for the alleged embezzlement of $6 billion.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Kazakhstan', type: 'place' }]));
    only(events, 'accusation', 'Pavel Ivanov');
    only(events, 'restriction', 'Olga Petrova');
    only(events, 'asset_freeze', 'Olga Petrova');
    only(events, 'search', 'Olga Petrova');
    const wanted = only(events, 'wanted', 'Pavel Ivanov');
    expect(wanted.charge).toBe('embezzlement');
    expect(wanted.agent).toBe('e3');
  });

  it('reads a designation as a ban of the organization', () => {
    const text = 'The Supreme Court declared Group 24 a terrorist organisation. Its website was blocked.';
    const events = eventsOf(buildInput(text, [{ name: 'Group 24', type: 'organization' }, { name: 'Supreme Court', type: 'organization' }]));
    const bans = events.filter((v) => v.type === 'ban');
    expect(bans.map((v) => v.who)).toEqual(['Group 24']);
    expect(bans[0]?.evidence).toHaveLength(2);
  });

  it('reads abduction, assault, killing, threat, lawsuit, interrogation, release, acquittal, trial, charge, deportation', () => {
    const text = [
      'Ivanov was abducted in March.',
      'Petrova was beaten by unknown men.',
      'Ivanov was killed in 2019.',
      'Petrova received death threats.',
      'Ivanov was sued for defamation.',
      'Petrova was summoned for questioning.',
      'Ivanov was released from prison.',
      'Petrova was acquitted.',
      'His trial opened in May.',
      'A criminal case was opened against Petrova.',
      'Ivanov was deported to Russia.',
    ].join(' ');
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Russia', type: 'place' }]));
    const got = new Set(events.map((v) => `${v.type}:${v.who}`));
    for (const want of [
      'abduction:Pavel Ivanov',
      'assault:Olga Petrova',
      'killing:Pavel Ivanov',
      'threat:Olga Petrova',
      'lawsuit:Pavel Ivanov',
      'interrogation:Olga Petrova',
      'release:Pavel Ivanov',
      'acquittal:Olga Petrova',
      'trial:Pavel Ivanov',
      'charge:Olga Petrova',
      'deportation:Pavel Ivanov',
    ]) {
      expect(got.has(want), want).toBe(true);
    }
  });

  it('does not read a published statement as a release', () => {
    expect(eventsOf(buildInput('Ivanov released a statement on Monday.', [IVANOV]))).toEqual([]);
  });
});

describe('modality', () => {
  it('marks conditionals and futures hypothetical', () => {
    const text = '“If I return I will be dragged to interrogations,” said Petrova. Ivanov’s trial is expected to begin in November.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV]));
    expect(only(events, 'interrogation', 'Olga Petrova').modality).toBe('hypothetical');
    expect(only(events, 'trial', 'Pavel Ivanov').modality).toBe('hypothetical');
  });

  it('marks negation', () => {
    const v = only(eventsOf(buildInput('Ivanov was not arrested.', [IVANOV])), 'arrest', 'Pavel Ivanov');
    expect(v.modality).toBe('negated');
  });

  it('marks habitual and second-person statements generic', () => {
    const text = 'Petrova said usually they bring Ivanov as a witness, then they make you a suspect.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV]));
    expect(events.filter((v) => v.modality === 'asserted')).toEqual([]);
  });

  it('marks intentions hypothetical', () => {
    const v = only(eventsOf(buildInput('Ivanov decided to leave his country for Ukraine.', [IVANOV])), 'exile', 'Pavel Ivanov');
    expect(v.modality).toBe('hypothetical');
  });
});

describe('participants', () => {
  it('gives one event per coordinated person', () => {
    const text = 'Pavel Ivanov and Olga Petrova from Almaty are awaiting political refugee status as they fled to Ukraine.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Almaty', type: 'place' }, { name: 'Ukraine', type: 'place' }]));
    for (const who of ['Pavel Ivanov', 'Olga Petrova']) {
      only(events, 'asylum_application', who);
      expect(only(events, 'exile', who).place).toBe('e4');
    }
  });

  it('resolves he, a quote speaker, and a relative pronoun', () => {
    const text =
      'Pavel Ivanov has a long history with the regime. In January he was convicted. ' +
      '“I was sentenced to three years,” Ivanov told reporters. “Nobody else was convicted except Olga Petrova, who was sentenced to one year.”';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'January', value: '2016-01' }, { text: 'three years', value: 'P3Y' }]));
    const his = only(events, 'sentence', 'Pavel Ivanov');
    expect(his.duration).toBe('P3Y');
    expect(his.evidence).toHaveLength(2);
    expect(only(events, 'sentence', 'Olga Petrova').duration).toBe('P1Y');
  });

  it('reads a lede that names the person only in the next sentence', () => {
    const text = 'A teacher who has lived in Turkey since 2016 is fighting extradition to China. Abdulla Rozi, 52, was detained in May.';
    const ents: EntitySpec[] = [{ name: 'Abdulla Rozi', type: 'person' }, { name: 'Turkey', type: 'place' }, { name: 'China', type: 'place' }];
    const events = eventsOf(buildInput(text, ents, [{ text: '2016', value: '2016' }, { text: 'May', value: '2021-05' }]));
    only(events, 'exile', 'Abdulla Rozi');
    expect(only(events, 'extradition_request', 'Abdulla Rozi').date).toBeNull();
  });

  it('takes the agent from a by-phrase', () => {
    const text = 'Ivanov was questioned by the State Security Service.';
    const v = only(eventsOf(buildInput(text, [IVANOV, { name: 'State Security Service', type: 'organization' }])), 'interrogation', 'Pavel Ivanov');
    expect(v.agent).toBe('e2');
  });

  it('drops an event whose participant is not named', () => {
    expect(eventsOf(buildInput('At least 63 people were detained.'))).toEqual([]);
  });
});

describe('dates', () => {
  it('reads a date range and prefers the clause over the sentence', () => {
    const text = 'Ivanov spent two years in prison between 2010 and 2012, his lawyer said in 2016.';
    const v = only(
      eventsOf(buildInput(text, [IVANOV], [{ text: '2010', value: '2010' }, { text: '2012', value: '2012' }, { text: '2016', value: '2016' }])),
      'imprisonment',
      'Pavel Ivanov',
    );
    expect(v.date).toMatchObject({ from: '2010', to: '2012' });
  });

  it('does not date an event by the day of the statement or by a book year', () => {
    const text = 'Ivanov has been granted asylum, his lawyer said on Monday. Petrova was sentenced for a quote from a 1993 book.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Monday', value: '2022-06-20' }, { text: '1993', value: '1993' }]));
    expect(only(events, 'asylum_granted', 'Pavel Ivanov').date).toBeNull();
    expect(only(events, 'sentence', 'Olga Petrova').date).toBeNull();
  });

  it('does not use a relative clause date for the main clause', () => {
    const text = 'Suspicion fell on Ivanov, a journalist who has resided in Kyiv since 2014.';
    const v = only(eventsOf(buildInput(text, [IVANOV, { name: 'Kyiv', type: 'place' }], [{ text: '2014', value: '2014' }])), 'accusation', 'Pavel Ivanov');
    expect(v.date).toBeNull();
  });

  it('lets an undated event take the time of the same person a few sentences before', () => {
    const text = 'In January Ivanov was convicted. Later the court replaced prison with house arrest. Ivanov had his bank accounts frozen.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'January', value: '2016-01' }]));
    expect(only(events, 'restriction', 'Pavel Ivanov').date?.from).toBe('2016-01');
    expect(only(events, 'asset_freeze', 'Pavel Ivanov').date?.from).toBe('2016-01');
  });

  it('gives no date when nothing in the text dates the event', () => {
    const v = only(eventsOf(buildInput('Ivanov was arrested.', [IVANOV], [], '2024-01-01')), 'arrest', 'Pavel Ivanov');
    expect(v.date).toBeNull();
  });

  it('reads "currently" as the publication date', () => {
    const text = 'Ivanov is currently fighting extradition.';
    const v = only(eventsOf(buildInput(text, [IVANOV], [{ text: 'currently', value: 'PRESENT_REF' }], '2016-12-16')), 'extradition_request', 'Pavel Ivanov');
    expect(v.date?.from).toBe('2016-12-16');
  });
});

describe('merging and evidence', () => {
  it('merges two reports of one event and keeps both spans', () => {
    const text = 'Police detained Ivanov on November 17. Ivanov was taken into custody at his home.';
    const v = only(eventsOf(buildInput(text, [IVANOV], [{ text: 'November 17', value: '2021-11-17' }])), 'arrest', 'Pavel Ivanov');
    expect(v.evidence).toHaveLength(2);
    expect(v.date?.from).toBe('2021-11-17');
  });

  it('keeps sentences with different terms apart', () => {
    const text = 'Ivanov was sentenced to three years. In addition, he was sentenced to five years.';
    const events = eventsOf(buildInput(text, [IVANOV]));
    expect(events.filter((v) => v.type === 'sentence').map((v) => v.duration)).toEqual(['P3Y', 'P5Y']);
  });

  it('gives evidence with exact offsets, ids in order and confidence in [0, 1]', () => {
    const text = 'Ivanov was arrested on Monday.\n\n“I was beaten,” Petrova told reporters. Petrova fled to Riga.';
    const input = buildInput(text, [IVANOV, PETROVA, { name: 'Riga', type: 'place' }], [{ text: 'Monday', value: '2020-01-06' }]);
    const events = eventsOf(input);
    expect(events.length).toBeGreaterThanOrEqual(3);
    events.forEach((v, i) => {
      expect(v.id).toBe(`v${i + 1}`);
      expect(v.confidence).toBeGreaterThanOrEqual(0);
      expect(v.confidence).toBeLessThanOrEqual(1);
      for (const s of v.evidence) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  });
});

describe('wire-style phrasing', () => {
  it('reads "held for N days and later charged" as a detention and a charge', () => {
    const text = 'Petrova was held for 16 days and later charged with inciting social hatred.';
    const events = eventsOf(buildInput(text, [PETROVA], [{ text: '16 days', value: 'P16D' }]));
    expect(only(events, 'detention', 'Olga Petrova').duration).toBe('P16D');
    expect(only(events, 'charge', 'Olga Petrova').charge).toBe('inciting social hatred');
  });

  it('keeps a call to release prisoners out of the facts', () => {
    const text = 'Ivanov was arrested. The group called on the authorities of Belarus to release all political prisoners.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Belarus', type: 'place' }]));
    expect(events.filter((v) => v.type === 'release' && v.modality === 'asserted')).toEqual([]);
  });
});

describe('vague and priced phrases', () => {
  it('bounds "several months ago" by the publication date', () => {
    const text = 'Several months ago Ivanov took a hand in establishment of a new force called Zhusan.';
    const input = buildInput(text, [IVANOV, { name: 'Zhusan', type: 'organization' }], [{ text: 'Several months ago', value: 'PAST_REF' }], '2016-12-16');
    expect(only(eventsOf(input), 'founding', 'Pavel Ivanov').date).toMatchObject({ from: '2016-01', to: '2016-10' });
  });

  it('does not read a price as a criminal charge', () => {
    expect(eventsOf(buildInput('Ivanov was charged $50 for parking.', [IVANOV]))).toEqual([]);
  });
});

describe('repeated and formal events', () => {
  it('keeps a rearrest apart from the first arrest and dates it by the story', () => {
    const text = 'Ivanov was first arrested in October 2022. He was released on bail in November 2023. Days later he was rearrested.';
    const input = buildInput(text, [IVANOV], [{ text: 'October 2022', value: '2022-10' }, { text: 'November 2023', value: '2023-11' }]);
    const arrests = eventsOf(input).filter((v) => v.type === 'arrest');
    expect(arrests.map((v) => v.date?.from)).toEqual(['2022-10', '2023-11']);
  });

  it('reads an accusation by prosecutors or under a law as a charge', () => {
    const text = 'Prosecutors accused Ivanov of treason. Petrova is accused of collusion under the national security law. Officials blamed Ivanov for the unrest.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'charge', 'Pavel Ivanov');
    only(events, 'charge', 'Olga Petrova');
    only(events, 'accusation', 'Pavel Ivanov');
  });

  it('reads the death of an unnamed person as nobody’s event', () => {
    const text = 'Ivanov supported the protests that followed the death of a young woman in police custody.';
    expect(eventsOf(buildInput(text, [IVANOV])).filter((v) => v.type === 'killing')).toEqual([]);
  });
});

describe('subjects named late or by relatives', () => {
  it('links an opening description to the person named next', () => {
    const text = 'BAKU, May 2 (Wire) - An Azerbaijani poet who had criticised the president was arrested in Baku on Friday. Police detained Pavel Ivanov at a cafe.';
    const input = buildInput(text, [IVANOV, { name: 'Baku', type: 'place', aliases: ['BAKU'] }], [{ text: 'Friday', value: '2024-05-01' }], '2024-05-02');
    const arrest = only(eventsOf(input), 'arrest', 'Pavel Ivanov');
    expect(arrest.evidence.map((e) => e.text).join(' ')).toContain('was arrested in Baku');
  });

  it('does not link a description to a person named long after', () => {
    const text = 'A teacher was arrested. The school closed. Parents protested. Later Ivanov spoke. Then Petrova spoke. Ivanov left.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA])).filter((v) => v.type === 'arrest');
    expect(events.filter((v) => v.who === 'Olga Petrova')).toEqual([]);
  });

  it('takes the object of an earlier subject from a pronoun ("put him on a wanted list")', () => {
    const text = 'Ivanov left Russia in 2015. Russia had put him on a wanted list in 2016.';
    const input = buildInput(text, [IVANOV, { name: 'Russia', type: 'place' }], [{ text: '2016', value: '2016' }, { text: '2015', value: '2015' }]);
    expect(only(eventsOf(input), 'wanted', 'Pavel Ivanov').date?.from).toBe('2016');
  });

  it('reads "granted him refugee status" and "ordered him held" with the pronoun as subject', () => {
    const text = 'Ivanov reached Lithuania in May. Lithuania granted him refugee status in 2022. Ivanov was later caught in Minsk. A judge ordered him held for ten days.';
    const input = buildInput(text, [IVANOV, { name: 'Lithuania', type: 'place' }, { name: 'Minsk', type: 'place' }], [{ text: '2022', value: '2022' }, { text: 'ten days', value: 'P10D' }]);
    const events = eventsOf(input);
    expect(only(events, 'asylum_granted', 'Pavel Ivanov').date?.from).toBe('2022');
    expect(only(events, 'detention', 'Pavel Ivanov').duration).toBe('P10D');
  });

  it('makes the organization of "X, which the court declared extremist" the subject of the ban', () => {
    const text = 'Ivanov joined a banned movement, Free Steppe, which the Supreme Court declared extremist in 2019.';
    const input = buildInput(text, [IVANOV, { name: 'Free Steppe', type: 'organization' }, { name: 'Supreme Court', type: 'organization' }], [{ text: '2019', value: '2019' }]);
    const ban = only(eventsOf(input), 'ban', 'Free Steppe');
    expect(ban.date?.from).toBe('2019');
  });

  it('does not date a relative clause by its main clause', () => {
    const text = 'Ivanov, who had sought refuge in Georgia, was abducted on Tuesday.';
    const input = buildInput(text, [IVANOV, { name: 'Georgia', type: 'place' }], [{ text: 'Tuesday', value: '2024-03-05' }], '2024-03-08');
    const events = eventsOf(input);
    expect(only(events, 'exile', 'Pavel Ivanov').date).toBeNull();
    expect(only(events, 'abduction', 'Pavel Ivanov').date?.from).toBe('2024-03-05');
  });
});

describe('names, appeals and observers', () => {
  it('reads no event inside an organization name and no release in an appeal', () => {
    const text = 'Ivanov was detained in May. Amnesty International urged the authorities to release him.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Amnesty International', type: 'organization' }]));
    expect(events.filter((v) => v.type === 'acquittal')).toEqual([]);
    expect(events.filter((v) => v.type === 'release' && v.modality === 'asserted')).toEqual([]);
  });

  it('does not make one who filmed a protest its participant', () => {
    const text = 'Ivanov filmed the protests in 2016 and posted the footage online.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: '2016', value: '2016' }]));
    expect(events.filter((v) => v.type === 'protest' && v.who === 'Pavel Ivanov')).toEqual([]);
  });

  it('reads "forcibly returned to" as a deportation and "her son, X" as about X', () => {
    const text = 'Petrova spoke to us. Her son, the writer Pavel Ivanov, was seized in Kyiv and forcibly returned to Minsk. The authorities accused him of treason.';
    const input = buildInput(text, [IVANOV, PETROVA, { name: 'Kyiv', type: 'place' }, { name: 'Minsk', type: 'place' }]);
    const events = eventsOf(input);
    expect(only(events, 'deportation', 'Pavel Ivanov').place).toBe('e4');
    only(events, 'accusation', 'Pavel Ivanov');
  });
});

describe('custody, release and departure phrasing', () => {
  it('folds "detained … and spent four months in pre-trial detention" into one detention and sees no trial "pending trial"', () => {
    const text = 'Petrova was detained in 2022 and spent four months in pre-trial detention before a judge released her pending trial.';
    const events = eventsOf(buildInput(text, [PETROVA], [{ text: '2022', value: '2022' }, { text: 'four months', value: 'P4M' }]));
    expect(only(events, 'detention', 'Olga Petrova').duration).toBe('P4M');
    expect(events.filter((v) => v.type === 'arrest' || v.type === 'trial')).toEqual([]);
    only(events, 'release', 'Olga Petrova');
  });

  it('reads "seized X and held him incommunicado for eleven days" as one detention', () => {
    const text = 'In July 2023 agents seized Pavel Ivanov outside his home and held him incommunicado for eleven days.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'July 2023', value: '2023-07' }, { text: 'eleven days', value: 'P11D' }]));
    expect(only(events, 'detention', 'Pavel Ivanov').duration).toBe('P11D');
    expect(events.filter((v) => v.type === 'arrest')).toEqual([]);
  });

  it('reads part of a sentence served, a continuing travel ban and bail', () => {
    const text = 'Petrova was freed after serving three years of a six-year sentence. She remains banned from leaving Russia for two years. A judge granted Ivanov bail.';
    const input = buildInput(text, [PETROVA, IVANOV, { name: 'Russia', type: 'place' }], [{ text: 'two years', value: 'P2Y' }]);
    const events = eventsOf(input);
    expect(only(events, 'imprisonment', 'Olga Petrova').duration).toBe('P3Y');
    expect(only(events, 'restriction', 'Olga Petrova').duration).toBe('P2Y');
    const text2 = 'Ivanov was arrested in May. A judge granted him bail on Friday.';
    only(eventsOf(buildInput(text2, [IVANOV])), 'release', 'Pavel Ivanov');
  });

  it('reads a death at an interrogation centre as a killing and signs of torture as an assault', () => {
    const text = 'Ivanov was arrested in May. His family learned that he had died at a military interrogation centre. His wife said his body bore signs of torture.';
    const events = eventsOf(buildInput(text, [IVANOV]));
    only(events, 'killing', 'Pavel Ivanov');
    only(events, 'assault', 'Pavel Ivanov');
    expect(events.filter((v) => v.type === 'interrogation')).toEqual([]);
  });

  it('reads "left <country>" as exile only with the place right after', () => {
    const text = 'Ivanov left Russia in 2020. Petrova left the meeting early.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Russia', type: 'place' }], [{ text: '2020', value: '2020' }]));
    expect(only(events, 'exile', 'Pavel Ivanov').date?.from).toBe('2020');
    expect(events.filter((v) => v.who === 'Olga Petrova')).toEqual([]);
  });

  it('does not read "she" as a man already called "he"', () => {
    const text = 'Kamil Ortega was jailed in May. He has been imprisoned since then, his daughter Ana Ortega said from Bogota, where she fled in 2019.';
    const input = buildInput(text, [{ name: 'Kamil Ortega', type: 'person' }, { name: 'Ana Ortega', type: 'person' }, { name: 'Bogota', type: 'place' }], [{ text: '2019', value: '2019' }]);
    const events = eventsOf(input);
    only(events, 'exile', 'Ana Ortega');
    expect(events.filter((v) => v.type === 'exile' && v.who === 'Kamil Ortega')).toEqual([]);
  });

  it('links a description by an -ist noun to the person named next', () => {
    const text = 'A Turkish sociologist went on trial on Tuesday. Police had detained Olga Petrova in 2022.';
    const events = eventsOf(buildInput(text, [PETROVA], [{ text: 'Tuesday', value: '2023-10-03' }], '2023-10-03'));
    expect(only(events, 'trial', 'Olga Petrova').date?.from).toBe('2023-10-03');
  });
});

describe('appeals, completed terms and datelines', () => {
  it('keeps the described person when a dateline names someone else first', () => {
    const text = 'MINSK, Jan 22 (Wire) - A Belarusian reporter was abducted in Minsk on Saturday. Olga Petrova, 41, was forced into a car.';
    const input = buildInput(text, [PETROVA, { name: 'Jan', type: 'person' }, { name: 'Minsk', type: 'place', aliases: ['MINSK'] }], [{ text: 'Saturday', value: '2024-01-20' }], '2024-01-22');
    const events = eventsOf(input);
    only(events, 'abduction', 'Olga Petrova');
    expect(events.filter((v) => v.who === 'Jan')).toEqual([]);
  });

  it('reads a demanded release as no fact and threatening calls as a threat', () => {
    const text = 'Ivanov had received threatening calls for weeks, according to the union, which demanded his immediate release.';
    const events = eventsOf(buildInput(text, [IVANOV]));
    only(events, 'threat', 'Pavel Ivanov');
    expect(events.filter((v) => v.type === 'release' && v.modality === 'asserted')).toEqual([]);
  });

  it('reads a completed term, a flogging and the date of a second participle', () => {
    const text = 'Ivanov was freed after completing a ten-year prison sentence. Ivanov was arrested in 2014 and convicted by the court in 2015. He was flogged in public.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: '2014', value: '2014' }, { text: '2015', value: '2015' }]));
    only(events, 'imprisonment', 'Pavel Ivanov');
    expect(only(events, 'sentence', 'Pavel Ivanov').date?.from).toBe('2015');
    expect(only(events, 'arrest', 'Pavel Ivanov').date?.from).toBe('2014');
    only(events, 'assault', 'Pavel Ivanov');
  });

  it('reads "held at a prison" as custody and a protest the arrest came after as nobody’s', () => {
    const text = 'Ivanov was arrested two days after the July 11 protests and has been held at the Kresty prison since then.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'July 11', value: '2021-07-11' }]));
    only(events, 'detention', 'Pavel Ivanov');
    expect(events.filter((v) => v.type === 'protest' && v.who === 'Pavel Ivanov')).toEqual([]);
  });
});

describe('objects before prepositions and fitting antecedents', () => {
  it('reads "placed her under house arrest" with her as the subject', () => {
    const text = 'Petrova was arrested on Friday. A court placed her under house arrest for two months.';
    const events = eventsOf(buildInput(text, [PETROVA], [{ text: 'two months', value: 'P2M' }]));
    expect(only(events, 'restriction', 'Olga Petrova').duration).toBe('P2M');
  });

  it('reads "jailed for ten years" as a sentence and "jailed for 15 days" as custody', () => {
    const text = 'Ivanov was jailed for ten years in 2022. Petrova was jailed for 15 days.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'ten years', value: 'P10Y' }, { text: '15 days', value: 'P15D' }, { text: '2022', value: '2022' }]));
    expect(only(events, 'sentence', 'Pavel Ivanov').duration).toBe('P10Y');
    expect(only(events, 'detention', 'Olga Petrova').duration).toBe('P15D');
  });

  it('resolves "him" to a fitting name when the topic is a woman', () => {
    const text = 'Among them is Olga Petrova, whose son Pavel Ivanov was jailed in 2022. "They beat him in the police station," she said.';
    only(eventsOf(buildInput(text, [IVANOV, PETROVA])), 'assault', 'Pavel Ivanov');
  });
});

describe('relative clauses in the simple past', () => {
  it('ends "who defended …" where the main verb resumes, so the main event keeps the sentence date', () => {
    const text = 'Ivanov, a lawyer who defended minorities has been missing since police took him from his home in April.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'April', value: '2024-04' }], '2024-05-08'));
    expect(only(events, 'abduction', 'Pavel Ivanov').date?.from).toBe('2024-04');
  });
});

describe('datelines, custody and bail conditions', () => {
  it('does not date an event by the dateline, only by its own clause', () => {
    const text = 'MINSK, March 12 (Agency) - Police raided the home of Pavel Ivanov on Monday. MINSK, March 12 (Agency) - Police searched the flat of Olga Petrova.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'March 12', value: '2025-03-12' }, { text: 'Monday', value: '2025-03-10' }], '2025-03-12'));
    expect(only(events, 'search', 'Pavel Ivanov').date?.from).toBe('2025-03-10');
    expect(only(events, 'search', 'Olga Petrova').date).toBeNull();
  });

  it('reads "walked free" as a release and remand prison as detention', () => {
    const text = 'Petrova walked free on Thursday. Ivanov had spent nine days in remand prison.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Thursday', value: '2024-08-15' }, { text: 'nine days', value: 'P9D' }]));
    expect(only(events, 'release', 'Olga Petrova').date?.from).toBe('2024-08-15');
    expect(only(events, 'detention', 'Pavel Ivanov').duration).toBe('P9D');
    expect(events.some((v) => v.type === 'imprisonment')).toBe(false);
  });

  it('reads bail conditions as an asserted restriction and "barred her from leaving" with her as subject', () => {
    const text = 'Under his bail conditions, Ivanov must surrender his passport and report to the police station twice a week. Petrova was sentenced in May. A court barred her from leaving the country.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(only(events, 'restriction', 'Pavel Ivanov').modality).toBe('asserted');
    expect(only(events, 'restriction', 'Olga Petrova').modality).toBe('asserted');
  });
});

describe('objects, owners and possessors', () => {
  it('takes the named person after a described object ("fined the editor of X, Y")', () => {
    const text = 'In April, a court fined the editor of the Minsk Herald, Olga Petrova, 500 dollars for defamation.';
    const events = eventsOf(buildInput(text, [PETROVA, { name: 'Minsk Herald', type: 'organization' }]));
    expect(only(events, 'lawsuit', 'Olga Petrova').modality).toBe('asserted');
    expect(events.filter((v) => v.type === 'lawsuit')).toHaveLength(1);
  });

  it('reads an organization fined and its licence suspended', () => {
    const text = 'The regulator has fined Sunrise TV five million naira and suspended its licence for three months.';
    const events = eventsOf(buildInput(text, [{ name: 'Sunrise TV', type: 'organization' }], [{ text: 'three months', value: 'P3M' }]));
    only(events, 'lawsuit', 'Sunrise TV');
    expect(only(events, 'ban', 'Sunrise TV').duration).toBe('P3M');
  });

  it('reads a rejected application for protection and a requested extradition by their possessors', () => {
    const text = 'Ivanov settled in Istanbul. A migration office rejected his application for international protection. Russia requested Petrova’s extradition in 2023.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Russia', type: 'place' }], [{ text: '2023', value: '2023' }]));
    only(events, 'asylum_denied', 'Pavel Ivanov');
    expect(only(events, 'extradition_request', 'Olga Petrova').date?.from).toBe('2023');
  });

  it('does not read a completed extradition named as a noun as a request', () => {
    const text = 'After his extradition to Russia, Ivanov was jailed.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Russia', type: 'place' }]));
    expect(events.some((v) => v.type === 'extradition_request')).toBe(false);
  });

  it('does not take an employer after a comma as the charge of an arrest', () => {
    const text = 'Police arrested Ivanov, a reporter for the Minsk Herald, in a dawn raid on his home in May.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Minsk Herald', type: 'organization' }], [{ text: 'May', value: '2022-05' }]));
    only(events, 'arrest', 'Pavel Ivanov');
    expect(only(events, 'search', 'Pavel Ivanov').date?.from).toBe('2022-05');
  });
});

describe('disappearances, coordination and antecedents', () => {
  it('reads being taken by men in plain clothes, and vanishing, as abduction', () => {
    const text = 'Ivanov was picked up by men in plain clothes on Thursday night. Petrova vanished in 2019.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Thursday', value: '2024-10-31' }, { text: '2019', value: '2019' }]));
    expect(only(events, 'abduction', 'Pavel Ivanov').date?.from).toBe('2024-10-31');
    only(events, 'abduction', 'Olga Petrova');
    expect(events.some((v) => v.type === 'arrest')).toBe(false);
  });

  it('ends a list of defendants at a pronoun before the comma', () => {
    const SOKOLOV: EntitySpec = { name: 'Igor Sokolov', type: 'person' };
    const text = 'Petrova was acquitted. Two men tried alongside her, Pavel Ivanov and Igor Sokolov, were convicted.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV, SOKOLOV]));
    only(events, 'sentence', 'Pavel Ivanov');
    only(events, 'sentence', 'Igor Sokolov');
    expect(events.some((v) => v.type === 'sentence' && v.who === 'Olga Petrova')).toBe(false);
  });

  it('resolves "he" to the name after a possessive ("His cousin, X, vanished after he was detained")', () => {
    const text = 'Ivanov left Minsk in 2021. His cousin, Dovlet Aliyev, vanished after he was detained at the airport in 2019.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Dovlet Aliyev', type: 'person' }, { name: 'Minsk', type: 'place' }], [{ text: '2019', value: '2019' }, { text: '2021', value: '2021' }]));
    expect(only(events, 'arrest', 'Dovlet Aliyev').date?.from).toBe('2019');
    expect(events.some((v) => v.type === 'arrest' && v.who === 'Pavel Ivanov')).toBe(false);
  });

  it('keeps "him" off a wife named beside her role, and a warning to stop protesting out of the facts', () => {
    const text = 'Ivanov was released in January. His wife, Nasrin Akter, said officers had come twice and warned him to stop organising protests.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Nasrin Akter', type: 'person' }]));
    only(events, 'threat', 'Pavel Ivanov');
    const facts = events.filter((v) => v.modality === 'asserted');
    expect(facts.some((v) => v.who === 'Nasrin Akter')).toBe(false);
    expect(facts.some((v) => v.type === 'protest')).toBe(false);
  });

  it('does not learn a gender from "his" that belongs to a common noun', () => {
    const text = 'Petrova was found guilty of criticising the king and his family. A court barred her from leaving the country in 2021.';
    const events = eventsOf(buildInput(text, [{ name: 'Pim Saelim', type: 'person', aliases: ['Petrova'] }], [{ text: '2021', value: '2021' }]));
    expect(only(events, 'restriction', 'Pim Saelim').date?.from).toBe('2021');
  });

  it('reads a definite description opening a sentence as the person just named', () => {
    const text = 'For three years, Pavel Ivanov has slept badly. The 34-year-old blogger left Minsk in 2021.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Minsk', type: 'place' }], [{ text: '2021', value: '2021' }]));
    expect(only(events, 'exile', 'Pavel Ivanov').date?.from).toBe('2021');
  });
});

describe('denials and cases linked to protests', () => {
  it('marks a denied clause negated and keeps "cases linked to the protests" from making a protester', () => {
    const text = 'The ministry denied that Ivanov had been mistreated. Petrova faces charges in eleven cases linked to the protests.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.filter((v) => v.type === 'assault').map((v) => v.modality)).toEqual(['negated']);
    only(events, 'charge', 'Olga Petrova');
    expect(events.some((v) => v.type === 'protest')).toBe(false);
  });
});

describe('groups, prolonged custody and undone verdicts', () => {
  it('takes the named member of an unnamed group ("including X") and an organiser named after a comma', () => {
    const text = 'Police detained at least 40 people on Thursday, including student leader Olga Petrova. Police arrested its organiser, Pavel Ivanov.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Thursday', value: '2024-06-13' }]));
    expect(only(events, 'arrest', 'Olga Petrova').date?.from).toBe('2024-06-13');
    only(events, 'arrest', 'Pavel Ivanov');
  });

  it('reads a prolonged detention as detention and an investigation into a described person as a charge', () => {
    const text = "Petrova's detention was extended by two months. Prosecutors opened a criminal investigation into blogger Pavel Ivanov.";
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'two months', value: 'P2M' }]));
    expect(only(events, 'detention', 'Olga Petrova').duration).toBe('P2M');
    expect(events.some((v) => v.type === 'arrest')).toBe(false);
    only(events, 'charge', 'Pavel Ivanov');
  });

  it('reads an overturned conviction as an acquittal, not a sentence', () => {
    const text = 'An appeals court overturned the conviction of Pavel Ivanov in February.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'February', value: '2024-02' }]));
    expect(only(events, 'acquittal', 'Pavel Ivanov').date?.from).toBe('2024-02');
    expect(events.some((v) => v.type === 'sentence')).toBe(false);
  });

  it('reads "barred <name> from running" and a term in detention that ends at the release', () => {
    const text = 'Authorities barred opposition leader Olga Petrova from running. Ivanov was released on Monday after two years in detention.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Monday', value: '2024-06-10' }, { text: 'two years', value: 'P2Y' }]));
    only(events, 'restriction', 'Olga Petrova');
    const d = only(events, 'detention', 'Pavel Ivanov');
    expect(d.date).toMatchObject({ from: '2022-06-10', to: '2024-06-10' });
    expect(events.some((v) => v.type === 'arrest')).toBe(false);
  });

  it('reads a bounty leading to an arrest as wanted, and a killing nobody was charged over as a fact', () => {
    const text = 'Authorities offered a bounty for information leading to the arrest of Pavel Ivanov. Police have not charged anyone over the killing of journalist Olga Petrova.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'wanted', 'Pavel Ivanov');
    expect(events.some((v) => v.type === 'arrest' && v.modality === 'asserted')).toBe(false);
    expect(only(events, 'killing', 'Olga Petrova').modality).toBe('asserted');
  });

  it('reads "handed over X to" as an extradition and the family home seized as an asset freeze', () => {
    const text = 'Turkey handed over dissident Pavel Ivanov to Russia in March. The authorities seized the family home of Olga Petrova.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Russia', type: 'place' }, { name: 'Turkey', type: 'place' }], [{ text: 'March', value: '2024-03' }]));
    expect(only(events, 'extradition', 'Pavel Ivanov').date?.from).toBe('2024-03');
    only(events, 'asset_freeze', 'Olga Petrova');
  });
});

describe('trigger pre-filter by first letter', () => {
  it('reads the letters a pattern can start with, and gives up on classes and optional openings', () => {
    expect([...(firstLetters('abc|(?:de|Fg)h') ?? [])].sort()).toEqual(['a', 'd', 'f']);
    expect(firstLetters('(?:x )?y')).toBeNull();
    expect(firstLetters('[ab]c')).toBeNull();
    expect(firstLetters('s?ay')).toBeNull();
  });

  it('still finds a trigger in every example of the vocabulary', () => {
    for (const t of EVENT_TYPES) {
      for (const ex of t.examples) expect(findTriggers(ex, 0, ex.length).length, `${t.id}: ${ex}`).toBeGreaterThan(0);
    }
  });
});

describe('custody by the army, named prisons and anchored nominals', () => {
  it('reads "taken from … by armed men", "held by the army", "followed by men" and "warned by … to stop"', () => {
    const text = 'Petrova was taken from a bus terminal in Tarlac by armed men on 2 March. She was being held by the army. Since then she had been followed by men on motorcycles. Ivanov had been warned by embassy staff to stop his activism.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Tarlac', type: 'place' }], [{ text: '2 March', value: '2024-03-02' }]));
    expect(only(events, 'abduction', 'Olga Petrova').date?.from).toBe('2024-03-02');
    only(events, 'detention', 'Olga Petrova');
    only(events, 'threat', 'Olga Petrova');
    only(events, 'threat', 'Pavel Ivanov');
  });

  it('reads a named prison, an arrest "since his arrest in May 2021", and "left for France"', () => {
    const text = 'Ivanov, who has been in Oukacha prison since his arrest in May 2021, will appeal. Petrova was fined in 2022 and left for France the same year.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'France', type: 'place' }], [{ text: 'May 2021', value: '2021-05' }, { text: '2022', value: '2022' }]));
    only(events, 'imprisonment', 'Pavel Ivanov');
    expect(only(events, 'arrest', 'Pavel Ivanov').date?.from).toBe('2021-05');
    only(events, 'exile', 'Olga Petrova');
  });

  it('gives a missing son no named subject and reads "the disappeared" as people', () => {
    const text = 'Petrova, whose son has been missing since 2009, leads a group of mothers of the disappeared.';
    const events = eventsOf(buildInput(text, [PETROVA], [{ text: '2009', value: '2009' }]));
    expect(events.filter((v) => v.type === 'abduction' && v.who !== null)).toEqual([]);
  });

  it('takes the named member after "three of them, including" and a prison term after a sentence', () => {
    const text = 'Officers detained three of them, including the civic journalist Pavel Ivanov. His brother Igor Sokolov was sentenced to 12 years in 2020 and is held in a prison in Rostov.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Igor Sokolov', type: 'person' }], [{ text: '12 years', value: 'P12Y' }, { text: '2020', value: '2020' }]));
    only(events, 'arrest', 'Pavel Ivanov');
    only(events, 'imprisonment', 'Igor Sokolov');
    expect(events.some((v) => v.type === 'detention')).toBe(false);
  });

  it('does not make one who condemns an attack its victim', () => {
    const text = 'Petrova was attacked on Sunday. A minister, Pavel Ivanov, condemned the attack on Monday.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Sunday', value: '2024-12-01' }, { text: 'Monday', value: '2024-12-02' }]));
    only(events, 'assault', 'Olga Petrova');
    expect(events.some((v) => v.type === 'assault' && v.who === 'Pavel Ivanov')).toBe(false);
  });

  it('dates a conviction by its sentencing, not by a lost appeal against it', () => {
    const text = 'Pavel Ivanov lost his appeal against his conviction on Thursday. He was sentenced in 2023 to 25 years.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'Thursday', value: '2024-09-05' }, { text: '2023', value: '2023' }, { text: '25 years', value: 'P25Y' }]));
    expect(only(events, 'sentence', 'Pavel Ivanov').date?.from).toBe('2023');
  });

  it('keeps an offset out of durations and a nominal after "after" out of the clause date', () => {
    const text = 'A judge on Friday moved Pavel Ivanov from prison to house arrest, more than two years after his arrest. He was detained in July 2022 and convicted of fraud in June 2023.';
    const events = eventsOf(buildInput(text, [IVANOV], [{ text: 'Friday', value: '2024-10-18' }, { text: 'more than two years', value: 'P2Y', mod: 'MORE_THAN' }, { text: 'July 2022', value: '2022-07' }, { text: 'June 2023', value: '2023-06' }]));
    const r = only(events, 'restriction', 'Pavel Ivanov');
    expect(r.duration).toBeNull();
    expect(r.date).toEqual({ from: '2024-10-18', text: 'Friday' });
    expect(only(events, 'arrest', 'Pavel Ivanov').date?.from).toBe('2022-07');
    expect(only(events, 'sentence', 'Pavel Ivanov').date?.from).toBe('2023-06');
  });

  it('reads life "as a recognised refugee since 2016" as exile', () => {
    const text = 'Ivanov disappeared in Bangkok, where he had lived as a recognised refugee since 2016.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Bangkok', type: 'place' }], [{ text: '2016', value: '2016' }]));
    expect(only(events, 'exile', 'Pavel Ivanov').date?.from).toBe('2016');
  });
});

describe('bodies found, hidden whereabouts and reported speakers', () => {
  it('reads a body found as a killing, "dragged off a bus by armed men" as abduction, and a body not found as nothing', () => {
    const text = 'The body of Pavel Ivanov was found in a field on Sunday, a day after he was dragged off a bus by armed men. The body of the report describes Petrova.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'Sunday', value: '2024-09-08' }]));
    expect(only(events, 'killing', 'Pavel Ivanov').date?.from).toBe('2024-09-08');
    only(events, 'abduction', 'Pavel Ivanov');
    expect(events.some((v) => v.type === 'killing' && v.who === 'Olga Petrova')).toBe(false);
  });

  it('resolves "he" inside a report to the one reported on, not the speaker', () => {
    const text = 'Ivanov was found dead on Sunday. His party leader, Igor Sokolov, said Ivanov had been beaten before he was killed.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Igor Sokolov', type: 'person' }], [{ text: 'Sunday', value: '2024-09-08' }]));
    expect(events.some((v) => v.type === 'killing' && v.who === 'Igor Sokolov')).toBe(false);
    only(events, 'assault', 'Pavel Ivanov');
  });

  it('reads "took her to an unknown location", "whereabouts remain unknown" and "picked up in a town by soldiers"', () => {
    const text = 'Fighters detained Petrova at a checkpoint and took her to an unknown location. Ivanov was picked up in Buea by soldiers in 2021.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Buea', type: 'place' }], [{ text: '2021', value: '2021' }]));
    only(events, 'abduction', 'Olga Petrova');
    only(events, 'arrest', 'Olga Petrova');
    expect(only(events, 'arrest', 'Pavel Ivanov').date?.from).toBe('2021');
  });

  it('reads custody "in the custody of", "held for months", "his first eight months in custody" and "investigated for"', () => {
    const text = 'Petrova remains in the custody of the security service. Ivanov was held for months without trial. Igor Sokolov spent his first eight months in custody in a cell. Prosecutors said Ivanov was being investigated for fraud.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Igor Sokolov', type: 'person' }], [{ text: 'eight months', value: 'P8M' }]));
    only(events, 'detention', 'Olga Petrova');
    only(events, 'detention', 'Pavel Ivanov');
    expect(only(events, 'detention', 'Igor Sokolov').duration).toBe('P8M');
    only(events, 'charge', 'Pavel Ivanov');
  });

  it('takes the owner after "the … office of", and dates an event banned after a relative clause by its sentence', () => {
    const text = 'Police raided the Duhok office of the independent channel Roj News on Monday. Last month police arrested supporters who were travelling to a rally, and banned the event.';
    const events = eventsOf(buildInput(text, [{ name: 'Roj News', type: 'organization' }, { name: 'Duhok', type: 'organization' }], [{ text: 'Monday', value: '2024-05-13' }, { text: 'Last month', value: '2024-08' }]));
    expect(only(events, 'search', 'Roj News').date?.from).toBe('2024-05-13');
    expect(events.some((v) => v.type === 'search' && v.who === 'Duhok')).toBe(false);
    expect(only(events, 'protest_dispersal', null).date?.from).toBe('2024-08');
  });
});

describe('readings added from held-out news', () => {
  it('reads "shot X dead" as a killing, not an assault', () => {
    const events = eventsOf(buildInput('On Saturday two gunmen shot Petrova dead outside her house.', [PETROVA]));
    only(events, 'killing', 'Olga Petrova');
    expect(events.some((v) => v.type === 'assault')).toBe(false);
  });

  it('makes custody in a prison after the person’s verdict the prison term, but not custody awaiting trial', () => {
    const text = 'In January a court sentenced Pavel Ivanov to one year in prison. He is being held at the Central Prison.';
    only(eventsOf(buildInput(text, [IVANOV])), 'imprisonment', 'Pavel Ivanov');
    const backstory = 'In June a court sentenced Pavel Ivanov to five years. After his arrest he spent 41 days in solitary confinement in Adelabad prison.';
    expect(eventsOf(buildInput(backstory, [IVANOV])).some((v) => v.type === 'imprisonment')).toBe(false);
    const remand = 'Olga Petrova is held in pre-trial detention at the Central Prison.';
    expect(eventsOf(buildInput(remand, [PETROVA])).some((v) => v.type === 'imprisonment')).toBe(false);
  });

  it('keeps a penalty the law carries, and a call to release, out of the facts', () => {
    const text = 'Pavel Ivanov was charged with treason. The offence carries a maximum penalty of life imprisonment.';
    const events = eventsOf(buildInput(text, [IVANOV]));
    expect(events.filter((v) => v.type === 'imprisonment' && v.modality === 'asserted')).toEqual([]);
    const appeal = 'The Centre today calls on the de facto authorities in the capital of the country to release Olga Petrova.';
    expect(eventsOf(buildInput(appeal, [PETROVA])).filter((v) => v.modality === 'asserted')).toEqual([]);
  });

  it('reads a bail condition "ordered to surrender his passport" as a restriction in force', () => {
    const events = eventsOf(buildInput('Ivanov was freed on bail and ordered to surrender his passport.', [IVANOV]));
    expect(only(events, 'restriction', 'Pavel Ivanov').modality).toBe('asserted');
  });

  it('reads a plea, seized devices, a border crossed and an asylum application', () => {
    const text =
      'Pavel Ivanov pleaded not guilty to sedition. Officers also seized his drawing tablet. ' +
      'Olga Petrova crossed into Lebanon in 2013. Her application for asylum in Germany is pending.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Lebanon', type: 'place' }, { name: 'Germany', type: 'place' }]));
    expect(only(events, 'charge', 'Pavel Ivanov').modality).toBe('asserted');
    only(events, 'search', 'Pavel Ivanov');
    only(events, 'exile', 'Olga Petrova');
    only(events, 'asylum_application', 'Olga Petrova');
  });

  it('does not read "contacts with exiled politicians" as the subject’s exile', () => {
    const events = eventsOf(buildInput('Ivanov was questioned about his contacts with exiled politicians.', [IVANOV]));
    expect(events.some((v) => v.type === 'exile')).toBe(false);
  });
});

describe('groups and speakers', () => {
  const DOGA: EntitySpec = { name: 'Yakobus Doga', type: 'person', aliases: ['Doga'] };
  const MURIB: EntitySpec = { name: 'Elias Murib', type: 'person', aliases: ['Murib'] };
  const RUMBIAK: EntitySpec = { name: 'Gustaf Rumbiak', type: 'person', aliases: ['Rumbiak'] };
  const UNIVERSITY: EntitySpec = { name: 'Cenderawasih University', type: 'organization' };

  it('coordinates people across an appositive and a role word, and "both" and "the two" take the group up', () => {
    const text =
      'Yakobus Doga, a law student at Cenderawasih University, and fellow student Elias Murib were arrested on Monday. ' +
      'Police fired tear gas at the crowd. Both have been charged with treason. The hearing was short. ' +
      'Gustaf Rumbiak said the two were beaten with rifle butts.';
    const events = eventsOf(buildInput(text, [DOGA, MURIB, RUMBIAK, UNIVERSITY]));
    for (const who of ['Yakobus Doga', 'Elias Murib']) {
      only(events, 'arrest', who);
      only(events, 'charge', who);
      only(events, 'assault', who);
    }
    expect(events.some((v) => v.who === 'Gustaf Rumbiak')).toBe(false);
  });

  it('does not make the speaker the one a passive happened to', () => {
    const events = eventsOf(buildInput('Gustaf Rumbiak said the students were beaten in custody.', [RUMBIAK]));
    expect(events.some((v) => v.who === 'Gustaf Rumbiak')).toBe(false);
  });

  it('gives the event to those arrested "together with" the subject', () => {
    const text = 'Olga Petrova was arrested in March together with two other activists, Yakobus Doga and Elias Murib.';
    const events = eventsOf(buildInput(text, [PETROVA, DOGA, MURIB]));
    for (const who of ['Olga Petrova', 'Yakobus Doga', 'Elias Murib']) only(events, 'arrest', who);
  });
});

describe('more held-out readings', () => {
  it('reads custody "held him for three days", a fine paid, and an assault after a length of custody', () => {
    const text =
      'In 2023 the army held him for three days at a checkpoint. Before that, Pavel Ivanov was detained in 2012 and held for six months in a cell, where he was tortured. ' +
      'He was freed after paying a fine of 300 dollars.';
    const events = eventsOf(buildInput(`Pavel Ivanov lives in Tripoli. ${text}`, [IVANOV]));
    expect(events.filter((v) => v.type === 'detention' && v.who === 'Pavel Ivanov')).toHaveLength(2);
    only(events, 'assault', 'Pavel Ivanov');
    only(events, 'lawsuit', 'Pavel Ivanov');
  });

  it('gives "her" to the woman the sentence before introduced, not to an older topic', () => {
    const text =
      'Olga Petrova said officers searched her flat. Ivanov’s wife, Anna Ivanova, stayed behind. In March a court froze her bank accounts.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV, { name: 'Anna Ivanova', type: 'person' }]));
    only(events, 'asset_freeze', 'Anna Ivanova');
  });

  it('reads "asked Ukraine to extradite X" as a request about X', () => {
    const text = 'Kazakhstan asked Ukraine to extradite Ivanov in 2024.';
    const events = eventsOf(buildInput(text, [IVANOV, { name: 'Kazakhstan', type: 'place' }, { name: 'Ukraine', type: 'place' }]));
    expect(only(events, 'extradition_request', 'Pavel Ivanov').modality).toBe('asserted');
  });
});

describe('interviews', () => {
  it('gives the answers’ first person to the interviewee, quoted or not, and reads "cannot" as a negation', () => {
    const text =
      'Olga Petrova runs a radio station in Stockholm. We spoke to Petrova about her family.\n\n' +
      'When did you leave?\n\nI walked across the border into Finland in 2008. Sweden granted me asylum in 2009.\n\n' +
      'Were you threatened?\n\n"In August a man punched me in the face. I cannot leave the country now."';
    const events = eventsOf(buildInput(text, [PETROVA, { name: 'Finland', type: 'place' }, { name: 'Sweden', type: 'place' }]));
    only(events, 'asylum_granted', 'Olga Petrova');
    only(events, 'assault', 'Olga Petrova');
    const exiles = events.filter((v) => v.type === 'exile' && v.who === 'Olga Petrova');
    expect(exiles.map((v) => v.modality).sort()).toEqual(['asserted', 'negated']);
  });

  it('leaves a lone first person outside an interview unresolved', () => {
    const events = eventsOf(buildInput('Olga Petrova runs a station. I walked across the border into Finland in 2008.', [PETROVA, { name: 'Finland', type: 'place' }]));
    expect(events.some((v) => v.type === 'exile' && v.who === 'Olga Petrova')).toBe(false);
  });
});

describe('relatives, seizures and custody phrases', () => {
  it('leaves "who" after a plural noun to that noun, not the person named before', () => {
    const text = 'Olga Petrova said they had documented nine deportees who disappeared after the handover.';
    expect(eventsOf(buildInput(text, [PETROVA])).some((v) => v.type === 'abduction')).toBe(false);
  });

  it('reads a long place phrase before "by men in plain clothes" as an abduction, and custody "of" an agency', () => {
    const text =
      'Her brother, Pavel Ivanov, was seized from his electronics shop in Asmara on September 3 by men in plain clothes. ' +
      'Olga Petrova was released on Monday after 41 days in the custody of the intelligence agency.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: '41 days', value: 'P41D' }]));
    only(events, 'abduction', 'Pavel Ivanov');
    only(events, 'detention', 'Olga Petrova');
  });
});

describe('lists of people', () => {
  const SYDYKOV: EntitySpec = { name: 'Aibek Sydykov', type: 'person' };
  const TOKTOGULOVA: EntitySpec = { name: 'Nurzhan Toktogulova', type: 'person' };

  it('coordinates people with their ages, and "they" takes the pair up', () => {
    const text = 'Aibek Sydykov, 29, and Nurzhan Toktogulova, 26, were arrested on February 3. They are charged with tax evasion.';
    const events = eventsOf(buildInput(text, [SYDYKOV, TOKTOGULOVA]));
    for (const who of ['Aibek Sydykov', 'Nurzhan Toktogulova']) {
      only(events, 'arrest', who);
      only(events, 'charge', who);
    }
  });

  it('reads "Among those detained were X, reporter Y and Z"', () => {
    const text = 'Among those detained in Diyarbakir were bureau chief Aibek Sydykov, reporter Nurzhan Toktogulova and Olga Petrova.';
    const events = eventsOf(buildInput(text, [SYDYKOV, TOKTOGULOVA, PETROVA]));
    for (const who of ['Aibek Sydykov', 'Nurzhan Toktogulova', 'Olga Petrova']) only(events, 'arrest', who);
  });

  it('makes the relative named after a possessive the sentence’s topic', () => {
    const text = 'Olga Petrova was detained in May. Petrova’s husband, Pavel Ivanov, said officers had warned him not to speak to the media.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV]));
    only(events, 'threat', 'Pavel Ivanov');
  });
});

describe('custody, warnings and warrants', () => {
  it('reads "X was among 16 political prisoners freed", "remanded them in custody" and days in police cells', () => {
    const text =
      'Pavel Ivanov was among 16 political prisoners freed on Thursday. A judge remanded them in custody for two months. ' +
      'Olga Petrova spent three days in police cells.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA], [{ text: 'three days', value: 'P3D' }]));
    only(events, 'release', 'Pavel Ivanov');
    only(events, 'detention', 'Olga Petrova');
  });

  it('reads warnings given to a person as threats, and a warrant for her arrest as wanted', () => {
    const text =
      'Olga Petrova was warned to stop speaking to foreign media. Pavel Ivanov said officers warned him that his son would rot in prison. ' +
      'A court in Istanbul issued a warrant for her arrest last year.';
    const events = eventsOf(buildInput(text, [PETROVA, IVANOV]));
    only(events, 'threat', 'Olga Petrova');
    only(events, 'threat', 'Pavel Ivanov');
    only(events, 'wanted', 'Olga Petrova');
  });
});

describe('who is not the subject', () => {
  it('does not give "his client had been beaten" to the lawyer who told the court', () => {
    const text = 'Pavel Ivanov was sentenced on Tuesday. His lawyer, Olga Petrova, told the court that his client had been beaten during interrogation.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.some((v) => v.who === 'Olga Petrova')).toBe(false);
  });

  it('does not give a counted crowd’s killing to the story’s person', () => {
    const text = 'Olga Petrova was sentenced on Tuesday. The government says 21 people, including four officers, were killed.';
    const events = eventsOf(buildInput(text, [PETROVA]));
    expect(events.some((v) => v.type === 'killing' && v.who === 'Olga Petrova')).toBe(false);
  });
});

describe('demands and longer lists', () => {
  it('keeps the demands of a press release out of the facts', () => {
    const text =
      'Pavel Ivanov was sentenced to nine years in June.\n\nThe Watch calls on the authorities to:\n' +
      '- immediately and unconditionally release Pavel Ivanov and quash his conviction;\n- investigate the assault on Olga Petrova.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.filter((v) => v.modality === 'asserted').map((v) => [v.type, v.who])).toEqual([['sentence', 'Pavel Ivanov']]);
  });

  it('coordinates people behind occupation-shaped words, and "all six" style counts take the group up', () => {
    const text = 'Cameraman Pavel Ivanov and project coordinator Olga Petrova were jailed for five years. All three were arrested in November.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'arrest', 'Pavel Ivanov');
    only(events, 'arrest', 'Olga Petrova');
  });
});

describe('marches and people led away', () => {
  it('reads "joined a march" as a protest and "was led away to a prison" as no founding', () => {
    const text = 'Pavel Ivanov and Olga Petrova joined a march from the Philharmonic. Ivanov was led away in handcuffs to the Bangkok Remand Prison.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA, { name: 'Bangkok Remand Prison', type: 'organization' }]));
    only(events, 'protest', 'Pavel Ivanov');
    only(events, 'protest', 'Olga Petrova');
    expect(events.some((v) => v.type === 'founding')).toBe(false);
  });
});

describe('custody places, gunmen and parts of groups', () => {
  it('reads holding centres, police stations and punishment cells as custody', () => {
    const text =
      'Pavel Ivanov spent two days in a holding centre for foreign nationals. Police held him in a police station for a night. ' +
      'Olga Petrova said she had been put in a punishment cell for ten days.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.filter((v) => v.type === 'detention' && v.who === 'Pavel Ivanov').length).toBeGreaterThanOrEqual(1);
    only(events, 'detention', 'Olga Petrova');
  });

  it('reads "taken from his home by gunmen and found dead" as an abduction and a killing', () => {
    const events = eventsOf(buildInput('In May, Pavel Ivanov was taken from his home by gunmen and found dead three weeks later.', [IVANOV]));
    only(events, 'abduction', 'Pavel Ivanov');
    only(events, 'killing', 'Pavel Ivanov');
  });

  it('gives "two of his colleagues were arrested" to nobody, and a rejected request to release is no release', () => {
    const text = 'Pavel Ivanov left the country after two of his colleagues were arrested. The court rejected a request to release Olga Petrova pending appeal.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.some((v) => v.type === 'arrest' && v.who === 'Pavel Ivanov')).toBe(false);
    expect(events.some((v) => v.type === 'release' && v.modality === 'asserted')).toBe(false);
  });
});

describe('fronted time phrases', () => {
  it('takes the name after a comma-less "In 2022" as the subject', () => {
    const events = eventsOf(buildInput('In 2022 Pavel Ivanov was taken from his home by gunmen.', [IVANOV]));
    only(events, 'abduction', 'Pavel Ivanov');
  });
});

describe('watching, warning and ordered custody', () => {
  it('reads being followed, watched, called and told what would happen as threats, and only the threat as a fact', () => {
    const text =
      'A man on a motorcycle followed Pavel Ivanov home. Olga Petrova said two men had been watching her house for a week. ' +
      'Officers told Ivanov he would be imprisoned if he came back.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.filter((v) => v.type === 'threat' && v.who === 'Pavel Ivanov' && v.modality === 'asserted').length).toBeGreaterThanOrEqual(1);
    only(events, 'threat', 'Olga Petrova');
    expect(events.some((v) => v.type === 'imprisonment' && v.modality === 'asserted')).toBe(false);
  });

  it('reads "followed the trial for weeks" as no threat', () => {
    const events = eventsOf(buildInput('Pavel Ivanov followed the trial for weeks.', [IVANOV]));
    expect(events.some((v) => v.type === 'threat')).toBe(false);
  });

  it('reads a judge ordering someone held, a person "ordered detained" and "spent three nights in police cells" as detentions', () => {
    const text = 'A judge ordered Pavel Ivanov held at the El Helicoide prison. Olga Petrova was ordered detained for 30 days. Earlier she spent three nights in police cells.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'detention', 'Pavel Ivanov');
    expect(events.filter((v) => v.type === 'detention' && v.who === 'Olga Petrova').length).toBeGreaterThanOrEqual(1);
  });
});

describe('subjects of their own and what laws provide', () => {
  it('gives "when dozens of islanders were detained" to nobody, but keeps a coordinated name', () => {
    const text = 'Pavel Ivanov has been held in Black Beach without trial since August 2024, when dozens of islanders were detained. Olga Petrova and two colleagues were detained in May.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'detention', 'Pavel Ivanov');
    expect(events.some((v) => v.type === 'arrest' && v.who === 'Pavel Ivanov')).toBe(false);
    only(events, 'arrest', 'Olga Petrova');
  });

  it('reads "Egyptian law caps pre-trial detention at two years" as nobody’s detention', () => {
    const events = eventsOf(buildInput('Pavel Ivanov was detained in 2023. Egyptian law caps pre-trial detention at two years.', [IVANOV]));
    expect(events.filter((v) => v.type === 'detention').length).toBe(0);
  });

  it('gives a trailing "she said" to the woman who last spoke, not to the man the report is about', () => {
    // Names whose gender nothing tells: only the attribution can say who "she" is.
    const text = 'Celestino Ondo was taken from his home, his wife, Remedios Ayingono, told reporters. Police searched the flat, she said. She was questioned the next day.';
    const people: EntitySpec[] = [{ name: 'Celestino Ondo', type: 'person' }, { name: 'Remedios Ayingono', type: 'person' }];
    const events = eventsOf(buildInput(text, people));
    only(events, 'interrogation', 'Remedios Ayingono');
  });
});

describe('counted groups, terms without "sentence" and described people in a list', () => {
  const six: EntitySpec[] = ['Leyla Mammadli', 'Sevinj Aliyeva', 'Tural Garayev', 'Aynur Jafarova', 'Elnur Rzayev', 'Kamran Ismayilzade'].map((name) => ({ name, type: 'person' }));

  it('sentences people described by their roles in a list, terms "received" or "jailed for seven and a half years", and "All six" takes up all of them', () => {
    const text =
      "The court sentenced Gozgu Media's director, Leyla Mammadli, and its editor-in-chief, Sevinj Aliyeva, to nine years in prison. " +
      'Reporters Tural Garayev and Aynur Jafarova received eight years each, while cameraman Elnur Rzayev and project coordinator Kamran Ismayilzade were jailed for seven and a half years. ' +
      'All six were arrested in November 2023.';
    const events = eventsOf(buildInput(text, six));
    for (const { name } of six) {
      only(events, 'sentence', name);
      only(events, 'arrest', name);
    }
  });

  it('leaves "the two" alone when the last two people named are not a pair told together', () => {
    const text = 'Pavel Ivanov was convicted in May. His lawyer spoke. The judge left. Olga Petrova wrote about it. The law under which the two were convicted is vague.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.some((v) => v.type === 'sentence' && v.who === 'Olga Petrova')).toBe(false);
  });
});

describe('events taken up again', () => {
  it('reads "The arrest is the latest in a long campaign" as no new arrest, but "The trial opened" as the trial', () => {
    const text = 'Pavel Ivanov was detained on Monday. His lawyer, Olga Petrova, spoke to reporters. The arrest is the latest in a long campaign. The trial opened on 2 September.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.some((v) => v.type === 'arrest' && v.who === 'Olga Petrova')).toBe(false);
    expect(events.filter((v) => v.type === 'trial').length).toBe(1);
  });
});

describe('companions, relatives by possessive name and appeals in a list', () => {
  const KANTE: EntitySpec = { name: 'Alpha Kanté', type: 'person', aliases: ['Kanté'] };
  const WIFE: EntitySpec = { name: 'Fatoumata Binta Kanté', type: 'person' };
  const TOURE: EntitySpec = { name: 'Mohamed Lamine Touré', type: 'person' };

  it('gives "arrested with them, the musician X" to X alone, and "arrested Kanté’s wife, Y" to Y', () => {
    const text =
      'Alpha Kanté and Pavel Ivanov were seized in July. A third man arrested with them, the musician Mohamed Lamine Touré, was released the next day. ' +
      'In June gendarmes arrested Kanté’s wife, Fatoumata Binta Kanté, at a sit-in.';
    const events = eventsOf(buildInput(text, [KANTE, IVANOV, TOURE, WIFE]));
    only(events, 'arrest', 'Mohamed Lamine Touré');
    only(events, 'release', 'Mohamed Lamine Touré');
    expect(events.some((v) => v.type === 'release' && v.who === 'Alpha Kanté')).toBe(false);
    only(events, 'arrest', 'Fatoumata Binta Kanté');
    expect(events.filter((v) => v.type === 'arrest' && v.who === 'Alpha Kanté').length).toBe(1);
  });

  it('reads a later infinitive of an appeal ("calls on … to disclose …, to release them") as no release', () => {
    const text = 'Alpha Kanté and Pavel Ivanov are missing. The group calls on the authorities to disclose the whereabouts of Alpha Kanté and Pavel Ivanov, to release them if they are held, and to end the abuse.';
    const events = eventsOf(buildInput(text, [KANTE, IVANOV]));
    expect(events.some((v) => v.type === 'release' && v.modality === 'asserted')).toBe(false);
  });
});

describe('relative clauses, police stations and detention centres as places', () => {
  const WOMEN: EntitySpec[] = ['Saule Nurbekova', 'Gulnara Sadykova', 'Raushan Abenova'].map((name) => ({ name, type: 'person' }));

  it('gives "whose sons were convicted" to nobody and "were taken to a police station" after it to the women', () => {
    const text = 'Saule Nurbekova, 56, Gulnara Sadykova, 49, and Raushan Abenova, 61, whose sons were convicted over the unrest, were taken to a police station on Sunday.';
    const events = eventsOf(buildInput(text, WOMEN));
    expect(events.some((v) => v.type === 'sentence')).toBe(false);
    for (const { name } of WOMEN) only(events, 'arrest', name);
  });

  it('reads "10 days of administrative arrest" as custody, and a beating "in the pre-trial detention centre" as no detention', () => {
    const text = 'A court sentenced Gulnara Sadykova to 10 days of administrative arrest. Investigators beat Pavel Ivanov in the Almaty pre-trial detention centre.';
    const events = eventsOf(buildInput(text, [...WOMEN, IVANOV]));
    only(events, 'detention', 'Gulnara Sadykova');
    only(events, 'assault', 'Pavel Ivanov');
    expect(events.some((v) => (v.type === 'detention' || v.type === 'arrest') && v.who === 'Pavel Ivanov')).toBe(false);
  });
});

describe('a list across an age, a role of an organization and a relative', () => {
  it('arrests both in "X, 52, president of the Y Water Board, and his nephew Z, 24," and takes them up as "both men" and "their"', () => {
    const people: EntitySpec[] = [{ name: 'Luis Alfonso Chicaiza', type: 'person' }, { name: 'Segundo Chicaiza', type: 'person' }, { name: 'Yanayacu Water Board', type: 'organization' }];
    const text =
      'Luis Alfonso Chicaiza, 52, president of the Yanayacu Water Board, and his nephew Segundo Chicaiza, 24, were arrested on 9 March. ' +
      'On 11 March prosecutors charged both men with terrorism, and a judge ordered their pre-trial detention.';
    const events = eventsOf(buildInput(text, people));
    for (const name of ['Luis Alfonso Chicaiza', 'Segundo Chicaiza']) {
      only(events, 'arrest', name);
      only(events, 'charge', name);
      only(events, 'detention', name);
    }
  });
});

describe('terms, custody and arrests in other words', () => {
  it('reads "was given 15 years by a court", "received six years in absentia", "spent eleven months … without trial" and "taken away by police"', () => {
    const text =
      'Pavel Ivanov was given 15 years by the same kind of court. Olga Petrova received six years in absentia. ' +
      'Earlier Ivanov spent eleven months in the Blue House without trial. Petrova was taken away by police in March.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'sentence', 'Pavel Ivanov');
    only(events, 'sentence', 'Olga Petrova');
    only(events, 'detention', 'Pavel Ivanov');
    only(events, 'arrest', 'Olga Petrova');
  });
});

describe('organizations closed, months and being watched', () => {
  const SYNDICATE: EntitySpec = { name: "Jordan Teachers' Syndicate", type: 'organization' };
  const EU: EntitySpec = { name: 'European Union', type: 'organization' };

  it('bans an organization a court dissolved, but not "suspended talks on joining the European Union" or "the dissolved Syndicate"', () => {
    const text =
      "A court in Amman dissolved the Jordan Teachers' Syndicate in 2020. The government suspended talks on joining the European Union. " +
      "Pavel Ivanov, a former head of the dissolved Jordan Teachers' Syndicate, spoke.";
    const events = eventsOf(buildInput(text, [SYNDICATE, EU, IVANOV]));
    only(events, 'ban', "Jordan Teachers' Syndicate");
    expect(events.some((v) => v.who === 'European Union')).toBe(false);
  });

  it('reads "In May police arrested" as a fact and "may arrest" as a possibility', () => {
    const events = eventsOf(buildInput('In May police arrested Pavel Ivanov. Police may arrest Olga Petrova.', [IVANOV, PETROVA]));
    expect(events.find((v) => v.who === 'Pavel Ivanov')?.modality).toBe('asserted');
    expect(events.find((v) => v.who === 'Olga Petrova')?.modality).toBe('hypothetical');
  });

  it('reads "was followed for two weeks" and "was told that she would be next" as threats', () => {
    const events = eventsOf(buildInput('Pavel Ivanov was followed for two weeks in August. Olga Petrova said she was told that she would be next.', [IVANOV, PETROVA]));
    only(events, 'threat', 'Pavel Ivanov');
    only(events, 'threat', 'Olga Petrova');
  });
});

describe('nominals that take up or count, songs and trial courts', () => {
  it('adds no arrest for "said the arrests were lawful" or "at least 40 arrests", no release for a song, no trial for a trial court', () => {
    const text =
      'Pavel Ivanov was detained on 9 March. The ministry said the arrests were lawful. Since January the group has recorded at least 40 arrests of defenders. ' +
      'Olga Petrova released a song in May. A regional trial court in Bacolod ordered the case moved.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    expect(events.filter((v) => v.type === 'arrest').map((v) => v.who)).toEqual(['Pavel Ivanov']);
    expect(events.some((v) => v.type === 'release' || v.type === 'trial')).toBe(false);
  });
});

describe('custody and conditions in other words', () => {
  it('reads remand "in the agency’s custody", "held me there for four days", reporting to a court each week and an undertaking not to leave', () => {
    const text =
      'A magistrate remanded Pavel Ivanov in the agency’s custody for 14 days. "They held me there for four days," Olga Petrova said. ' +
      'Ivanov must report to a police station each week. Petrova was made to sign an undertaking not to leave the city.';
    const events = eventsOf(buildInput(text, [IVANOV, PETROVA]));
    only(events, 'detention', 'Pavel Ivanov');
    only(events, 'restriction', 'Pavel Ivanov');
    only(events, 'detention', 'Olga Petrova');
    only(events, 'restriction', 'Olga Petrova');
  });
});
