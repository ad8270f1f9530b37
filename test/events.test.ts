import { describe, expect, it } from 'vitest';
import { runEvents, slice, type Ent, type Tx } from './eventHelpers.js';

interface Case {
  name: string;
  text: string;
  ents: Ent[];
  txs?: Tx[];
  /** Expected event, found by its trigger text. */
  trigger: string;
  expect: {
    span?: string;
    action?: string;
    category: string;
    actor?: string | null;
    target?: string | null;
    location?: string | null;
    date?: string | null;
    precision?: string | null;
    modality?: string;
  };
}

const CASES: Case[] = [
  {
    name: 'active verb, date and place in the clause, weapons fired at no target',
    text: 'On March 6 Pyongyang fired four ballistic missiles toward the Sea of Japan.',
    ents: [['Pyongyang', 'COUNTRY:PRK'], ['Sea of Japan', 'LOCATION:sea-of-japan']],
    txs: [['March 6', '2017-03-06', '2017-03-06', 'day']],
    trigger: 'fired',
    expect: {
      span: 'Pyongyang fired four ballistic missiles toward the Sea of Japan',
      action: 'fire ballistic missiles', category: 'MOBILIZE', actor: 'COUNTRY:PRK', target: null,
      location: 'LOCATION:sea-of-japan', date: '2017-03-06', precision: 'day', modality: 'asserted',
    },
  },
  {
    name: 'weapons fired at a place are an assault on it',
    text: 'The rebels fired rockets at Kabul on Monday.',
    ents: [['rebels', 'GROUP:rebels'], ['Kabul', 'LOCATION:kabul']],
    txs: [['Monday', '2017-03-06', '2017-03-06', 'day']],
    trigger: 'fired',
    expect: { span: 'The rebels fired rockets at Kabul on Monday', category: 'ASSAULT', actor: 'GROUP:rebels', target: 'LOCATION:kabul', date: '2017-03-06' },
  },
  {
    name: 'passive voice: the by-agent is the actor',
    text: 'The launches were condemned by the Security Council on Tuesday.',
    ents: [['Security Council', 'ORGANIZATION:unsc']],
    txs: [['Tuesday', '2017-03-07', '2017-03-07', 'day']],
    trigger: 'condemned',
    expect: { span: 'The launches were condemned by the Security Council on Tuesday', category: 'DISAPPROVE', actor: 'ORGANIZATION:unsc', date: '2017-03-07', modality: 'asserted' },
  },
  {
    name: 'passive voice without agent: the subject is the target',
    text: 'Opposition leader Alexei Navalny was arrested in Moscow on Sunday.',
    ents: [['Alexei Navalny', 'PERSON:alexei-navalny'], ['Moscow', 'LOCATION:moscow']],
    txs: [['Sunday', '2017-03-05', '2017-03-05', 'day']],
    trigger: 'arrested',
    expect: { category: 'COERCE', actor: null, target: 'PERSON:alexei-navalny', location: 'LOCATION:moscow', date: '2017-03-05' },
  },
  {
    name: 'event noun with of-theme, to-place and date; actor from the clause subject',
    text: 'On March 7, the U.S. made its chosen option clear with the deployment of THAAD missile interceptors to South Korea.',
    ents: [['the U.S.', 'COUNTRY:USA'], ['THAAD', 'MISC:thaad'], ['South Korea', 'COUNTRY:KOR']],
    txs: [['March 7', '2017-03-07', '2017-03-07', 'day']],
    trigger: 'deployment',
    expect: {
      span: 'the U.S. made its chosen option clear with the deployment of THAAD missile interceptors to South Korea',
      action: 'deploy THAAD missile interceptors', category: 'MOBILIZE', actor: 'COUNTRY:USA', target: null,
      location: 'COUNTRY:KOR', date: '2017-03-07',
    },
  },
  {
    name: 'event noun with possessive actor',
    text: "Barack Obama's final rebuke to Donald Trump was simple.",
    ents: [['Barack Obama', 'PERSON:barack-obama'], ['Donald Trump', 'PERSON:donald-trump']],
    trigger: 'rebuke',
    expect: { span: "Barack Obama's final rebuke to Donald Trump", category: 'DISAPPROVE', actor: 'PERSON:barack-obama', target: 'PERSON:donald-trump', date: null },
  },
  {
    name: 'date from the sentence when the clause has none',
    text: 'On May 5, 2014, after long negotiations, Putin ratified an agreement with North Korea.',
    ents: [['Putin', 'PERSON:vladimir-putin'], ['North Korea', 'COUNTRY:PRK']],
    txs: [['May 5, 2014', '2014-05-05', '2014-05-05', 'day']],
    trigger: 'ratified',
    expect: { span: 'Putin ratified an agreement with North Korea', action: 'ratify agreement', category: 'AGREE', actor: 'PERSON:vladimir-putin', target: 'COUNTRY:PRK', date: '2014-05-05' },
  },
  {
    name: 'date of the own clause wins over another clause',
    text: 'Russia signed the treaty in 2014, but China condemned it in 2016.',
    ents: [['Russia', 'COUNTRY:RUS'], ['China', 'COUNTRY:CHN']],
    txs: [['2014', '2014-01-01', '2014-12-31', 'year'], ['2016', '2016-01-01', '2016-12-31', 'year']],
    trigger: 'condemned',
    expect: { category: 'DISAPPROVE', actor: 'COUNTRY:CHN', date: '2016-01-01', precision: 'year' },
  },
  {
    name: 'no timex: no date',
    text: 'Troops attacked a village in Helmand.',
    ents: [['Helmand', 'LOCATION:helmand']],
    trigger: 'attacked',
    expect: { span: 'Troops attacked a village in Helmand', category: 'ASSAULT', location: 'LOCATION:helmand', date: null },
  },
  {
    name: 'light verb with event noun',
    text: 'Iran held talks with the European Union in Geneva last week.',
    ents: [['Iran', 'COUNTRY:IRN'], ['European Union', 'ORGANIZATION:eu'], ['Geneva', 'LOCATION:geneva']],
    trigger: 'held',
    expect: { action: 'hold talks', category: 'CONSULT', actor: 'COUNTRY:IRN', target: 'ORGANIZATION:eu', location: 'LOCATION:geneva' },
  },
  {
    name: 'reduced relative participle: the noun before it is the patient',
    text: 'The Far East Development Ministry, created in 2012, has petitioned Moscow for help.',
    ents: [['Far East Development Ministry', 'ORGANIZATION:fedm'], ['Moscow', 'COUNTRY:RUS']],
    txs: [['2012', '2012-01-01', '2012-12-31', 'year']],
    trigger: 'created',
    expect: { category: 'OTHER', actor: null, target: 'ORGANIZATION:fedm', date: '2012-01-01' },
  },
  {
    name: 'a parenthetical date does not date the main verb',
    text: 'The Far East Development Ministry, created in 2012, has petitioned Moscow for help.',
    ents: [['Far East Development Ministry', 'ORGANIZATION:fedm'], ['Moscow', 'COUNTRY:RUS']],
    txs: [['2012', '2012-01-01', '2012-12-31', 'year']],
    trigger: 'petitioned',
    expect: { category: 'REQUEST', actor: 'ORGANIZATION:fedm', target: 'COUNTRY:RUS' },
  },
  {
    name: 'definite description refers back to an organization',
    text: 'The Security Council met in New York, and the group condemned the launches.',
    ents: [['Security Council', 'ORGANIZATION:unsc'], ['New York', 'LOCATION:new-york']],
    trigger: 'condemned',
    expect: { span: 'the group condemned the launches', category: 'DISAPPROVE', actor: 'ORGANIZATION:unsc' },
  },
  {
    name: 'passive summons to a meeting: the body takes part',
    text: 'The Security Council was summoned for an emergency meeting.',
    ents: [['Security Council', 'ORGANIZATION:unsc']],
    trigger: 'summoned',
    expect: { span: 'The Security Council was summoned for an emergency meeting', category: 'CONSULT', actor: 'ORGANIZATION:unsc' },
  },
  {
    name: 'speech act: a warning of consequences is a threat by the speaker',
    text: 'Washington and Seoul "will bear the consequences," the Xinhua news agency stated.',
    ents: [['Washington', 'COUNTRY:USA'], ['Seoul', 'COUNTRY:KOR'], ['Xinhua', 'ORGANIZATION:xinhua']],
    trigger: 'bear the consequences',
    expect: { category: 'THREATEN', actor: 'ORGANIZATION:xinhua', target: 'COUNTRY:USA', modality: 'asserted' },
  },
  {
    name: 'labour strike is a protest',
    text: 'Thousands of workers went on strike in Paris on Monday.',
    ents: [['Paris', 'LOCATION:paris']],
    txs: [['Monday', '2017-03-06', '2017-03-06', 'day']],
    trigger: 'strike',
    expect: { category: 'PROTEST', location: 'LOCATION:paris', date: '2017-03-06' },
  },
  {
    name: 'debt cancellation is aid',
    text: 'Russia cancelled the debt of North Korea in 2014.',
    ents: [['Russia', 'COUNTRY:RUS'], ['North Korea', 'COUNTRY:PRK']],
    txs: [['2014', '2014-01-01', '2014-12-31', 'year']],
    trigger: 'cancelled',
    expect: { category: 'AID', actor: 'COUNTRY:RUS' },
  },
  {
    name: 'headline without auxiliary is passive',
    text: 'Opposition leader arrested in Moscow',
    ents: [['Moscow', 'LOCATION:moscow']],
    trigger: 'arrested',
    expect: { span: 'Opposition leader arrested in Moscow', category: 'COERCE', actor: null, location: 'LOCATION:moscow' },
  },
  {
    name: 'quantity heads take the head of their of-phrase',
    text: 'The government has met many of the unions\' demands.',
    ents: [],
    trigger: 'met',
    expect: { category: 'NONE' },
  },
  {
    name: 'getting fired is a dismissal, not an assault',
    text: 'Carly Fiorina got fired from her company in 2005.',
    ents: [['Carly Fiorina', 'PERSON:carly-fiorina']],
    txs: [['2005', '2005-01-01', '2005-12-31', 'year']],
    trigger: 'fired',
    expect: { category: 'OTHER', target: 'PERSON:carly-fiorina', date: '2005-01-01' },
  },
  {
    name: 'a name then "verb by ..." is active: the subject acts',
    text: 'Hamas attacked by surprise near Gaza City.',
    ents: [['Hamas', 'GROUP:hamas'], ['Gaza City', 'LOCATION:gaza-city']],
    trigger: 'attacked',
    expect: { span: 'Hamas attacked by surprise near Gaza City', category: 'ASSAULT', actor: 'GROUP:hamas', location: 'LOCATION:gaza-city' },
  },
  {
    name: 'relative pronoun subject takes its antecedent',
    text: 'Tory leader Michael Howard, who accused Tony Blair of lying, spoke on Monday.',
    ents: [['Michael Howard', 'PERSON:michael-howard'], ['Tony Blair', 'PERSON:tony-blair']],
    trigger: 'accused',
    expect: { span: 'Tory leader Michael Howard, who accused Tony Blair', category: 'ACCUSE', actor: 'PERSON:michael-howard', target: 'PERSON:tony-blair' },
  },
  {
    name: 'winning an election',
    text: 'Labour won the election in Hartlepool in 2004.',
    ents: [['Labour', 'ORGANIZATION:labour-party'], ['Hartlepool', 'LOCATION:hartlepool']],
    txs: [['2004', '2004-01-01', '2004-12-31', 'year']],
    trigger: 'won',
    expect: { span: 'Labour won the election in Hartlepool in 2004', action: 'win election', category: 'OTHER', actor: 'ORGANIZATION:labour-party', location: 'LOCATION:hartlepool', date: '2004-01-01' },
  },
  {
    name: 'reduced relative with by-agent after a noun',
    text: 'The missiles fired by North Korea landed in the sea.',
    ents: [['North Korea', 'COUNTRY:PRK']],
    trigger: 'fired',
    expect: { span: 'The missiles fired by North Korea', category: 'MOBILIZE', actor: 'COUNTRY:PRK' },
  },
];

describe('events: patterns', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, events } = runEvents(c.text, c.ents, c.txs ?? []);
      const ev = events.find((e) => slice(text, e.trigger) === c.trigger);
      if (c.expect.category === 'NONE') {
        expect(ev).toBeUndefined();
        return;
      }
      expect(ev, `no event with trigger "${c.trigger}" in ${JSON.stringify(events.map((e) => slice(text, e.trigger)))}`).toBeDefined();
      const x = c.expect;
      const at = text.indexOf(c.trigger);
      expect(ev!.trigger).toEqual({ start: at, end: at + c.trigger.length });
      if (x.span !== undefined) {
        expect(slice(text, ev!)).toBe(x.span);
        expect(ev!.start).toBe(text.indexOf(x.span));
      }
      if (x.action !== undefined) expect(ev!.action).toBe(x.action);
      expect(ev!.category).toBe(x.category);
      if (x.actor !== undefined) expect(ev!.actorKey).toBe(x.actor);
      if (x.target !== undefined) expect(ev!.targetKey).toBe(x.target);
      if (x.location !== undefined) expect(ev!.locationKey).toBe(x.location);
      if (x.date !== undefined) expect(ev!.dateStart).toBe(x.date);
      if (x.precision !== undefined) expect(ev!.datePrecision).toBe(x.precision);
      expect(ev!.modality).toBe(x.modality ?? 'asserted');
    });
  }
});

describe('events: one real-world event reported several times is one row', () => {
  it('merges the deployment told three ways, keeping the fullest evidence', () => {
    const text = [
      'On March 7, the U.S. made its option clear with the deployment of THAAD interceptors to South Korea.',
      "If Beijing's reaction to the March 7 deployment of an anti-missile system is anything to go by, China agrees.",
      'Shortly after the U.S. deployed the THAAD missile defenses on March 7, there was a response.',
    ].join(' ');
    const { events } = runEvents(text, [['the U.S.', 'COUNTRY:USA'], ['THAAD', 'MISC:thaad'], ['South Korea', 'COUNTRY:KOR'], ['Beijing', 'COUNTRY:CHN'], ['China', 'COUNTRY:CHN']],
      [['March 7', '2017-03-07', '2017-03-07', 'day']]);
    const mob = events.filter((e) => e.category === 'MOBILIZE');
    expect(mob).toHaveLength(1);
    expect(slice(text, mob[0].trigger)).toBe('deployment');
    expect(mob[0].trigger.start).toBe(text.indexOf('deployment'));
    expect(mob[0]).toMatchObject({ actorKey: 'COUNTRY:USA', locationKey: 'COUNTRY:KOR', dateStart: '2017-03-07', modality: 'asserted' });
  });

  it('keeps two deployments on different days apart', () => {
    const text = 'The U.S. deployed troops to Poland on March 1. The U.S. deployed more troops to Poland on May 9.';
    const { events } = runEvents(text, [['The U.S.', 'COUNTRY:USA'], ['Poland', 'COUNTRY:POL']],
      [['March 1', '2017-03-01', '2017-03-01', 'day'], ['May 9', '2017-05-09', '2017-05-09', 'day']]);
    expect(events.filter((e) => e.category === 'MOBILIZE').map((e) => e.dateStart)).toEqual(['2017-03-01', '2017-05-09']);
  });
});
