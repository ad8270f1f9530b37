// HTML built with a tagged template that escapes every interpolated value unless it is
// explicitly marked as already-safe markup, so article text can never become markup.

export class Raw {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value (quotes included, so it is safe in either). */
export function esc(s: string): string {
  // Lone surrogates and most C0 controls are not allowed in HTML; they become U+FFFD.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Value = Raw | string | number | null | undefined | false | Value[];

function part(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Raw) return v.html;
  if (Array.isArray(v)) return v.map(part).join('');
  return esc(String(v));
}

/** h`<p>${text}</p>`: escapes strings and numbers, inserts Raw and arrays of Raw as they are. */
export function h(strings: TemplateStringsArray, ...values: Value[]): Raw {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Raw(out);
}

/** An http(s) URL fit for an href, else null (no javascript:, data: or relative URLs from article metadata). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** 11000000000 → "11,000,000,000"; 0.5 → "0.5". Locale-free, so the report is the same everywhere. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  if (Math.abs(n) >= 1e21) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '−' : '') + grouped + (frac ? '.' + frac : '');
}
