// Loads a folder of `<id>.txt` + `<id>.gold.json` (CoNLL-2003 style) for the NER scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldEntity {
  text: string;
  type: string;
  start: number;
  end: number;
}

export interface GoldDoc {
  id: string;
  text: string;
  entities: GoldEntity[];
}

/** Documents of a folder in sorted order: `limit` of them, after skipping `skip`. */
export function loadGold(dir: string, limit = Infinity, skip = 0): GoldDoc[] {
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .sort()
    .slice(skip, skip + limit);
  return ids.map((id) => {
    const gold = JSON.parse(readFileSync(join(dir, id + '.gold.json'), 'utf8'));
    return { id, text: readFileSync(join(dir, id + '.txt'), 'utf8'), entities: gold.entities ?? [] };
  });
}

export function argValue(name: string, fallback: string | null = null): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
