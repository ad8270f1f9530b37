import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { findTimexes } from '../pipeline/extract/timexes.js';

// Published on Wednesday, 5 April 2000 (ISO week 14).
const PUB = '2000-04-05';

type Row = [text: string, span: string, type: string, value: string];

function check([text, span, type, value]: Row, published = PUB): void {
  const hits = findTimexes(docFromText(text, published));
  const start = text.indexOf(span);
  expect(start).toBeGreaterThanOrEqual(0);
  const h = hits.find((x) => x.start === start && x.end === start + span.length);
  expect(h, `${span} in ${JSON.stringify(hits.map((x) => text.slice(x.start, x.end)))}`).toBeDefined();
  expect(h!.type).toBe(type);
  expect(h!.value).toBe(value);
}

describe('weekdays and months take the tense of the verb governing them', () => {
  const rows: Row[] = [
    // the verb before the expression, in its own clause, governs
    ["''The father will leave at dawn (4 a.m. EDT Thursday),'' Castro said.", '4 a.m. EDT Thursday', 'TIME', '2000-04-06T04:00'],
    ['The president glossed over warnings from Moscow on Thursday that air strikes could do harm.', 'Thursday', 'DATE', '2000-03-30'],
    ['The astronaut will be named commander for a mission in December. She has been a pilot before.', 'December', 'DATE', '2000-12'],
    ['The airline will double its flights by August in the search for markets untouched by the crisis.', 'August', 'DATE', '2000-08'],
    // irregular past forms count as past
    ['The king met Monday with the envoy, who will fly home.', 'Monday', 'DATE', '2000-04-03'],
    // plans look ahead
    ['The team planned to leave Nairobi on Thursday for Dar es Salaam.', 'Thursday', 'DATE', '2000-04-06'],
    ['Protesters planned a large demonstration on Saturday and were planning to drive to the airport on Monday.', 'Monday', 'DATE', '2000-04-10'],
    // a deadline ahead, unless the clause is in the past perfect
    ['Officials postponed until Tuesday any action on the permit.', 'Tuesday', 'DATE', '2000-04-11'],
    ['Until Tuesday, they had not called him a suspect.', 'Tuesday', 'DATE', '2000-04-04'],
    ['The strike lasted until Monday.', 'Monday', 'DATE', '2000-04-03'],
    ['The court gave him until Friday to leave.', 'Friday', 'DATE', '2000-04-07'],
    ['The offer had been due to expire Friday evening.', 'Friday evening', 'TIME', '2000-03-31TEV'],
    // with no verb before it, the verb after it governs
    ['On Tuesday, the two governments conferred in Washington.', 'Tuesday', 'DATE', '2000-04-04'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('vague spans and parts of the day', () => {
  const rows: Row[] = [
    ['He spoke six weeks ago, saying at the time he was willing to withdraw.', 'the time', 'DATE', 'PAST_REF'],
    ["They will have to live without it for a while.", 'a while', 'DURATION', 'PXX'],
    ['Forces could stay in the region for some time.', 'some time', 'DURATION', 'PXX'],
    // the part of the day of the last date the story gave
    ['Shares fell on April 3. Dealers placed buy orders in the morning.', 'the morning', 'TIME', '2000-04-03TMO'],
    ['By mid-afternoon, officials were saying the offensive was over.', 'mid-afternoon', 'TIME', '2000-04-05TAF'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));

  const negatives: [string, string][] = [
    ['There were 12 members at the time of its founding.', 'the time'],
    ['He had time for a while to think, they said; it was the morning of the vote.', 'the morning'],
    ['It takes a long time to heal.', 'a long time'],
  ];
  it.each(negatives)('%s: no "%s"', (text, span) => {
    const hits = findTimexes(docFromText(text, PUB));
    expect(hits.map((h) => text.slice(h.start, h.end))).not.toContain(span);
  });
});

describe('tense cues that are easy to misread', () => {
  const rows: Row[] = [
    // a participle used as an adjective is no past tense
    ['The dividend would be paid on a still unspecified date in January.', 'January', 'DATE', '2001-01'],
    ['On Friday, when she set aside plans for the hastily planned trip, officials had been busy.', 'Friday', 'DATE', '2000-03-31'],
    // "effective" and "slated" point ahead
    ['The chairman retired, effective Jan. 1.', 'Jan. 1', 'DATE', '2001-01-01'],
    ['The minister said Tuesday a visit is slated for Friday.', 'Friday', 'DATE', '2000-04-07'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('the period a report compares with is the one it reports on, not a forecast', () => {
  const text = 'Profit fell 54% in the third quarter. Analysts say losses will continue into the fourth quarter and through the third quarter of 2001. In the year-ago period, it earned $5 million.';
  const rows: Row[] = [
    [text, 'the third quarter', 'DATE', '1999-Q3'],
    [text, 'the year-ago period', 'DATE', '1998-Q3'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('a season without "last/next" follows the tense', () => {
  const rows: Row[] = [
    ['Analysts say the sector is going to suffer in the spring.', 'the spring', 'DATE', '1998-SP'],
    ['Sales rose in the fall.', 'the fall', 'DATE', '1997-FA'],
    ['The vote is planned for early summer.', 'early summer', 'DATE', '1998-SU'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row, '1998-02-06'));
});

describe('adverbs before participles', () => {
  const rows: Row[] = [
    // an adverb does not make a verb an adjective
    ['The Cypriot government strongly condemned the bomb attacks Friday.', 'Friday', 'DATE', '2000-03-31'],
    // a plan made earlier for an event now past
    ['The offensive began as previously planned Saturday night.', 'Saturday night', 'TIME', '2000-04-01TNI'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('fractional durations keep the whole part', () => {
  const rows: Row[] = [
    ['The meeting lasted a minute and a half.', 'a minute and a half', 'DURATION', 'PT1M30S'],
    ['She served 2 1/2 years in prison.', '2 1/2 years', 'DURATION', 'P2Y6M'],
    ['The visit took 5 1/2 hours.', '5 1/2 hours', 'DURATION', 'PT5H30M'],
    ['They waited half an hour.', 'half an hour', 'DURATION', 'PT30M'],
    ['Talks lasted one and a half days.', 'one and a half days', 'DURATION', 'P1DT12H'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('present-tense scheduling verbs look ahead', () => {
  const rows: Row[] = [
    ['Talks resume Monday in Geneva.', 'Monday', 'DATE', '2000-04-10'],
    ['He and Arafat meet separately Monday with the secretary of state.', 'Monday', 'DATE', '2000-04-10'],
    ['The new rules take effect on Jan. 1.', 'Jan. 1', 'DATE', '2001-01-01'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
  it('an infinitive does not: the governing verb does', () => {
    check(['Shortages made it hard to meet demand well into the summer, the company said.', 'the summer', 'DATE', '1989-SU'], '1989-10-26');
  });
});

describe('bare plural units and the verb "last"', () => {
  const rows: Row[] = [
    ['Hours later, police arrested a suspect.', 'Hours', 'DURATION', 'PTXH'],
    ['Funds may have to sell bonds in the weeks ahead.', 'the weeks ahead', 'DURATION', 'PXW'],
    ['It ended a months-long strike.', 'months-long', 'DURATION', 'PXM'],
    ['The government fought a decades-long battle with exiles.', 'decades-long', 'DURATION', 'PXE'],
    ['The firm, which just months ago was failing, is healthy.', 'months ago', 'DATE', 'PAST_REF'],
    ['The trial began Monday and is expected to last six weeks.', 'six weeks', 'DURATION', 'P6W'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));

  const negatives: [string, string][] = [
    ['In the first days after the vote, markets fell.', 'days'],
    ['Eight trading days after the crash, the index recovered.', 'days'],
    ['It is a matter of days before he returns.', 'days'],
  ];
  it.each(negatives)('%s: no "%s"', (text, span) => {
    const hits = findTimexes(docFromText(text, PUB));
    expect(hits.map((h) => text.slice(h.start, h.end))).not.toContain(span);
  });
});

describe('a clock time alone takes the day the story has just named', () => {
  const text = 'The doctor was shot on Friday in his kitchen. He died at 10 p.m. at a hospital.';
  const rows: Row[] = [[text, '10 p.m.', 'TIME', '2000-03-31T22:00']];
  it.each(rows)('%s → "%s"', (...row) => check(row));
  it('and the publication day when no day was named nearby', () => {
    check(['The talks ended at 10 p.m. without a deal.', '10 p.m.', 'TIME', '2000-04-05T22:00']);
  });
});

describe('"the year" after for/of/in is the current year; "the year ended ..." a stretch', () => {
  const rows: Row[] = [
    ['For the year, pet food volume was flat.', 'the year', 'DATE', '2000'],
    ['The stock rose to a high for the year of $42 in June.', 'the year', 'DATE', '2000'],
    ['Revenue was $76 million for the year ended March 31.', 'the year', 'DURATION', 'P1Y'],
    ['Prices swung wildly over the year.', 'the year', 'DURATION', 'P1Y'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('"a" + unit is a rate only after a quantity, not after a preposition', () => {
  const rows: Row[] = [
    ['The club lost in the 2012-13 season after a decade-long run.', 'decade-long', 'DURATION', 'P1E'],
    ['The company earns $5 million a year.', 'a year', 'SET', 'P1Y'],
    ['The 2012-13 season ended after a year of losses.', 'a year', 'DURATION', 'P1Y'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
});

describe('weekday names inside titles', () => {
  const negatives: [string, string][] = [
    ['The Daily and Sunday Telegraph newspapers are axing 90 jobs.', 'Sunday'],
  ];
  it.each(negatives)('%s: no "%s"', (text, span) => {
    const hits = findTimexes(docFromText(text, PUB));
    expect(hits.map((h) => text.slice(h.start, h.end))).not.toContain(span);
  });
  it('a coordinated weekday is still a day', () => {
    check(['The G7 meets in London on Friday and Saturday.', 'Saturday', 'DATE', '2000-04-08']);
  });
});

describe('the headline sets the reference period but yields no hits', () => {
  it('"a year ago" in the lead compares with the headline\'s quarter', () => {
    const text = 'Net income rose to $5 million from $3 million a year ago.';
    const doc = { ...docFromText(text, '1989-11-02'), title: 'Travelers third-quarter net rose 11%' };
    const hits = findTimexes(doc);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.start, h.value])).toEqual([['a year ago', text.indexOf('a year ago'), '1988-Q3']]);
  });
});

describe('"last <month>"', () => {
  const rows: [string, string, string, string, string][] = [
    ['1998-03-01', 'Two helicopters crashed last February.', 'last February', 'DATE', '1997-02'],
    ['1998-03-20', 'The vote was held last December.', 'last December', 'DATE', '1997-12'],
    ['1998-10-20', 'The vote was held last June.', 'last June', 'DATE', '1998-06'],
  ];
  it.each(rows)('%s: %s → "%s"', (pub, ...row) => check(row, pub));
});

describe('a capitalised "This Week" mid-sentence is a programme title', () => {
  const negatives: [string, string][] = [
    ['Baker said on ABC-TV\'s "This Week With David Brinkley" that the talks failed.', 'This Week'],
  ];
  it.each(negatives)('%s: no "%s"', (text, span) => {
    const hits = findTimexes(docFromText(text, PUB));
    expect(hits.map((h) => text.slice(h.start, h.end))).not.toContain(span);
  });
  it('but a title-case headline keeps it', () => {
    check(['Talks Resume Next Week In Geneva', 'Next Week', 'DATE', '2000-W15']);
  });
});

describe('"this <weekday>" (published on Saturday 2000-04-08)', () => {
  const rows: Row[] = [
    ['The vote is this Friday.', 'this Friday', 'DATE', '2000-04-14'],
    ['The vote was held this Monday.', 'this Monday', 'DATE', '2000-04-03'],
    ['The race is this coming Sunday.', 'this coming Sunday', 'DATE', '2000-04-09'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row, '2000-04-08'));
});

describe('more forward cues: "ahead of", the present progressive, "is expected"', () => {
  const rows: Row[] = [
    ['Parties campaigned on the issue ahead of Sunday\'s election.', 'Sunday', 'DATE', '2000-04-09'],
    ['The government is holding a further meeting on Friday with retailers.', 'Friday', 'DATE', '2000-04-07'],
    ['A news briefing is expected on Thursday.', 'Thursday', 'DATE', '2000-04-06'],
  ];
  it.each(rows)('%s → "%s"', (...row) => check(row));
  it('an ongoing effort is no plan: "is continuing to try ... under a June agreement"', () => {
    check(['The bank is continuing to try to sell itself, under a June agreement with shareholders.', 'June', 'DATE', '1989-06'], '1989-10-27');
  });
});
