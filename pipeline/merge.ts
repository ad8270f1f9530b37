import type { EntityHit } from './types.js';
import type { Entity } from '../schemas/tables.js';

/** Accumulates entity evidence across articles; `finish` gives one row per entity. */
export class EntityMerger {
  private readonly acc = new Map<
    string,
    { names: Map<string, number>; types: Map<string, number>; subtypes: Map<string, number>; codes: Map<string, number>; aliases: Set<string>; articles: number; mentions: number }
  >();

  add(hits: EntityHit[], mentionTexts: Map<string, string[]>): void {
    const seen = new Set<string>();
    for (const h of hits) {
      let a = this.acc.get(h.entityKey);
      if (!a) {
        a = { names: new Map(), types: new Map(), subtypes: new Map(), codes: new Map(), aliases: new Set(), articles: 0, mentions: 0 };
        this.acc.set(h.entityKey, a);
      }
      const bump = (m: Map<string, number>, k: string | null) => k && m.set(k, (m.get(k) ?? 0) + 1);
      if (!seen.has(h.entityKey)) {
        seen.add(h.entityKey);
        a.articles++;
        bump(a.names, h.name);
        bump(a.types, h.type);
        bump(a.subtypes, h.subtype);
        bump(a.codes, h.countryCode);
        const texts = mentionTexts.get(h.entityKey) ?? [];
        a.mentions += texts.length;
        for (const t of texts) a.aliases.add(t);
      }
      for (const al of h.aliases) a.aliases.add(al);
    }
  }

  finish(): Entity[] {
    // Most frequent value; ties go to the longer, then the alphabetically first, so the result is stable.
    const best = (m: Map<string, number>) =>
      [...m.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? null;
    return [...this.acc.entries()]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([key, a]) => {
        const name = best(a.names) ?? key;
        return {
          entity_id: key,
          name,
          type: best(a.types) as Entity['type'],
          subtype: best(a.subtypes),
          country_code: best(a.codes),
          aliases: [...a.aliases].filter((x) => x !== name).sort(),
          article_count: a.articles,
          mention_count: a.mentions,
        };
      });
  }
}
