import type { Doc, EntityHit, EntityType, MentionForm, MentionHit } from '../../types.js';
import { entityKey, gazetteer, slug, type Gazetteer, type KnownEntity } from './gazetteer.js';
import type { Sentence } from './model.js';
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
}

// Prepositions after which a capital is a place, not its government ("the government in Pyongyang").
const PLACE_PREPS = new Set(['in', 'to', 'from', 'at', 'near', 'into', 'outside', 'inside', 'across', 'via', 'around', 'toward', 'towards', 'visit', 'visited', 'visiting', 'arrived', 'left', 'of']);

const ORG_SUBTYPES: Array<[RegExp, string]> = [
  [/\b(ministry|department|council|parliament|senate|congress|assembly|government|cabinet|commission|office|agency|bureau|authority)$/i, 'government_body'],
  [/\bnews agency$|\bagency$/i, 'news_agency'],
  [/\b(center|centre|institute|foundation|think tank)$/i, 'think_tank'],
  [/\b(inc\.?|corp\.?|corporation|co\.?|ltd\.?|plc|llc|ag|sa|nv|gmbh|group|holdings|company|bank|airlines|motors)$/i, 'company'],
  [/\b(university|college|school|academy)$/i, 'university'],
  [/\b(party|front|movement)$/i, 'political_party'],
  [/\b(fc|united|city|rovers|club|wanderers|athletic)$/i, 'sports_club'],
  [/\b(army|navy|force|forces|police|guard)$/i, 'armed_force'],
];
const LOC_SUBTYPES: Array<[RegExp, string]> = [
  [/\b(sea|ocean|gulf|bay|strait|straits)$/i, 'sea'],
  [/\b(river|lake|canal)$/i, 'water'],
  [/\b(mountain|mountains|mount|hills|valley|desert|peninsula|island|islands|isles|coast)$/i, 'natural_feature'],
  [/\b(province|region|state|county|district|territory)$/i, 'region'],
  [/\b(street|avenue|road|square|bridge|airport|port|stadium|park)$/i, 'facility'],
];
const MISC_SUBTYPES: Array<[RegExp, string]> = [
  [/\bwars?$/i, 'war'],
  [/\b(act|treaty|accord|accords|agreement|convention|law)$/i, 'law'],
  [/\b(cup|open|championships?|games|olympics|grand prix|tour|trophy|series)$/i, 'event'],
  [/\b(prize|award|awards)$/i, 'award'],
];

function subtypeOf(table: Array<[RegExp, string]>, name: string): string | null {
  for (const [re, st] of table) if (re.test(name)) return st;
  return null;
}

const LABEL_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', MISC: 'MISC' };

function isAcronym(s: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(s) || /^\p{Lu}{2,6}$/u.test(s) || /^\p{Lu}\.\p{Lu}$/u.test(s);
}

function fromKnown(sp: RawSpan, e: KnownEntity, surface: string): Typed {
  const form: MentionForm =
    phraseKey(e.name) === phraseKey(surface) ? 'name' : isAcronym(surface.replace(/^the\s+/i, '')) ? 'acronym' : 'alias';
  return { ...sp, type: e.type, key: e.key, name: e.name, subtype: e.subtype, countryCode: e.countryCode, form };
}

/** Is the capital at this span used for its government ("Pyongyang fired", "Moscow's response")? */
function isMetonym(s: Sentence, sp: RawSpan): boolean {
  const toks = s.tokens;
  const prev = sp.t0 > 0 ? toks[sp.t0 - 1].lower : '';
  if (PLACE_PREPS.has(prev)) return false;
  const next = sp.t1 < toks.length ? toks[sp.t1] : null;
  if (!next) return false;
  if (next.lower === "'s" || next.lower === '’s') return true;
  // Subject of a verb: followed by a lower-case word that is not a noun modifier,
  // or by "and <Capital>" as in "Washington and Seoul will ...".
  if (/^\p{Ll}/u.test(next.text)) return !/^(?:-|based|time|region|area|city|province|street|university)$/.test(next.lower);
  return false;
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
      out.push({ ...fromKnown(sp, known, sp.text), rule: sp.rule + '+lexicon' });
      continue;
    }
    const dem = g.demonym.get(key);
    if (dem) {
      out.push({ ...sp, type: dem.type, key: dem.key, name: dem.name, subtype: dem.subtype, countryCode: dem.countryCode, form: 'demonym', rule: sp.rule + '+demonym' });
      continue;
    }
    const ppl = g.people.get(key);
    if (ppl) {
      const name = sp.text.replace(/^the\s+/i, '');
      out.push({ ...sp, type: 'GROUP', key: entityKey('GROUP', name), name, subtype: 'nationality', countryCode: ppl.countryCode, form: 'name', rule: sp.rule + '+people' });
      continue;
    }
    const cap = g.capital.get(key);
    if (cap && sp.label !== 'PER' && sp.label !== 'MISC') {
      if (isMetonym(s, sp)) {
        out.push({ ...sp, type: cap.type, key: cap.key, name: cap.name, subtype: cap.subtype, countryCode: cap.countryCode, form: 'metonym', rule: sp.rule + '+metonym' });
      } else {
        out.push({ ...sp, type: 'LOCATION', key: entityKey('LOCATION', sp.text), name: sp.text, subtype: 'city', countryCode: cap.countryCode, form: 'name', rule: sp.rule + '+capital' });
      }
      continue;
    }
    const type = LABEL_TYPE[sp.label] ?? 'MISC';
    let subtype: string | null = null;
    if (type === 'ORGANIZATION') subtype = subtypeOf(ORG_SUBTYPES, sp.text);
    else if (type === 'LOCATION') subtype = g.tags.get(key)?.has('city') ? 'city' : subtypeOf(LOC_SUBTYPES, sp.text);
    else if (type === 'MISC') subtype = subtypeOf(MISC_SUBTYPES, sp.text);
    out.push({ ...sp, type, key: entityKey(type, sp.text), name: sp.text, subtype, countryCode: null, form: 'name' });
  }
  return out;
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
export function resolve(typed: Typed[]): { mentions: MentionHit[]; entities: EntityHit[] } {
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
    const best = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const w = byKey.get(best)!;
    Object.assign(t, { type: w.type, key: w.key, name: w.name, subtype: w.subtype, countryCode: w.countryCode });
  }

  // Multi-word people by surname; named bodies by initials.
  const persons = new Map<string, Typed>();
  const orgsByInitials = new Map<string, Typed>();
  for (const t of typed) {
    const words = t.name.split(/\s+/);
    if (t.type === 'PERSON' && words.length > 1) {
      const last = words[words.length - 1];
      const cur = persons.get(last);
      if (!cur || cur.name.length < t.name.length) persons.set(last, t);
    }
    if ((t.type === 'ORGANIZATION' || t.type === 'MISC') && words.length > 1) {
      const ini = initials(t.name);
      if (ini.length >= 2 && !orgsByInitials.has(ini)) orgsByInitials.set(ini, t);
    }
  }
  for (const t of typed) {
    if (t.form !== 'name' || t.name.includes(' ')) continue;
    const full = persons.get(t.text);
    if (full && (t.type === 'PERSON' || t.type === 'ORGANIZATION' || t.type === 'LOCATION' || t.type === 'MISC') && t.key.startsWith(t.type === 'PERSON' ? 'PERSON:' : '')) {
      Object.assign(t, { type: 'PERSON', key: full.key, name: full.name, subtype: null, countryCode: null, form: 'surname', rule: t.rule + '+surname' });
      continue;
    }
    const plain = t.text.replace(/\./g, '');
    if (isAcronym(t.text) && orgsByInitials.has(plain)) {
      const full2 = orgsByInitials.get(plain)!;
      Object.assign(t, { type: full2.type, key: full2.key, name: full2.name, subtype: full2.subtype, countryCode: full2.countryCode, form: 'acronym', rule: t.rule + '+acronym' });
    }
  }

  const entities = new Map<string, EntityHit>();
  const mentions: MentionHit[] = [];
  for (const t of typed) {
    let e = entities.get(t.key);
    if (!e) {
      e = { entityKey: t.key, name: t.name, type: t.type, subtype: t.subtype, countryCode: t.countryCode, aliases: [] };
      entities.set(t.key, e);
    }
    if (t.text !== e.name && !e.aliases.includes(t.text)) e.aliases.push(t.text);
    mentions.push({ start: t.start, end: t.end, entityKey: t.key, form: t.form, rule: t.rule });
  }
  return { mentions, entities: [...entities.values()] };
}

export { slug };
