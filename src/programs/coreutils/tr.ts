import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { writeBytes } from '../lib/output';
import { binArg, readChunk, ql } from '../lib/textio';
import { expand, lengthOf, parseSpec, setOf, SpecError, type Element } from '../lib/tr-spec';

const HELP = `Translate, squeeze and/or delete characters read from standard input,
writing to standard output. STRING1 and STRING2 are sets of characters.

  -c, -C, --complement    use the complement of SET1
  -d, --delete            delete the characters in SET1 instead of translating
  -s, --squeeze-repeats   replace each run of one repeated character of the
                            last SET given with a single one
  -t, --truncate-set1     first cut SET1 down to the length of SET2
${HELP_LINES}

A SET is a string of characters. Most stand for themselves; these do not:
  \\NNN            the byte with octal value NNN (1 to 3 digits)
  \\\\              a backslash
  \\a \\b \\f \\n \\r \\t \\v   BEL, BS, FF, newline, CR, TAB, VT
  CHAR1-CHAR2     every character from CHAR1 to CHAR2, in order
  [CHAR*]         in SET2, CHAR repeated to make SET2 as long as SET1
  [CHAR*REPEAT]   REPEAT copies of CHAR (an octal REPEAT starts with 0)
  [:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:] [:graph:] [:lower:]
  [:print:] [:punct:] [:space:] [:upper:] [:xdigit:]
                  the characters of that class
  [=CHAR=]        every character equivalent to CHAR

SET2 is padded with its last character when it is shorter than SET1; with -t,
SET1 is cut down instead. Only [:lower:] and [:upper:] may be in SET2 when
translating, where they convert case. With -s and no translation, repeats of
the characters of SET1 are squeezed; otherwise those of SET2.
${coreutilsHelpFooter('tr')}`;

/** tr.c get_next: a cursor over a SET's expansion. */
class Cursor {
  private idx = 0;
  private pos = -1;
  constructor(readonly list: Element[]) {}

  get atNew(): boolean {
    return this.pos < 0;
  }

  reset(): void {
    this.idx = 0;
    this.pos = -1;
  }

  skip(): void {
    this.idx++;
    this.pos = -1;
  }

  next(): { c: number; cls: 'lower' | 'upper' | undefined } {
    for (;;) {
      const el = this.list[this.idx];
      if (!el) return { c: -1, cls: undefined };
      // a repeat is counted, not expanded: [x*2147483647] is legal
      const size = el.type === 'repeat' ? el.count : 0;
      const chars = el.type === 'repeat' ? [] : expand(el);
      const total = el.type === 'repeat' ? size : chars.length;
      if (total === 0) {
        this.skip();
        continue;
      }
      this.pos++;
      const c = el.type === 'repeat' ? el.c : chars[this.pos]!;
      if (this.pos >= total - 1) this.skip();
      const cls = el.type === 'class' && (el.name === 'lower' || el.name === 'upper') ? el.name : undefined;
      return { c, cls };
    }
  }
}

export default defineProgram({
  name: 'tr',
  installPath: '/usr/bin/tr',
  pkg: 'coreutils',
  usage: 'tr [OPTION]... STRING1 [STRING2]',
  help: HELP,
  version: coreutilsVersion('tr', ['Jim Meyering']),
  posixOrder: true,
  options: [
    { key: 'c', short: 'c', long: 'complement' },
    { key: 'c', short: 'C' },
    { key: 'd', short: 'd', long: 'delete' },
    { key: 's', short: 's', long: 'squeeze-repeats' },
    { key: 't', short: 't', long: 'truncate-set1' },
    { key: 'A', short: 'A' },
  ],
  async main(ctx, args) {
    const has = (k: string): boolean => (args.flags.get(k) ?? 0) > 0;
    const complement = has('c');
    const del = has('d');
    const squeeze = has('s');
    const truncate = has('t');
    const ops = args.operands;
    const n = ops.length;
    const translating = n === 2 && !del;
    const min = 1 + (del === squeeze ? 1 : 0);
    const max = 1 + (Number(del) <= Number(squeeze) ? 1 : 0);
    if (n < min) {
      if (n === 0) return usageFail(ctx, 'missing operand');
      await ctx.error(`missing operand after ${ql(ops[n - 1]!)}`);
      await ctx.err.write(`${squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.'}\n`);
      return usageFail(ctx, undefined);
    }
    if (n > max) {
      await ctx.error(`extra operand ${ql(ops[max]!)}`);
      if (n === 2) await ctx.err.write('Only one string may be given when deleting without squeezing repeats.\n');
      return usageFail(ctx, undefined);
    }
    const warnings: string[] = [];
    let s1: Element[];
    let s2: Element[] | undefined;
    try {
      s1 = parseSpec(binArg(ops[0]!), warnings);
      if (n === 2) s2 = parseSpec(binArg(ops[1]!), warnings);
    } catch (e) {
      for (const w of warnings) await ctx.error(w);
      if (e instanceof SpecError) {
        await ctx.error(e.message);
        return 1;
      }
      throw e;
    }
    for (const w of warnings) await ctx.error(w);
    const fail = async (msg: string): Promise<number> => {
      await ctx.error(msg);
      return 1;
    };
    // validate()
    if (s1.some((e) => e.type === 'repeat' && e.count === 0)) return fail('the [c*] repeat construct may not appear in string1');
    let len1 = complement ? 256 - setOf(s1, false).filter(Boolean).length : lengthOf(s1);
    if (s2) {
      const indefinite = s2.filter((e) => e.type === 'repeat' && e.count === 0);
      let len2 = lengthOf(s2);
      if (len1 >= len2 && indefinite.length === 1) {
        const el = indefinite[0]!;
        if (el.type === 'repeat') el.count = len1 - len2;
        len2 = len1;
      }
      if (indefinite.length > 1) return fail('only one [c*] repeat construct may appear in string2');
      if (translating) {
        if (s2.some((e) => e.type === 'equiv')) return fail('[=c=] expressions may not appear in string2 when translating');
        if (s2.some((e) => e.type === 'class' && e.name !== 'upper' && e.name !== 'lower')) {
          return fail("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
        }
        if (!complement && s2.some((e) => e.type === 'class')) {
          // validate_case_classes: case classes must line up; each counts as one
          const a = new Cursor(s1);
          const b = new Cursor(s2);
          let newA = true;
          let newB = true;
          for (let c1 = 0, c2 = 0; c1 !== -1 && c2 !== -1;) {
            const x = a.next();
            const y = b.next();
            c1 = x.c;
            c2 = y.c;
            if (newB && y.cls && !(newA && x.cls)) return fail('misaligned [:upper:] and/or [:lower:] construct');
            if (y.cls) {
              a.skip();
              b.skip();
              len1 -= 25;
              len2 -= 25;
            }
            newA = a.atNew;
            newB = b.atNew;
          }
        }
        if (len1 > len2 && !truncate) {
          if (len2 === 0) return fail('when not truncating set1, string2 must be non-empty');
          const last = s2[s2.length - 1]!;
          if (last.type === 'class') return fail('when translating with string1 longer than string2,\nthe latter string must not end with a character class');
          const c = last.type === 'range' ? last.last : last.c;
          s2.push({ type: 'repeat', c, count: len1 - len2 });
          len2 = len1;
        }
        if (complement && s1.some((e) => e.type === 'class')) {
          const chars = new Set(s2.flatMap((e) => (e.type === 'repeat' ? (e.count ? [e.c] : []) : expand(e))));
          if (!(len2 === len1 && chars.size === 1)) {
            return fail('when translating with complemented character classes,\nstring2 must map all characters in the domain to one');
          }
        }
      } else if (indefinite.length > 0) return fail('the [c*] construct may appear in string2 only when translating');
    }

    let deleteSet: boolean[] | undefined;
    let squeezeSet: boolean[] | undefined;
    let xlate: Uint8Array | undefined;
    if (squeeze && n === 1) squeezeSet = setOf(s1, complement);
    else if (del && n === 1) deleteSet = setOf(s1, complement);
    else if (squeeze && del && n === 2) {
      deleteSet = setOf(s1, complement);
      squeezeSet = setOf(s2!, false);
    } else if (translating) {
      xlate = Uint8Array.from({ length: 256 }, (_, i) => i);
      if (complement) {
        const inS1 = setOf(s1, false);
        const b = new Cursor(s2!);
        for (let i = 0; i < 256; i++) {
          if (inS1[i]) continue;
          const c = b.next().c;
          if (c === -1) break;
          xlate[i] = c;
        }
      } else {
        const a = new Cursor(s1);
        const b = new Cursor(s2!);
        for (;;) {
          const x = a.next();
          const y = b.next();
          if (x.cls === 'lower' && y.cls === 'upper') {
            for (let i = 97; i <= 122; i++) xlate[i] = i - 32;
          } else if (x.cls === 'upper' && y.cls === 'lower') {
            for (let i = 65; i <= 90; i++) xlate[i] = i + 32;
          } else {
            if (x.c === -1 || y.c === -1) break;
            xlate[x.c] = y.c;
          }
          if (y.cls) {
            a.skip();
            b.skip();
          }
        }
      }
      if (squeeze) squeezeSet = setOf(s2!, false);
    }

    let last = -1;
    let written = 0;
    for (;;) {
      let chunk: Uint8Array | null;
      try {
        chunk = await readChunk(ctx, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`read error: ${strerror(e.errno)}`);
        return 1;
      }
      if (chunk === null) break;
      const out = new Uint8Array(chunk.length);
      let k = 0;
      for (let i = 0; i < chunk.length; i++) {
        let c = chunk[i]!;
        if (deleteSet && deleteSet[c]) continue;
        if (xlate) c = xlate[c]!;
        if (squeezeSet) {
          if (c === last && squeezeSet[c]) continue;
          last = c;
        }
        out[k++] = c;
      }
      written += k;
      const err = await writeBytes(ctx, out.subarray(0, k));
      if (err) {
        await ctx.tick();
        await ctx.error(`write error: ${strerror(err.errno)}`);
        // past stdio's 4 KiB buffer the stream was already in error: close_stdout adds its own
        // (bare, unless fclose fails too on a closed descriptor)
        if (written > 4096) await ctx.error(err.errno === 'EBADF' ? `write error: ${strerror(err.errno)}` : 'write error');
        ctx.out.reported = true;
        return 1;
      }
    }
    return 0;
  },
});
