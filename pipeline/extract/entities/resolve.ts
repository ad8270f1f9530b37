import type { Doc, EntityHit, EntityType, MentionForm, MentionHit } from '../../types.js';
import { HYPHEN_SUFFIX, entityKey, gazetteer, slug, type Gazetteer, type KnownEntity } from './gazetteer.js';
import type { Sentence } from './model.js';
import { dataJson, wordSet } from '../../lexicon.js';
import type { RawSpan } from './recognize.js';
import { phraseKey } from './tokenize.js';

/** A span after typing: which entity it names and how. */
export interface Typed extends RawSpan {
  type: EntityType;
  key: string;
  name: string;
  subtype: string | null;
  countryCode: string | null;
  form: MentionForm;
  margin: number;
}

// Prepositions after which a capital is a place, not its government ("the government in Pyongyang").
const PLACE_PREPS = new Set(['in', 'to', 'from', 'at', 'near', 'into', 'outside', 'inside', 'across', 'via', 'around', 'toward', 'towards', 'visit', 'visited', 'visiting', 'arrived', 'left', 'of']);

// Adjectives that place a city's part ("central London", "downtown Kiev"): the place itself.
const PLACE_ADJ = new Set(['central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'greater', 'downtown', 'inner', 'outer', 'suburban', 'rural', 'old']);

const ORG_SUBTYPES: Array<[RegExp, string]> = [
  [/\bnews agency$/i, 'news_agency'],
  [/\b(ministry|department|council|parliament|senate|congress|assembly|government|cabinet|commission|office|agency|bureau|authority)\b/i, 'government_body'],
  [/\b(center|centre|institute|foundation|think tank)$/i, 'think_tank'],
  [/\b(times|post|journal|herald|tribune|telegraph|gazette|news)$/i, 'newspaper'],
  [/\b(inc\.?|corp\.?|corporation|co\.?|ltd\.?|plc|llc|ag|sa|nv|gmbh|group|holdings|company|bank|airlines|motors)$/i, 'company'],
  [/\b(university|college|school|academy)$/i, 'university'],
  [/\b(party|front|movement)$/i, 'political_party'],
  [/\b(fc|united|city|rovers|club|wanderers|athletic)$/i, 'sports_club'],
  [/\b(army|navy|force|forces|police|guard)$/i, 'armed_force'],
];
const LOC_SUBTYPES: Array<[RegExp, string]> = [
  [/\b(sea|ocean|gulf|bay|strait|straits)\b/i, 'sea'],
  [/\b(river|lake|canal)\b/i, 'water'],
  [/\b(mountain|mountains|mount|hills|valley|desert|peninsula|island|islands|isles|coast|cape)\b/i, 'natural_feature'],
  [/\b(province|region|state|county|district|territory)$/i, 'region'],
  [/\b(street|avenue|road|square|bridge|airport|port|stadium|park)$/i, 'facility'],
];
const MISC_SUBTYPES: Array<[RegExp, string]> = [
  [/\bwars?$/i, 'war'],
  [/\b(act|treaty|accord|accords|agreement|convention|law)$/i, 'law'],
  [/\b(cup|open|championships?|games|olympics|grand prix|tour|trophy|series)$/i, 'event'],
  [/\b(prize|award|awards)$/i, 'award'],
  [/\b(christmas|easter|ramadan|eid|thanksgiving|hanukkah|diwali|passover|halloween|new year|day|eve)\b/i, 'holiday'],
];

function subtypeOf(table: Array<[RegExp, string]>, name: string): string | null {
  for (const [re, st] of table) if (re.test(name)) return st;
  return null;
}

// Common nouns right after an organization's name that say what it is ("Carnegie Moscow think tank").
const ORG_HEAD_NOUNS: Array<[string, string]> = [
  ['think tank', 'think_tank'],
  ['news agency', 'news_agency'],
  ['newspaper', 'newspaper'],
  ['daily', 'newspaper'],
  ['company', 'company'],
  ['firm', 'company'],
  ['group', 'company'],
  ['bank', 'company'],
  ['party', 'political_party'],
  ['ministry', 'government_body'],
  ['agency', 'government_body'],
  ['university', 'university'],
];

// Plural place nouns that make a list of names places ("Amur, Primorsk, and Khabarovsk regions").
const PLACE_NOUNS = new Set(['region', 'regions', 'province', 'provinces', 'state', 'states', 'county', 'counties', 'district', 'districts', 'island', 'islands', 'river', 'rivers', 'city', 'cities', 'town', 'towns', 'village', 'villages', 'oblast', 'territory', 'territories', 'valley', 'mountains', 'sea', 'lake', 'peninsula']);

// First words that make a name a place whatever follows ("Sea of Japan", "Gulf of Mexico").
const PLACE_HEAD = /^(sea|gulf|bay|lake|mount|strait|straits|isle|isles|cape|river|ocean|port|island|islands)$/i;

const LABEL_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', MISC: 'MISC' };

function isAcronym(s: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(s) || /^\p{Lu}{2,6}$/u.test(s) || /^\p{Lu}\.\p{Lu}$/u.test(s);
}

/** A typed span with one fixed field order (keeps the objects monomorphic, hence fast). */
function mkTyped(sp: RawSpan, type: EntityType, key: string, name: string, subtype: string | null, countryCode: string | null, form: MentionForm, rule: string): Typed {
  return {
    start: sp.start, end: sp.end, text: sp.text, label: sp.label, sentence: sp.sentence, t0: sp.t0, t1: sp.t1, rule,
    heading: sp.heading ?? false, type, key, name, subtype, countryCode, form, margin: sp.margin ?? 0,
  };
}

const nameKeys = new Map<string, string>();
function cachedKey(name: string): string {
  let k = nameKeys.get(name);
  if (k === undefined) nameKeys.set(name, (k = phraseKey(name)));
  return k;
}

function fromKnown(sp: RawSpan, e: KnownEntity, surface: string, surfaceKey: string): Typed {
  const form: MentionForm =
    cachedKey(e.name) === surfaceKey ? 'name' : isAcronym(surface.replace(/^the\s+/i, '')) ? 'acronym' : 'alias';
  return mkTyped(sp, e.type, e.key, e.name, e.subtype, e.countryCode, form, sp.rule + '+lexicon');
}

// Words after a city name that show it is a place ("Moscow subway", "Seoul-based").
const PLACE_NEXT = new Set(['-', 'based', 'time', 'region', 'area', 'city', 'province', 'street', 'university', 'office', 'bureau', 'correspondent', 'residents', 'airport', 'subway', 'metro', 'police', 'mayor', 'court']);

/**
 * Is the capital at this span used for its government? "Pyongyang fired",
 * "Moscow's response", "run by Pyongyang" yes; "in Pyongyang", "the Moscow
 * subway", a dateline no.
 */
function isMetonym(s: Sentence, sp: RawSpan): boolean {
  const toks = s.tokens;
  const prevTok = sp.t0 > 0 ? toks[sp.t0 - 1] : null;
  const prev = prevTok?.lower ?? '';
  if (PLACE_PREPS.has(prev) || PLACE_ADJ.has(prev) || prev === 'the' || prev === 'a' || prev === 'an') return false;
  const next = sp.t1 < toks.length ? toks[sp.t1] : null;
  if (next && (next.lower === "'s" || next.lower === '’s')) return true;
  if (next && /^\p{Ll}/u.test(next.text)) return !PLACE_NEXT.has(next.lower);
  if (next && PLACE_NEXT.has(next.lower)) return false;
  // Object of a verb or preposition that is not about place ("supported Pyongyang", "leverage over Pyongyang").
  return !!prevTok && /^\p{Ll}/u.test(prevTok.text);
}

/** Types every span: countries, demonyms, capitals as governments, curated bodies, then the tagger's label. */
export function typeSpans(doc: Doc, sentences: Sentence[], spans: RawSpan[], g: Gazetteer = gazetteer()): Typed[] {
  const out: Typed[] = [];
  for (const sp of spans) {
    const s = sentences[sp.sentence];
    const key = s.tokens
      .slice(sp.t0, sp.t1)
      .map((t) => t.lower)
      .join(' ');
    const known = g.known.get(key) ?? g.known.get(key.replace(/^the /, ''));
    if (known && !(known.type === 'COUNTRY' && sp.label === 'PER')) {
      out.push(fromKnown(sp, known, sp.text, key));
      continue;
    }
    // "U.S.-led", "UK-based": the country or place used as a modifier, like a demonym.
    const hy = HYPHEN_SUFFIX.exec(sp.text);
    const dem = g.demonym.get(key) ?? (hy ? g.known.get(phraseKey(hy[1])) ?? g.capital.get(phraseKey(hy[1])) : undefined);
    if (dem) {
      out.push(mkTyped(sp, dem.type, dem.key, dem.name, dem.subtype, dem.countryCode, 'demonym', sp.rule + '+demonym'));
      continue;
    }
    const ppl = g.people.get(key);
    if (ppl) {
      const name = sp.text.replace(/^the\s+/i, '');
      out.push(mkTyped(sp, 'GROUP', entityKey('GROUP', name), name, 'nationality', ppl.countryCode, 'name', sp.rule + '+people'));
      continue;
    }
    const cap = g.capital.get(key);
    if (cap && sp.label !== 'PER' && sp.label !== 'MISC') {
      if (isMetonym(s, sp)) {
        out.push(mkTyped(sp, cap.type, cap.key, cap.name, cap.subtype, cap.countryCode, 'metonym', sp.rule + '+metonym'));
      } else {
        out.push(mkTyped(sp, 'LOCATION', entityKey('LOCATION', sp.text), sp.text, 'city', cap.countryCode, 'name', sp.rule + '+capital'));
      }
      continue;
    }
    let type = LABEL_TYPE[sp.label] ?? 'MISC';
    const toks = s.tokens;
    const words = key.split(' ');
    const holidays = wordSet('holidays.txt');
    if (words.some((w, i) => holidays.has(w) || holidays.has(w + ' ' + (words[i + 1] ?? '')))) type = 'MISC';
    else if (type !== 'LOCATION' && sp.t1 - sp.t0 > 1 && PLACE_HEAD.test(words[0]) && words[1] === 'of') type = 'LOCATION';
    else if (placeListBefore(toks, sp.t1)) type = 'LOCATION';
    else if (type !== 'ORGANIZATION' && words.length > 1 && words.some((w, i) => wordSet('org_heads.txt').has(w) && (i === words.length - 1 || words[i + 1] === 'of'))) {
      // "Spanish Football Federation", "Russian Ministry of Labor": the head word names an organization.
      type = 'ORGANIZATION';
    } else if ((type === 'PERSON' || type === 'MISC') && words.length > 1 && (wordSet('place_heads.txt').has(words[words.length - 1]) || wordSet('place_prefixes.txt').has(words[0]))) {
      // "Coudenberg Cellars", "Oxford Street", "Fort Hood": a building or street noun ends the name, or a settlement prefix starts it.
      type = 'LOCATION';
    } else if (type !== 'MISC' && words.length > 1 && g.miscKeyword.has(words[words.length - 1])) {
      // "Vietnam War", "Clean Air Act": wars, laws and competitions.
      type = 'MISC';
    }
    else if (type === 'PERSON' && words.length > 1 && !personLike(words, g) && words.every((x) => g.common.has(x) && !g.tags.has(x))) {
      // Capitalized ordinary words ("Far Eastern") are not a person's name.
      type = 'MISC';
    } else if (type === 'PERSON' && words.length > 1 && thingName(doc.text, words, g)) {
      // A name ending in an ordinary noun ("Windows Messenger", "Sharon Statement") is a thing's, not a person's.
      type = g.orgSuffix.has(words[words.length - 1]) ? 'ORGANIZATION' : 'MISC';
    }
    let subtype: string | null = null;
    if (type === 'ORGANIZATION') subtype = headNounSubtype(toks, sp.t1) ?? subtypeOf(ORG_SUBTYPES, sp.text);
    else if (type === 'LOCATION') {
      const noun = placeListBefore(toks, sp.t1);
      subtype = g.tags.get(key)?.has('city') ? 'city' : noun ? PLACE_NOUN_SUBTYPE[noun] ?? null : subtypeOf(LOC_SUBTYPES, sp.text);
    }
    else if (type === 'MISC') subtype = subtypeOf(MISC_SUBTYPES, sp.text);
    out.push(mkTyped(sp, type, entityKey(type, sp.text), sp.text, subtype, null, 'name', sp.rule));
  }
  return out;
}

function headNounSubtype(toks: Sentence['tokens'], t1: number): string | null {
  const next = toks.slice(t1, t1 + 2).map((t) => t.lower).join(' ');
  for (const [noun, st] of ORG_HEAD_NOUNS) if (next === noun || next.startsWith(noun + ' ')) return st;
  return null;
}

const PLACE_NOUN_SUBTYPE: Record<string, string> = {
  region: 'region', regions: 'region', province: 'region', provinces: 'region', state: 'region', states: 'region',
  county: 'region', counties: 'region', district: 'region', districts: 'region', oblast: 'region', territory: 'region',
  territories: 'region', city: 'city', cities: 'city', town: 'city', towns: 'city', village: 'city', villages: 'city',
  island: 'natural_feature', islands: 'natural_feature', valley: 'natural_feature', mountains: 'natural_feature',
  peninsula: 'natural_feature', river: 'water', rivers: 'water', lake: 'water', sea: 'sea',
};

/** The place noun closing a list of names the span ends: "A, B and C regions" → "regions". */
function placeListBefore(toks: Sentence['tokens'], t1: number): string | null {
  let i = t1;
  // Skip over further list items: ", B", ", and C", "and C".
  for (let guard = 0; guard < 12 && i < toks.length; guard++) {
    const w = toks[i].lower;
    if (PLACE_NOUNS.has(w)) return w;
    if (w === ',' || w === 'and' || w === 'or' || /^\p{Lu}/u.test(toks[i].text)) {
      i++;
      continue;
    }
    return null;
  }
  return null;
}

// The lower-case words of the last text asked about, built once per document (a scan per word
// would make long documents quadratic).
let lowerText: string | null = null;
let lowerWords = new Set<string>();

/** A word of ordinary English: an abstract noun, or one the text also writes in lower case. */
function ordinaryWord(text: string, w: string): boolean {
  if (ABSTRACT_NOUN.test(w)) return true;
  if (!/^[a-z]{4,}$/.test(w)) return false;
  if (lowerText !== text) {
    lowerText = text;
    lowerWords = new Set();
    for (const m of text.matchAll(/(?:^|[\s(“"'])([a-z]{4,})(?=[\s,.;:!?)”"'])/g)) lowerWords.add(m[1]);
  }
  return lowerWords.has(w);
}

/**
 * A capitalized run ending in an ordinary noun: an abstract noun ("Sharon Statement"), or,
 * after an unknown first word, a noun the text also writes in lower case ("Windows Messenger").
 */
function thingName(text: string, words: string[], g: Gazetteer): boolean {
  const last = words[words.length - 1];
  // "Reagan Democrats": a kind of people.
  if (g.people.has(last) || g.known.get(last)?.type === 'GROUP') return true;
  if (g.last.has(last) || g.first.has(last) || g.tags.has(last) || /^\p{L}\.?$/u.test(words[0])) return false;
  if (ABSTRACT_NOUN.test(last)) return true;
  return !g.first.has(words[0]) && ordinaryWord(text, last);
}
// Endings of abstract and mass nouns that no surname has ("Statement", "Industry").
const ABSTRACT_NOUN = /^[a-z]{3,}(?:tion|sion|ment|ference|dence|lence|gence|nance|iance|ity|ism|ship|ness|ogy|ware)s?$/;

/** Some sign that a capitalized phrase is a person's name: a known given name or surname. */
function personLike(words: string[], g: Gazetteer): boolean {
  return words.some((w) => g.first.has(w) || g.last.has(w));
}

interface OrgContext {
  before: string[];
  beforeNeeds: Record<string, string[]>;
  afterPossessive: string[];
  after: string[];
}

/**
 * A one-word "person" (or unknown "place") the article never gives a first name, seen where only a
 * company fits ("oil firm Yukos", "Yukos's shares", "Yukos said it"), is a company.
 */
function companyEvidence(typed: Typed[], sentences: Sentence[]): void {
  const ctx = dataJson<OrgContext>('org_context.json');
  const g = gazetteer();
  const before = new Set(ctx.before);
  const afterPoss = new Set(ctx.afterPossessive);
  const byKey = new Map<string, Typed[]>();
  for (const t of typed) {
    if (t.form !== 'name' || t.name.includes(' ') || t.rule !== 'tagger') continue;
    // Persons, and places or things no gazetteer knows ("shares in Zentrix"), by surface:
    // one name, one reading.
    if (t.type !== 'PERSON' && !((t.type === 'LOCATION' || t.type === 'MISC') && !g.tags.has(t.name.toLowerCase()))) continue;
    const list = byKey.get(t.name) ?? [];
    list.push(t);
    byKey.set(t.name, list);
  }
  for (const list of byKey.values()) {
    // "Mr Howard said" is a person whatever else the article says of the name.
    const titled = list.some((t) => {
      const prev = t.t0 > 0 ? sentences[t.sentence].tokens[t.t0 - 1].lower : '';
      return HONORIFIC_WORD.test(prev);
    });
    if (titled) continue;
    const company = list.some((t) => {
      const toks = sentences[t.sentence].tokens;
      const w = (i: number) => (i >= 0 && i < toks.length ? toks[i].lower : '');
      const prev = w(t.t0 - 1);
      if (before.has(prev) && (!ctx.beforeNeeds[prev] || ctx.beforeNeeds[prev].includes(w(t.t0 - 2)))) return true;
      if ((w(t.t1) === "'s" || w(t.t1) === '’s') && afterPoss.has(w(t.t1 + 1))) return true;
      const next2 = [w(t.t1), w(t.t1 + 1), w(t.t1 + 2)].filter(Boolean);
      return ctx.after.some((a) => (next2.join(' ') + ' ').startsWith(a + ' '));
    });
    if (!company) continue;
    for (const t of list) {
      Object.assign(t, { type: 'ORGANIZATION', key: entityKey('ORGANIZATION', t.name), subtype: 'company', rule: t.rule + '+company-context' });
    }
  }
}

interface PersonContext {
  verbsAfter: string[];
  afterPossessive: string[];
  pronouns: string[];
}

// The tagger's lead at which its person label needs no further evidence.
const PERSON_MARGIN = 14;
const LIST_SEP = new Set([',', 'and', 'or', '&']);
const HONORIFIC_WORD = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady)\.?$/;

/**
 * A lone unknown capitalized word the tagger calls a person ("Westminster", "Linux") stays one
 * only with some evidence in the article: a known given name or surname, a title before it,
 * a person-only verb or a he/she after it. Otherwise it names a place when the lexicon says so,
 * else a body.
 */
function personEvidence(typed: Typed[], sentences: Sentence[], text: string): Set<Typed> {
  const dropped = new Set<Typed>();
  const g = gazetteer();
  const ctx = dataJson<PersonContext>('person_context.json');
  const verbs = ctx.verbsAfter.map((v) => v.split(' '));
  const poss = new Set(ctx.afterPossessive);
  const pron = new Set(ctx.pronouns);
  const titles = wordSet('name_titles.txt');
  const byKey = new Map<string, Typed[]>();
  for (const t of typed) {
    if (t.type !== 'PERSON' || t.form !== 'name' || t.name.includes(' ') || (t.rule !== 'tagger' && t.rule !== 'heading-tagger')) continue;
    const list = byKey.get(t.key) ?? [];
    list.push(t);
    byKey.set(t.key, list);
  }
  // Keys with no lexical sign of a person: they say nothing about their list neighbours.
  const bare = new Set<Typed>();
  for (const list of byKey.values()) {
    const w = list[0].name.toLowerCase();
    if (!g.first.has(w) && !g.last.has(w)) for (const t of list) bare.add(t);
  }
  const perKey = new Map<string, number>();
  for (const t of typed) perKey.set(t.key, (perKey.get(t.key) ?? 0) + 1);
  for (const [key, list] of byKey) {
    // Every mention of the key must be a bare tagger guess (none resolved to a full name).
    if ((perKey.get(key) ?? 0) > list.length) continue;
    const w = list[0].name.toLowerCase();
    if (g.first.has(w) || g.last.has(w)) continue;
    const evidence = list.some((t) => {
      const s = sentences[t.sentence];
      if (s.caps || t.margin >= PERSON_MARGIN) return true;
      const toks = s.tokens;
      const at = (i: number) => (i >= 0 && i < toks.length ? toks[i].lower : '');
      const prev = at(t.t0 - 1);
      if (HONORIFIC_WORD.test(prev) || g.personTitle.has(prev) || titles.has(prev) || g.personTitle.has(prev.replace(/\.$/, ''))) return true;
      let i = t.t1;
      if (at(i) === "'s" || at(i) === '’s') return poss.has(at(i + 1)) || poss.has(at(i + 1) + ' ' + at(i + 2));
      // "X, 45, said" and "X, who": an age or a relative "who".
      if (at(i) === ',' && (at(i + 1) === 'who' || (/^\d{1,2}$/.test(at(i + 1)) && at(i + 2) === ','))) return true;
      if (at(i) === 'also' || at(i) === 'then' || at(i) === 'later') i++;
      if (verbs.some((v) => v.every((x, k) => at(i + k) === x))) return true;
      // A he/she soon after, before any other name.
      for (let k = t.t1; k < Math.min(toks.length, t.t1 + 8); k++) {
        if (/^\p{Lu}/u.test(toks[k].text) && k > t.t1) break;
        if (pron.has(toks[k].lower)) return true;
      }
      return false;
    });
    if (evidence) continue;
    // In a list ("Leicester, Somerset, Basingstoke and Torbay") a name takes its neighbours' type.
    const near = new Set<EntityType>();
    for (const t of list) {
      const i = typed.indexOf(t);
      const toks = sentences[t.sentence].tokens;
      const listed = (a: Typed, b: Typed) => {
        const gap = toks.slice(a.t1, b.t0);
        return a.sentence === b.sentence && gap.length >= 1 && gap.length <= 2 && gap.every((x) => LIST_SEP.has(x.lower));
      };
      // Walk each way over other unknown items to the first name whose type is known.
      for (const step of [-1, 1]) {
        let cur = t;
        for (let j = i + step; j >= 0 && j < typed.length; j += step) {
          const u = typed[j];
          if (!(step < 0 ? listed(u, cur) : listed(cur, u))) break;
          if (!bare.has(u)) {
            near.add(u.type === 'COUNTRY' ? 'LOCATION' : u.type);
            break;
          }
          cur = u;
        }
      }
    }
    if (near.has('PERSON')) continue;
    const tags = g.tags.get(w);
    // An ordinary word capitalized ("Scandal", "Freedom", "Copyright") names nothing.
    if (!tags && near.size === 0 && ordinaryWord(text, w)) {
      for (const t of list) dropped.add(t);
      continue;
    }
    const place = (!!tags && (tags.has('city') || tags.has('place') || tags.has('country'))) || (near.has('LOCATION') && !near.has('ORGANIZATION'));
    // "Linux software", "Stolichnaya vodka": a product.
    const products = wordSet('product_nouns.txt');
    const product = !place && list.some((t) => products.has(sentences[t.sentence].tokens[t.t1]?.lower ?? ''));
    const type: EntityType = place ? 'LOCATION' : product ? 'MISC' : 'ORGANIZATION';
    for (const t of list) {
      Object.assign(t, { type, key: entityKey(type, t.name), subtype: tags?.has('city') ? 'city' : null, rule: t.rule + '+no-person-evidence' });
    }
  }
  return dropped;
}

/**
 * "Georgia" among "Iowa" and "New Hampshire": a country name the lexicon also knows as a
 * region of some country is that region when the article names two or more other such regions
 * and never the country's capital or people ("Tbilisi", "Georgian").
 */
function regionHomonyms(typed: Typed[]): void {
  const g = gazetteer();
  const isRegion = (k: string) => !!g.tags.get(k)?.has('place');
  const regions = new Set<string>();
  for (const t of typed) {
    const k = t.text.toLowerCase();
    if (t.type === 'LOCATION' && isRegion(k) && !g.tags.get(k)!.has('country')) regions.add(k);
  }
  if (regions.size < 2) return;
  const byCountry = new Map<string, Typed[]>();
  for (const t of typed) {
    if (t.type !== 'COUNTRY' || !t.countryCode) continue;
    const list = byCountry.get(t.countryCode) ?? [];
    list.push(t);
    byCountry.set(t.countryCode, list);
  }
  // The country's capital named anywhere keeps it a country.
  const capitals = new Set(typed.filter((t) => t.rule.includes('+capital') || t.rule.includes('+metonym')).map((t) => t.countryCode));
  for (const [code, list] of byCountry) {
    if (capitals.has(code)) continue;
    // Every mention of the country must be the bare homonym.
    if (!list.every((t) => t.form === 'name' && t.text === list[0].text && isRegion(t.text.toLowerCase()))) continue;
    for (const t of list) {
      Object.assign(t, { type: 'LOCATION', key: entityKey('LOCATION', t.text), name: t.text, subtype: 'region', countryCode: null, rule: t.rule + '+region' });
    }
  }
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Merges mentions inside the article: a surname joins the full name it ends
 * ("Putin" → "Vladimir Putin"), an acronym the name whose initials it spells,
 * and one surface keeps one entity (majority type).
 */
export function resolve(all: Typed[], sentences: Sentence[], text = ''): { mentions: MentionHit[]; entities: EntityHit[] } {
  const bodyTexts = new Set(all.filter((t) => !t.heading).map((t) => t.text));
  const typed = all.filter((t) => !t.heading || bodyTexts.has(t.text));
  // One surface, one type: the type most often given to it in this article.
  const votes = new Map<string, Map<string, number>>();
  for (const t of typed) {
    if (t.form !== 'name') continue;
    const m = votes.get(t.text) ?? new Map<string, number>();
    m.set(t.key, (m.get(t.key) ?? 0) + 1);
    votes.set(t.text, m);
  }
  const byKey = new Map<string, Typed>();
  for (const t of typed) if (!byKey.has(t.key)) byKey.set(t.key, t);
  for (const t of typed) {
    const m = votes.get(t.text);
    if (!m || m.size < 2 || t.form !== 'name') continue;
    const ranked = [...m.entries()].sort((a, b) => b[1] - a[1]);
    // Only a clear majority decides; a tie keeps each reading.
    if (ranked[0][1] === ranked[1][1]) continue;
    const w = byKey.get(ranked[0][0])!;
    Object.assign(t, { type: w.type, key: w.key, name: w.name, subtype: w.subtype, countryCode: w.countryCode });
  }

  // Named bodies by initials.
  const orgsByInitials = new Map<string, Typed>();
  for (const t of typed) {
    const words = t.name.split(/\s+/);
    if ((t.type === 'ORGANIZATION' || t.type === 'MISC') && words.length > 1) {
      const ini = initials(t.name);
      if (ini.length >= 2 && !orgsByInitials.has(ini)) orgsByInitials.set(ini, t);
    }
  }
  // A shortened organization name that starts a longer one ("Carnegie Moscow" → "Carnegie Moscow Center").
  const orgs = [...new Map(typed.filter((t) => t.type === 'ORGANIZATION' && t.form === 'name').map((t) => [t.key, t])).values()];
  // Indexed by every proper word prefix, so the lookup stays linear in long documents.
  const byPrefix = new Map<string, Typed[]>();
  for (const o of orgs) {
    const w = o.name.split(' ');
    for (let k = 1; k < w.length; k++) {
      const pre = w.slice(0, k).join(' ');
      const list = byPrefix.get(pre) ?? [];
      list.push(o);
      byPrefix.set(pre, list);
    }
  }
  for (const t of typed) {
    if (t.type !== 'ORGANIZATION' || t.form !== 'name' || !t.name.includes(' ')) continue;
    const longer = byPrefix.get(t.name)?.find((o) => o.key !== t.key && o.name.startsWith(t.name + ' '));
    if (longer) Object.assign(t, { key: longer.key, name: longer.name, subtype: longer.subtype, countryCode: longer.countryCode, form: 'alias', rule: t.rule + '+prefix' });
  }
  // Full names of people, in text order, to resolve shorter references against.
  const fullNames = typed.filter((t) => t.type === 'PERSON' && t.form === 'name' && t.name.includes(' '));
  // "Donald J. Trump" and "Donald Trump": same first and last word, one person (the most used form).
  const byEnds = new Map<string, Map<string, { t: Typed; n: number }>>();
  for (const f of fullNames) {
    const w = f.name.split(' ');
    const k = `${w[0]} ${w[w.length - 1]}`.toLowerCase();
    const forms = byEnds.get(k) ?? new Map<string, { t: Typed; n: number }>();
    const cur = forms.get(f.key) ?? { t: f, n: 0 };
    cur.n++;
    forms.set(f.key, cur);
    byEnds.set(k, forms);
  }
  for (const f of fullNames) {
    const w = f.name.split(' ');
    const forms = byEnds.get(`${w[0]} ${w[w.length - 1]}`.toLowerCase())!;
    if (forms.size < 2) continue;
    const best = [...forms.values()].sort((a, b) => b.n - a.n || a.t.start - b.t.start)[0].t;
    if (best.key !== f.key) Object.assign(f, { key: best.key, name: best.name, form: 'alias', rule: f.rule + '+middle-name' });
  }
  // Full names by each proper word suffix ("putin", "wasserman schultz") and by first word, in text order,
  // so that resolving a short reference is a lookup, not a scan (long documents hold many names).
  const bySuffix = new Map<string, Typed[]>();
  const byFirst = new Map<string, Typed[]>();
  for (const f of fullNames) {
    const w = f.name.toLowerCase().split(' ');
    for (let k = 1; k < w.length; k++) {
      const suf = w.slice(k).join(' ');
      const list = bySuffix.get(suf) ?? [];
      if (list[list.length - 1] !== f) list.push(f);
      bySuffix.set(suf, list);
    }
    const first = f.name.split(' ')[0];
    const list = byFirst.get(first) ?? [];
    list.push(f);
    byFirst.set(first, list);
  }
  for (const list of bySuffix.values()) list.sort((a, b) => a.start - b.start);
  /** The full name a shorter reference points to: the nearest one before it, else the first after. */
  const nearest = (t: Typed, candidates: Typed[] | undefined): Typed | undefined => {
    if (!candidates || candidates.length === 0) return undefined;
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid].start < t.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) if (candidates[k] !== t && candidates[k].name !== t.name) return candidates[k];
    for (let k = lo; k < candidates.length; k++) if (candidates[k] !== t && candidates[k].name !== t.name) return candidates[k];
    return undefined;
  };
  for (const t of typed) {
    if (t.form !== 'name') continue;
    // "Putin" or "Wasserman Schultz" after "Vladimir Putin", "Debbie Wasserman Schultz".
    const lower = t.name.toLowerCase();
    const typedOk = t.type === 'PERSON' || (!t.name.includes(' ') && t.type !== 'COUNTRY' && t.type !== 'GROUP' && !t.rule.includes('+lexicon') && !t.rule.includes('+demonym'));
    // A name typed otherwise joins a person only when nothing else is known of it ("Democrats" never does).
    const full = typedOk ? nearest(t, bySuffix.get(lower)) : undefined;
    if (full) {
      Object.assign(t, { type: 'PERSON', key: full.key, name: full.name, subtype: null, countryCode: null, form: 'surname', rule: t.rule + '+surname' });
      continue;
    }
    // "the Clintons" after "Bill Clinton": the family of a person the article names.
    if (t.type !== 'PERSON' && !t.name.includes(' ') && /\p{Ll}s$/u.test(t.name) && !t.rule.includes('+lexicon') && !t.rule.includes('+people')) {
      const base = t.name.slice(0, -1).toLowerCase();
      if (bySuffix.has(base)) {
        Object.assign(t, { type: 'PERSON', key: entityKey('PERSON', t.name), subtype: 'family', countryCode: null, rule: t.rule + '+family' });
        continue;
      }
    }
    // "Hillary" after "Hillary Clinton": a known given name that only one person of the article has.
    if (t.type === 'PERSON' && !t.name.includes(' ') && gazetteer().first.has(lower)) {
      const same = byFirst.get(t.name) ?? [];
      const firsts = new Set(same.map((f) => f.key));
      if (firsts.size === 1) {
        const f = same[0];
        Object.assign(t, { key: f.key, name: f.name, form: 'alias', rule: t.rule + '+given-name' });
        continue;
      }
    }
    if (t.name.includes(' ')) continue;
    const plain = t.text.replace(/\./g, '');
    if (isAcronym(t.text) && orgsByInitials.has(plain)) {
      const full2 = orgsByInitials.get(plain)!;
      Object.assign(t, { type: full2.type, key: full2.key, name: full2.name, subtype: full2.subtype, countryCode: full2.countryCode, form: 'acronym', rule: t.rule + '+acronym' });
    }
  }

  // An acronym defined in brackets right after a name ("Rally for Democracy (RDR)") stands for it,
  // there and wherever else the article uses it.
  const defined = new Map<string, Typed>();
  for (let i = 1; i < typed.length; i++) {
    const t = typed[i];
    const prev = typed[i - 1];
    if (t.form !== 'name' || !isAcronym(t.text) || prev.sentence !== t.sentence || prev.form === 'acronym') continue;
    if (prev.type !== 'ORGANIZATION' || !initials(prev.name).includes(t.text[0])) continue;
    const toks = sentences[t.sentence].tokens;
    if (t.t0 !== prev.t1 + 1 || toks[prev.t1].text !== '(' || toks[t.t1]?.text !== ')') continue;
    if (!defined.has(t.text)) defined.set(t.text, prev);
  }
  for (const t of typed) {
    const full = t.form === 'name' ? defined.get(t.text) : undefined;
    if (full) Object.assign(t, { type: full.type, key: full.key, name: full.name, subtype: full.subtype, countryCode: full.countryCode, form: 'acronym', rule: t.rule + '+bracket-acronym' });
  }

  regionHomonyms(typed);
  companyEvidence(typed, sentences);

  // "Lagos, Nigeria": a place followed by its country takes the country's code.
  for (let i = 0; i + 1 < typed.length; i++) {
    const t = typed[i];
    const u = typed[i + 1];
    if (u.type !== 'COUNTRY' || u.form !== 'name' || u.sentence !== t.sentence || t.countryCode) continue;
    const toks = sentences[t.sentence].tokens;
    if (u.t0 !== t.t1 + 1 || toks[t.t1].text !== ',') continue;
    const after = toks[u.t1]?.text ?? '';
    // A lone unknown "person" in that slot is a town ("Kisumu, Kenya,"), unless the country owns something next.
    if (t.type === 'PERSON' && t.rule === 'tagger' && !t.name.includes(' ') && /^(?:[,.;:)]|)$/.test(after)) {
      Object.assign(t, { type: 'LOCATION', key: entityKey('LOCATION', t.name), subtype: null, rule: t.rule + '+place-country' });
    }
    if (t.type === 'LOCATION') t.countryCode = u.countryCode;
  }

  const dropped = personEvidence(typed, sentences, text);

  const entities = new Map<string, EntityHit>();
  const mentions: MentionHit[] = [];
  for (const t of typed) {
    if (dropped.has(t)) continue;
    let e = entities.get(t.key);
    if (!e) {
      e = { entityKey: t.key, name: t.name, type: t.type, subtype: t.subtype, countryCode: t.countryCode, aliases: [] };
      entities.set(t.key, e);
    }
    if (t.text !== e.name && !e.aliases.includes(t.text)) e.aliases.push(t.text);
    if (!e.countryCode && t.countryCode && t.type === e.type) e.countryCode = t.countryCode;
    mentions.push({ start: t.start, end: t.end, entityKey: t.key, form: t.form, rule: t.rule });
  }
  return { mentions, entities: [...entities.values()] };
}

export { slug };
