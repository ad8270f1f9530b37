import { describe, expect, it } from 'vitest';
import { runEvents, slice, type Ent, type Tx } from './eventHelpers.js';

// Things that must NOT come out as events.
const NONE: Array<{ name: string; text: string; ents: Ent[]; txs?: Tx[] }> = [
  { name: 'habitual state with "always"', text: 'Russia has always stood with the UNSC on matters pertaining to North Korea.', ents: [['Russia', 'COUNTRY:RUS'], ['UNSC', 'ORGANIZATION:unsc'], ['North Korea', 'COUNTRY:PRK']] },
  { name: 'habitual support with "always"', text: 'Russia has always supported the regime in Pyongyang.', ents: [['Russia', 'COUNTRY:RUS'], ['Pyongyang', 'COUNTRY:PRK']] },
  { name: 'generic present simple', text: 'Russia supports a non-nuclear Korea.', ents: [['Russia', 'COUNTRY:RUS']] },
  { name: 'generic present simple with agreement verb', text: 'It seems China agrees.', ents: [['China', 'COUNTRY:CHN']] },
  { name: 'a speech verb is no event', text: '"We are seriously concerned about the situation," Kremlin spokesman Dmitry Peskov said.', ents: [['Dmitry Peskov', 'PERSON:dmitry-peskov']] },
  { name: 'a bare report', text: 'The reality is more complicated, suggests Alexander Gabuev, an expert on Russian policy.', ents: [['Alexander Gabuev', 'PERSON:alexander-gabuev']] },
  { name: 'event noun without any participant, place or date', text: 'The launches were a concern for everyone.', ents: [] },
  { name: 'meeting a target is no meeting', text: 'The company met its sales targets last year.', ents: [], txs: [['last year', '2016-01-01', '2016-12-31', 'year']] },
  { name: 'intransitive decline of prices', text: 'Oil prices declined sharply after the report.', ents: [] },
  { name: 'participle used as an adjective', text: 'The deployed troops stayed in their barracks.', ents: [] },
  { name: 'bare -ing participle', text: 'Maintaining relations with North Korea while scolding it for nuclear tests.', ents: [['North Korea', 'COUNTRY:PRK']] },
  { name: 'stative verbs are not in the lexicon', text: 'Russia owned the territory and remained a player.', ents: [['Russia', 'COUNTRY:RUS']] },
  { name: 'a purchase order is no demand', text: 'The airline ordered ten new aircraft from Airbus.', ents: [['Airbus', 'ORGANIZATION:airbus']] },
  { name: 'a trigger word inside a name', text: 'Shares in Allied Domecq rose after the report.', ents: [['Allied Domecq', 'ORGANIZATION:allied-domecq']] },
  { name: 'economic demand is no demand', text: 'German domestic demand rose strongly in 2004.', ents: [['German', 'GROUP:germans']] },
  { name: 'a plea in court is no request', text: 'The insurance bosses pleaded guilty.', ents: [] },
  { name: 'creating jobs is no founding', text: 'The US created fewer jobs than expected in January.', ents: [['The US', 'COUNTRY:USA']] },
  { name: 'imposing standards is no sanction', text: 'The European Union imposed new accounting standards.', ents: [['European Union', 'ORGANIZATION:eu']] },
  { name: 'markets rallying is no protest', text: 'Shares rallied strongly on Monday.', ents: [] },
  { name: 'a campaign rally is no protest', text: 'Trump held a rally in Miami on Friday.', ents: [['Trump', 'PERSON:donald-trump'], ['Miami', 'LOCATION:miami']] },
  { name: '"demonstrated that" is no protest', text: 'The four candidates demonstrated that experience helps.', ents: [] },
  { name: 'dispatching a person to counseling is no mobilization', text: 'He was dispatching me to psychological counseling.', ents: [] },
  { name: 'winning a game is no event', text: 'Australia won the toss and chose to bat.', ents: [['Australia', 'COUNTRY:AUS']] },
  { name: 'settling for second is no agreement', text: 'Bailey had to settle for second place.', ents: [] },
  { name: 'a forecast warning is no threat', text: 'The Bank of England warned that the economy would slow in 2005.', ents: [['Bank of England', 'ORGANIZATION:bank-of-england']], txs: [['2005', '2005-01-01', '2005-12-31', 'year']] },
  { name: 'a warning of a risk is no threat', text: 'Mr Mansfield warned of a real risk of unrest.', ents: [['Mansfield', 'PERSON:guy-mansfield']] },
  { name: 'cricket: a batsman striking runs', text: 'Ponting struck 158 in Sydney on Friday.', ents: [['Ponting', 'PERSON:ricky-ponting'], ['Sydney', 'LOCATION:sydney']], txs: [['Friday', '2005-01-07', '2005-01-07', 'day']] },
  { name: 'golf: firing a score', text: 'Woods fired a 63 in Dubai on Sunday.', ents: [['Woods', 'PERSON:tiger-woods'], ['Dubai', 'LOCATION:dubai']], txs: [['Sunday', '2005-01-09', '2005-01-09', 'day']] },
  { name: 'cricket: hitting a century', text: 'Smith hit a century at Lord\'s.', ents: [['Smith', 'PERSON:graeme-smith'], ["Lord's", 'LOCATION:lords']] },
  { name: 'visiting a restaurant is no consultation', text: 'The Clintons have visited the restaurant before.', ents: [['Clintons', 'PERSON:clintons']] },
  { name: '"seize on" a report is no seizure', text: 'Michael Howard is expected to seize on those reports.', ents: [['Michael Howard', 'PERSON:michael-howard']] },
  { name: '"sought to" is an attempt, not a request', text: 'The BBC sought to question his role.', ents: [['BBC', 'ORGANIZATION:bbc']] },
  { name: 'a stance noun with nobody holding it', text: 'Support for Israel was the issue.', ents: [['Israel', 'COUNTRY:ISR']] },
  { name: 'an election mentioned in passing', text: 'The 1997 general election brought many women into parliament.', ents: [], txs: [['1997', '1997-01-01', '1997-12-31', 'year']] },
  { name: 'a bare hypothetical with nothing named', text: 'A national body should be set up to tackle skills shortages.', ents: [] },
  { name: 'a participle between modifier and noun', text: 'The purchase covers 10,000 newly created shares.', ents: [] },
  { name: 'a plea in court', text: 'Chatwal also pleaded to witness tampering.', ents: [['Chatwal', 'PERSON:sant-chatwal']] },
  { name: 'reinforcing stability is no mobilization', text: 'The report reinforced stability and opportunity.', ents: [] },
  { name: 'voters supporting a ban is an opinion, not their ban', text: 'Republican voters support a temporary ban on Muslims.', ents: [['Republican', 'GROUP:republicans'], ['Muslims', 'GROUP:muslims']] },
  { name: 'a poll share is no actor', text: 'Among Republicans, 27 percent would vote for Trump in March.', ents: [['Republicans', 'GROUP:republicans'], ['Trump', 'PERSON:donald-trump']], txs: [['March', '2016-03-01', '2016-03-31', 'month']] },
  { name: 'a bare OTHER event names nothing', text: 'The review had not been established yet.', ents: [] },
  { name: 'a passive agreement without agent names nobody', text: 'The same system has been adopted everywhere.', ents: [] },
  { name: 'a business suspending its own trading is no sanction', text: 'Shell suspended trading in its shares on Monday.', ents: [['Shell', 'ORGANIZATION:shell']], txs: [['Monday', '2005-01-10', '2005-01-10', 'day']] },
  { name: '"seizing the tools" is figurative', text: 'Schools are now seizing the tools the ministry gave them.', ents: [] },
  { name: 'a participle after a number is an adjective', text: 'The two opposed ideologies live on both sides of the Florida Straits.', ents: [['Florida Straits', 'LOCATION:florida-straits']] },
  { name: 'no lexicon word at all', text: 'The weather in Moscow was cold and grey.', ents: [['Moscow', 'LOCATION:moscow']] },
];

describe('events: negative cases', () => {
  for (const c of NONE) {
    it(c.name, () => {
      const { text, events } = runEvents(c.text, c.ents, c.txs ?? []);
      expect(events.map((e) => `${e.category}:${slice(text, e.trigger)}`)).toEqual([]);
    });
  }

  it('an event dated after publication is scheduled, not asserted', () => {
    const { events } = runEvents('The TUC discussed the issue with ministers on Monday.', [['TUC', 'ORGANIZATION:tuc']], [['Monday', '2017-03-13', '2017-03-13', 'day']], '2017-03-07');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.modality === 'hypothetical')).toBe(true);
  });

  it('a hypothetical event is not asserted', () => {
    const { events } = runEvents('Russia could invade Ukraine next year.', [['Russia', 'COUNTRY:RUS'], ['Ukraine', 'COUNTRY:UKR']]);
    expect(events.every((e) => e.modality !== 'asserted')).toBe(true);
  });

  it('"refused to sign" is a rejection, not an agreement', () => {
    const text = 'The government refused to sign the agreement with Japan.';
    const { events } = runEvents(text, [['Japan', 'COUNTRY:JPN']]);
    expect(events.map((e) => e.category)).toEqual(['REJECT']);
    expect(slice(text, events[0].trigger)).toBe('refused');
    expect(events[0].modality).toBe('asserted');
  });

  it('never invents a date', () => {
    const { events } = runEvents('Troops attacked the city of Aleppo.', [['Aleppo', 'LOCATION:aleppo']]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ dateStart: null, dateEnd: null, datePrecision: null });
  });
});
