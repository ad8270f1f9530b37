import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { docFromText, toDoc } from '../pipeline/doc.js';
import { parseArticle } from '../pipeline/structure.js';
import { figureStage } from '../pipeline/extract/figures.js';
import { timexStage } from '../pipeline/extract/timexes.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import type { Doc, FigureHit } from '../pipeline/types.js';
import { SEED } from './helpers.js';

function figuresOf(doc: Doc): FigureHit[] {
  const prior = { ...emptyAnnotations(), ...timexStage.run(doc, emptyAnnotations()) };
  return figureStage.run(doc, prior).figures;
}

interface Case {
  text: string;
  /** The figure's span text (its first occurrence in `text` is the expected position). */
  span: string;
  kind: FigureHit['kind'];
  value: number;
  valueMax?: number | null;
  unit?: string | null;
  qualifier?: FigureHit['qualifier'];
  object?: string | null;
  asOf?: string | null;
}

const CASES: Case[] = [
  // money
  { text: 'Putin ratified an agreement cancelling its $11 billion debt to the Soviet Union.', span: '$11 billion', kind: 'money', value: 11e9, unit: 'USD', object: 'debt' },
  { text: 'The club paid €3.5m for the striker.', span: '€3.5m', kind: 'money', value: 3.5e6, unit: 'EUR' },
  { text: 'The state spent 11 billion rubles on the bridge.', span: '11 billion rubles', kind: 'money', value: 11e9, unit: 'RUB' },
  { text: 'He was fined £200,000 by the regulator.', span: '£200,000', kind: 'money', value: 200000, unit: 'GBP' },
  { text: 'Profits reached US$5bn last year.', span: 'US$5bn', kind: 'money', value: 5e9, unit: 'USD' },
  { text: 'The deal is worth HK$3 million.', span: 'HK$3 million', kind: 'money', value: 3e6, unit: 'HKD' },
  { text: 'Tickets cost 50 cents each.', span: '50 cents', kind: 'money', value: 0.5, unit: 'USD' },
  { text: 'The fund holds 2.5 trillion yen in bonds.', span: '2.5 trillion yen', kind: 'money', value: 2.5e12, unit: 'JPY' },
  { text: 'Analysts expect between $3bn and $5bn in new orders.', span: 'between $3bn and $5bn', kind: 'money', value: 3e9, valueMax: 5e9, unit: 'USD' },
  { text: 'The bid was worth about $3-5bn.', span: 'about $3-5bn', kind: 'money', value: 3e9, valueMax: 5e9, unit: 'USD', qualifier: 'approx' },
  { text: 'Profit fell to 37 million French francs.', span: '37 million French francs', kind: 'money', value: 37e6, unit: 'FRF' },
  { text: 'The case has cost me over half a million dollars.', span: 'over half a million dollars', kind: 'money', value: 5e5, unit: 'USD', qualifier: 'more_than' },
  { text: 'Shares closed up four pence at 274.5 pence.', span: '274.5 pence', kind: 'money', value: 2.745, unit: 'GBP' },
  { text: 'Shares in Wembley closed at 797p by mid-morning.', span: '797p', kind: 'money', value: 7.97, unit: 'GBP' },
  // counts
  { text: 'Pyongyang fired four ballistic missiles toward the Sea of Japan.', span: 'four', kind: 'count', value: 4, object: 'ballistic missiles' },
  { text: 'According to the ministry, in 2015, more than 47,000 North Koreans were working in Russia.', span: 'more than 47,000', kind: 'count', value: 47000, qualifier: 'more_than', object: 'North Koreans working in Russia', asOf: '2015' },
  { text: 'Police arrested a dozen protesters on Friday.', span: 'a dozen', kind: 'count', value: 12, object: 'protesters' },
  { text: 'Between 3 and 5 people were injured.', span: 'Between 3 and 5', kind: 'count', value: 3, valueMax: 5, object: 'people' },
  { text: 'The firm employs nearly 2,000 staff.', span: 'nearly 2,000', kind: 'count', value: 2000, qualifier: 'approx', object: 'staff' },
  { text: 'At least 30 soldiers died in the attack.', span: 'At least 30', kind: 'count', value: 30, qualifier: 'at_least', object: 'soldiers' },
  { text: 'Fewer than 100 homes still lack power.', span: 'Fewer than 100', kind: 'count', value: 100, qualifier: 'less_than', object: 'homes' },
  { text: 'The company will cut up to 30,000 jobs.', span: 'up to 30,000', kind: 'count', value: 30000, qualifier: 'up_to', object: 'jobs' },
  { text: 'Some 20-odd boats were seen offshore.', span: 'Some 20-odd', kind: 'count', value: 20, qualifier: 'approx', object: 'boats' },
  { text: 'The country has 2 million registered voters.', span: '2 million', kind: 'count', value: 2e6, object: 'registered voters' },
  { text: 'Seven people were killed in the blast.', span: 'Seven', kind: 'count', value: 7, object: 'people' },
  { text: 'The city has two and a half million residents.', span: 'two and a half million', kind: 'count', value: 2.5e6, object: 'residents' },
  { text: 'They sold 3 dozen eggs.', span: '3 dozen', kind: 'count', value: 36, object: 'eggs' },
  // percents
  { text: 'Unemployment rose 12 percent last year.', span: '12 percent', kind: 'percent', value: 12, unit: 'percent' },
  { text: 'The party won 12% of the vote.', span: '12%', kind: 'percent', value: 12, unit: 'percent', object: 'the vote' },
  { text: 'Rates were cut by 0.25 percentage points.', span: '0.25 percentage points', kind: 'percent', value: 0.25, unit: 'percentage point' },
  { text: 'Inflation stood at 5.5 per cent in May.', span: '5.5 per cent', kind: 'percent', value: 5.5, unit: 'percent' },
  // fractions
  { text: 'The government seizes up to half of their income.', span: 'up to half', kind: 'fraction', value: 0.5, qualifier: 'up_to', object: 'their income' },
  { text: 'Two-thirds of the members voted against it.', span: 'Two-thirds', kind: 'fraction', value: 0.666666666667, object: 'the members' },
  { text: 'A quarter of the budget goes to defence.', span: 'A quarter', kind: 'fraction', value: 0.25, object: 'the budget' },
  { text: 'One in five homes has no internet access.', span: 'One in five', kind: 'fraction', value: 0.2, object: 'homes' },
  { text: 'More than a third of the UK\'s private housing stock is old.', span: 'More than a third', kind: 'fraction', value: 0.333333333333, qualifier: 'more_than', object: 'the UK\'s private housing stock' },
  { text: 'Two Chinese state-run banks failed.', span: 'Two', kind: 'count', value: 2, object: 'Chinese state-run banks' },
  // durations
  { text: 'They work on gruelling 10-year contracts.', span: '10-year', kind: 'duration', value: 10, unit: 'year', object: 'contracts' },
  { text: 'He was sentenced to 15 years in prison.', span: '15 years', kind: 'duration', value: 15, unit: 'year' },
  { text: 'He served two and a half years in prison.', span: 'two and a half years', kind: 'duration', value: 2.5, unit: 'year' },
  { text: 'The talks lasted three hours.', span: 'three hours', kind: 'duration', value: 3, unit: 'hour' },
  { text: 'Adults aged 18 or over were polled.', span: '18 or over', kind: 'duration', value: 18, unit: 'year', qualifier: 'at_least' },
  { text: 'Jobs were up 23,600 to 27,700 last year.', span: '27,700', kind: 'count', value: 27700 },
  { text: 'Profits rose from 5% to 7% in May.', span: '5%', kind: 'percent', value: 5, unit: 'percent' },
  // measures
  { text: 'The pipeline runs 300 km under the sea.', span: '300 km', kind: 'measure', value: 300, unit: 'kilometer' },
  { text: 'Troops advanced 5 miles overnight.', span: '5 miles', kind: 'measure', value: 5, unit: 'mile' },
  { text: 'The ship carried 3,000 tonnes of grain.', span: '3,000 tonnes', kind: 'measure', value: 3000, unit: 'ton', object: 'grain' },
  { text: 'Output fell to 4m barrels a day.', span: '4m barrels a day', kind: 'measure', value: 4e6, unit: 'barrel per day' },
  { text: 'Temperatures hit 40 degrees Celsius on Monday.', span: '40 degrees Celsius', kind: 'measure', value: 40, unit: 'degree celsius' },
  { text: 'The plant will generate 500 megawatts of power.', span: '500 megawatts', kind: 'measure', value: 500, unit: 'megawatt', object: 'power' },
  { text: 'Temperatures fell to -5°C overnight.', span: '-5°C', kind: 'measure', value: -5, unit: 'degree celsius' },
  { text: 'The track is a 1/4 mile paved oval.', span: '1/4 mile', kind: 'measure', value: 0.25, unit: 'mile' },
  { text: 'A quarter of a million students joined.', span: 'A quarter of a million', kind: 'count', value: 250000, object: 'students' },
  { text: 'Rates rose to between 20% and 30% last year.', span: 'between 20% and 30%', kind: 'percent', value: 20, valueMax: 30, unit: 'percent' },
  // ranks
  { text: 'Japan is the third-largest economy in the world.', span: 'third-largest', kind: 'rank', value: 3, object: 'economy' },
  { text: 'The team finished second in the league.', span: 'second', kind: 'rank', value: 2 },
  { text: 'It is the world\'s 2nd biggest oil producer.', span: '2nd biggest', kind: 'rank', value: 2, object: 'oil producer' },
];

describe('figures: table-driven cases', () => {
  it.each(CASES)('$span in "$text"', (c) => {
    const doc = docFromText(c.text, '2017-03-07');
    const figs = figuresOf(doc);
    const start = c.text.indexOf(c.span);
    expect(start).toBeGreaterThanOrEqual(0);
    const f = figs.find((x) => x.start === start && x.end === start + c.span.length);
    expect(f, `figures: ${JSON.stringify(figs.map((x) => c.text.slice(x.start, x.end)))}`).toBeDefined();
    expect(c.text.slice(f!.start, f!.end)).toBe(c.span);
    expect(f!.kind).toBe(c.kind);
    expect(f!.value).toBeCloseTo(c.value, 6);
    if (c.valueMax !== undefined) expect(f!.valueMax).toBe(c.valueMax);
    else expect(f!.valueMax).toBeNull();
    if (c.unit !== undefined) expect(f!.unit).toBe(c.unit);
    expect(f!.qualifier).toBe(c.qualifier ?? 'exact');
    if (c.object !== undefined) expect(f!.object).toBe(c.object);
    if (c.asOf !== undefined) expect(f!.asOf).toBe(c.asOf);
    expect(f!.rule).toMatch(/\w/);
  });
});

describe('figures: the seed article', () => {
  const doc = toDoc('seed', parseArticle(readFileSync(SEED, 'utf8')));
  const figs = figuresOf(doc);
  const at = (s: string) => figs.find((f) => doc.text.slice(f.start, f.end).includes(s));

  it('finds every listed figure with the right value', () => {
    expect(at('$11 billion')).toMatchObject({ kind: 'money', value: 11e9, unit: 'USD' });
    expect(at('four')).toMatchObject({ kind: 'count', value: 4, object: 'ballistic missiles' });
    expect(at('47,000')).toMatchObject({ kind: 'count', value: 47000, qualifier: 'more_than', asOf: '2015' });
    expect(at('47,000')!.object).toMatch(/^North Koreans/);
    expect(at('half')).toMatchObject({ kind: 'fraction', value: 0.5, qualifier: 'up_to', object: 'their income' });
    expect(at('10-year')).toMatchObject({ kind: 'duration', value: 10, unit: 'year', object: 'contracts' });
  });

  it('takes no date, year or name for a figure', () => {
    for (const f of figs) expect(doc.text.slice(f.start, f.end)).not.toMatch(/^(March|May|2014|2015|2017|7|6|5)$/);
    expect(figs.length).toBeLessThanOrEqual(7);
  });
});
