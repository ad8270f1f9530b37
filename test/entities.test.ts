import { describe, expect, it } from 'vitest';
import { runEntities } from './entities.helpers.js';

// Each case: a sentence, then a mention that must be found with its exact span,
// entity key, entity type and mention form.
const CASES: Array<{ text: string; surface: string; at: number; key: string; type: string; form: string }> = [
  { text: 'German Chancellor Angela Merkel met reporters in Berlin.', surface: 'Angela Merkel', at: 18, key: 'PERSON:angela-merkel', type: 'PERSON', form: 'name' },
  { text: 'German Chancellor Angela Merkel met reporters in Berlin.', surface: 'German', at: 0, key: 'COUNTRY:DEU', type: 'COUNTRY', form: 'demonym' },
  { text: 'German Chancellor Angela Merkel met reporters in Berlin.', surface: 'Berlin', at: 49, key: 'LOCATION:berlin', type: 'LOCATION', form: 'name' },
  { text: 'Officials in Nigeria denied the report on Sunday.', surface: 'Nigeria', at: 13, key: 'COUNTRY:NGA', type: 'COUNTRY', form: 'name' },
  { text: 'The deal was signed by the U.S. and Canada last year.', surface: 'U.S.', at: 27, key: 'COUNTRY:USA', type: 'COUNTRY', form: 'acronym' },
  { text: 'Troops from the United States arrived on Monday.', surface: 'United States', at: 16, key: 'COUNTRY:USA', type: 'COUNTRY', form: 'name' },
  { text: 'Apple Inc. reported record profits on Tuesday.', surface: 'Apple Inc.', at: 0, key: 'ORGANIZATION:apple-inc', type: 'ORGANIZATION', form: 'name' },
  { text: 'The Mississippi River flooded several towns.', surface: 'Mississippi River', at: 4, key: 'LOCATION:mississippi-river', type: 'LOCATION', form: 'name' },
  { text: 'Heavy rain fell over the Gulf of Mexico this week.', surface: 'Gulf of Mexico', at: 25, key: 'LOCATION:gulf-of-mexico', type: 'LOCATION', form: 'name' },
  { text: 'Thousands of Syrians crossed the border overnight.', surface: 'Syrians', at: 13, key: 'GROUP:syrians', type: 'GROUP', form: 'name' },
  { text: 'The talks were attended by Syrian officials.', surface: 'Syrian', at: 27, key: 'COUNTRY:SYR', type: 'COUNTRY', form: 'demonym' },
  { text: 'The veterans remembered the Vietnam War and its cost.', surface: 'Vietnam War', at: 28, key: 'MISC:vietnam-war', type: 'MISC', form: 'name' },
  { text: 'Analysts said the Kremlin would not comment.', surface: 'Kremlin', at: 18, key: 'ORGANIZATION:kremlin', type: 'ORGANIZATION', form: 'name' },
  { text: 'Shops stayed shut on Christmas Day this year.', surface: 'Christmas Day', at: 21, key: 'MISC:christmas-day', type: 'MISC', form: 'name' },
  { text: 'A UK-based charity ran the appeal.', surface: 'UK-based', at: 2, key: 'COUNTRY:GBR', type: 'COUNTRY', form: 'demonym' },
  { text: 'He has lived in the USSR since childhood.', surface: 'USSR', at: 20, key: 'COUNTRY:SUHH', type: 'COUNTRY', form: 'acronym' },
  // Possessives stay outside the span.
  { text: "Nigeria's president spoke on Friday.", surface: 'Nigeria', at: 0, key: 'COUNTRY:NGA', type: 'COUNTRY', form: 'name' },
  { text: "The plan was backed by Maria Lopez's party.", surface: 'Maria Lopez', at: 23, key: 'PERSON:maria-lopez', type: 'PERSON', form: 'name' },
  // Honorifics are not part of the name.
  { text: 'Critics say Mr Johnson ignored the warnings.', surface: 'Johnson', at: 15, key: 'PERSON:johnson', type: 'PERSON', form: 'name' },
];

describe('entity stage: recognition', () => {
  it.each(CASES)('$surface in "$text"', (c) => {
    const { mentions } = runEntities(c.text);
    const m = mentions.find((x) => x.start === c.at);
    expect(m, `no mention at ${c.at}: ${JSON.stringify(mentions.map((x) => x.text))}`).toBeDefined();
    expect(m!.text).toBe(c.surface);
    expect(m!.end).toBe(c.at + c.surface.length);
    expect(m!.entityKey).toBe(c.key);
    expect(m!.entity.type).toBe(c.type);
    expect(m!.form).toBe(c.form);
  });
});

describe('entity stage: resolution inside an article', () => {
  it('joins a surname to the full name', () => {
    const text = 'Prime Minister Justin Trudeau arrived in Ottawa. Trudeau said the budget was ready.';
    const { mentions, entities } = runEntities(text);
    const short = mentions.find((m) => m.start === text.indexOf('Trudeau said'));
    expect(short?.entityKey).toBe('PERSON:justin-trudeau');
    expect(short?.form).toBe('surname');
    expect(entities.filter((e) => e.type === 'PERSON')).toHaveLength(1);
    expect(entities.find((e) => e.entityKey === 'PERSON:justin-trudeau')?.aliases).toContain('Trudeau');
  });

  it('joins an acronym to the body it spells', () => {
    const text = 'The Federal Communications Commission (FCC) voted on Thursday. The FCC chairman objected.';
    const { mentions } = runEntities(text);
    const acr = mentions.filter((m) => m.text === 'FCC');
    expect(acr).toHaveLength(2);
    for (const m of acr) {
      expect(m.entityKey).toBe('ORGANIZATION:federal-communications-commission');
      expect(m.form).toBe('acronym');
    }
  });

  it('resolves a known acronym through the lexicon', () => {
    const { mentions } = runEntities('Ministers met NATO officials in Brussels on Monday.');
    const m = mentions.find((x) => x.text === 'NATO');
    expect(m?.entityKey).toBe('ORGANIZATION:north-atlantic-treaty-organization');
    expect(m?.form).toBe('acronym');
  });

  it('reads a capital as its government when it acts, as a city after "in"', () => {
    const text = 'Tehran rejected the offer on Monday. Protests were held in Tehran on Friday.';
    const { mentions } = runEntities(text);
    const acting = mentions.find((m) => m.start === 0);
    expect(acting?.entityKey).toBe('COUNTRY:IRN');
    expect(acting?.form).toBe('metonym');
    const place = mentions.find((m) => m.start === text.lastIndexOf('Tehran'));
    expect(place?.entityKey).toBe('LOCATION:tehran');
    expect(place?.entity.type).toBe('LOCATION');
    expect(place?.form).toBe('name');
  });

  it('treats a possessive capital as its government', () => {
    const text = "Officials dismissed Washington's response as weak.";
    const { mentions } = runEntities(text);
    const m = mentions.find((x) => x.text === 'Washington');
    expect(m?.entityKey).toBe('COUNTRY:USA');
    expect(m?.form).toBe('metonym');
  });

  it('gives every repeated occurrence its own mention', () => {
    const text = 'Kenya and Uganda signed the deal. Kenya will pay first. Later Kenya left the talks.';
    const { mentions } = runEntities(text);
    const starts = mentions.filter((m) => m.entityKey === 'COUNTRY:KEN').map((m) => m.start);
    expect(starts).toEqual([0, 34, 62]);
  });

  it('keys countries by ISO alpha-3 across spellings', () => {
    const { mentions } = runEntities('Britain and the United Kingdom are the same. So is the UK.');
    const keys = new Set(mentions.filter((m) => /Britain|United Kingdom|UK/.test(m.text)).map((m) => m.entityKey));
    expect([...keys]).toEqual(['COUNTRY:GBR']);
  });
});

describe('entity stage: roles', () => {
  it('reads a title before the name, with its organization', () => {
    const text = 'The White House spokesman Josh Earnest declined to comment.';
    const { roles } = runEntities(text);
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ personKey: 'PERSON:josh-earnest', role: 'spokesman', organizationKey: 'ORGANIZATION:white-house' });
    expect(text.slice(roles[0].start, roles[0].end)).toBe('White House spokesman Josh Earnest');
  });

  it('reads an appositive after the name, cutting the organization off the role', () => {
    const text = 'John Smith, a senior economist at the World Bank, said inflation would fall.';
    const { roles } = runEntities(text);
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ personKey: 'PERSON:john-smith', role: 'senior economist', organizationKey: 'ORGANIZATION:world-bank' });
    expect(text.slice(roles[0].start, roles[0].end)).toBe('John Smith, a senior economist at the World Bank');
  });

  it('reads an appositive without an organization', () => {
    const text = 'The plan is risky, says Anna Berg, a political analyst.';
    const { roles } = runEntities(text);
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ personKey: 'PERSON:anna-berg', role: 'political analyst', organizationKey: null });
  });

  it('reads "X, the head of Y"', () => {
    const text = 'Carlos Ruiz, the president of the Spanish Football Federation, opened the meeting.';
    const { roles } = runEntities(text);
    expect(roles[0]).toMatchObject({ personKey: 'PERSON:carlos-ruiz', role: 'president', organizationKey: 'ORGANIZATION:spanish-football-federation' });
  });
});

describe('entity stage: groups and titles', () => {
  it('makes religious and political groups GROUP entities, their adjectives demonyms', () => {
    const text = 'Muslims and Christians prayed together. Muslim leaders welcomed it.';
    const { mentions } = runEntities(text);
    expect(mentions.find((m) => m.start === 0)).toMatchObject({ text: 'Muslims', entityKey: 'GROUP:muslims', form: 'name' });
    expect(mentions.find((m) => m.start === text.indexOf('Muslim leaders'))).toMatchObject({ text: 'Muslim', entityKey: 'GROUP:muslims', form: 'demonym' });
  });

  it('splits a place from a person at a title inside the run', () => {
    const text = 'On Monday, Ohio Gov. John Kasich spoke to voters.';
    const { mentions, roles } = runEntities(text);
    expect(mentions.find((m) => m.start === 11)).toMatchObject({ text: 'Ohio', end: 15 });
    expect(mentions.find((m) => m.start === 21)).toMatchObject({ text: 'John Kasich', entityKey: 'PERSON:john-kasich' });
    expect(roles.find((r) => r.personKey === 'PERSON:john-kasich')?.role).toBe('Gov.');
  });
});

describe('entity stage: companies named by one word', () => {
  it('reads a one-word name in company context as an organization', () => {
    const text = 'Shares in Zentrix fell on Monday. Zentrix said it would cut 500 jobs.';
    const { mentions } = runEntities(text);
    const z = mentions.filter((m) => m.text === 'Zentrix');
    expect(z.map((m) => m.start)).toEqual([10, 34]);
    for (const m of z) expect(m.entity.type).toBe('ORGANIZATION');
  });

  it('keeps a surname introduced by a full name a person', () => {
    const text = 'Phil Simmons took four wickets. Simmons said it was his best day.';
    const { mentions } = runEntities(text);
    const m = mentions.find((x) => x.start === text.indexOf('Simmons said'));
    expect(m).toMatchObject({ entityKey: 'PERSON:phil-simmons', form: 'surname' });
  });
});

describe('entity stage: bracketed acronyms and honorifics', () => {
  it('links an acronym defined in brackets even when its letters do not spell the name', () => {
    const text = 'The Union of Cooperative Farmers of Kenya (UCFK) met in Nairobi. The UCFK voted to strike.';
    const { mentions } = runEntities(text);
    const acr = mentions.filter((m) => m.text === 'UCFK');
    expect(acr).toHaveLength(2);
    const name = mentions.find((m) => m.start === 4);
    expect(name?.text).toBe('Union of Cooperative Farmers of Kenya');
    for (const m of acr) expect(m).toMatchObject({ entityKey: name!.entityKey, form: 'acronym' });
  });

  it('drops the honorific and keeps the person', () => {
    const text = 'Mrs Okafor told the court she was innocent.';
    const { mentions } = runEntities(text);
    expect(mentions.find((m) => m.start === 4)).toMatchObject({ text: 'Okafor', entityKey: 'PERSON:okafor' });
  });
});

describe('entity stage: people sharing a surname', () => {
  it('links a surname to the nearest full name before it, and a given name to its only bearer', () => {
    const text = 'Hillary Clinton spoke in Iowa. Bill Clinton joined her. Clinton said Hillary would win.';
    const { mentions } = runEntities(text);
    expect(mentions.find((m) => m.start === text.indexOf('Clinton said'))).toMatchObject({ entityKey: 'PERSON:bill-clinton', form: 'surname' });
    expect(mentions.find((m) => m.start === text.indexOf('Hillary would'))).toMatchObject({ entityKey: 'PERSON:hillary-clinton', form: 'alias' });
  });

  it('links a two-word surname', () => {
    const text = 'Rep. Debbie Wasserman Schultz agreed. Wasserman Schultz smiled.';
    const { mentions } = runEntities(text);
    expect(mentions.find((m) => m.start === text.lastIndexOf('Wasserman'))).toMatchObject({ text: 'Wasserman Schultz', entityKey: 'PERSON:debbie-wasserman-schultz', form: 'surname' });
  });
});

describe('entity stage: country codes of places', () => {
  it('gives a place followed by its country that country\'s code', () => {
    const { entities } = runEntities('Flooding hit Kisumu, Kenya, on Sunday.');
    expect(entities.find((e) => e.entityKey === 'LOCATION:kisumu')?.countryCode).toBe('KEN');
  });

  it('gives a capital its country\'s code', () => {
    const { entities } = runEntities('The summit was held in Nairobi last week.');
    expect(entities.find((e) => e.entityKey === 'LOCATION:nairobi')).toMatchObject({ subtype: 'city', countryCode: 'KEN' });
  });
});

describe('entity stage: middle names', () => {
  it('makes one person of a name with and without a middle initial', () => {
    const text = 'Donald J. Trump spoke. Later Donald Trump left, and Donald Trump waved.';
    const { mentions, entities } = runEntities(text);
    expect(mentions.find((m) => m.start === 0)).toMatchObject({ text: 'Donald J. Trump', entityKey: 'PERSON:donald-trump', form: 'alias' });
    expect(entities.filter((e) => e.type === 'PERSON').map((e) => e.entityKey)).toEqual(['PERSON:donald-trump']);
  });
});
