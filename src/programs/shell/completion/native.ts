// Completion specs written in TypeScript, registered by command name: what bash-completion's
// shell functions do on a real system (`complete -F _systemctl systemctl`). A spec set with
// the `complete` builtin for the same name takes precedence; `complete -p` does not list these.
import type { Sys } from '../../../shared/sys';

export interface NativeContext {
  sys: Sys;
  /** COMP_WORDS and COMP_CWORD: words split at blanks and at COMP_WORDBREAKS (`--opt=v` is three). */
  words: string[];
  cword: number;
  /** The word being completed, up to the cursor, and the word before it. */
  cur: string;
  prev: string;
  /** The shell's current directory (file-name arguments). */
  cwd: string;
}

export interface NativeReply {
  /** The choices (those that start with `cur`; see `matching`). */
  words: string[];
  /** No space after a unique match (an option that takes `=value`). */
  nospace?: boolean;
  /** File-name completion instead (readline's default). */
  files?: boolean;
}

export type NativeCompleter = (ctx: NativeContext) => Promise<NativeReply>;

const registry = new Map<string, NativeCompleter>();

/** Registers `completer` for the command names (matched by the last part of the command word). */
export function registerCompletion(names: string | string[], completer: NativeCompleter): void {
  for (const n of typeof names === 'string' ? [names] : names) registry.set(n, completer);
}

export function nativeCompleter(command: string): NativeCompleter | undefined {
  return registry.get(command) ?? registry.get(command.slice(command.lastIndexOf('/') + 1));
}

/** The choices that start with `cur`. */
export function matching(cur: string, choices: Iterable<string>): string[] {
  const out: string[] = [];
  for (const c of choices) if (c.startsWith(cur)) out.push(c);
  return out;
}

/** A reply of the choices that start with `cur`; an option ending in `=` keeps no space. */
export function reply(cur: string, choices: Iterable<string>): NativeReply {
  const words = matching(cur, choices);
  return { words, nospace: words.length === 1 && words[0]!.endsWith('=') };
}

/**
 * Where the cursor is relative to options: for `--opt=val` (split into --opt, =, val) and for
 * `--opt val`, the option whose value is being completed.
 */
export function optionBefore(ctx: NativeContext): string | undefined {
  const { words, cword, prev } = ctx;
  // `--opt=val`: ... --opt = val; `--opt=`: ... --opt = (completing an empty word)
  if (prev === '=' && cword >= 2) return words[cword - 2];
  if (words[cword] === '=') return prev;
  return prev.startsWith('-') ? prev : undefined;
}

/** The value being completed. */
export function valueWord(ctx: NativeContext): string {
  return ctx.cur;
}

/** The arguments that are not options (words[1..cword), `=` pieces and option values left out). */
export function operands(ctx: NativeContext, takesValue: (opt: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 1; i < ctx.cword; i++) {
    const w = ctx.words[i]!;
    if (w === '=') {
      i++;
      continue;
    }
    if (w.startsWith('-')) {
      if (ctx.words[i + 1] !== '=' && takesValue(w) && i + 1 < ctx.cword) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Entries of a directory (none when it is missing). */
export async function listDir(sys: Sys, dir: string): Promise<string[]> {
  try {
    return await sys.readdir(dir);
  } catch {
    return [];
  }
}
