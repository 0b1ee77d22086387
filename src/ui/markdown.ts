// Lesson text: Markdown (marked) turned into HTML that is sanitised (DOMPurify) before it
// touches the page, because lessons are data that a teacher's pack may bring from anywhere.
// Shell code blocks then get a button that types the command into the terminal.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

// Links open in a new tab: following one must never replace the page (and its machine).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Markdown to sanitised HTML: no scripts, handlers, styles, forms or frames survive. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style', 'id', 'name'],
  });
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
  let text = (code.textContent ?? '').replace(/\n+$/, '');
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
