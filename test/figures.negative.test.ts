import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { figureStage } from '../pipeline/extract/figures.js';
import { timexStage } from '../pipeline/extract/timexes.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';

// Numbers that are not quantitative claims: each sentence must yield no figure
// at all, or (when `not` is given) no figure whose text is one of those strings.
const NONE: string[] = [
  'The treaty was signed in 2015 and renewed in 1998.',
  'The talks began on March 7 and ended on 12 June.',
  'Trump took office on January 20, 2017.',
  'The ceasefire starts on March 7th at noon.',
  'The meeting starts at 10:30 and ends by 5 pm.',
  'Kim Jong-Un spoke to reporters.',
  'She is one of the most senior officials in the party.',
  'He is the one who signed the order.',
  'They blamed one another for the failure.',
  'No one was hurt in the incident.',
  'The prime minister returned to No. 10 after the vote.',
  'The G7 summit opened in Italy.',
  'The COVID-19 pandemic hit airlines hard.',
  'The air force flies F-16 jets.',
  'A Boeing 747 landed at the airport.',
  'Under Section 5 of the act, the minister must report.',
  'Call the hotline on 555-123-4567 for details.',
  'The 1990s were a time of change.',
  'John Smith, 45, was arrested at his home.',
  'Chelsea won 3-1 at Stamford Bridge.',
  'The 2004-05 season ended badly for the club.',
  'The server at 192.168.1.2 went down.',
  'He came to power three years ago.',
  'Over the past five years the town has changed.',
  'The two met in Moscow.',
  'The two leaders met in Moscow.',
  'She played the second half brilliantly.',
  'It was the first time the leaders had met.',
  'Windows 10 was released by Microsoft.',
  'They played 5G network tests.',
  'Puchon 3 1 0 6 1 10  Chonan 3 0 1 13 10 9  Pohang 2 1 1 11 10 7',
  'Tim Henman (Britain) beat Scott Draper (Australia) 6-7 (1-7) 6-3 6-4 6-4',
  'Pohang 3 Ulsan 2 (halftime 1-0)',
  'The post <tweet id="672139201337532417"> was deleted.',
  'Read the report at https://example.com/2015/report-30%25 now.',
  'The following is part 3 of the series.',
  'He stars in Six Feet Under on cable.',
  'The abacus dates from 190 A.D. at the latest.',
  'The album reached the top 10 in Britain.',
  'He lives at 10 Downing Street with his family.',
  'We are four times more crowded than France.',
  'It was a three-party race.',
  'On Monday, MPs voted 272-219 in favour of the Bill.',
  'The index predicts growth a quarter in advance.',
];

const NOT: Array<{ text: string; not: string[] }> = [
  { text: 'In 2015, more than 47,000 North Koreans were working in Russia.', not: ['2015', 'In 2015'] },
  { text: 'On May 5, 2014, Putin ratified an agreement cancelling its $11 billion debt.', not: ['5', '2014', 'May 5'] },
  { text: 'The rate rose to 7% on March 3, 2010.', not: ['3', '2010'] },
];

function figureTexts(text: string): string[] {
  const doc = docFromText(text, '2017-03-07');
  const prior = { ...emptyAnnotations(), ...timexStage.run(doc, emptyAnnotations()) };
  return figureStage.run(doc, prior).figures.map((f) => text.slice(f.start, f.end));
}

describe('figures: negative cases', () => {
  it.each(NONE)('no figure in "%s"', (text) => {
    expect(figureTexts(text)).toEqual([]);
  });
  it.each(NOT)('no date or year taken as a figure in "$text"', ({ text, not }) => {
    const got = figureTexts(text);
    expect(got.length).toBeGreaterThan(0);
    for (const n of not) expect(got).not.toContain(n);
  });
  it('also holds without a timex stage', () => {
    const doc = docFromText('The treaty was signed in 2015. The talks began on March 7.', null);
    expect(figureStage.run(doc, emptyAnnotations()).figures).toEqual([]);
  });
});
