import { describe, expect, it } from 'vitest';
import type { Token } from '../segment.js';
import { segment } from '../segment.js';
import { recognizeEntities } from './index.js';
import type { Mention, MentionType } from './mentions.js';
import { joinAdjacentPeople, repairMentions, retypeNameParts } from './repair.js';

/** One sentence's tokens and the mentions given as [first word, last word, type] by token text. */
function setup(text: string, spans: [string, string, MentionType][]): { tokens: Token[]; mentions: Mention[] } {
  const tokens = segment(text).sentences.flatMap((s) => s.tokens);
  const mentions = spans.map(([from, to, type]) => {
    const i = tokens.findIndex((t) => t.text === from);
    const j = tokens.findIndex((t, k) => k >= i && t.text === to);
    const toks = tokens.slice(i, j + 1);
    const start = toks[0]?.start ?? 0;
    const end = toks[toks.length - 1]?.end ?? 0;
    return { start, end, text: text.slice(start, end), type, tokens: toks };
  });
  return { tokens, mentions };
}

const names = (ms: Mention[]): string[] => ms.map((m) => `${m.type}:${m.text}`);

describe('repairing tagged spans', () => {
  it('carries an institution over "of", "for" and "on" to the end of its name', () => {
    const text = 'She works for the National Commission on Human Rights in Jakarta.';
    const { tokens, mentions } = setup(text, [['National', 'Commission', 'organization'], ['Human', 'Rights', 'organization'], ['Jakarta', 'Jakarta', 'place']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['organization:National Commission on Human Rights', 'place:Jakarta']);
  });

  it('leaves a place or a day after an institution apart', () => {
    for (const [text, second, type] of [
      ['The Supreme Court of Kazakhstan ruled.', 'Kazakhstan', 'place'],
      ['The Supreme Court on Monday ruled.', 'Monday', 'misc'],
    ] as const) {
      const { tokens, mentions } = setup(text, [['Supreme', 'Court', 'organization'], [second, second, type]]);
      expect(names(repairMentions(text, [tokens], mentions))[0]).toBe('organization:Supreme Court');
    }
  });

  it('joins "X and" and a plural possessor to the institution they begin', () => {
    const text = 'Agents of the Security and Intelligence Service met the Burundian Journalists’ Union today.';
    const { tokens, mentions } = setup(text, [['Intelligence', 'Service', 'organization'], ['Burundian', 'Journalists', 'organization'], ['Union', 'Union', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual([
      'organization:Security and Intelligence Service',
      'organization:Burundian Journalists’ Union',
    ]);
  });

  it('keeps a country before its own institution apart', () => {
    const text = 'He appealed to Russia’s Supreme Court in May.';
    const { tokens, mentions } = setup(text, [['Russia', 'Russia', 'place'], ['Supreme', 'Court', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['place:Russia', 'organization:Supreme Court']);
  });

  it('splits a person from the institution named after "of the"', () => {
    const text = 'said Ainur Sarsenova of the Kazakhstan International Bureau yesterday.';
    const { tokens, mentions } = setup(text, [['Ainur', 'Bureau', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Ainur Sarsenova', 'organization:Kazakhstan International Bureau']);
  });

  it('joins a given name to a surname split off at its particle', () => {
    const text = 'The court jailed Hamad al-Suwaidi for ten years.';
    const { tokens, mentions } = setup(text, [['Hamad', 'Hamad', 'person'], ['al', 'Suwaidi', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Hamad al-Suwaidi']);
  });

  it('makes a name after an occupation or before an age a person, and one that begins with "Radio" an organization', () => {
    const text = 'The court sentenced radio reporter Floriane Niyonzima, who worked for Radio Inanga.';
    const { tokens, mentions } = setup(text, [['Floriane', 'Niyonzima', 'organization'], ['Radio', 'Inanga', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Floriane Niyonzima', 'organization:Radio Inanga']);
    const aged = 'Niyonzima, 31, covered economics.';
    const second = setup(aged, [['Niyonzima', 'Niyonzima', 'organization']]);
    expect(names(repairMentions(aged, [second.tokens], second.mentions))).toEqual(['person:Niyonzima']);
  });
});

describe('the whole entity stage', () => {
  it('makes a lone given name the one person it begins, and a bracket ends a name', () => {
    const text =
      'Security agents detained Daniyar Abdrakhmanov and Aizhan Bekova in Shymkent. "Daniyar did nothing," a neighbour said.\n\n' +
      'The Kazakh Journalists Union (KJU) said it was worried.';
    const entities = recognizeEntities(segment(text));
    const daniyar = entities.find((e) => e.name === 'Daniyar Abdrakhmanov');
    expect(daniyar?.mentions.map((m) => m.text)).toEqual(['Daniyar Abdrakhmanov', 'Daniyar']);
    expect(entities.some((e) => e.name === 'Daniyar')).toBe(false);
    expect(entities.every((e) => !e.name.includes('('))).toBe(true);
  });

  it('reads codes, constitutions and feasts as no entity', () => {
    const text = 'He was charged under the Criminal Code and the Federal Constitution after Easter, said Anna Petrova.';
    const entities = recognizeEntities(segment(text));
    expect(entities.map((e) => e.name)).toEqual(['Anna Petrova']);
  });
});

describe('institutions read as people', () => {
  it('makes "Security" after a title word the institution, with that word', () => {
    const text = 'Last month officers of Lebanon’s General Security raided the flat.';
    const { tokens, mentions } = setup(text, [['Lebanon', 'Lebanon', 'place'], ['Security', 'Security', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['place:Lebanon', 'organization:General Security']);
  });
});

describe('names that say what they are', () => {
  it('makes a name ending in "Media" an organization, and carries a plural possessor inside an institution’s name', () => {
    const text = 'Two reporters of the investigative outlet Tunuk Media met the Nile Centre for Detainees’ Rights yesterday.';
    const { tokens, mentions } = setup(text, [['Tunuk', 'Media', 'person'], ['Nile', 'Centre', 'organization'], ['Detainees', 'Detainees', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['organization:Tunuk Media', 'organization:Nile Centre for Detainees’ Rights']);
  });
});

describe('more span repairs', () => {
  it('splits two people tagged as one name at "and"', () => {
    const text = 'Police detained Zafar Shonazarov and Alibek Davlatmamadov in Moscow.';
    const { tokens, mentions } = setup(text, [['Zafar', 'Davlatmamadov', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Zafar Shonazarov', 'person:Alibek Davlatmamadov']);
  });

  it('joins a hyphenated surname cut at its hyphen', () => {
    const text = 'A court renewed the detention of Mona Abdel-Sattar on Sunday.';
    const { tokens, mentions } = setup(text, [['Mona', 'Abdel', 'person'], ['Sattar', 'Sattar', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Mona Abdel-Sattar']);
  });

  it('grows an institution over the capitalised words around its head', () => {
    const text = 'The Ethiopian Media Authority and the Central Asian Media Defence Network disagreed.';
    const { tokens, mentions } = setup(text, [['Authority', 'Authority', 'organization'], ['Central', 'Media', 'organization'], ['Network', 'Network', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual([
      'organization:Ethiopian Media Authority',
      'organization:Central Asian Media Defence Network',
    ]);
  });

  it('types a university tagged as a place, a Vietnamese name, and drops a month tagged as a place', () => {
    const text = 'In March Vu Thi Lan left Xinjiang University.';
    const { tokens, mentions } = setup(text, [['March', 'March', 'place'], ['Vu', 'Lan', 'organization'], ['Xinjiang', 'University', 'place']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Vu Thi Lan', 'organization:Xinjiang University']);
  });

  it('keeps the Soviet Union a place', () => {
    const text = 'He was born in the Soviet Union.';
    const { tokens, mentions } = setup(text, [['Soviet', 'Union', 'place']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['place:Soviet Union']);
  });
});

describe('hyphenated surnames tagged in part', () => {
  it('ends the name at the capitalised word glued by a hyphen', () => {
    const text = 'Abdel-Sattar, 34, was arrested at her home.';
    const { tokens, mentions } = setup(text, [['Abdel', 'Abdel', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Abdel-Sattar']);
  });
});

describe('names with letters beyond Latin-1', () => {
  it('recognizes a Serbian surname whole', () => {
    const text = 'His lawyer, Jelena Marković, says the case is a pretext. Marković said he applied for asylum.';
    const people = recognizeEntities(segment(text)).filter((e) => e.type === 'person');
    expect(people.map((e) => e.name)).toContain('Jelena Marković');
    expect(people.every((e) => !e.name.endsWith('Markovi'))).toBe(true);
  });
});

describe('names of people by what is done to them', () => {
  it('types a name after "ordered … jailed" or before "was arrested" as a person, not an outlet told something', () => {
    const text = 'The court ordered Levan Mchedlishvili jailed. Mkhabela was arrested. His lawyer told Sahel Wire on Tuesday.';
    const { tokens, mentions } = setup(text, [['Levan', 'Mchedlishvili', 'organization'], ['Mkhabela', 'Mkhabela', 'place'], ['Sahel', 'Wire', 'organization']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['person:Levan Mchedlishvili', 'person:Mkhabela', 'organization:Sahel Wire']);
  });

  it('leaves a word that describes the person before their name alone', () => {
    const text = 'A military court sentenced Anglophone journalist Emmanuel Ngwa.';
    const { tokens, mentions } = setup(text, [['Anglophone', 'Anglophone', 'organization'], ['Emmanuel', 'Ngwa', 'person']]);
    expect(names(repairMentions(text, [tokens], mentions))).toEqual(['organization:Anglophone', 'person:Emmanuel Ngwa']);
  });
});

describe('parts of a person’s name typed as something else', () => {
  /** A mention of tokens [from, to] of `tokens`. */
  const span = (text: string, tokens: Token[], from: number, to: number, type: MentionType): Mention => {
    const toks = tokens.slice(from, to + 1);
    const start = toks[0]?.start ?? 0;
    const end = toks[toks.length - 1]?.end ?? 0;
    return { start, end, text: text.slice(start, end), type, tokens: toks };
  };

  it('makes a family name or a shorter form of a person’s name in the document the person’s, but not a lone given name', () => {
    const text = 'Celestino Nsue Ondo was held. Ángel Nsue Ondo came. Nsue spoke. Ángel Nsue left. Rif Today reported on the Rif.';
    const { tokens } = setup(text, []);
    const at = (word: string, from = 0): number => tokens.findIndex((t, k) => k >= from && t.text === word);
    const mentions = [
      span(text, tokens, 0, 2, 'person'),
      span(text, tokens, at('Ángel'), at('Ángel') + 2, 'person'),
      span(text, tokens, at('spoke') - 1, at('spoke') - 1, 'organization'),
      span(text, tokens, at('left') - 2, at('left') - 1, 'organization'),
      span(text, tokens, at('Rif'), at('Rif') + 1, 'person'),
      span(text, tokens, at('Rif', at('Rif') + 1), at('Rif', at('Rif') + 1), 'place'),
    ];
    expect(retypeNameParts(mentions).map((m) => `${m.text}:${m.type}`)).toEqual([
      'Celestino Nsue Ondo:person',
      'Ángel Nsue Ondo:person',
      'Nsue:person',
      'Ángel Nsue:person',
      'Rif Today:person',
      'Rif:place',
    ]);
  });
});

describe('Arabic family names', () => {
  it('types a given name before an Al- family name as a person, and the family name alone after an arrest too', () => {
    const text = 'Authorities must release Ziad Al-Hawamdeh now. Officers arrested Al-Hawamdeh at home.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    const at = (from: number, n: number, type: MentionType): Mention => {
      const toks = tokens.slice(from, from + n);
      const start = toks[0]?.start ?? 0;
      const end = toks[toks.length - 1]?.end ?? 0;
      return { start, end, text: text.slice(start, end), type, tokens: toks };
    };
    const ziad = tokens.findIndex((t) => t.text === 'Ziad');
    const lone = tokens.findIndex((t, k) => k > ziad + 3 && t.text === 'Al');
    const fixed = repairMentions(text, [tokens], [at(ziad, 4, 'organization'), at(lone, 3, 'place')]);
    expect(names(fixed)).toEqual(['person:Ziad Al-Hawamdeh', 'person:Al-Hawamdeh']);
  });
});

describe('people spans side by side', () => {
  it('joins a person span and the surname added right after it, and leaves people apart when anything stands between', () => {
    const text = 'Men took Thierno Boubacar Sow and Ivanov, Petrov away.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    const at = (word: string, n: number): Mention => {
      const i = tokens.findIndex((t) => t.text === word);
      const toks = tokens.slice(i, i + n);
      const start = toks[0]?.start ?? 0;
      const end = toks[toks.length - 1]?.end ?? 0;
      return { start, end, text: text.slice(start, end), type: 'person', tokens: toks };
    };
    const joined = joinAdjacentPeople(text, [at('Sow', 1), at('Thierno', 2), at('Ivanov', 1), at('Petrov', 1)]);
    expect(joined.map((m) => m.text)).toEqual(['Thierno Boubacar Sow', 'Ivanov', 'Petrov']);
  });
});

describe('a name that opens a sentence', () => {
  it('recognizes "Bekzat Omarov, who …" left untagged or half tagged, and joins a first word to a tagged surname', () => {
    const text = 'Bekzat Omarov, who was filmed at the protests, fled.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    const omarov = tokens.findIndex((t) => t.text === 'Omarov');
    const misc: Mention = { start: tokens[omarov]?.start ?? 0, end: tokens[omarov]?.end ?? 0, text: 'Omarov', type: 'misc', tokens: tokens.slice(omarov, omarov + 1) };
    expect(names(repairMentions(text, [tokens], [misc]))).toEqual(['person:Bekzat Omarov']);
  });

  it('leaves a capitalised opening that nothing marks as a person alone', () => {
    const text = 'Human Rights groups said the trial was unfair.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    const trial = tokens.findIndex((t) => t.text === 'trial');
    const other: Mention = { start: tokens[trial]?.start ?? 0, end: tokens[trial]?.end ?? 0, text: 'trial', type: 'misc', tokens: tokens.slice(trial, trial + 1) };
    expect(names(repairMentions(text, [tokens], [other]))).toEqual(['misc:trial']);
  });
});

describe('Cantonese given names', () => {
  it('keeps the lower-case part after a hyphen in a person’s name, but not a modifier', () => {
    const text = 'Police questioned Kelvin Tsang Ka-fai and a Putin-led group.';
    const tokens = segment(text).sentences.flatMap((s) => s.tokens);
    const span = (word: string, n: number, type: MentionType): Mention => {
      const i = tokens.findIndex((t) => t.text === word);
      const toks = tokens.slice(i, i + n);
      return { start: toks[0]?.start ?? 0, end: toks[n - 1]?.end ?? 0, text: text.slice(toks[0]?.start ?? 0, toks[n - 1]?.end ?? 0), type, tokens: toks };
    };
    expect(names(repairMentions(text, [tokens], [span('Kelvin', 3, 'person'), span('Putin', 1, 'person')]))).toEqual(['person:Kelvin Tsang Ka-fai', 'person:Putin']);
  });
});
