import type { Doc, RoleHit } from '../../types.js';
import { wordSet } from '../../lexicon.js';
import type { Gazetteer } from './gazetteer.js';
import type { Sentence } from './model.js';
import type { Typed } from './resolve.js';
import type { Token } from './tokenize.js';

// Stated roles of people: a title before the name ("Kremlin spokesman Dmitry
// Peskov") or an appositive after it ("Vladimir Frolov, a foreign affairs analyst",
// "X, the head of Y").

// Occupational nouns not in the title list: economist, historian, chairwoman.
const ROLE_SUFFIX = /(?:ist|ian|man|woman|person)$/;
const PREPS = new Set(['at', 'of', 'for', 'with', 'in', 'on', 'from', 'to', 'about', 'after', 'by']);
const STOP = /^(?:said|says|told|who|which|that|and|but|said|,|\.|;|:|"|“|”|\(|\))$/;
const ARTICLE = new Set(['a', 'an', 'the']);
const ORG_PREPS = new Set(['at', 'of', 'with', 'for', 'from', 'in']);
const MAX_ROLE = 14;
// Before a name these say who the person is to someone ("fellow Republican"), not an office.
const PEER = new Set(['fellow', 'member', 'partner', 'friend', 'colleague']);

function isTitle(t: Token, g: Gazetteer): boolean {
  return g.personTitle.has(t.lower);
}

function isRoleHead(t: Token, g: Gazetteer): boolean {
  return g.personTitle.has(t.lower) || (/^\p{Ll}{5,}$/u.test(t.text) && ROLE_SUFFIX.test(t.lower) && !g.common.has(t.lower));
}

/** The mention covering token i of a sentence, if any. */
function mentionAt(bySent: Map<number, Typed[]>, si: number, i: number): Typed | undefined {
  return bySent.get(si)?.find((m) => m.t0 <= i && i < m.t1);
}

export function findRoles(doc: Doc, sentences: Sentence[], typed: Typed[], g: Gazetteer): RoleHit[] {
  const modifiers = wordSet('role_modifiers.txt');
  const bySent = new Map<number, Typed[]>();
  for (const t of typed) {
    const list = bySent.get(t.sentence) ?? [];
    list.push(t);
    bySent.set(t.sentence, list);
  }
  const out: RoleHit[] = [];
  // An organization after any of ORG_PREPS; a country or place only as "... of Y" ("mayor of London").
  const orgOf = (m: Typed | undefined, prep = 'of') =>
    m && (m.type === 'ORGANIZATION' || ((m.type === 'COUNTRY' || m.type === 'LOCATION') && prep === 'of')) ? m.key : null;

  for (const p of typed) {
    if (p.type !== 'PERSON' || p.form !== 'name') continue;
    const toks = sentences[p.sentence].tokens;

    // Title before the name: [Org ('s)] modifiers* title Name.
    let a = p.t0;
    if (a > 0 && isTitle(toks[a - 1], g) && !PEER.has(toks[a - 1].lower)) {
      a--;
      while (a > 0 && (modifiers.has(toks[a - 1].lower) || isTitle(toks[a - 1], g)) && !mentionAt(bySent, p.sentence, a - 1)) a--;
      const role = doc.text.slice(toks[a].start, toks[p.t0 - 1].end);
      let start = toks[a].start;
      let b = a - 1;
      if (b >= 0 && /^['’]s$/.test(toks[b].lower)) b--;
      const org = b >= 0 ? mentionAt(bySent, p.sentence, b) : undefined;
      const orgKey = org && org.t1 - 1 === b && org.type !== 'LOCATION' ? (org.type === 'COUNTRY' ? org.key : orgOf(org)) : null;
      if (orgKey) start = org!.start;
      if (!/^(?:mr|mrs|ms|dr|sir|dame)\.?$/.test(role.toLowerCase())) {
        out.push({ start, end: p.end, personKey: p.key, role, organizationKey: orgKey, rule: 'role-title' });
      }
    }

    // Appositive after the name: Name, (a|an|the)? role [prep Org] (,|.|;)
    let i = p.t1;
    if (i < toks.length && toks[i].text === ',') {
      i++;
      const hasArticle = i < toks.length && ARTICLE.has(toks[i].lower);
      if (hasArticle) i++;
      // "a Microsoft security manager", "the BBC's head of news": the organization opens the phrase.
      let leadOrg: string | null = null;
      const lead = i < toks.length ? mentionAt(bySent, p.sentence, i) : undefined;
      if (lead && lead.t0 === i && lead.type === 'ORGANIZATION' && lead.t1 < toks.length) {
        let j = lead.t1;
        if (/^['’]s$/.test(toks[j].lower)) j++;
        if (j < toks.length && (isRoleHead(toks[j], g) || modifiers.has(toks[j].lower))) {
          leadOrg = lead.key;
          i = j;
        }
      }
      const r0 = i;
      // Without an article the phrase must open like a title ("chairman of", "Microsoft's head"), not a clause.
      const opensRole = hasArticle || (r0 < toks.length && (isRoleHead(toks[r0], g) || modifiers.has(toks[r0].lower) || /^\p{Lu}/u.test(toks[r0].text)));
      let head = -1;
      let orgKey: string | null = null;
      let cut = -1;
      let end = i;
      let frozen = false;
      for (; opensRole && end < toks.length && end - r0 < MAX_ROLE; end++) {
        const t = toks[end];
        if (STOP.test(t.lower)) break;
        const m = mentionAt(bySent, p.sentence, end);
        if (m && m.type === 'PERSON') break;
        if (m && !orgKey && end > r0) {
          // "at the Carnegie Moscow Center": the role ends before the preposition.
          let q = end - 1;
          if (q > r0 && ARTICLE.has(toks[q].lower)) q--;
          if (ORG_PREPS.has(toks[q].lower) && head >= 0 && orgOf(m, toks[q].lower)) {
            orgKey = orgOf(m, toks[q].lower);
            cut = q;
          }
        }
        if (m) {
          end = m.t1 - 1;
          continue;
        }
        // The head is the title before any complement ("director of research at X" → "director").
        if (PREPS.has(t.lower) && head >= 0) frozen = true;
        if (!frozen && isRoleHead(t, g) && orgKey === null) head = end;
      }
      // No dangling preposition or article at the end of the evidence.
      while (end - 1 > head && (PREPS.has(toks[end - 1].lower) || ARTICLE.has(toks[end - 1].lower))) end--;
      if (head >= 0 && end > r0) {
        // Role: from the first word to its head noun, or, when an organization closes the
        // phrase, to the preposition before it (keeping complements like "on Russian policy").
        const re = cut > r0 ? cut : head + 1;
        const role = doc.text.slice(toks[r0].start, toks[re - 1].end);
        const last = toks[end - 1];
        out.push({ start: p.start, end: last.end, personKey: p.key, role, organizationKey: orgKey ?? leadOrg, rule: 'role-appositive' });
      }
    }
  }
  return out;
}
