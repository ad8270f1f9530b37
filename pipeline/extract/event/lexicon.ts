import nlp from 'compromise';
import { dataJson } from '../../lexicon.js';

// Loads the trigger lexicon (data/plover_lexicon.json) and the cue words
// (data/event_cues.json) once, into lookups the events stage uses.

export interface Alt {
  obj?: string[];
  objNot?: string[];
  ctx?: string[];
  next?: string[];
  noTarget?: boolean;
  patient?: string;
  /** Entity type of the actor. */
  agent?: string;
  hasObj?: boolean;
  cat: string | null;
  why: string;
}

export interface TriggerEntry {
  /** Lexicon key: verb lemma, verb + particle, or noun lemma. */
  key: string;
  category: string | null;
  why: string;
  alt: Alt[];
  light: boolean;
  /** For nouns: the verb that names the action ("deployment" -> "deploy"). */
  verb: string;
  /** When set, the only surface forms that count ("founded", not "found"). */
  forms: string[] | null;
}

export interface PhraseEntry {
  phrase: string;
  category: string;
  why: string;
  action: string;
}

type RawEntry = [string | null, string, { alt?: Alt[]; light?: boolean; verb?: string; forms?: string[] }?];

interface RawLexicon {
  verbs: Record<string, RawEntry>;
  nouns: Record<string, RawEntry>;
  speech_act_phrases: Record<string, [string, string, string] | string>;
}

interface RawCues {
  speech_verbs: string[];
  speech_phrases: string[];
  modals: string[];
  conditionals: string[];
  hypothetical_adjectives: string[];
  intention_verbs: string[];
  negating_verbs: string[];
  negations: string[];
  generic_adverbs: string[];
  stative_heads: string[];
  anaphors: Record<string, string[] | string>;
  location_prepositions: string[];
  target_prepositions: string[];
  weapons: string[];
  implicative_verbs: string[];
  same_form_past: string[];
  time_nouns: string[];
  quantifiers: string[];
  irregular_forms: Record<string, string[] | string>;
  gendered_titles: Record<string, string>;
  possessor_agents: string[];
  sports_objects: string[];
  noun_needs_actor: string[];
  sports_verbs: string[];
  finite_cues: string[];
  poll_heads: string[];
}

/** Bits of EventLexicon.wordFlags: what a lower-case word can do in the sentence pre-filter. */
export const W_STRONG = 1;
export const W_FINITE_ONLY = 2;
export const W_PHRASAL_HEAD = 4;
export const W_WEAK = 8;
export const W_OBJECT = 16;
export const W_CUE = 32;

export interface EventLexicon {
  /** Single-word verb lemma -> entry. */
  verbs: Map<string, TriggerEntry>;
  /** "verb particle" -> entry. */
  phrasal: Map<string, TriggerEntry>;
  nouns: Map<string, TriggerEntry>;
  phrases: PhraseEntry[];
  /** Lower-case surface forms that may be a trigger: the cheap sentence pre-filter. */
  forms: Set<string>;
  /** Forms of words that are triggers only with a fitting object (light verbs, "send troops"). */
  weakForms: Set<string>;
  /** Object words that make a weak form a trigger ("troops", "debt") . */
  objectWords: Set<string>;
  /** "form particle" bigrams of phrasal verbs ("took over", "calls for"). */
  phrasalForms: Set<string>;
  /** First words of phrasalForms. */
  phrasalHeads: Set<string>;
  /**
   * Present-tense verb forms that are no noun of the lexicon ("demand", "warns"): an event
   * only after an auxiliary, modal or "to", in a headline or in a conditional clause.
   */
  finiteOnly: Set<string>;
  /** Words after which such a form can be an event ("will", "to", "didn't"). */
  finiteCues: Set<string>;
  /** All of the above as one lookup per word (W_* bits). */
  wordFlags: Map<string, number>;
  cues: {
    speech: Set<string>;
    speechPhrases: string[];
    modals: Set<string>;
    conditionals: Set<string>;
    hypoAdj: Set<string>;
    intention: Set<string>;
    negating: Set<string>;
    negations: Set<string>;
    generic: Set<string>;
    anaphors: Map<string, string[]>;
    locPreps: Set<string>;
    targetPreps: Set<string>;
    implicative: Set<string>;
    sameFormPast: Set<string>;
    timeNouns: Set<string>;
    quantifiers: Set<string>;
    /** Title word -> 'm' or 'f'. */
    genderTitles: Map<string, string>;
    /** Heads whose possessor acts through them ("Brown's spokesman"). */
    possessorAgents: Set<string>;
    /** Objects of sports scoring ("struck a century"). */
    sports: Set<string>;
    /** Instruments of force: an object that is a weapon is no victim. */
    weapons: Set<string>;
    /** Verbs that score a number in sport ("struck 158", "fired a 68"), unlike "killed 20". */
    sportsVerbs: Set<string>;
    /** Categories whose event noun needs a named actor ("support for Israel" is a stance). */
    nounNeedsActor: Set<string>;
    /** Heads of poll shares ("27 percent would vote"): no actor. */
    pollHeads: Set<string>;
  };
  /** Lower-case first name -> 'm' or 'f' (from the compromise lexicon). */
  firstNames: Map<string, string>;
}

/** First names with a gender, from compromise's lexicon (FemaleName / MaleName tags). */
function firstNameGenders(): Map<string, string> {
  const out = new Map<string, string>();
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [w, t] of Object.entries(lexicon)) {
    const tags = Array.isArray(t) ? t : [t];
    const f = tags.includes('FemaleName');
    const m = tags.includes('MaleName');
    if (f !== m) out.set(w, f ? 'f' : 'm');
  }
  return out;
}

function toEntry(key: string, raw: RawEntry): TriggerEntry {
  const opts = raw[2] ?? {};
  return {
    key,
    category: raw[0],
    why: raw[1],
    alt: opts.alt ?? [],
    light: opts.light === true,
    verb: opts.verb ?? key,
    forms: opts.forms ?? null,
  };
}

/** Regular inflections of an English verb or noun (over-generating is harmless: it only pre-filters). */
function inflections(w: string): string[] {
  const out = [w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`];
  if (w.endsWith('e')) out.push(`${w.slice(0, -1)}ing`);
  if (w.endsWith('y')) out.push(`${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`);
  const last = w[w.length - 1];
  if (/[bdgklmnprt]/.test(last) && /[aeiou]/.test(w[w.length - 2] ?? '')) out.push(`${w}${last}ed`, `${w}${last}ing`);
  return out;
}

function wordFlags(sets: Array<[Set<string>, number]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [set, bit] of sets) for (const w of set) out.set(w, (out.get(w) ?? 0) | bit);
  return out;
}

let cached: EventLexicon | null = null;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const lex = dataJson<RawLexicon>('plover_lexicon.json');
  const cues = dataJson<RawCues>('event_cues.json');
  const verbs = new Map<string, TriggerEntry>();
  const phrasal = new Map<string, TriggerEntry>();
  const nouns = new Map<string, TriggerEntry>();
  const forms = new Set<string>();
  const weakForms = new Set<string>();
  const objectWords = new Set<string>();
  const irregular = cues.irregular_forms;
  const phrasalForms = new Set<string>();
  const phrasalHeads = new Set<string>();
  const presentForms = new Set<string>();
  const nounForms = new Set<string>();
  const addForms = (word: string, weak: boolean, noun = false): void => {
    const all = noun ? [word, `${word}s`, `${word}es`, ...(word.endsWith('y') ? [`${word.slice(0, -1)}ies`] : [])] : inflections(word);
    const irr = irregular[word];
    if (Array.isArray(irr)) all.push(...irr);
    for (const f of all) (weak ? weakForms : forms).add(f);
  };
  const collectObjects = (e: TriggerEntry): void => {
    for (const a of e.alt) for (const w of [...(a.obj ?? []), ...(a.ctx ?? [])]) if (a.cat) for (const f of inflections(w)) objectWords.add(f);
  };
  for (const [key, raw] of Object.entries(lex.verbs)) {
    const e = toEntry(key, raw);
    (key.includes(' ') ? phrasal : verbs).set(key, e);
    // A word that is an event only through its object is weak: it needs an object word or event noun nearby.
    const weak = e.category === null && e.alt.every((a) => !a.ctx && !a.patient);
    const [head, particle] = key.split(' ');
    if (particle) {
      const irr = irregular[head];
      for (const f of [...inflections(head), ...(Array.isArray(irr) ? irr : [])]) {
        phrasalForms.add(`${f} ${particle}`);
        phrasalHeads.add(f);
      }
    } else if (e.forms) for (const f of e.forms) (weak ? weakForms : forms).add(f);
    else addForms(head, weak);
    if (!particle && !cues.same_form_past.includes(head)) {
      for (const f of [head, `${head}s`, `${head}es`, ...(head.endsWith('y') ? [`${head.slice(0, -1)}ies`] : [])]) if (!e.forms || e.forms.includes(f)) presentForms.add(f);
    }
    collectObjects(e);
  }
  for (const [key, raw] of Object.entries(lex.nouns)) {
    const e = toEntry(key, raw);
    nouns.set(key, e);
    // A noun that is an event only in some company ("missile launch") needs that company nearby.
    const weak = e.category === null && e.alt.every((a) => !a.patient);
    if (e.forms) for (const f of e.forms) (weak ? weakForms : forms).add(f);
    else addForms(key, weak, true);
    for (const f of e.forms ?? [key, `${key}s`, `${key}es`, ...(key.endsWith('y') ? [`${key.slice(0, -1)}ies`] : [])]) nounForms.add(f);
    collectObjects(e);
  }
  const finiteOnly = new Set([...presentForms].filter((f) => !nounForms.has(f)));
  // A strong form wins over a weak one ("cut" is weak, "cuts" too; "fire" is strong).
  for (const f of forms) weakForms.delete(f);
  const phrases: PhraseEntry[] = [];
  for (const [phrase, raw] of Object.entries(lex.speech_act_phrases)) {
    if (!Array.isArray(raw)) continue;
    phrases.push({ phrase, category: raw[0], why: raw[1], action: raw[2] });
  }
  const anaphors = new Map<string, string[]>();
  for (const [k, v] of Object.entries(cues.anaphors)) if (Array.isArray(v)) anaphors.set(k, v);
  cached = {
    verbs,
    phrasal,
    nouns,
    phrases,
    forms,
    weakForms,
    objectWords,
    phrasalForms,
    phrasalHeads,
    finiteOnly,
    finiteCues: new Set(cues.finite_cues),
    wordFlags: wordFlags([
      [forms, W_STRONG], [finiteOnly, W_FINITE_ONLY], [phrasalHeads, W_PHRASAL_HEAD],
      [weakForms, W_WEAK], [objectWords, W_OBJECT], [new Set(cues.finite_cues), W_CUE],
    ]),
    cues: {
      speech: new Set(cues.speech_verbs),
      speechPhrases: cues.speech_phrases,
      modals: new Set(cues.modals),
      conditionals: new Set(cues.conditionals),
      hypoAdj: new Set(cues.hypothetical_adjectives),
      intention: new Set(cues.intention_verbs),
      negating: new Set(cues.negating_verbs),
      negations: new Set(cues.negations),
      generic: new Set(cues.generic_adverbs),
      anaphors,
      locPreps: new Set(cues.location_prepositions),
      targetPreps: new Set(cues.target_prepositions),
      implicative: new Set(cues.implicative_verbs),
      sameFormPast: new Set(cues.same_form_past),
      timeNouns: new Set(cues.time_nouns),
      quantifiers: new Set(cues.quantifiers),
      genderTitles: new Map(Object.entries(cues.gendered_titles).filter(([k]) => !k.startsWith('_'))),
      possessorAgents: new Set(cues.possessor_agents),
      sports: new Set(cues.sports_objects),
      weapons: new Set(cues.weapons),
      sportsVerbs: new Set(cues.sports_verbs),
      nounNeedsActor: new Set(cues.noun_needs_actor),
      pollHeads: new Set(cues.poll_heads),
    },
    firstNames: firstNameGenders(),
  };
  return cached;
}
