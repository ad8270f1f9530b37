import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import { findQuotes, quoteStage } from '../pipeline/extract/quotes.js';
import type { QuoteKind } from '../pipeline/types.js';

// The quote stage alone (no entity mentions): speakers come from the cue frame.
const run = (text: string) => findQuotes(docFromText(text), emptyAnnotations());

interface Case {
  name: string;
  text: string;
  /** The quote's text and where it starts. */
  quote: string;
  at: number;
  kind: QuoteKind;
  speaker: string | null;
  /** speaker_text when it adds an appositive description to the name. */
  written?: string;
  /** Where the speaker's words start (null when there are none). */
  speakerAt: number | null;
  cue: string | null;
}

const CASES: Case[] = [
  // cue after the quote
  { name: 'cue after, title before the name', text: '“The talks were useful,” Foreign Minister Ana Ruiz said.', quote: '“The talks were useful,”', at: 0, kind: 'direct', speaker: 'Ana Ruiz', speakerAt: 42, cue: 'said' },
  { name: 'inverted cue after, appositive', text: '“We will not pay,” said Tom Becker, a union leader.', quote: '“We will not pay,”', at: 0, kind: 'direct', speaker: 'Tom Becker', written: 'Tom Becker, a union leader', speakerAt: 24, cue: 'said' },
  { name: 'cue after with a hearer', text: '"The bridge is safe," city engineer Paul Novak told the council.', quote: '"The bridge is safe,"', at: 0, kind: 'direct', speaker: 'Paul Novak', speakerAt: 36, cue: 'told' },
  // cue before the quote
  { name: 'cue before, comma', text: 'Maria Chen said, “The plan is dead.”', quote: '“The plan is dead.”', at: 17, kind: 'direct', speaker: 'Maria Chen', speakerAt: 0, cue: 'said' },
  { name: 'cue before, colon, no name', text: 'The mayor told reporters: “Nobody will lose a job.”', quote: '“Nobody will lose a job.”', at: 26, kind: 'direct', speaker: 'The mayor', speakerAt: 0, cue: 'told' },
  { name: 'cue before, appositive subject', text: 'Senator Jane Doe, a Democrat from Ohio, told CNN: "We have the votes."', quote: '"We have the votes."', at: 50, kind: 'direct', speaker: 'Jane Doe', written: 'Jane Doe, a Democrat from Ohio', speakerAt: 8, cue: 'told' },
  { name: 'according to', text: 'According to Reuters, “the vote was delayed by a day.”', quote: '“the vote was delayed by a day.”', at: 22, kind: 'direct', speaker: 'Reuters', speakerAt: 13, cue: 'According to' },
  // several sentences, several paragraphs, interruptions
  { name: 'multi-sentence quote', text: '“Prices rose. Wages did not,” the economist Lena Park said.', quote: '“Prices rose. Wages did not,”', at: 0, kind: 'direct', speaker: 'Lena Park', speakerAt: 44, cue: 'said' },
  { name: 'multi-paragraph continuation', text: 'Becker said: “The strike will go on.\n\n“We have the votes to keep it going.”', quote: '“The strike will go on.\n\n“We have the votes to keep it going.”', at: 13, kind: 'direct', speaker: 'Becker', speakerAt: 0, cue: 'said' },
  { name: 'interrupted quote, first part', text: '“We tried,” Ruiz said, “but the other side walked away.”', quote: '“We tried,”', at: 0, kind: 'direct', speaker: 'Ruiz', speakerAt: 12, cue: 'said' },
  { name: 'interrupted quote, second part', text: '“We tried,” Ruiz said, “but the other side walked away.”', quote: '“but the other side walked away.”', at: 23, kind: 'direct', speaker: 'Ruiz', speakerAt: 12, cue: 'said' },
  { name: 'next paragraph, speaker from context', text: '“It is over,” Ruiz said.\n\n“There is nothing left to discuss.”', quote: '“There is nothing left to discuss.”', at: 26, kind: 'direct', speaker: 'Ruiz', speakerAt: 14, cue: null },
  { name: 'colon after a clause without a speech verb', text: 'Ruiz has taken a firm line on the budget: “No new taxes this year.”', quote: '“No new taxes this year.”', at: 42, kind: 'direct', speaker: 'Ruiz', speakerAt: 0, cue: ':' },
  { name: 'long appositive after the quote', text: '“Not us,” Ann Cole, the head of a group that backs the senator in the primary, told reporters.', quote: '“Not us,”', at: 0, kind: 'direct', speaker: 'Ann Cole', written: 'Ann Cole, the head of a group that backs the senator in the primary', speakerAt: 10, cue: 'told' },
  { name: 'name first in a chain of appositives', text: '"Both scare me," Harry Bond, 30, of Raleigh, N.C., who was polled, said on Monday.', quote: '"Both scare me,"', at: 0, kind: 'direct', speaker: 'Harry Bond', speakerAt: 17, cue: 'said' },
  // nested quotes stay inside the outer one
  { name: 'nested single quotes', text: '“He told me ‘never again’ and meant it,” Chen said.', quote: '“He told me ‘never again’ and meant it,”', at: 0, kind: 'direct', speaker: 'Chen', speakerAt: 41, cue: 'said' },
  // newswire marks
  { name: "'' ... '' marks", text: "''We are ready,'' Mr. Obama said.", quote: "''We are ready,''", at: 0, kind: 'direct', speaker: 'Obama', speakerAt: 22, cue: 'said' },
  { name: "`` ... '' marks", text: "``Nothing has changed,'' Ruiz said.", quote: "``Nothing has changed,''", at: 0, kind: 'direct', speaker: 'Ruiz', speakerAt: 25, cue: 'said' },
  { name: 'single curly marks with a cue next to them', text: '‘We will fight on,’ the minister said.', quote: '‘We will fight on,’', at: 0, kind: 'direct', speaker: 'the minister', speakerAt: 20, cue: 'said' },
  // organizations as speakers, partial quotes
  { name: 'organization, partial quote', text: 'The opposition “will not accept the result,” the Interior Ministry said in a statement.', quote: '“will not accept the result,”', at: 15, kind: 'partial', speaker: 'Interior Ministry', speakerAt: 49, cue: 'said' },
  { name: 'organization after a possessive owner', text: "Officials in Lagos “acted too late,” Nigeria's state-run news agency NAN reported.", quote: '“acted too late,”', at: 19, kind: 'partial', speaker: 'NAN', speakerAt: 69, cue: 'reported' },
  { name: 'partial quote, cue before', text: 'Chen said the deal was “a betrayal of voters.”', quote: '“a betrayal of voters.”', at: 23, kind: 'partial', speaker: 'Chen', speakerAt: 0, cue: 'said' },
  { name: 'partial quote, appositive subject', text: 'The vote was close. Kim Lee, a spokeswoman for the party, said the count "went smoothly."', quote: '"went smoothly."', at: 73, kind: 'partial', speaker: 'Kim Lee', written: 'Kim Lee, a spokeswoman for the party', speakerAt: 20, cue: 'said' },
  // pronoun speakers
  { name: 'pronoun resolved to the last named speaker', text: '“We will not sign it,” said Tom Becker.\n\n“The deal is bad for workers,” he added.', quote: '“The deal is bad for workers,”', at: 41, kind: 'direct', speaker: 'Tom Becker', speakerAt: 28, cue: 'added' },
  { name: 'pronoun after an indirect attribution', text: 'The economy will slow, says Maria Chen, an economist.\n\nTrade is weak, she says: “Orders have fallen for months.”', quote: '“Orders have fallen for months.”', at: 80, kind: 'direct', speaker: 'Maria Chen', written: 'Maria Chen, an economist', speakerAt: 28, cue: 'says' },
  { name: 'pronoun after a participle cue', text: 'Back in 1999, Mr. Trump praised the plan, telling CNBC: “I wish I could do it.”', quote: '“I wish I could do it.”', at: 56, kind: 'direct', speaker: 'Trump', speakerAt: 18, cue: 'telling' },
  { name: 'subject of the nearest clause for a participle', text: 'The rally stopped when protesters in the back interrupted, shouting “we will not leave!”', quote: '“we will not leave!”', at: 68, kind: 'direct', speaker: 'protesters', speakerAt: 23, cue: 'shouting' },
  { name: 'conjunction is no part of the speaker', text: 'But Labour officials say: “The plan is sound.”', quote: '“The plan is sound.”', at: 26, kind: 'direct', speaker: 'Labour officials', speakerAt: 4, cue: 'say' },
  { name: 'dateline before the subject', text: 'LONDON, May 2 (AP) — The health minister spoke briefly, saying: “Beds are short.”', quote: '“Beds are short.”', at: 64, kind: 'direct', speaker: 'The health minister', speakerAt: 21, cue: 'saying' },
  // indirect speech
  { name: 'indirect, cue after', text: 'The economy will slow next year, says Maria Chen, an economist at a Paris bank.', quote: 'The economy will slow next year', at: 0, kind: 'indirect', speaker: 'Maria Chen', written: 'Maria Chen, an economist at a Paris bank', speakerAt: 38, cue: 'says' },
  { name: 'indirect, said that', text: 'Ruiz said that the talks would resume in May.', quote: 'that the talks would resume in May', at: 10, kind: 'indirect', speaker: 'Ruiz', speakerAt: 0, cue: 'said' },
  { name: 'indirect, and said', text: 'The senator met voters and said the tax would be cut next year.', quote: 'the tax would be cut next year', at: 32, kind: 'indirect', speaker: 'The senator', speakerAt: 0, cue: 'said' },
  { name: 'indirect, according to at the end', text: 'Turnout fell to 40 percent, according to a count by the Electoral Commission.', quote: 'Turnout fell to 40 percent', at: 0, kind: 'indirect', speaker: 'Electoral Commission', speakerAt: 56, cue: 'according to' },
  { name: 'indirect, a finding with a that-clause', text: 'A new poll by the Tribune found that most voters back the plan.', quote: 'that most voters back the plan', at: 32, kind: 'indirect', speaker: 'Tribune', speakerAt: 18, cue: 'found' },
  { name: 'indirect, parenthetical cue', text: 'In the years since the strike, Cole says, too many plants have closed.', quote: 'In the years since the strike, Cole says, too many plants have closed', at: 0, kind: 'indirect', speaker: 'Cole', speakerAt: 31, cue: 'says' },
  { name: 'indirect, plural possessive subject', text: 'Bernie Sanders’ campaign says it raised $21 million in January.', quote: 'it raised $21 million in January', at: 30, kind: 'indirect', speaker: 'Bernie Sanders’ campaign', speakerAt: 0, cue: 'says' },
  { name: 'indirect, according to', text: 'According to the health ministry, 40 people were hurt in the blast.', quote: '40 people were hurt in the blast', at: 34, kind: 'indirect', speaker: 'the health ministry', speakerAt: 13, cue: 'According to' },
];

describe('quote stage: patterns', () => {
  it.each(CASES)('$name', (c) => {
    const quotes = run(c.text);
    const q = quotes.find((x) => x.start === c.at);
    expect(q, JSON.stringify(quotes)).toBeDefined();
    expect(c.text.slice(q!.start, q!.end)).toBe(c.quote);
    expect(q!.kind).toBe(c.kind);
    // speaker_text is the name as written plus any appositive description; the span is the name.
    expect(q!.speakerText).toBe(c.written ?? c.speaker);
    expect(q!.speakerSpan?.start ?? null).toBe(c.speakerAt);
    if (q!.speakerSpan) expect(c.text.slice(q!.speakerSpan.start, q!.speakerSpan.end)).toBe(c.speaker);
    expect(q!.cue).toBe(c.cue);
    expect(q!.rule).toMatch(/\S/);
  });
});

describe('quote stage: speakers from entity mentions', () => {
  it('takes the key of the mention under the speaker name', () => {
    const text = '“We are ready,” Kremlin spokesman Ivan Petrov said.';
    const prior = emptyAnnotations();
    prior.mentions = [
      { start: 16, end: 23, entityKey: 'ORGANIZATION:kremlin', form: 'name', rule: 'test' },
      { start: 34, end: 45, entityKey: 'PERSON:ivan-petrov', form: 'name', rule: 'test' },
    ];
    prior.entities = [
      { entityKey: 'ORGANIZATION:kremlin', name: 'Kremlin', type: 'ORGANIZATION', subtype: null, countryCode: null, aliases: [] },
      { entityKey: 'PERSON:ivan-petrov', name: 'Ivan Petrov', type: 'PERSON', subtype: null, countryCode: null, aliases: [] },
    ];
    const [q] = quoteStage.run(docFromText(text), prior).quotes;
    expect(q.speakerKey).toBe('PERSON:ivan-petrov');
    expect(q.speakerText).toBe('Ivan Petrov');
    expect(q.speakerSpan).toEqual({ start: 34, end: 45 });
  });

  it('skips a possessive owner for the organization after it', () => {
    const text = 'The rebels “will pay,” China’s Xinhua news agency said.';
    const prior = emptyAnnotations();
    prior.mentions = [
      { start: 23, end: 28, entityKey: 'COUNTRY:CHN', form: 'name', rule: 'test' },
      { start: 31, end: 37, entityKey: 'ORGANIZATION:xinhua', form: 'name', rule: 'test' },
    ];
    const [q] = quoteStage.run(docFromText(text), prior).quotes;
    expect(q.kind).toBe('partial');
    expect(q.speakerKey).toBe('ORGANIZATION:xinhua');
    expect(q.speakerText).toBe('Xinhua news agency');
  });

  it('gives a quote without a cue to the person the sentence before is about', () => {
    const text = 'Ana Ruiz spoke to reporters outside the court on Monday. “We will appeal the ruling.”';
    const prior = emptyAnnotations();
    prior.mentions = [{ start: 0, end: 8, entityKey: 'PERSON:ana-ruiz', form: 'name', rule: 'test' }];
    prior.entities = [{ entityKey: 'PERSON:ana-ruiz', name: 'Ana Ruiz', type: 'PERSON', subtype: null, countryCode: null, aliases: [] }];
    const [q] = quoteStage.run(docFromText(text), prior).quotes;
    expect(text.slice(q.start, q.end)).toBe('“We will appeal the ruling.”');
    expect(q.kind).toBe('direct');
    expect(q.speakerKey).toBe('PERSON:ana-ruiz');
    expect(q.speakerSpan).toEqual({ start: 0, end: 8 });
  });

  it('resolves he to the subject of the sentence before when named after the last speaker', () => {
    const text = '“We are ready,” said Ann Cole.\n\nTom Reed rejected the plan. “It will fail,” he said.';
    const prior = emptyAnnotations();
    prior.mentions = [
      { start: 21, end: 29, entityKey: 'PERSON:ann-cole', form: 'name', rule: 'test' },
      { start: 32, end: 40, entityKey: 'PERSON:tom-reed', form: 'name', rule: 'test' },
    ];
    prior.entities = [
      { entityKey: 'PERSON:ann-cole', name: 'Ann Cole', type: 'PERSON', subtype: null, countryCode: null, aliases: [] },
      { entityKey: 'PERSON:tom-reed', name: 'Tom Reed', type: 'PERSON', subtype: null, countryCode: null, aliases: [] },
    ];
    const q = quoteStage.run(docFromText(text), prior).quotes.find((x) => text.slice(x.start, x.end) === '“It will fail,”')!;
    expect(q.speakerKey).toBe('PERSON:tom-reed');
    expect(q.speakerText).toBe('Tom Reed');
    expect(q.speakerSpan).toEqual({ start: 32, end: 40 });
  });

  it('resolves he/she to the last person mention when no speaker came before', () => {
    const text = 'Anna Berg, an analyst at a bank in Oslo, has studied the market for years.\n\nRates will rise, she says: “Banks cannot wait much longer.”';
    const prior = emptyAnnotations();
    prior.mentions = [
      { start: 0, end: 9, entityKey: 'PERSON:anna-berg', form: 'name', rule: 'test' },
      { start: 35, end: 39, entityKey: 'LOCATION:oslo', form: 'name', rule: 'test' },
    ];
    prior.entities = [
      { entityKey: 'PERSON:anna-berg', name: 'Anna Berg', type: 'PERSON', subtype: null, countryCode: null, aliases: [] },
      { entityKey: 'LOCATION:oslo', name: 'Oslo', type: 'LOCATION', subtype: null, countryCode: null, aliases: [] },
    ];
    const q = quoteStage.run(docFromText(text), prior).quotes.find((x) => x.kind === 'direct')!;
    expect(q.speakerKey).toBe('PERSON:anna-berg');
    expect(q.speakerText).toBe('Anna Berg, an analyst at a bank in Oslo');
    expect(q.speakerSpan).toEqual({ start: 0, end: 9 });
  });
});
