import { describe, expect, it } from 'vitest';
import { runEntities } from './entities.helpers.js';

// Typing on news from other outlets: a lone unknown word needs evidence to be a person,
// institution and building nouns type the names they end, and "X and Y Centre" is one name.
const CASES: Array<{ text: string; surface: string; at: number; type: string }> = [
  // A title, a person-only verb, a he/she, or "the X administration" keeps a person.
  { text: 'Judge Berman took a short recess.', surface: 'Berman', at: 6, type: 'PERSON' },
  { text: 'In 2012, Chatwal pleaded guilty to fraud.', surface: 'Chatwal', at: 9, type: 'PERSON' },
  { text: 'Kovalenko said he would resign.', surface: 'Kovalenko', at: 0, type: 'PERSON' },
  { text: 'The rule was filed by the Clinton administration in 1999.', surface: 'Clinton', at: 26, type: 'PERSON' },
  // Without such evidence a lone unknown word is no person.
  { text: 'Critics say the law should be handled by Westminster instead.', surface: 'Westminster', at: 41, type: 'ORGANIZATION' },
  { text: 'The firm sold shares to Bertelsmann last year.', surface: 'Bertelsmann', at: 24, type: 'ORGANIZATION' },
  // ... and before a kind of goods, a product.
  { text: 'The cash will help its customers use Linux on every device, and Linux software is free.', surface: 'Linux', at: 37, type: 'MISC' },
  // Institution heads.
  { text: 'Scottish Executive ministers said the plan would go ahead.', surface: 'Scottish Executive', at: 0, type: 'ORGANIZATION' },
  { text: 'The papers are kept in the British Library now.', surface: 'British Library', at: 27, type: 'ORGANIZATION' },
  { text: 'The Welsh Assembly met on Tuesday.', surface: 'Welsh Assembly', at: 4, type: 'ORGANIZATION' },
  { text: 'A letter from the American Legion warned voters.', surface: 'American Legion', at: 18, type: 'ORGANIZATION' },
  // An office title inside a run splits a body from a person.
  { text: 'You think the FBI Director Jim Comey would like it?', surface: 'Jim Comey', at: 27, type: 'PERSON' },
  { text: 'You think the FBI Director Jim Comey would like it?', surface: 'FBI', at: 14, type: 'ORGANIZATION' },
  { text: 'Films are shown in central London and a few other areas.', surface: 'London', at: 27, type: 'LOCATION' },
  { text: 'Seagram was bought by market leader Diageo last year.', surface: 'Diageo', at: 36, type: 'ORGANIZATION' },
  { text: 'Shares in Hollinger International fell.', surface: 'Hollinger International', at: 10, type: 'ORGANIZATION' },
  { text: 'Cruz appeals to Reagan Democrats in Ohio.', surface: 'Reagan Democrats', at: 16, type: 'MISC' },
  // Building and street heads.
  { text: "It is a model of Brussels' Coudenberg Cellars now.", surface: 'Coudenberg Cellars', at: 27, type: 'LOCATION' },
  { text: 'Shops on Oxford Street closed early.', surface: 'Oxford Street', at: 9, type: 'LOCATION' },
  { text: 'Voters in Vigo County backed him.', surface: 'Vigo County', at: 10, type: 'LOCATION' },
  // A capitalized run ending in an abstract noun names a thing, not a person.
  { text: 'The group adopted the Sharon Statement in 1960.', surface: 'Sharon Statement', at: 22, type: 'MISC' },
  { text: 'He joined the Grand Alliance last year.', surface: 'Grand Alliance', at: 14, type: 'MISC' },
  { text: 'Police questioned Clarence Florence on Monday.', surface: 'Clarence Florence', at: 18, type: 'PERSON' },
  { text: 'Tony Stone said the drug works.', surface: 'Tony Stone', at: 0, type: 'PERSON' },
  { text: 'The shooting at Fort Hood and in San Bernardino shocked many.', surface: 'Fort Hood', at: 16, type: 'LOCATION' },
  { text: 'The shooting at Fort Hood and in San Bernardino shocked many.', surface: 'San Bernardino', at: 33, type: 'LOCATION' },
  // Conjoined ordinary nouns ending in an institution head: one name.
  { text: 'Officials at the Scottish Exhibition and Conference Centre said 5,000 came.', surface: 'Scottish Exhibition and Conference Centre', at: 17, type: 'ORGANIZATION' },
  { text: 'He spoke to the Trade and Industry Committee on Monday.', surface: 'Trade and Industry Committee', at: 16, type: 'ORGANIZATION' },
];

describe('entity stage: typing on other outlets', () => {
  it.each(CASES)('$surface in "$text"', (c) => {
    const { mentions } = runEntities(c.text);
    const m = mentions.find((x) => x.start === c.at);
    expect(m, `no mention at ${c.at}: ${JSON.stringify(mentions.map((x) => x.text))}`).toBeDefined();
    expect(m!.text).toBe(c.surface);
    expect(m!.end).toBe(c.at + c.surface.length);
    expect(m!.entity.type).toBe(c.type);
  });
});

describe('entity stage: typing negatives', () => {
  it.each([
    ['Trade between Britain and France grew.', ['Britain', 'France']],
    ['Talks between Smith and Jones Ltd ended.', ['Smith', 'Jones Ltd']],
  ])('does not join names across "and" in "%s"', (text, want) => {
    const { mentions } = runEntities(text);
    expect(mentions.map((m) => m.text)).toEqual(want);
  });

  it('takes no handle or hashtag for a name', () => {
    const { mentions } = runEntities('Follow Ian Hanchett on Twitter @IanHanchett and #Election2016.');
    expect(mentions.map((m) => m.text)).toEqual(['Ian Hanchett', 'Twitter']);
  });

  it('takes no word in capitals for emphasis for a name', () => {
    const { mentions } = runEntities('So these refugees COULD be Syrian refugees, and they WILL come.');
    expect(mentions.map((m) => m.text)).toEqual(['Syrian']);
  });

  it('keeps acronyms that look like function words when the lexicon knows them', () => {
    const { mentions } = runEntities('The WHO said the figures were wrong.');
    expect(mentions.map((m) => m.entity.type)).toEqual(['ORGANIZATION']);
  });

  it('reads a country name as a region among other regions of the article', () => {
    const { mentions } = runEntities('Trump leads in Iowa and Ohio, and Georgia is close.');
    const m = mentions.find((x) => x.text === 'Georgia');
    expect(m?.entity.type).toBe('LOCATION');
    expect(m?.entity.countryCode).toBeNull();
  });

  it.each([
    'Russian troops left Georgia for Tbilisi, Chechnya and Dagestan.',
    'Georgia, Georgian officials and Armenia signed a deal with Ohio and Iowa firms.',
    'Georgia and Armenia signed a deal.',
  ])('keeps the country when its capital or people are named, or no region is: "%s"', (text) => {
    const { mentions } = runEntities(text);
    expect(mentions.find((x) => x.text === 'Georgia')?.entityKey).toBe('COUNTRY:GEO');
  });

  it('gives an unknown word in a list its neighbours\' type', () => {
    const { mentions } = runEntities('Venues include Manchester, Basingstoke, Shrewsbury and Torbay.');
    expect(mentions.map((m) => [m.text, m.entity.type])).toEqual([
      ['Manchester', 'LOCATION'], ['Basingstoke', 'LOCATION'], ['Shrewsbury', 'LOCATION'], ['Torbay', 'LOCATION'],
    ]);
  });

  it('keeps an unknown word a person in a list of people', () => {
    const { mentions } = runEntities('The squad: John Smith, Breen, and Tom Jones.');
    expect(mentions.find((m) => m.text === 'Breen')?.entity.type).toBe('PERSON');
  });

  it('drops an ordinary word capitalized for no name', () => {
    const { mentions } = runEntities('Lib Dems will oppose the Bill on Thursday. The bill passed the first reading.');
    expect(mentions.map((m) => m.text)).not.toContain('Bill');
  });

  it('keeps an unknown word the text never writes in lower case', () => {
    const { mentions } = runEntities('Critics say the law should be handled by Westminster, not by the courts.');
    expect(mentions.map((m) => m.text)).toEqual(['Westminster']);
  });

  it('takes "the Clintons" after "Bill Clinton" for people', () => {
    const { mentions } = runEntities('Bill Clinton spoke. The Clintons have visited the restaurant before.');
    expect(mentions.find((m) => m.text === 'Clintons')?.entity.type).toBe('PERSON');
  });

  it('does not take a plural name for a family when nobody of that surname is named', () => {
    const { mentions } = runEntities('The Democrats have visited the restaurant before.');
    expect(mentions.find((m) => m.text === 'Democrats')?.entity.type).toBe('GROUP');
  });

  it('keeps "Mr Howard" a person even where a company could stand', () => {
    const { mentions } = runEntities('In the Commons, Mr Howard said it would be far better. Howard said it would sue.');
    expect(mentions.filter((m) => m.text === 'Howard').map((m) => m.entity.type)).toEqual(['PERSON', 'PERSON']);
  });

  it('gives every mention of a company the company reading', () => {
    const { mentions } = runEntities('Shares in Gartner fell after Gartner cut its forecast.');
    expect(mentions.map((m) => m.entityKey)).toEqual(['ORGANIZATION:gartner', 'ORGANIZATION:gartner']);
  });

  it('does not start a person\'s name with a lower-case word after a title', () => {
    const { mentions } = runEntities('Espinoza is National Director of The Remembrance Project, a non-profit.');
    expect(mentions.some((m) => /^of /.test(m.text))).toBe(false);
  });

  it('keeps a company a company before a product noun when context says company', () => {
    const { mentions } = runEntities('Shares in Zentrix fell. Zentrix software is popular.');
    expect(mentions.filter((m) => m.text === 'Zentrix').map((m) => m.entity.type)).toEqual(['ORGANIZATION', 'ORGANIZATION']);
  });

  it('keeps a lone surname a person when the lexicon knows it as one', () => {
    const { mentions } = runEntities('Critics say Johnson ignored the warnings.');
    expect(mentions.find((m) => m.text === 'Johnson')?.entity.type).toBe('PERSON');
  });

  it('does not retype a surname that resolves to a full name', () => {
    const { mentions } = runEntities('Rajiv Chatwal met donors. Later Chatwal flew home.');
    const short = mentions.filter((m) => m.text === 'Chatwal');
    expect(short.map((m) => m.entityKey)).toEqual(['PERSON:rajiv-chatwal']);
  });

  it('does not make an organization of a place name with a building noun', () => {
    const { mentions } = runEntities('Crowds filled Wembley Stadium on Saturday.');
    expect(mentions.find((m) => m.text === 'Wembley Stadium')?.entity.type).toBe('LOCATION');
  });
});
