import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import { DIGIT_OPTIONS, parseOptions, tryHelp, usageFail } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { LineReader, Output, qaf, qf, ql } from '../lib/textio';
import { xstrtol } from '../lib/xstrtol';

const HELP = `Report or drop repeated lines: adjacent equal lines of INPUT (or standard
input) are merged into one, written to OUTPUT (or standard output).

With no options, print each distinct line once.

Long options take the same arguments as their short forms.
  -c, --count           put the number of occurrences before each line
  -d, --repeated        print only lines that occur more than once, once each
  -D                    print every line that occurs more than once
      --all-repeated[=METHOD]  like -D, with groups delimited by an empty line:
                          METHOD is none (the default), prepend or separate
  -f, --skip-fields=N   leave out the first N fields when comparing
      --group[=METHOD]  print every line, with an empty line between groups:
                          METHOD is separate (the default), prepend, append
                          or both
  -i, --ignore-case     compare lower and upper case as equal
  -s, --skip-chars=N    leave out the first N characters when comparing
  -u, --unique          print only lines that occur once
  -z, --zero-terminated     lines end with a NUL byte, not a newline
  -w, --check-chars=N   compare at most N characters of each line
${HELP_LINES}

A field is a run of blanks (spaces or tabs) and the non-blank characters after
it. Fields are skipped before characters.

Only adjacent repeats are found: 'sort' the input first to catch them all.
${coreutilsHelpFooter('uniq')}`;

const spec = {
  name: 'uniq',
  installPath: '/usr/bin/uniq',
  pkg: 'coreutils',
  usage: 'uniq [OPTION]... [INPUT [OUTPUT]]',
  help: HELP,
  version: coreutilsVersion('uniq', ['Richard M. Stallman', 'David MacKenzie']),
  options: [
    { key: 'c', short: 'c', long: 'count' },
    { key: 'd', short: 'd', long: 'repeated' },
    { key: 'D', long: 'all-repeated', arg: 'optional' as const },
    { key: 'group', long: 'group', arg: 'optional' as const },
    { key: 'i', short: 'i', long: 'ignore-case' },
    { key: 'u', short: 'u', long: 'unique' },
    { key: 'f', short: 'f', long: 'skip-fields', arg: 'required' as const },
    { key: 's', short: 's', long: 'skip-chars', arg: 'required' as const },
    { key: 'w', short: 'w', long: 'check-chars', arg: 'required' as const },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'D', short: 'D' },
  ],
};

const DELIMIT = [['none', 'none'], ['prepend', 'prepend'], ['separate', 'separate']] as const;
const GROUPING = [['prepend', 'prepend'], ['append', 'append'], ['separate', 'separate'], ['both', 'both']] as const;
const MAX = Number.MAX_SAFE_INTEGER;

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx, raw) {
    const parsed = await parseOptions(ctx, spec, raw.operands, DIGIT_OPTIONS);
    if (typeof parsed === 'number') return parsed;
    let skipFields = 0;
    let skipChars = 0;
    let checkChars = MAX;
    let outUnique = true;
    let outFirst = true;
    let outLater = false;
    let count = false;
    let delimit: 'none' | 'prepend' | 'separate' = 'none';
    let grouping: 'none' | 'prepend' | 'append' | 'separate' | 'both' = 'none';
    let ignoreCase = false;
    let eol = '\n';
    let optionUsed = false;
    let obsoleteFields = false;
    const size = (v: string, msg: string): number | string => {
      const r = xstrtol(v, '');
      if (r.status !== 'ok' && r.status !== 'overflow') return `${v}: ${msg}`;
      return r.value > BigInt(MAX) ? MAX : Number(r.value);
    };
    for (const { key, value } of parsed.order) {
      const v = value ?? '';
      if (/^d\d$/.test(key)) {
        if (!obsoleteFields) skipFields = 0;
        skipFields = Math.min(MAX, skipFields * 10 + Number(key[1]));
        obsoleteFields = true;
        continue;
      }
      switch (key) {
        case 'c': count = true; optionUsed = true; break;
        case 'd': outUnique = false; optionUsed = true; break;
        case 'u': outFirst = false; optionUsed = true; break;
        case 'i': ignoreCase = true; break;
        case 'z': eol = '\0'; break;
        case 'D': {
          outUnique = false;
          outLater = true;
          optionUsed = true;
          delimit = 'none';
          if (value !== undefined) {
            const r = argmatch(v, DELIMIT);
            if ('error' in r) {
              await argmatchError(ctx, '--all-repeated', v, r.error, DELIMIT);
              await tryHelp(ctx);
              return 1;
            }
            delimit = r.value;
          }
          break;
        }
        case 'group': {
          grouping = 'separate';
          if (value !== undefined) {
            const r = argmatch(v, GROUPING);
            if ('error' in r) {
              await argmatchError(ctx, '--group', v, r.error, GROUPING);
              await tryHelp(ctx);
              return 1;
            }
            grouping = r.value;
          }
          break;
        }
        case 'f':
        case 's':
        case 'w': {
          const msg = key === 'f' ? 'invalid number of fields to skip' : key === 's' ? 'invalid number of bytes to skip' : 'invalid number of bytes to compare';
          const n = size(v, msg);
          if (typeof n === 'string') {
            await ctx.error(n);
            return 1;
          }
          if (key === 'f') {
            skipFields = n;
            obsoleteFields = false;
          } else if (key === 's') skipChars = n;
          else checkChars = n;
          break;
        }
        default:
          break;
      }
    }
    const files: string[] = [];
    for (const op of parsed.operands) {
      const r = /^\+/.test(op) ? xstrtol(op, '') : undefined;
      if (r && r.status === 'ok') skipChars = Number(r.value > BigInt(MAX) ? BigInt(MAX) : r.value);
      else if (files.length === 2) return usageFail(ctx, `extra operand ${ql(op)}`);
      else files.push(op);
    }
    if (grouping !== 'none' && optionUsed) return usageFail(ctx, '--group is mutually exclusive with -c/-d/-D/-u');
    if (count && outLater) return usageFail(ctx, 'printing all duplicated lines and repeat counts is meaningless');
    const input = files[0] ?? '-';
    const output = files[1] ?? '-';
    let inFd = 0;
    let outFd = 1;
    try {
      if (input !== '-') inFd = await ctx.sys.open(input, { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${qf(input)}: ${strerror(e.errno)}`);
      return 1;
    }
    try {
      if (output !== '-') outFd = await ctx.sys.open(output, { write: true, create: true, truncate: true }, 0o666);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${qf(output)}: ${strerror(e.errno)}`);
      return 1;
    }
    const out = new Output(ctx, undefined, outFd);
    const fieldOf = (line: string): string => {
      let i = 0;
      const n = line.length;
      for (let c = 0; c < skipFields && i < n; c++) {
        while (i < n && (line[i] === ' ' || line[i] === '\t' || line[i] === '\n')) i++;
        while (i < n && !(line[i] === ' ' || line[i] === '\t' || line[i] === '\n')) i++;
      }
      i += Math.min(skipChars, n - i);
      let f = i === 0 ? line : line.slice(i);
      if (checkChars < f.length) f = f.slice(0, checkChars);
      // memcasecmp compares toupper() of each byte
      return ignoreCase ? f.replace(/[a-z]+/g, (m) => m.toUpperCase()) : f;
    };
    const reader = new LineReader(ctx, inFd, eol);
    try {
      if (outUnique && outFirst && !count) {
        let prev: string | undefined;
        let printed = false;
        for (let batch = await reader.next(); batch; batch = await reader.next()) {
          for (const line of batch) {
            const f = fieldOf(line);
            const newGroup = prev === undefined || f !== prev;
            if (newGroup && grouping !== 'none' && (grouping === 'prepend' || grouping === 'both' || (printed && (grouping === 'append' || grouping === 'separate')))) out.push(eol);
            if (newGroup || grouping !== 'none') {
              out.push(line + eol);
              prev = f;
              printed = true;
            }
          }
          await out.drain();
        }
        if ((grouping === 'both' || grouping === 'append') && printed) await out.write(eol);
      } else {
        let prev: string | undefined;
        let prevField = '';
        let matches = 0;
        let firstDelimiter = true;
        const writeLine = (line: string, match: boolean, n: number): void => {
          if (!(n === 0 ? outUnique : !match ? outFirst : outLater)) return;
          out.push(count ? `${String(n + 1).padStart(7)} ${line}${eol}` : line + eol);
        };
        for (let batch = await reader.next(); batch; batch = await reader.next()) {
          for (const line of batch) {
            const f = fieldOf(line);
            if (prev === undefined) {
              prev = line;
              prevField = f;
              continue;
            }
            const match = f === prevField;
            if (match) matches++;
            if (delimit !== 'none') {
              if (!match) {
                if (matches) firstDelimiter = false;
              } else if (matches === 1 && (delimit === 'prepend' || (delimit === 'separate' && !firstDelimiter))) out.push(eol);
            }
            if (!match || outLater) {
              writeLine(prev, match, matches);
              prev = line;
              prevField = f;
              if (!match) matches = 0;
            }
          }
          await out.drain();
        }
        if (prev !== undefined) writeLine(prev, false, matches);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      await ctx.error(`error reading ${qaf(input)}`);
      return 1;
    }
    if (inFd !== 0) ctx.sys.close(inFd);
    const status = await out.finish(0);
    if (outFd !== 1) ctx.sys.close(outFd);
    return status;
  },
});
