// Lesson text: Markdown (marked) turned into HTML that is sanitised (DOMPurify) before it
// touches the page, because lessons are data that a teacher's pack may bring from anywhere.
// What survives is text markup: no scripts, event handlers, styles, forms, frames, SVG or media;
// links only to http(s) and mailto addresses, opening in a new tab without opener or referrer;
// images only from the app's own origin or data:image URLs (an image elsewhere becomes a link to
// it, so a pack cannot make the page fetch from other sites: the page's Content-Security-Policy
// would refuse it anyway); classes only as marked writes them on code (language-*), so a pack
// cannot dress text up as the app's own controls.
// Shell code blocks then get a button that types the command into the terminal.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { withoutInlineCode } from './html-attrs';

const markdown = new Marked({ gfm: true, breaks: false, async: false });
// raw HTML in the Markdown loses its handlers and style="" before the browser parses it
markdown.use({ renderer: { html: ({ text }) => withoutInlineCode(text) } });

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Resolves `ref` against the page; undefined when it is no URL. */
function resolved(ref: string): URL | undefined {
  try {
    return new URL(ref, document.baseURI);
  } catch {
    return undefined;
  }
}

/** May an <img> load `src`: the app's own files and data:image URLs only. */
function imageAllowed(src: string): boolean {
  if (!src.trim()) return false;
  const url = resolved(src);
  if (!url) return false;
  if (url.protocol === 'data:') return /^data:image\/(?:png|gif|jpeg|webp|avif|svg\+xml)[;,]/i.test(src.trim());
  return url.origin === window.location.origin;
}

DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  // marked's `class="language-sh"` on code is the one class kept (the Run buttons read it)
  if (data.attrName === 'class') data.keepAttr = node.nodeName === 'CODE' && /^language-[\w+#.-]+$/.test(data.attrValue);
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    const url = href === null ? undefined : resolved(href);
    if (href !== null && (!url || !LINK_PROTOCOLS.has(url.protocol))) node.removeAttribute('href');
    // links open in a new tab: following one must never replace the page (and its machine)
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('target');
    }
  } else if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    if (imageAllowed(src)) return;
    // an image from elsewhere: a link to it, named by its alt text
    const url = resolved(src);
    const text = node.getAttribute('alt') || node.getAttribute('title') || 'image';
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      const a = node.ownerDocument.createElement('a');
      a.href = url.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = text;
      node.replaceWith(a);
    } else {
      node.replaceWith(node.ownerDocument.createTextNode(text));
    }
  }
});

/**
 * Markdown to sanitised HTML: no scripts, handlers, styles, forms, frames or media survive.
 * The HTML is parsed in the inert document of a <template> (nothing in it loads, runs or is
 * shown) and cleaned there in place. DOMPurify's own parser would make a document in which every
 * <style> and <base> a pack held is reported as a violation of the page's policy, though none is
 * ever used; here only style="" and on* handler attributes would be (Chromium checks those as it
 * parses them), and the Markdown's raw HTML loses them before it is parsed (html-attrs.ts).
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  const root = document.createElement('template').content.ownerDocument.createElement('div');
  root.innerHTML = html;
  DOMPurify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture', 'canvas', 'dialog', 'template', 'slot'],
    // id and name could clobber the page's globals and ids; srcset, background and poster
    // load from anywhere
    FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'target', 'ping'],
  });
  return root.innerHTML;
}

/** Code block languages whose text is a command to run (no language counts as one). */
const SHELL_LANGUAGES = new Set(['', 'sh', 'bash', 'shell', 'console', 'terminal', 'shell-session']);

/**
 * The command a code block holds, or undefined when it is not one (a config file, say).
 * In a `console` block only the prompt lines (`$ ` or `# `) are commands; output is skipped.
 */
export function commandOf(code: HTMLElement): string | undefined {
  const language = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1]?.toLowerCase() ?? '';
  if (!SHELL_LANGUAGES.has(language)) return undefined;
  // control characters (escapes, ^C, ^D...) would be keys, not text, in the terminal: a
  // command is what the block shows (tabs stay: a here-document with <<- needs them)
  let text = (code.textContent ?? '').replace(/[\0-\x08\x0b-\x1f\x7f]/g, '').replace(/\n+$/, '');
  if (language === 'console' || language === 'shell-session') {
    text = text
      .split('\n')
      .filter((l) => /^[$#] /.test(l))
      .map((l) => l.slice(2))
      .join('\n');
  }
  return text.trim() === '' ? undefined : text;
}

/**
 * Removes `root`'s first element when it is a heading saying `title` (a lesson's intro often
 * starts with the lesson's title, a step's text with the step's, which the panel already shows).
 */
export function dropRepeatedHeading(root: HTMLElement, title: string): void {
  const first = root.firstElementChild;
  const norm = (t: string): string => t.replace(/\s+/g, ' ').trim().toLowerCase();
  if (first && /^H[1-6]$/.test(first.tagName) && norm(first.textContent ?? '') === norm(title)) first.remove();
}

/** Gives every shell code block in `root` a bar with a "Run" button (call after each render). */
export function addRunButtons(root: HTMLElement, run: (command: string) => void): void {
  for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
    const command = commandOf(code);
    const pre = code.parentElement;
    if (command === undefined || !pre) continue;
    const block = document.createElement('div');
    block.className = 'codeblock';
    pre.replaceWith(block);
    const bar = document.createElement('div');
    bar.className = 'codebar';
    const label = document.createElement('span');
    label.textContent = 'shell';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'run';
    button.textContent = '▶ Run';
    const oneLine = command.split('\n')[0] ?? '';
    button.setAttribute('aria-label', `Type into the terminal: ${oneLine}${command.includes('\n') ? ' …' : ''}`);
    button.title = 'Type this command into the terminal and press Enter';
    button.addEventListener('click', () => run(command));
    bar.append(label, button);
    block.append(bar, pre);
  }
}
