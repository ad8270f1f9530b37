// An article's rows depend on its own bytes only, never on the articles read before it
// in the same thread (NLP caches learn from what they read).
import { describe, expect, it } from 'vitest';
import { processBytes } from '../pipeline/process.js';

const enc = (s: string) => new TextEncoder().encode(s);
const EARLIER = "Store chain sold\n\nShoppers at stores like Macy's, Bloomingdale's and Marshall Field's, protested against the merger on Monday.\n";
const LATER =
  'Tax on oil fields\n\nA spokesman for the firm said on Monday that the tax would wipe 5% of the field\'s current value. ' +
  'The company\'s shares fell by 3% in London.\n';

describe('determinism across articles', () => {
  it('gives an article the same rows whether or not another article was read first', () => {
    const alone = processBytes('later.txt', enc(LATER), null);
    processBytes('earlier.txt', enc(EARLIER), null);
    const after = processBytes('later.txt', enc(LATER), null);
    expect(alone.rows?.figures.map((f) => f.object)).toContain("the field's current value");
    expect(after.rows).toEqual(alone.rows);
  });
});
