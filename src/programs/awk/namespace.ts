// gawk's namespaces: `@namespace "name"` changes the namespace the rest of a source file's
// names are put in (each source starts in `awk`), and `ns::name` names one outright.
// The lexer resolves every name as it reads it: names of the awk namespace are kept bare
// (`awk::x` is `x`); in another namespace a bare name gets the `ns::` prefix unless it is all
// capital letters (NR, ENVIRON: awk's own variables stay reachable) or a function parameter
// (the parser keeps those bare, see Token.word).

/** gawk's own keywords and built-ins (its GAWKX ones): a namespace may reuse these names. */
export const GAWK_ONLY = new Set([
  'BEGINFILE', 'ENDFILE', 'switch', 'case', 'default', 'include', 'load', 'namespace', 'eval',
  'and', 'or', 'xor', 'compl', 'lshift', 'rshift', 'asort', 'asorti', 'gensub', 'isarray', 'typeof',
  'mkbool', 'mktime', 'strftime', 'systime', 'patsplit', 'strtonum', 'bindtextdomain', 'dcgettext', 'dcngettext',
]);

/** The directive words, special only right after `@`. */
export const DIRECTIVES = new Set(['include', 'load', 'namespace', 'eval']);

export const isAllUpper = (name: string): boolean => /^[A-Z]+$/.test(name);

export interface Resolved {
  /** The keyword or built-in the word stands for, if any. */
  special?: string;
  /** Otherwise the name as it is kept: `ns::name`, or bare for the awk namespace. */
  name: string;
  /** An error gawk gives of the word (it goes on parsing). */
  error?: string;
}

/**
 * How gawk reads an identifier `word` in namespace `ns` (its validate_qualified_name,
 * check_qualified_special and qualify_name). `isSpecial` says whether a bare word is one of
 * the language's keywords or built-ins (in the mode gawk runs in); `builtin` whether it is a
 * built-in function.
 */
export function resolveName(word: string, ns: string, isSpecial: (w: string) => boolean, builtin: (w: string) => boolean): Resolved {
  const colon = word.indexOf('::');
  if (colon < 0) {
    if (isSpecial(word) && (ns === 'awk' || !(GAWK_ONLY.has(word) && builtin(word)))) return { special: word, name: word };
    return { name: ns !== 'awk' && !isAllUpper(word) ? `${ns}::${word}` : word };
  }
  if (!/^[A-Za-z_]/.test(word.slice(colon + 2))) return { name: word, error: `qualified identifier \`${word}' is badly formed` };
  if (word.indexOf(':', colon + 2) >= 0) return { name: word, error: `identifier \`${word}': namespace separator can only appear once in a qualified name` };
  const space = word.slice(0, colon);
  const sub = word.slice(colon + 2);
  const reserved = (w: string): boolean => isSpecial(w) && !GAWK_ONLY.has(w);
  if (reserved(space)) return { special: space, name: word, error: `using reserved identifier \`${space}' as a namespace is not allowed` };
  const secondError = `using reserved identifier \`${sub}' as second component of a qualified name is not allowed`;
  if (space !== 'awk') return reserved(sub) ? { special: sub, name: word, error: secondError } : { name: word };
  if (!isSpecial(sub)) return { name: sub };
  // awk::gensub() calls gawk's own gensub from any namespace; awk::length is an error
  return GAWK_ONLY.has(sub) && builtin(sub) ? { special: sub, name: sub } : { special: sub, name: sub, error: secondError };
}

/** What is wrong with `@namespace "name"`'s name (set_namespace), if anything. */
export function namespaceError(name: string, isSpecial: (w: string) => boolean): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `namespace name \`${name}' must meet identifier naming rules`;
  if (isSpecial(name) || DIRECTIVES.has(name)) return `using reserved identifier \`${name}' as a namespace is not allowed`;
  return undefined;
}
