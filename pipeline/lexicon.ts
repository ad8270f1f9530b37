import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Word lists are data: they live in data/ and are read once per process.
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

const cache = new Map<string, unknown>();

/** A word list: one entry per line, `#` starts a comment, blank lines ignored. */
export function wordList(name: string): string[] {
  const key = `list:${name}`;
  if (!cache.has(key)) {
    const lines = readFileSync(join(DATA_DIR, name), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
      .filter((l) => l.length > 0);
    cache.set(key, lines);
  }
  return cache.get(key) as string[];
}

export function wordSet(name: string, lower = true): Set<string> {
  const key = `set:${name}:${lower}`;
  if (!cache.has(key)) cache.set(key, new Set(wordList(name).map((w) => (lower ? w.toLowerCase() : w))));
  return cache.get(key) as Set<string>;
}

export function dataJson<T>(name: string): T {
  const key = `json:${name}`;
  if (!cache.has(key)) cache.set(key, JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')));
  return cache.get(key) as T;
}
