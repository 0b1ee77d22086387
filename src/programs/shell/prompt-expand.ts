import type { Interpreter } from './interpreter';

/** Expands $-forms in prompt text as in a double-quoted string; failures leave the text as is. */
export async function expandHeredocLike(sh: Interpreter, text: string): Promise<string> {
  if (!/[$`\\]/.test(text)) return text;
  try {
    return await sh.expandHeredoc(text);
  } catch {
    return text;
  }
}
