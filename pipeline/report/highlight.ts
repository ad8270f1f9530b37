// A sentence with spans highlighted as <mark>. Spans may overlap: the sentence is cut at
// every span boundary and each piece is marked with the classes of all spans covering it,
// so marks never need to nest.
import { h, type Raw } from './html.js';

export interface MarkSpan {
  /** Code points into the article text, end exclusive (as in the tables). */
  start: number;
  end: number;
  cls: string;
  title?: string;
}

/** `text` starts at code point `offset` of the article; spans outside it are clipped or dropped. */
export function highlight(text: string, offset: number, spans: MarkSpan[]): Raw {
  const cps = Array.from(text);
  const len = cps.length;
  const inside = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start - offset), end: Math.min(len, s.end - offset) }))
    .filter((s) => s.start < s.end);
  const cuts = new Set<number>([0, len]);
  for (const s of inside) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: Raw[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = cps.slice(a, b).join('');
    const over = inside.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      parts.push(h`${piece}`);
      continue;
    }
    const cls = [...new Set(over.map((s) => s.cls))].sort().join(' ');
    const title = [...new Set(over.map((s) => s.title).filter((t): t is string => Boolean(t)))].join(' · ');
    parts.push(title ? h`<mark class="${cls}" title="${title}">${piece}</mark>` : h`<mark class="${cls}">${piece}</mark>`);
  }
  return h`${parts}`;
}
