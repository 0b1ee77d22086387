// GNU getopt acts on each option as it reads it, so `sdiff -v -q` prints the version before
// it would reject -q. This parses the whole command line and, when an option is wrong, also
// returns what came before it, for the caller to act on first.
import { getopt, GetoptError, type OptionDef, type Parsed } from '../lib/getopt';

/** Options sorted by long name, as the tools' own tables are (for "ambiguous" listings). */
export function byLongName(defs: OptionDef[]): OptionDef[] {
  return [...defs].sort((a, b) => ((a.long ?? '') < (b.long ?? '') ? -1 : (a.long ?? '') > (b.long ?? '') ? 1 : 0));
}

export function getoptOrdered(args: string[], defs: OptionDef[]): { parsed: Parsed; error?: GetoptError } {
  try {
    return { parsed: getopt(args, defs) };
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    for (let k = args.length - 1; k >= 0; k--) {
      try {
        return { parsed: getopt(args.slice(0, k), defs), error: e };
      } catch (inner) {
        if (!(inner instanceof GetoptError)) throw inner;
      }
    }
    return { parsed: { flags: new Map(), values: new Map(), order: [], operands: [] }, error: e };
  }
}
