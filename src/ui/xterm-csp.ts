// xterm.js under the page's Content-Security-Policy, which has no 'unsafe-inline' for styles.
// xterm.js 6's DOM renderer writes CSS in two ways such a policy refuses (and reports):
// - <style> elements whose text it sets: its theme (colours, font), the cell layout and the
//   scrollbar colours, all created while term.open() runs;
// - style="" attributes through setAttribute, for 24-bit colours (`\e[38;2;R;G;Bm`).
// Both go through the CSSOM here instead, which a policy does not govern: the <style> elements
// become constructable style sheets adopted by the document, and the attributes become
// element.style.cssText. (xterm.js issue #4445; its constructable-sheet change, PR #4611, is not
// in 6.0.) The e2e test checks that a session makes no policy violation at all.
import type { Terminal } from '@xterm/xterm';

/** Can this browser adopt constructed style sheets (Chromium 73, Firefox 101, Safari 16.4)? */
function canAdoptSheets(doc: Document): boolean {
  return 'adoptedStyleSheets' in doc && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;
}

/**
 * What xterm.js gets for document.createElement('style'): a comment node (inert: no policy
 * check) whose textContent goes into a style sheet adopted by the document, and whose remove()
 * (xterm.js's dispose) drops the sheet again. xterm.js only appends, sets textContent and removes.
 */
function sheetBackedStyle(doc: Document): HTMLStyleElement {
  const node = doc.createComment(' xterm.js styles: an adopted style sheet ');
  const sheet = new CSSStyleSheet();
  let text = '';
  let adopted = false;
  Object.defineProperty(node, 'textContent', {
    configurable: true,
    get: () => text,
    set: (value: string | null) => {
      text = value ?? '';
      sheet.replaceSync(text);
      if (!adopted) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
    },
  });
  const remove = node.remove.bind(node);
  node.remove = () => {
    remove();
    if (adopted) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    adopted = false;
  };
  return node as unknown as HTMLStyleElement;
}

/** The row factory of xterm.js's DOM renderer (private API: absent, nothing is patched). */
interface RowFactory {
  _addStyle?: (element: HTMLElement, style: string) => void;
}

function rowFactory(term: Terminal): RowFactory | undefined {
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: { _rowFactory?: RowFactory } } } } })._core;
  return core?._renderService?._renderer?.value?._rowFactory;
}

/**
 * term.open(parent), with xterm.js's CSS kept within a policy without 'unsafe-inline' (see the
 * top of this file). Where the browser cannot adopt style sheets it is plain term.open().
 */
export function openTerminal(term: Terminal, parent: HTMLElement): void {
  const doc = parent.ownerDocument;
  if (!canAdoptSheets(doc)) {
    term.open(parent);
    return;
  }
  const own = Object.getOwnPropertyDescriptor(doc, 'createElement');
  const create = doc.createElement.bind(doc);
  const replacement = (tag: string, options?: ElementCreationOptions): HTMLElement =>
    tag.toLowerCase() === 'style' ? sheetBackedStyle(doc) : create(tag, options);
  Object.defineProperty(doc, 'createElement', { configurable: true, writable: true, value: replacement });
  try {
    term.open(parent);
  } finally {
    if (own) Object.defineProperty(doc, 'createElement', own);
    else delete (doc as { createElement?: unknown }).createElement;
  }
  // 24-bit colours: the same declarations through the CSSOM (xterm.js appends to the attribute)
  const factory = rowFactory(term);
  if (factory && typeof factory._addStyle === 'function') {
    factory._addStyle = (element, style) => {
      element.style.cssText += `${style};`;
    };
  }
}
