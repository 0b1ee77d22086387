// The raw HTML a lesson's Markdown carries, with its inline handlers (on*="...") and style=""
// attributes taken out of every start tag before the browser parses it. This is not the
// sanitiser (DOMPurify still cleans everything afterwards): the browser checks such attributes
// against the page's Content-Security-Policy as it parses them, even in an inert document where
// they never run or apply, and reports each as a violation on the console. Left out here, a
// hostile pack's text produces no reports.

const NAME_END = /[\s/>=]/;
const SPACE = /\s/;

/** Is `name` an attribute that would be checked as inline script or style? */
function inlineCode(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'style' || n.startsWith('on');
}

/**
 * `html` with every start tag's on* and style attributes removed; everything else (text,
 * comments, end tags, other attributes) kept byte for byte.
 */
export function withoutInlineCode(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    if (!/[A-Za-z]/.test(html[lt + 1] ?? '')) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const tag = startTag(html, lt);
    out += tag.text;
    i = tag.end;
  }
  return out + html.slice(i);
}

/** The start tag at `lt` rewritten, and where it ends (the rest of the text, if it never closes). */
function startTag(html: string, lt: number): { text: string; end: number } {
  let j = lt + 1;
  while (j < html.length && !SPACE.test(html[j]!) && html[j] !== '/' && html[j] !== '>') j++;
  let text = html.slice(lt, j);
  while (j < html.length) {
    const from = j;
    while (j < html.length && (SPACE.test(html[j]!) || html[j] === '/')) j++;
    if (j >= html.length) return { text: text + html.slice(from), end: j };
    if (html[j] === '>') return { text: `${text}${html.slice(from, j)}>`, end: j + 1 };
    // an attribute: its name (a leading '=' belongs to it), then an optional value
    const nameStart = j;
    j++;
    while (j < html.length && !NAME_END.test(html[j]!)) j++;
    const name = html.slice(nameStart, j);
    let k = j;
    while (k < html.length && SPACE.test(html[k]!)) k++;
    if (html[k] === '=') {
      k++;
      while (k < html.length && SPACE.test(html[k]!)) k++;
      const q = html[k];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, k + 1);
        k = close < 0 ? html.length : close + 1;
      } else {
        while (k < html.length && !SPACE.test(html[k]!) && html[k] !== '>') k++;
      }
      j = k;
    }
    if (!inlineCode(name)) text += html.slice(from, j);
  }
  return { text, end: j };
}
