import { describe, expect, it } from 'vitest';
import { runEvents, slice, type Ent, type Tx } from './eventHelpers.js';

// Who did what: subject choice, possessors, pronoun gender, victims and places,
// negation with typographic apostrophes. Each case names the trigger and the
// fields that must come out (null = must stay empty).
interface Case {
  name: string;
  text: string;
  ents: Ent[];
  txs?: Tx[];
  trigger: string;
  expect: { category: string; actor?: string | null; target?: string | null; location?: string | null; modality?: string; date?: string | null };
}

const CASES: Case[] = [
  { name: 'a possessor does not act: "Brown\'s ally denied"', text: "Brown's ally denied the claims on Monday.", ents: [['Brown', 'PERSON:gordon-brown']], trigger: 'denied', expect: { category: 'REJECT', actor: null } },
  { name: 'a possessor acts through a spokesman', text: "Brown's spokesman denied the claims on Monday.", ents: [['Brown', 'PERSON:gordon-brown']], trigger: 'denied', expect: { category: 'REJECT', actor: 'PERSON:gordon-brown' } },
  { name: 'a modifier mention gives way to the name it modifies', text: 'Pate said he would support Democrat Hillary Clinton in November.', ents: [['Pate', 'PERSON:pate'], ['Democrat', 'GROUP:democrats'], ['Hillary Clinton', 'PERSON:hillary-clinton']], trigger: 'support', expect: { category: 'SUPPORT', actor: 'PERSON:pate', target: 'PERSON:hillary-clinton', modality: 'hypothetical' } },
  { name: 'a pronoun is the whole subject, not the name before it', text: 'Pate told Breitbart News he backed Hillary Clinton.', ents: [['Pate', 'PERSON:pate'], ['Breitbart News', 'ORGANIZATION:breitbart'], ['Hillary Clinton', 'PERSON:hillary-clinton']], trigger: 'backed', expect: { category: 'SUPPORT', actor: 'PERSON:pate', target: 'PERSON:hillary-clinton' } },
  { name: '"she" skips a nearer man', text: 'Ruth Kelly met Tony Blair on Monday. She criticised the plans.', ents: [['Ruth Kelly', 'PERSON:ruth-kelly'], ['Tony Blair', 'PERSON:tony-blair']], trigger: 'criticised', expect: { category: 'DISAPPROVE', actor: 'PERSON:ruth-kelly' } },
  { name: '"he" follows a title', text: 'Mr Howard met Ms Hughes in London. He criticised the plans.', ents: [['Howard', 'PERSON:michael-howard'], ['Hughes', 'PERSON:beverley-hughes'], ['London', 'LOCATION:london']], trigger: 'criticised', expect: { category: 'DISAPPROVE', actor: 'PERSON:michael-howard' } },
  { name: 'a victim named: "at" gives no target', text: 'A child was killed at Sandy Hook Elementary School.', ents: [['Sandy Hook Elementary School', 'ORGANIZATION:sandy-hook']], trigger: 'killed', expect: { category: 'ASSAULT', target: null } },
  { name: 'weapons fired at a place: the place is the target', text: 'Rebels fired rockets at Kabul.', ents: [['Kabul', 'LOCATION:kabul']], trigger: 'fired', expect: { category: 'ASSAULT', target: 'LOCATION:kabul' } },
  { name: 'a conjunct that opens a clause is no object', text: 'A woman asked for a photo and Clinton said yes.', ents: [['Clinton', 'PERSON:bill-clinton']], trigger: 'asked for', expect: { category: 'REQUEST', target: null } },
  { name: '"hasn’t" with a curly apostrophe negates', text: 'Pate hasn’t donated to Rubio.', ents: [['Pate', 'PERSON:pate'], ['Rubio', 'PERSON:marco-rubio']], trigger: 'donated', expect: { category: 'AID', actor: 'PERSON:pate', modality: 'negated' } },
  { name: 'a warning to a named party is a threat', text: 'The United States warned North Korea on Monday.', ents: [['The United States', 'COUNTRY:USA'], ['North Korea', 'COUNTRY:PRK']], trigger: 'warned', expect: { category: 'THREATEN', actor: 'COUNTRY:USA', target: 'COUNTRY:PRK' } },
  { name: 'a warning of consequences is a threat', text: 'China warned of serious consequences on Tuesday.', ents: [['China', 'COUNTRY:CHN']], trigger: 'warned of', expect: { category: 'THREATEN', actor: 'COUNTRY:CHN' } },
  { name: 'the governor\'s subject is the infinitive\'s, and "forced to" happened', text: 'Ms Hughes was forced to resign in April.', ents: [['Hughes', 'PERSON:beverley-hughes']], txs: [['April', '2004-04-01', '2004-04-30', 'month']], trigger: 'resign', expect: { category: 'CONCEDE', actor: 'PERSON:beverley-hughes', modality: 'asserted' } },
  { name: '"had to" happened', text: 'Bush had to lend his campaign money last month.', ents: [['Bush', 'PERSON:jeb-bush']], txs: [['last month', '2016-02-01', '2016-02-29', 'month']], trigger: 'lend', expect: { category: 'AID', actor: 'PERSON:jeb-bush', modality: 'asserted' } },
  { name: 'a participle like its base form: "has been set up" is passive', text: 'The unit has been set up by the TUC.', ents: [['TUC', 'ORGANIZATION:tuc']], trigger: 'set up', expect: { category: 'OTHER', actor: 'ORGANIZATION:tuc' } },
];

describe('events: participants and modality', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, events } = runEvents(c.text, c.ents, c.txs ?? []);
      const e = events.find((x) => slice(text, x.trigger) === c.trigger);
      expect(e, `no "${c.trigger}" in ${JSON.stringify(events.map((x) => slice(text, x.trigger)))}`).toBeDefined();
      const want: Record<string, unknown> = { category: c.expect.category };
      if (c.expect.actor !== undefined) want.actorKey = c.expect.actor;
      if (c.expect.target !== undefined) want.targetKey = c.expect.target;
      if (c.expect.location !== undefined) want.locationKey = c.expect.location;
      if (c.expect.modality !== undefined) want.modality = c.expect.modality;
      expect(e).toMatchObject(want);
      expect(text.slice(e!.start, e!.end)).toContain(c.trigger);
    });
  }
});

const MORE: Case[] = [
  { name: 'an appositive names the subject', text: "Clinton's Democratic opponent, Vermont Sen. Bernie Sanders, also praised the plan.", ents: [['Clinton', 'PERSON:hillary-clinton'], ['Democratic', 'GROUP:democrats'], ['Vermont', 'LOCATION:vermont'], ['Bernie Sanders', 'PERSON:bernie-sanders']], trigger: 'praised', expect: { category: 'SUPPORT', actor: 'PERSON:bernie-sanders' } },
  { name: 'forces deployed in the passive belong to the country named on them', text: 'Libyan army troops were deployed on Friday.', ents: [['Libyan', 'COUNTRY:LBY']], txs: [['Friday', '2015-12-04', '2015-12-04', 'day']], trigger: 'deployed', expect: { category: 'MOBILIZE', actor: 'COUNTRY:LBY', target: null } },
  { name: 'a date in a relative clause dates its own verb', text: 'Ted Cruz was endorsed by Morton Blackwell, who founded the institute in 1979.', ents: [['Ted Cruz', 'PERSON:ted-cruz'], ['Morton Blackwell', 'PERSON:morton-blackwell']], txs: [['1979', '1979-01-01', '1979-12-31', 'year']], trigger: 'endorsed', expect: { category: 'SUPPORT', actor: 'PERSON:morton-blackwell', target: 'PERSON:ted-cruz', date: null } },
  { name: 'a named person attacking someone is speaking', text: 'Marco Rubio attacked Ted Cruz on Monday.', ents: [['Marco Rubio', 'PERSON:marco-rubio'], ['Ted Cruz', 'PERSON:ted-cruz']], txs: [['Monday', '2016-02-15', '2016-02-15', 'day']], trigger: 'attacked', expect: { category: 'DISAPPROVE', actor: 'PERSON:marco-rubio' } },
  { name: 'attacks from a named person are verbal', text: 'Cruz faced attacks from Senator Marco Rubio over immigration.', ents: [['Cruz', 'PERSON:ted-cruz'], ['Marco Rubio', 'PERSON:marco-rubio']], trigger: 'attacks', expect: { category: 'DISAPPROVE', actor: 'PERSON:marco-rubio' } },
  { name: 'armed groups attacking a city is force', text: 'Taliban fighters attacked Kunduz on Monday.', ents: [['Taliban', 'GROUP:taliban'], ['Kunduz', 'LOCATION:kunduz']], txs: [['Monday', '2015-09-28', '2015-09-28', 'day']], trigger: 'attacked', expect: { category: 'ASSAULT' } },
  { name: 'a candidate suspending a campaign concedes', text: 'Marco Rubio suspended his presidential campaign on Tuesday.', ents: [['Marco Rubio', 'PERSON:marco-rubio']], txs: [['Tuesday', '2016-03-15', '2016-03-15', 'day']], trigger: 'suspended', expect: { category: 'CONCEDE', actor: 'PERSON:marco-rubio' } },
  { name: 'disarming a population is repression', text: 'The regime disarmed the civilians of Homs in 2012.', ents: [['Homs', 'LOCATION:homs']], txs: [['2012', '2012-01-01', '2012-12-31', 'year']], trigger: 'disarmed', expect: { category: 'COERCE' } },
  { name: 'a count of victims is no sports score', text: 'Gunmen killed 20 in Kabul on Monday.', ents: [['Kabul', 'LOCATION:kabul']], txs: [['Monday', '2015-12-07', '2015-12-07', 'day']], trigger: 'killed', expect: { category: 'ASSAULT', location: 'LOCATION:kabul' } },
];

describe('events: participants, continued', () => {
  for (const c of MORE) {
    it(c.name, () => {
      const { text, events } = runEvents(c.text, c.ents, c.txs ?? []);
      const e = events.find((x) => slice(text, x.trigger) === c.trigger);
      expect(e, `no "${c.trigger}" in ${JSON.stringify(events.map((x) => slice(text, x.trigger)))}`).toBeDefined();
      const want: Record<string, unknown> = { category: c.expect.category };
      if (c.expect.actor !== undefined) want.actorKey = c.expect.actor;
      if (c.expect.target !== undefined) want.targetKey = c.expect.target;
      if (c.expect.location !== undefined) want.locationKey = c.expect.location;
      if (c.expect.date !== undefined) want.dateStart = c.expect.date;
      expect(e).toMatchObject(want);
    });
  }
});
