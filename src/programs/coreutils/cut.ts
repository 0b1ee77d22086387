import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { FieldListError, parseFieldList, type Range } from '../lib/fields';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, LineReader, closeInput, openInput, Output, qf, stdinCloseFailed } from '../lib/textio';

const HELP = `Print the selected parts of each line of each FILE to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -b, --bytes=LIST        print only these bytes
  -c, --characters=LIST   print only these characters
  -d, --delimiter=DELIM   fields are separated by DELIM, not by TAB
  -f, --fields=LIST       print only these fields; lines without a delimiter
                            are printed whole, unless -s is given
  -n                      (accepted and ignored)
      --complement        print everything except what LIST selects
  -s, --only-delimited    leave out lines that contain no delimiter
      --output-delimiter=STRING  join the selected parts with STRING; the
                            default is the input delimiter
  -z, --zero-terminated   lines end with a NUL byte, not a newline
${HELP_LINES}

Use exactly one of -b, -c and -f. LIST is one or more ranges separated by
commas: N (the Nth byte, character or field, counted from 1), N- (from N to the
end), N-M (from N to M) or -M (from the first to M).
${coreutilsHelpFooter('cut')}`;

export default defineProgram({
  name: 'cut',
  installPath: '/usr/bin/cut',
  pkg: 'coreutils',
  usage: 'cut OPTION... [FILE]...',
  help: HELP,
  version: coreutilsVersion('cut', ['David M. Ihnat', 'David MacKenzie', 'Jim Meyering']),
  options: [
    { key: 'b', short: 'b', long: 'bytes', arg: 'required' },
    { key: 'c', short: 'c', long: 'characters', arg: 'required' },
    { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
    { key: 'f', short: 'f', long: 'fields', arg: 'required' },
    { key: 's', short: 's', long: 'only-delimited' },
    { key: 'output-delimiter', long: 'output-delimiter', arg: 'required' },
    { key: 'complement', long: 'complement' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'n', short: 'n' },
  ],
  async main(ctx, args) {
    let list: string | undefined;
    let bytes = false;
    let delim: string | undefined;
    let outDelim: string | undefined;
    let suppress = false;
    let eol = '\n';
    let complement = false;
    for (const { key, value } of args.order) {
      const v = value ?? '';
      switch (key) {
        case 'b':
        case 'c':
        case 'f':
          if (key !== 'f') bytes = true;
          if (list !== undefined) return usageFail(ctx, 'only one list may be specified');
          list = v;
          break;
        case 'd': {
          const d = binArg(v);
          if (d.length > 1) return usageFail(ctx, 'the delimiter must be a single character');
          delim = d === '' ? '\0' : d;
          break;
        }
        case 'output-delimiter':
          outDelim = v === '' ? '\0' : binArg(v);
          break;
        case 's': suppress = true; break;
        case 'z': eol = '\0'; break;
        case 'complement': complement = true; break;
        default: break;
      }
    }
    if (list === undefined) return usageFail(ctx, 'you must specify a list of bytes, characters, or fields');
    if (bytes) {
      if (delim !== undefined) return usageFail(ctx, 'an input delimiter may be specified only when operating on fields');
      if (suppress) return usageFail(ctx, 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    }
    let ranges: Range[];
    try {
      ranges = parseFieldList(list, { positions: bytes, complement });
    } catch (e) {
      if (e instanceof FieldListError) return usageFail(ctx, e.message);
      throw e;
    }
    const d = delim ?? '\t';
    const od = outDelim ?? d;
    const out = new Output(ctx);
    const cutBytes = (line: string): string => {
      let s = '';
      let printed = false;
      for (const r of ranges) {
        if (r.lo > line.length) break;
        if (outDelim !== undefined && printed) s += od;
        s += line.slice(r.lo - 1, Math.min(line.length, r.hi));
        printed = true;
      }
      return s;
    };
    const cutFields = (line: string): string | undefined => {
      if (!line.includes(d)) return suppress ? undefined : line;
      const fields = line.split(d);
      const picked: string[] = [];
      for (const r of ranges) {
        if (r.lo > fields.length) break;
        for (let k = r.lo; k <= Math.min(r.hi, fields.length); k++) picked.push(fields[k - 1]!);
      }
      return picked.join(od);
    };
    let ok = true;
    const files = args.operands.length ? args.operands : ['-'];
    for (const file of files) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      const reader = new LineReader(ctx, fd, eol);
      try {
        for (let batch = await reader.next(); batch; batch = await reader.next()) {
          for (const line of batch) {
            if (bytes) out.push(cutBytes(line) + eol);
            else {
              const r = cutFields(line);
              if (r !== undefined) out.push(r + eol);
            }
          }
          await out.drain();
          if (out.failed) break;
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        ok = false;
      }
      closeInput(ctx, fd);
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : status;
  },
});
