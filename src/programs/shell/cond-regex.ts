// [[ string =~ regex ]] as bash runs it: regcomp(3) with REG_EXTENDED over the bytes (POSIX
// ERE with GNU operators, leftmost-longest), the match and its groups in BASH_REMATCH. Its own
// chunk, with the regex engine: loaded at the first =~, not at boot.
import { PosixRegExp } from '../lib/posix-match';
import { binToUtf8, utf8ToBin } from '../lib/binary-text';

/** The match and its groups (undefined: the regex is malformed, which [[ ]] reports as 2). */
export function regexMatch(text: string, regex: string, icase: boolean): string[] | null | undefined {
  let re: PosixRegExp;
  try {
    re = PosixRegExp.compile(utf8ToBin(regex), { extended: true, flavor: 'sed', icase });
  } catch {
    return undefined;
  }
  const bytes = utf8ToBin(text);
  const m = re.exec(bytes);
  if (!m) return null;
  return [bytes.slice(m.index, m.end), ...m.groups].map((g) => binToUtf8(g ?? ''));
}
