import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

interface Feature {
  list: string[];
  hash: Record<string, number>;
}
interface Core {
  features: Record<string, Partial<Feature>>;
}

// wink-nlp adds every new token (and its prefix, suffix, shape) to its lexicon, and
// its tokenizer consults that lexicon: once "Field's," was read as one token, a later
// "field's" was no longer split, so an article's tokens depended on the articles read
// before it. `freshWink` makes each article start from the model's own lexicon.
let engine: Wink | null = null;
let core: Core | null = null;
// Per feature: its size in the model, and how far its additions are already forgotten.
let base: Array<{ f: Feature; size: number; done: number }> = [];
let metaCER: unknown = null;
// Forgotten entries stay in wink's private arrays; past this many, a new instance is made.
const MAX_FORGOTTEN = 200_000;

function create(): Wink {
  const tracked = {
    ...(model as object),
    core: () => (core = (model as unknown as { core(): Core }).core()),
    // The model's loader re-serializes its own data on every call: call it once.
    metaCER: () => (metaCER ??= (model as unknown as { metaCER(): unknown }).metaCER()),
  };
  const w = winkNLP(tracked as unknown as typeof model, ['pos']);
  base = Object.values(core!.features)
    .filter((f): f is Feature => Array.isArray(f.list) && typeof f.hash === 'object')
    .map((f) => ({ f, size: f.list.length, done: f.list.length }));
  return w;
}

/** One wink-nlp instance (tokens + POS) per thread, shared by the stages that tag text. */
export function wink(): Wink {
  if (!engine) engine = create();
  return engine;
}

/** Forgets the tokens wink learnt from earlier texts, so the next text is read as if first. */
export function freshWink(): void {
  if (!engine) return;
  let forgotten = 0;
  for (const b of base) {
    for (let i = b.done; i < b.f.list.length; i++) delete b.f.hash[b.f.list[i]];
    b.done = b.f.list.length;
    forgotten += b.done - b.size;
  }
  if (forgotten > MAX_FORGOTTEN) engine = null;
}
