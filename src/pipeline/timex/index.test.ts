import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../segment.js';
import { tagTimexes } from './index.js';

/** `text → TYPE value [mod]` for each timex, checking offsets on the way. */
function tag(text: string, published: string | null = '2016-12-16'): string[] {
  return tagTimexes(segment(text), published).map((t) => {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    return `${t.text} → ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}`;
  });
}

describe('tagTimexes: explicit dates', () => {
  it('reads full dates in the usual news formats', () => {
    expect(tag('He was arrested on December 16, 2016 and freed on 16 Dec 2016.')).toEqual([
      'December 16, 2016 → DATE 2016-12-16',
      '16 Dec 2016 → DATE 2016-12-16',
    ]);
    expect(tag('The order is dated 2016-12-16.')).toEqual(['2016-12-16 → DATE 2016-12-16']);
    expect(tag('The decree of 03/11/2015 was annulled.')).toEqual(['03/11/2015 → DATE 2015-03-11']);
    expect(tag('The hearing took place on Monday, Nov. 14.')).toEqual(['Monday, Nov. 14 → DATE 2016-11-14']);
  });

  it('gives month-day dates the year of publication, leaning on tense', () => {
    expect(tag('Police detained him on Dec. 12.')).toEqual(['Dec. 12 → DATE 2016-12-12']);
    expect(tag('Police detained him on Dec. 20.')).toEqual(['Dec. 20 → DATE 2015-12-20']);
    expect(tag('The court will rule on January 12.')).toEqual(['January 12 → DATE 2017-01-12']);
    expect(tag('He was born on Feb. 29.', '2017-03-01')).toEqual(['Feb. 29 → DATE XXXX-02-29']);
  });

  it('reads months, years, decades and centuries', () => {
    expect(tag('In April and May, protests flared up.')).toEqual(['April → DATE 2016-04', 'May → DATE 2016-05']);
    expect(tag('The law was passed in April 2015, in 2010 and in the 1990s.')).toEqual([
      'April 2015 → DATE 2015-04',
      '2010 → DATE 2010',
      'the 1990s → DATE 199',
    ]);
    expect(tag('Elections will be held in March.')).toEqual(['March → DATE 2017-03']);
    expect(tag('Massacres took place in April and May 1994.')).toEqual(['April → DATE 1994-04', 'May 1994 → DATE 1994-05']);
    expect(tag('It dates from the early 1980s and the 19th century.')).toEqual([
      'the early 1980s → DATE 198 START',
      'the 19th century → DATE 18',
    ]);
  });

  it('splits year ranges into their ends and leaves the preposition out', () => {
    expect(tag('He spent two years in prison between 2010-2012.')).toEqual([
      'two years → DURATION P2Y',
      '2010 → DATE 2010',
      '2012 → DATE 2012',
    ]);
    expect(tag('It sits on the council for 2017-2018 and has lived in Kyiv since 2014.')).toEqual([
      '2017 → DATE 2017',
      '2018 → DATE 2018',
      '2014 → DATE 2014',
    ]);
    expect(tag('The 2012-13 season was his last.')).toEqual(['2012 → DATE 2012', '13 → DATE 2013']);
  });

  it('does not take counts, names or labels for dates', () => {
    expect(tag('About 2,000 people and 1500 troops came; Theresa May spoke to the Sunday Times.')).toEqual([]);
    expect(tag('Under Article 1993 of the code, the Arab Spring and the Winter Olympics are not dates.')).toEqual([]);
    expect(tag('Some 1500 soldiers came around 2010, about 2000 protesters later.')).toEqual(['2010 → DATE 2010']);
  });
});

describe('tagTimexes: expressions relative to publication', () => {
  it('resolves ago, last, next, this and the deictic days', () => {
    expect(tag('The revolution three years ago changed everything.')).toEqual(['three years ago → DATE 2013']);
    expect(tag('He was released last week and will travel next month.')).toEqual([
      'last week → DATE 2016-W49',
      'next month → DATE 2017-01',
    ]);
    expect(tag('He was questioned yesterday and charged today; the verdict is due tomorrow.')).toEqual([
      'yesterday → DATE 2016-12-15',
      'today → DATE 2016-12-16',
      'tomorrow → DATE 2016-12-17',
    ]);
    expect(tag('Prices rose this year and fell last year.')).toEqual(['this year → DATE 2016', 'last year → DATE 2015']);
    expect(tag('Several months ago he founded a party.')).toEqual(['Several months ago → DATE PAST_REF']);
  });

  it('marks the part of a period with a mod', () => {
    expect(tag('In the beginning of this year he was convicted.')).toEqual(['the beginning of this year → DATE 2016 START']);
    expect(tag('In early December, the magazine listed him.')).toEqual(['early December → DATE 2016-12 START']);
    expect(tag('The talks collapsed in mid-2015 and resumed late last year.')).toEqual([
      'mid-2015 → DATE 2015 MID',
      'late last year → DATE 2015 END',
    ]);
  });

  it('resolves seasons and quarters to the last one in past-tense reports', () => {
    expect(tag('They fled to Ukraine in the summer.')).toEqual(['the summer → DATE 2016-SU']);
    expect(tag('They fled to Ukraine in the summer.', '2016-03-01')).toEqual(['the summer → DATE 2015-SU']);
    expect(tag('Profits fell in the third quarter.', '2016-05-01')).toEqual(['the third quarter → DATE 2015-Q3']);
  });

  it('resolves weekdays backwards in past tense and forwards in future tense', () => {
    // 16 December 2016 is a Friday.
    expect(tag('He was arrested on Monday.')).toEqual(['Monday → DATE 2016-12-12']);
    expect(tag('He will appear in court on Monday.')).toEqual(['Monday → DATE 2016-12-19']);
    expect(tag('The trial resumes on Tuesday.')).toEqual(['Tuesday → DATE 2016-12-20']);
    expect(tag('Police said on Friday that the march was peaceful.')).toEqual(['Friday → DATE 2016-12-16']);
    expect(tag('Police raided the office on Wednesday night.')).toEqual(['Wednesday night → TIME 2016-12-14TNI']);
  });

  it('tags open references', () => {
    expect(tag('Until recently he lived alone, but he is now free and currently in Kyiv.')).toEqual([
      'recently → DATE PAST_REF',
      'now → DATE PRESENT_REF',
      'currently → DATE PRESENT_REF',
    ]);
    expect(tag('Such trials were common in the past.')).toEqual(['the past → DATE PAST_REF']);
  });

  it('anchors "the next day" and "two days later" on the story, not on publication', () => {
    expect(tag('The vote was held on October 28. Results came two days later and protests began the next day.')).toEqual([
      'October 28 → DATE 2016-10-28',
      'two days later → DATE 2016-10-30',
      'the next day → DATE 2016-10-31',
    ]);
  });

  it('reads "the quarter" and "the year-earlier period" against the quarter just named', () => {
    expect(tag('Fourth-quarter profit rose. It earned $4 million in the quarter, up from the year-earlier period.', '1998-02-27')).toEqual([
      'Fourth-quarter → DATE 1997-Q4',
      'the quarter → DATE 1997-Q4',
      'the year-earlier period → DATE 1996-Q4',
    ]);
  });

  it('puts deadlines ahead and a past "until" on the nearest side', () => {
    // 21 March 2013 is a Thursday.
    expect(tag('The government was racing to find the money before Monday.', '2013-03-21')).toEqual(['Monday → DATE 2013-03-25']);
    expect(tag('Banks will stay shut until Tuesday.', '2013-03-21')).toEqual(['Tuesday → DATE 2013-03-26']);
    expect(tag('The trial was adjourned until March 14.', '2022-01-07')).toEqual(['March 14 → DATE 2022-03-14']);
    expect(tag('They were not allowed to see him until February 3.', '2020-02-20')).toEqual(['February 3 → DATE 2020-02-03']);
  });

  it('keeps the month of the anchor in "a year earlier"', () => {
    expect(tag('Prices rose 2 percent in October from a year earlier.')).toEqual([
      'October → DATE 2016-10',
      'a year earlier → DATE 2015-10',
    ]);
  });
});

describe('tagTimexes: durations, sets and times', () => {
  it('reads durations as TIMEX3 periods', () => {
    expect(tag('He has been in power for 27 years.')).toEqual(['27 years → DURATION P27Y']);
    expect(tag('She was detained for 15 days and questioned for six hours.')).toEqual([
      '15 days → DURATION P15D',
      'six hours → DURATION PT6H',
    ]);
    expect(tag('He faces more than two years and a five-year ban after months of hearings.')).toEqual([
      'more than two years → DURATION P2Y MORE_THAN',
      'five-year → DURATION P5Y',
      'months → DURATION PXM',
    ]);
    expect(tag('Over the past decade and the next three years, the 35-year-old waited for years.')).toEqual([
      'the past decade → DURATION P1DE',
      'the next three years → DURATION P3Y',
      '35-year-old → DURATION P35Y',
      'years → DURATION PXY',
    ]);
  });

  it('reads frequencies as sets', () => {
    expect(tag('They met every week, twice a month, and on Mondays; reports are published weekly.')).toEqual([
      'every week → SET P1W',
      'twice a month → SET P1M',
      'Mondays → SET XXXX-WXX-1',
      'weekly → SET P1W',
    ]);
  });

  it('dates clock times by the day of their sentence', () => {
    expect(tag('The rally starts at 10 a.m.')).toEqual(['10 a.m. → TIME 2016-12-16T10:00']);
    expect(tag('Police arrived at 11:30 p.m. on Monday.')).toEqual([
      '11:30 p.m. → TIME 2016-12-12T23:30',
      'Monday → DATE 2016-12-12',
    ]);
    expect(tag('The curfew begins at midnight.')).toEqual(['midnight → TIME 2016-12-16T24:00']);
  });
});

describe('tagTimexes without a publication date', () => {
  it('keeps relative values unresolved and never reads a clock', () => {
    const text = 'In April he was arrested on Monday, three years ago; last week, yesterday and recently he spoke. ' +
      'He spent two years in prison after 2010. The rally starts at 10 a.m.';
    expect(tag(text, null)).toEqual([
      'April → DATE XXXX-04',
      'Monday → DATE XXXX-WXX-1',
      'three years ago → DATE XXXX',
      'last week → DATE XXXX-WXX',
      'yesterday → DATE XXXX-XX-XX',
      'recently → DATE PAST_REF',
      'two years → DURATION P2Y',
      '2010 → DATE 2010',
      '10 a.m. → TIME XXXX-XX-XXT10:00',
    ]);
  });
});

// The seed article lives in the shared corpus beside the repository, not in it.
const SEED = new URL('../../../../shared/corpus/000_bcfc9d10bd1be20d.txt', import.meta.url);

describe('tagTimexes on the seed article', () => {
  it.skipIf(!existsSync(SEED))('finds its dates with exact offsets and TempEval values', () => {
    const found = tag(readFileSync(SEED, 'utf8'), '2016-12-16');
    for (const expected of [
      'three years ago → DATE 2013',
      'early December → DATE 2016-12 START',
      '27 years → DURATION P27Y',
      '2017 → DATE 2017',
      '2018 → DATE 2018',
      'April → DATE 2016-04',
      'May → DATE 2016-05',
      '2014 → DATE 2014',
      'the summer → DATE 2016-SU',
      'the beginning of this year → DATE 2016 START',
      '15 days → DURATION P15D',
      'Several months ago → DATE PAST_REF',
      'the next three years → DURATION P3Y',
      'last week → DATE 2016-W49',
      'currently → DATE PRESENT_REF',
    ]) {
      expect(found).toContain(expected);
    }
  });
});
