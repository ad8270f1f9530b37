// Unit, currency and number-word tables for the figures stage. The bulk comes
// from the English resources of @microsoft/recognizers-text (number words, unit
// and currency surface forms, ISO codes); data/figure_units.json adds what news
// text needs beyond them and removes forms that are too ambiguous.
import * as RTN from '@microsoft/recognizers-text-number';
import * as RTU from '@microsoft/recognizers-text-number-with-unit';
import { dataJson } from '../../lexicon.js';

const EN = RTN.EnglishNumeric;
const ENU = RTU.EnglishNumericWithUnit;

export type UnitKind = 'money' | 'measure' | 'duration' | 'age' | 'temperature';

export interface UnitInfo {
  kind: UnitKind;
  /** ISO 4217 code for money, else a plain singular noun. */
  unit: string;
  /** Multiplier applied to the number (0.01 for cents). */
  factor: number;
}

interface UnitsFile {
  currencyDefaults: Record<string, string | null>;
  subunits: Record<string, string>;
  extraCurrencyPrefixes: Record<string, string>;
  extraCurrencySuffixes: Record<string, string | null>;
  notCurrency: string[];
  notMeasure: string[];
  extraMeasures: Record<string, string>;
  durations: Record<string, string>;
  ages: Record<string, string>;
}

export interface ContextFile {
  qualifiers: Record<string, string[]>;
  postQualifiers: Record<string, string[]>;
  designators: string[];
  months: string[];
  oneBefore: string[];
  oneAfter: string[];
  vague: string[];
  scoreWords: string[];
  changeVerbs: string[];
  superlatives: string[];
  placeWords: string[];
  rankVerbs: string[];
  relativeAfter: string[];
  relativeBefore: string[];
  notCountedAfter: string[];
  metreAfter: string[];
  addressWords: string[];
  objectNever: string[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLengthDesc = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
/** An alternation of literal forms, longest first so the longest one wins. */
const alternation = (forms: Iterable<string>) => [...new Set(forms)].sort(byLengthDesc).map(esc).join('|');

function currencyIso(name: string, units: UnitsFile): string | null {
  if (name in units.currencyDefaults) return units.currencyDefaults[name];
  const code = ENU.CurrencyNameToIsoCodeMap.get(name);
  return code && /^[A-Z]{3}$/.test(code) ? code : null;
}

export interface FigureLexicon {
  ctx: ContextFile;
  /** Lower-cased unit form → unit. */
  units: Map<string, UnitInfo>;
  /** Currency prefix form (lower case) → ISO code or name. */
  prefixes: Map<string, string>;
  /** Matches a currency prefix at the end of a short left window. */
  prefixBefore: RegExp;
  isoCodes: Set<string>;
  cardinals: Set<string>;
  ordinals: Map<string, number>;
  fractions: Set<string>;
  scaleWords: Map<string, number>;
  qualifierBefore: RegExp;
  qualifierOf: Map<string, string>;
  postQualifier: RegExp;
  postQualifierOf: Map<string, string>;
  designators: Set<string>;
  months: Set<string>;
  oneBefore: Set<string>;
  oneAfter: Set<string>;
  vague: Set<string>;
  scoreWords: Set<string>;
  changeVerbs: Set<string>;
  superlatives: Set<string>;
  placeWords: Set<string>;
  rankVerbs: Set<string>;
  relativeAfter: RegExp;
  addressWords: Set<string>;
  relativeBefore: RegExp;
  notCountedAfter: RegExp;
}

let cached: FigureLexicon | null = null;

export function figureLexicon(): FigureLexicon {
  if (cached) return cached;
  const uf = dataJson<UnitsFile>('figure_units.json');
  const ctx = dataJson<ContextFile>('figure_context.json');
  const units = new Map<string, UnitInfo>();
  const add = (form: string, info: UnitInfo, force = false) => {
    const f = form.trim().replace(/^-/, '').toLowerCase();
    if (!f) return;
    if (force || !units.has(f)) units.set(f, info);
  };

  // Currencies: recognizer suffix forms, minus ambiguous ones; subunits scaled.
  const notCurrency = new Set(uf.notCurrency.map((s) => s.toLowerCase()));
  for (const [name, forms] of ENU.CurrencySuffixList) {
    const sub = uf.subunits[name];
    const iso = sub ?? currencyIso(name, uf);
    const hasFractional = ENU.FractionalUnitNameToCodeMap.has(name);
    if (hasFractional && !sub) continue; // other minor units: too rare, often ordinary words
    for (const form of forms.split('|')) {
      if (notCurrency.has(form.toLowerCase()) || notCurrency.has(form.replace(/^-/, '').toLowerCase())) continue;
      add(form, { kind: 'money', unit: iso ?? name.toLowerCase(), factor: sub ? 0.01 : 1 });
    }
  }
  for (const [form, iso] of Object.entries(uf.extraCurrencySuffixes)) add(form, { kind: 'money', unit: iso ?? form, factor: 1 }, true);

  // Measures: recognizer dimension lists plus extras, minus ambiguous forms.
  const notMeasure = new Set(uf.notMeasure.map((f) => f.toLowerCase()));
  const lists: Array<[ReadonlyMap<string, string>, UnitKind]> = [
    [ENU.LengthSuffixList, 'measure'], [ENU.WeightSuffixList, 'measure'], [ENU.VolumeSuffixList, 'measure'],
    [ENU.AreaSuffixList, 'measure'], [ENU.SpeedSuffixList, 'measure'], [ENU.InformationSuffixList, 'measure'],
    [ENU.TemperatureSuffixList, 'temperature'],
  ];
  for (const [list, kind] of lists) {
    for (const [name, forms] of list) {
      if (name === 'Pt') continue;
      const unit = kind === 'temperature' ? temperatureName(name) : name.toLowerCase().replace(/ \(.*\)$/, '');
      for (const form of forms.split('|')) {
        if (notMeasure.has(form.toLowerCase()) || notMeasure.has(form.replace(/^-/, '').toLowerCase())) continue;
        add(form, { kind, unit, factor: 1 });
      }
    }
  }
  for (const [unit, forms] of Object.entries(uf.extraMeasures)) for (const f of forms.split('|')) add(f, { kind: 'measure', unit, factor: 1 }, true);
  for (const [unit, forms] of Object.entries(uf.durations)) for (const f of forms.split('|')) add(f, { kind: 'duration', unit, factor: 1 }, true);
  for (const [unit, forms] of Object.entries(uf.ages)) for (const f of forms.split('|')) add(f, { kind: 'age', unit, factor: 1 }, true);


  // Currency prefixes: recognizer prefix list plus extras.
  const prefixes = new Map<string, string>();
  for (const [name, forms] of ENU.CurrencyPrefixList) {
    const iso = currencyIso(name, uf) ?? (name === 'Dollar' ? 'USD' : name.toLowerCase());
    for (const form of forms.split('|')) if (!notCurrency.has(form.toLowerCase()) && /[^\p{L}]/u.test(form)) prefixes.set(form.toLowerCase(), iso);
  }
  for (const [form, iso] of Object.entries(uf.extraCurrencyPrefixes)) prefixes.set(form.toLowerCase(), iso);
  const prefixBefore = new RegExp(`(?:^|[^\\p{L}\\p{N}$])(${alternation(prefixes.keys())})[ \\u00a0]?$`, 'iu');
  const isoCodes = new Set<string>();
  // ISO codes that are English words in capitals ("ALL 5", "TOP 10") are left out.
  for (const code of ENU.CurrencyNameToIsoCodeMap.values()) if (/^[A-Z]{3}$/.test(code) && !notCurrency.has(code.toLowerCase())) isoCodes.add(code);

  // Number words from the recognizer's English maps.
  const cardinals = new Set<string>();
  for (const k of EN.CardinalNumberMap.keys()) if (/^[a-z]{3,}$/.test(k) && !/^(dzs?|dozs?|doz|mln|bln|tln|lakhs?|crores?)$/.test(k)) cardinals.add(k);
  for (const v of ctx.vague) cardinals.delete(v);
  const ordinals = new Map<string, number>();
  const fractions = new Set<string>();
  for (const [k, v] of EN.OrdinalNumberMap) {
    if (/s$/.test(k) || k === 'half' || k === 'quarter') fractions.add(k);
    else if (k !== 'secondary') ordinals.set(k, v);
  }
  fractions.add('half').add('quarter').add('third').add('fifth').add('tenth');
  const scaleWords = new Map<string, number>([
    ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['mln', 1e6], ['bln', 1e9], ['tln', 1e12],
    ['bn', 1e9], ['mn', 1e6], ['m', 1e6], ['k', 1e3], ['tn', 1e12], ['trn', 1e12], ['lakh', 1e5], ['crore', 1e7], ['dozen', 12], ['dozens', 12],
  ]);

  const qualifierOf = new Map<string, string>();
  for (const [q, phrases] of Object.entries(ctx.qualifiers)) for (const p of phrases) qualifierOf.set(p, q);
  const qualifierBefore = new RegExp(`(?:^|[^\\p{L}])(${alternation(qualifierOf.keys())})[ \\u00a0]+$`, 'iu');
  const postQualifierOf = new Map<string, string>();
  for (const [q, phrases] of Object.entries(ctx.postQualifiers)) for (const p of phrases) postQualifierOf.set(p, q);
  const postQualifier = new RegExp(`(?:[ \\u00a0]*|-)(${alternation(postQualifierOf.keys())})(?![\\p{L}\\p{N}])`, 'iyu');

  const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  cached = {
    ctx, units, prefixes, prefixBefore, isoCodes, cardinals, ordinals, fractions, scaleWords,
    qualifierBefore, qualifierOf, postQualifier, postQualifierOf,
    designators: lowerSet(ctx.designators), months: lowerSet(ctx.months), oneBefore: lowerSet(ctx.oneBefore),
    oneAfter: lowerSet(ctx.oneAfter), vague: lowerSet(ctx.vague), scoreWords: lowerSet(ctx.scoreWords),
    changeVerbs: lowerSet(ctx.changeVerbs), superlatives: lowerSet(ctx.superlatives), placeWords: lowerSet(ctx.placeWords),
    rankVerbs: lowerSet(ctx.rankVerbs), addressWords: lowerSet(ctx.addressWords),
    relativeAfter: new RegExp(`^[ \\u00a0]+(?:${alternation(ctx.relativeAfter)})(?![\\p{L}])`, 'iu'),
    relativeBefore: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(ctx.relativeBefore)})[ \\u00a0]+$`, 'iu'),
    notCountedAfter: new RegExp(`^(?:[ \\u00a0]?)(?:${alternation(ctx.notCountedAfter)})(?![\\p{L}])`, 'iu'),
  };
  return cached;
}

function temperatureName(code: string): string {
  switch (code) {
    case 'C': return 'degree celsius';
    case 'F': return 'degree fahrenheit';
    case 'K': return 'kelvin';
    default: return 'degree';
  }
}
