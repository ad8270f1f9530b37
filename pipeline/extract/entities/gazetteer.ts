import { createRequire } from 'node:module';
import nlp from 'compromise';
import type { EntityType } from '../../types.js';
import { dataJson, wordSet } from '../../lexicon.js';
import { phraseKey } from './tokenize.js';
import { slug as projectSlug } from '../../ids.js';

const require = createRequire(import.meta.url);

/** An entity known by name before reading the article (a country, a curated body). */
export interface KnownEntity {
  key: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  countryCode: string | null;
  /** "acronym" when the surface is an acronym of the canonical name, else "name"/"alias". */
}

export interface Gazetteer {
  /** phrase key → feature tags (country, city, first, org, ...). */
  tags: Map<string, Set<string>>;
  /** first token of a phrase → longest phrase length starting with it. */
  maxLen: Map<string, number>;
  /** Every proper prefix of a phrase key ("united", "united states of"): a scan stops where none goes on. */
  prefixes: Set<string>;
  /** phrase key → entity, for countries and curated entries (names and aliases). */
  known: Map<string, KnownEntity>;
  /** demonym adjective ("russian", "north korean") → its country or region. */
  demonym: Map<string, KnownEntity>;
  /** plural people noun ("north koreans") → its country or region. */
  people: Map<string, KnownEntity>;
  /** capital city → its country. */
  capital: Map<string, KnownEntity>;
  first: Set<string>;
  last: Set<string>;
  common: Set<string>;
  orgSuffix: Set<string>;
  personTitle: Set<string>;
  locKeyword: Set<string>;
  miscKeyword: Set<string>;
  notName: Set<string>;
}

const slugs = new Map<string, string>();

/** A name used as a modifier by a participle after a hyphen ("UK-based", "U.S.-led"). */
export const HYPHEN_SUFFIX = /^(.+)-(based|led|backed|owned|born|made|run|controlled|funded|financed|brokered|sponsored|registered|listed|speaking|style|bound|allied|linked|era)$/;

export function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) {
    out = slugOf(s);
    if (slugs.size < 100_000) slugs.set(s, out);
  }
  return out;
}

// The project's one slug rule, so byline authors and names in the text get the same keys.
const slugOf = projectSlug;

export function entityKey(type: EntityType, name: string, countryCode: string | null = null): string {
  if (type === 'COUNTRY' && countryCode) return `COUNTRY:${countryCode}`;
  return `${type}:${slug(name) || 'x'}`;
}

interface WorldCountry {
  name: { common: string; official: string };
  independent?: boolean;
  unMember?: boolean;
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

interface LexEntry {
  name: string;
  type: EntityType;
  subtype: string | null;
  countryCode?: string | null;
  aliases?: string[];
  demonyms?: string[];
}

// Compromise lexicon tags that make a word a name rather than an ordinary word.
const PROPER_TAG = /Name|Place|City|Country|Region|Organization|SportsTeam|Demonym|ProperNoun|Person|Honorific/;

/** The plural people noun of a demonym: "American" → "Americans"; "Chinese" has none. */
function peopleNoun(dem: string): string | null {
  if (/(ese|ish|ch|sh|ss|i)$/i.test(dem)) return null;
  return dem + 's';
}

let built: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (built) return built;
  const tags = new Map<string, Set<string>>();
  const maxLen = new Map<string, number>();
  const prefixes = new Set<string>();
  const known = new Map<string, KnownEntity>();
  const demonym = new Map<string, KnownEntity>();
  const people = new Map<string, KnownEntity>();
  const capital = new Map<string, KnownEntity>();
  const first = new Set<string>();
  const last = new Set<string>();
  const common = new Set<string>();

  const addTag = (phrase: string, tag: string): string => {
    // Plain lower-case words are their own key; only the rest needs the tokenizer.
    const key = /^[a-z]+$/.test(phrase) ? phrase : phraseKey(phrase);
    if (!key) return key;
    let s = tags.get(key);
    if (!s) tags.set(key, (s = new Set()));
    s.add(tag);
    const parts = key.split(' ');
    if ((maxLen.get(parts[0]) ?? 0) < parts.length) maxLen.set(parts[0], parts.length);
    for (let n = 1; n < parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
    return key;
  };
  const addKnown = (phrase: string, e: KnownEntity, tag: string) => {
    const key = addTag(phrase, tag);
    if (key && !known.has(key)) known.set(key, e);
  };

  // Countries: names, official names, longer alternative spellings, demonyms, capitals.
  const world = require('world-countries') as WorldCountry[];
  const isoNames = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> })
    .countries;
  const codes = require('i18n-iso-countries/codes.json') as string[][];
  const a2to3 = new Map(codes.map((c) => [c[0], c[1]]));
  const byCode = new Map<string, KnownEntity>();
  // Sovereign UN members first, so that "French" is France, not a French territory.
  const ordered = [...world].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember) || Number(!!b.independent) - Number(!!a.independent));
  for (const c of ordered) {
    const e: KnownEntity = {
      key: `COUNTRY:${c.cca3}`,
      name: c.name.common,
      type: 'COUNTRY',
      subtype: null,
      countryCode: c.cca3,
    };
    byCode.set(c.cca3, e);
    addKnown(c.name.common, e, 'country');
    addKnown(c.name.official, e, 'country');
    for (const alt of c.altSpellings ?? []) if (alt.length > 3 && !alt.includes(',') && /^[\p{Script=Latin}\s.'-]+$/u.test(alt)) addKnown(alt, e, 'country');
    const dm = c.demonyms?.eng;
    for (const d of new Set([dm?.m, dm?.f].filter(Boolean) as string[])) {
      for (const form of d.split(/\s*(?:,|\bor\b)\s*/)) {
        if (!form) continue;
        const k = addTag(form, 'demonym');
        if (!demonym.has(k)) demonym.set(k, e);
        const pl = peopleNoun(form);
        if (pl) {
          const pk = addTag(pl, 'people');
          if (!people.has(pk)) people.set(pk, e);
        }
      }
    }
    for (const full of c.capital ?? []) {
      // "Washington D.C." is also plain "Washington".
      for (const cap of new Set([full, full.split(',')[0], full.replace(/,?\s*D\.C\.$/, '')])) {
        const k = addTag(cap, 'capital');
        if (!capital.has(k)) capital.set(k, e);
      }
    }
  }
  for (const [a2, names] of Object.entries(isoNames)) {
    const e = byCode.get(a2to3.get(a2) ?? '');
    if (!e) continue;
    for (const n of Array.isArray(names) ? names : [names]) if (!n.includes(',')) addKnown(n, e, 'country');
  }

  // Curated entries win over package aliases (e.g. "Britain", "U.S.").
  for (const x of dataJson<{ entries: LexEntry[] }>('entity_lexicon.json').entries) {
    const cc = x.countryCode ?? null;
    const e: KnownEntity = {
      key: entityKey(x.type, x.name, x.type === 'COUNTRY' ? cc : null),
      name: x.name,
      type: x.type,
      subtype: x.subtype,
      countryCode: cc,
    };
    const tag = x.type === 'COUNTRY' ? 'country' : x.type === 'LOCATION' ? 'place' : x.type === 'ORGANIZATION' ? 'org' : 'misc';
    for (const n of [x.name, ...(x.aliases ?? [])]) {
      const k = addTag(n, tag);
      known.set(k, e);
    }
    for (const d of x.demonyms ?? []) {
      const k = addTag(d, 'demonym');
      demonym.set(k, e);
      const pl = peopleNoun(d);
      if (pl) people.set(addTag(pl, 'people'), e);
    }
  }

  // Religious, ethnic and political groups: plural nouns are GROUP entities, adjectives their demonyms.
  for (const x of dataJson<{ groups: Array<{ name: string; subtype: string; people: string[]; adjectives: string[] }> }>('groups.json').groups) {
    const e: KnownEntity = { key: entityKey('GROUP', x.name), name: x.name, type: 'GROUP', subtype: x.subtype, countryCode: null };
    for (const n of x.people) known.set(addTag(n, 'people'), e);
    for (const a of x.adjectives) demonym.set(addTag(a, 'demonym'), e);
  }

  // Compromise's lexicon: given names, surnames, cities, regions, organizations, teams.
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one
    .lexicon;
  for (const [w, t] of Object.entries(lex)) {
    const ts = Array.isArray(t) ? t.join('|') : t;
    if (/FemaleName|MaleName|FirstName/.test(ts)) first.add(w);
    if (/LastName/.test(ts)) last.add(w);
    if (/City/.test(ts)) addTag(w, 'city');
    else if (/Country/.test(ts)) addTag(w, 'country');
    else if (/Region|Place/.test(ts)) addTag(w, 'place');
    else if (/SportsTeam/.test(ts)) addTag(w, 'team');
    else if (/Organization/.test(ts)) addTag(w, 'org');
    else if (/Month|WeekDay/.test(ts)) addTag(w, 'date');
    else if (!PROPER_TAG.test(ts) && !w.includes(' ')) common.add(w);
  }
  for (const w of wordSet('stopwords_en.txt')) common.add(w);
  for (const w of wordSet('calendar_words.txt')) addTag(w, 'date');

  built = {
    tags,
    maxLen,
    prefixes,
    known,
    demonym,
    people,
    capital,
    first,
    last,
    common,
    orgSuffix: wordSet('org_suffixes.txt'),
    personTitle: wordSet('person_titles.txt'),
    locKeyword: wordSet('location_keywords.txt'),
    miscKeyword: wordSet('misc_keywords.txt'),
    notName: wordSet('not_names.txt'),
  };
  return built;
}
