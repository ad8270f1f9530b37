import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { timexStage, findTimexes } from '../pipeline/extract/timexes.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import type { TimexHit } from '../pipeline/types.js';

// Published on a Tuesday.
const PUBLISHED = '2017-03-07';

function run(text: string, published: string | null = PUBLISHED): TimexHit[] {
  return timexStage.run(docFromText(text, published), emptyAnnotations()).timexes;
}

/** The hit whose text is `span` (the first one when repeated). */
function hit(text: string, span: string, published: string | null = PUBLISHED): TimexHit {
  const hits = run(text, published);
  const h = hits.find((x) => text.slice(x.start, x.end) === span);
  if (!h) throw new Error(`no timex "${span}" in ${JSON.stringify(hits.map((x) => text.slice(x.start, x.end)))}`);
  return h;
}

type Row = [text: string, span: string, type: TimexHit['type'], value: string, dateStart: string | null, dateEnd: string | null, precision: TimexHit['precision']];

describe('timexes with a publication date (2017-03-07)', () => {
  const rows: Row[] = [
    ['Russia said on March 6 that it would respond.', 'March 6', 'DATE', '2017-03-06', '2017-03-06', '2017-03-06', 'day'],
    ['On May 5, 2014, the treaty was signed.', 'May 5, 2014', 'DATE', '2014-05-05', '2014-05-05', '2014-05-05', 'day'],
    ['Prices rose sharply in 2015.', '2015', 'DATE', '2015', '2015-01-01', '2015-12-31', 'year'],
    ['The deal was struck on 12 January 2016 in Geneva.', '12 January 2016', 'DATE', '2016-01-12', '2016-01-12', '2016-01-12', 'day'],
    ['Output fell in February 2016.', 'February 2016', 'DATE', '2016-02', '2016-02-01', '2016-02-29', 'month'],
    ['The talks collapsed last week.', 'last week', 'DATE', '2017-W09', '2017-02-27', '2017-03-05', 'day'],
    ['The minister arrived on Monday.', 'Monday', 'DATE', '2017-03-06', '2017-03-06', '2017-03-06', 'day'],
    ['The board will meet on Friday.', 'Friday', 'DATE', '2017-03-10', '2017-03-10', '2017-03-10', 'day'],
    ['He left the country two years ago.', 'two years ago', 'DATE', '2015', '2015-01-01', '2015-12-31', 'year'],
    ['The city grew fast in the 1990s.', 'the 1990s', 'DATE', '199', '1990-01-01', '1999-12-31', 'decade'],
    ['They signed a 10-year contract.', '10-year', 'DURATION', 'P10Y', null, null, 'unknown'],
    ['The strike lasted five years.', 'five years', 'DURATION', 'P5Y', null, null, 'unknown'],
    ['In the last twenty four hours the market fell.', 'the last twenty four hours', 'DURATION', 'P1D', null, null, 'unknown'],
    ['The talks took a half hour.', 'a half hour', 'DURATION', 'PT30M', null, null, 'unknown'],
    ['Sales fell for a half quarter.', 'a half quarter', 'DURATION', 'P1M15D', null, null, 'unknown'],
    ['A car is sold every 5.8 seconds.', 'every 5.8 seconds', 'SET', 'PT5.8S', null, null, 'unknown'],
    ['The results were published today.', 'today', 'DATE', '2017-03-07', '2017-03-07', '2017-03-07', 'day'],
    ['The shop closed yesterday.', 'yesterday', 'DATE', '2017-03-06', '2017-03-06', '2017-03-06', 'day'],
    ['Talks resume next month.', 'next month', 'DATE', '2017-04', '2017-04-01', '2017-04-30', 'month'],
    ['Sales have doubled earlier this year.', 'earlier this year', 'DATE', '2017', '2017-01-01', '2017-12-31', 'year'],
    ['The army is now on alert.', 'now', 'DATE', 'PRESENT_REF', null, null, 'unknown'],
    ['Such attacks happened in the past.', 'the past', 'DATE', 'PAST_REF', null, null, 'unknown'],
    ['The vote took place in summer 1998.', 'summer 1998', 'DATE', '1998-SU', '1998-06-01', '1998-08-31', 'month'],
    ['Profit rose in the third quarter of 2016.', 'the third quarter of 2016', 'DATE', '2016-Q3', '2016-07-01', '2016-09-30', 'month'],
    ['Profit fell in the fourth quarter.', 'the fourth quarter', 'DATE', '2016-Q4', '2016-10-01', '2016-12-31', 'month'],
    ['The explosion happened at 3 p.m. local time.', '3 p.m. local time', 'TIME', '2017-03-07T15:00', '2017-03-07', '2017-03-07', 'day'],
    ['Dividends are paid quarterly.', 'quarterly', 'SET', 'P1Q', null, null, 'unknown'],
    ['Inspectors visit every week.', 'every week', 'SET', 'P1W', null, null, 'unknown'],
    ['The ceasefire lasted for several months.', 'several months', 'DURATION', 'PXM', null, null, 'unknown'],
    ['Gunfire was heard on Saturday night.', 'Saturday night', 'TIME', '2017-03-04TNI', '2017-03-04', '2017-03-04', 'day'],
    ['The law dates from the 19th century.', 'the 19th century', 'DATE', '18', '1800-01-01', '1899-12-31', 'decade'],
    ['The plant will open in mid-2018.', 'mid-2018', 'DATE', '2018', '2018-01-01', '2018-12-31', 'year'],
    ['The offer expires on 2017-04-01.', '2017-04-01', 'DATE', '2017-04-01', '2017-04-01', '2017-04-01', 'day'],
    ['He was jailed last December.', 'last December', 'DATE', '2016-12', '2016-12-01', '2016-12-31', 'month'],
    ['Exports fell by a third in recent years.', 'recent years', 'DURATION', 'PXY', null, null, 'unknown'],
    ['The company earns $5 million a year.', 'a year', 'SET', 'P1Y', null, null, 'unknown'],
    ['We meet tomorrow at 5pm.', 'tomorrow at 5pm', 'TIME', '2017-03-08T17:00', '2017-03-08', '2017-03-08', 'day'],
    ['Trading closed at 1630 GMT.', '1630 GMT', 'TIME', '2017-03-07T16:30', '2017-03-07', '2017-03-07', 'day'],
    ['The train leaves at 15:30.', '15:30', 'TIME', '2017-03-07T15:30', '2017-03-07', '2017-03-07', 'day'],
    ['The polls will close at 10 p.m. Thursday.', '10 p.m. Thursday', 'TIME', '2017-03-09T22:00', '2017-03-09', '2017-03-09', 'day'],
    ['The summit opens next monday.', 'next monday', 'DATE', '2017-03-13', '2017-03-13', '2017-03-13', 'day'],
    ['The vote is on 5 May.', '5 May', 'DATE', '2017-05-05', '2017-05-05', '2017-05-05', 'day'],
    ['The 2011-12 season was a disaster.', '2011-12', 'DATE', '2011', '2011-01-01', '2012-12-31', 'year'],
    ['The deadline was 08/15/2016 for all.', '08/15/2016', 'DATE', '2016-08-15', '2016-08-15', '2016-08-15', 'day'],
    ['The deadline was 15.08.2016 for all.', '15.08.2016', 'DATE', '2016-08-15', '2016-08-15', '2016-08-15', 'day'],
    ['The vote was held on 3 march 2016.', '3 march 2016', 'DATE', '2016-03-03', '2016-03-03', '2016-03-03', 'day'],
  ];

  it.each(rows)('%s → "%s"', (text, span, type, value, dateStart, dateEnd, precision) => {
    const h = hit(text, span);
    expect(text.slice(h.start, h.end)).toBe(span);
    expect(h.start).toBe(text.indexOf(span));
    expect({ type: h.type, value: h.value, dateStart: h.dateStart, dateEnd: h.dateEnd, precision: h.precision })
      .toEqual({ type, value, dateStart, dateEnd, precision });
    expect(h.rule).toMatch(/^[a-z_]+$/);
  });
});

describe('spans follow TimeML: prepositions and noun-phrase determiners stay outside', () => {
  const rows: [string, string][] = [
    ['On May 5, 2014, the treaty was signed.', 'May 5, 2014'],
    ['Stocks hit a five year low.', 'five year'],
    ['Prices fell over the last three months.', 'the last three months'],
    ['The agency was in the gulf for about a decade.', 'about a decade'],
    ['Such attacks happened in the future.', 'the future'],
  ];
  it.each(rows)('%s → "%s"', (text, span) => {
    const hits = run(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([span]);
    expect(hits[0].start).toBe(text.indexOf(span));
  });
});

describe('relative expressions resolve against the publication date', () => {
  const rows: [published: string, text: string, span: string, value: string][] = [
    ['2017-03-07', 'The minister resigned on Friday.', 'Friday', '2017-03-03'],
    ['2017-03-10', 'The minister resigned on Friday.', 'Friday', '2017-03-10'],
    ['2017-03-07', 'During the hearing on Monday Mr Smith denied it.', 'Monday', '2017-03-06'],
    ['1998-01-08', 'It happened last year.', 'last year', '1997'],
    ['1998-01-08', 'It will happen next week.', 'next week', '1998-W03'],
    ['1989-10-26', 'Profit rose in the third quarter. A year earlier, it had fallen.', 'A year earlier', '1988-Q3'],
    ['1989-10-26', 'Net income fell in the quarter.', 'the quarter', '1989-Q3'],
    ['2000-01-15', 'The ruling came on Nov. 25.', 'Nov. 25', '1999-11-25'],
    ['1989-11-02', 'The loan is due on Jan. 2.', 'Jan. 2', '1990-01-02'],
    ['1998-03-22', 'Sales peaked this summer.', 'this summer', '1998-SU'],
    ['1999-04-10', 'He vanished last fall.', 'last fall', '1998-FA'],
    ['2000-01-07', 'They met on Thanksgiving.', 'Thanksgiving', '1999-11-25'],
    ['1998-10-26', 'Voters go to the polls on Election Day.', 'Election Day', '1998-11-03'],
    ['2016-03-01', 'The offensive began on Christmas Day.', 'Christmas Day', '2015-12-25'],
    ['2016-03-01', 'Talks will resume after Easter.', 'Easter', '2016-03-27'],
    ['1998-02-13', 'The war started in 1996. Peace came the following year.', 'the following year', '1997'],
    ['2017-03-07', 'The attack came on March 3. The next day, police arrested two men.', 'The next day', '2017-03-04'],
    ['2017-03-07', 'In January sales fell. The following month they rose.', 'The following month', '2017-02'],
  ];
  it.each(rows)('%s: %s → %s', (published, text, span, value) => {
    expect(hit(text, span, published).value).toBe(value);
  });
});

describe('without a publication date nothing is guessed from the clock', () => {
  const rows: [text: string, span: string, value: string][] = [
    ['Russia said on March 6 that it would respond.', 'March 6', 'XXXX-03-06'],
    ['The army is now on alert.', 'now', 'PRESENT_REF'],
    ['It happened last year.', 'last year', 'XXXX'],
    ['The shop closed yesterday.', 'yesterday', 'XXXX-XX-XX'],
    ['The talks collapsed last week.', 'last week', 'XXXX-WXX'],
    ['The minister arrived on Monday.', 'Monday', 'XXXX-XX-XX'],
    ['Profit fell in the fourth quarter.', 'the fourth quarter', 'XXXX-Q4'],
  ];
  it.each(rows)('%s → %s', (text, span, value) => {
    const h = hit(text, span, null);
    expect(h.value).toBe(value);
    expect(h.dateStart).toBeNull();
    expect(h.dateEnd).toBeNull();
    expect(h.precision).toBe('unknown');
  });

  it('absolute dates still resolve', () => {
    const h = hit('On May 5, 2014, the treaty was signed.', 'May 5, 2014', null);
    expect([h.value, h.dateStart, h.precision]).toEqual(['2014-05-05', '2014-05-05', 'day']);
  });
});

describe('the stage', () => {
  it('is deterministic and fills only timexes', () => {
    const text = 'Yesterday the ministry said exports fell 5% in 2016, the third straight year of decline.';
    const doc = docFromText(text, PUBLISHED);
    const a = timexStage.run(doc, emptyAnnotations());
    expect(Object.keys(a)).toEqual(['timexes']);
    expect(findTimexes(doc)).toEqual(a.timexes);
    expect(a.timexes.map((h) => [text.slice(h.start, h.end), h.value])).toEqual([['Yesterday', '2017-03-06'], ['2016', '2016']]);
  });

  it('returns hits in text order without overlaps', () => {
    const text = 'Between March 3 and March 5, 2017, and again last week, officials met every day.';
    const hits = run(text);
    for (let i = 1; i < hits.length; i++) expect(hits[i].start).toBeGreaterThanOrEqual(hits[i - 1].end);
  });
});
