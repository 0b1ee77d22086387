import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { TabError, TabStops } from '../lib/tabstops';
import { bin, closeInput, openInput, Output, qf, readChunk, stdinCloseFailed } from '../lib/textio';

const HELP = `Turn the blanks in each FILE into tabs, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -a, --all        convert all blanks, not just those at the start of lines
      --first-only  convert only the leading blanks (wins over -a)
  -t, --tabs=N     put tab stops every N columns instead of 8 (implies -a)
  -t, --tabs=LIST  put tab stops at the columns LIST gives, separated by
                     commas; a last stop written /N repeats every N columns
                     after it, and +N every N columns from the last stop
${HELP_LINES}
${coreutilsHelpFooter('unexpand')}`;

export default defineProgram({
  name: 'unexpand',
  installPath: '/usr/bin/unexpand',
  pkg: 'coreutils',
  usage: 'unexpand [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('unexpand', ['David MacKenzie']),
  options: [
    { key: 't', short: 't', long: 'tabs', arg: 'required' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 'first', long: 'first-only' },
    { key: ',', short: ',' },
    ...[...'0123456789'].map((d) => ({ key: `d${d}`, short: d })),
  ],
  async main(ctx, args) {
    const tabs = new TabStops();
    let whole = false;
    let firstOnly = false;
    let pendingValue: number | undefined;
    try {
      for (const { key, value } of args.order) {
        if (key === 'a') whole = true;
        else if (key === 't') {
          whole = true;
          tabs.parse(value!);
        } else if (key === 'first') firstOnly = true;
        else if (key === ',') {
          if (pendingValue !== undefined) tabs.add(pendingValue);
          pendingValue = undefined;
        } else if (/^d\d$/.test(key)) {
          pendingValue = (pendingValue ?? 0) * 10 + Number(key[1]);
          if (pendingValue > Number.MAX_SAFE_INTEGER) throw new TabError('tab stop value is too large');
        }
      }
      if (firstOnly) whole = false;
      if (pendingValue !== undefined) tabs.add(pendingValue);
      tabs.finish();
    } catch (e) {
      if (!(e instanceof TabError)) throw e;
      for (const m of e.message.split('\n')) await ctx.error(m);
      return 1;
    }
    const out = new Output(ctx);
    let ok = true;
    // line state (unexpand.c), carried from one file into the next
    let convert = true;
    let column = 0;
    let nextTab = 0;
    const state = { index: 0 };
    let oneBlankBeforeStop = false;
    let prevBlank = true;
    let pending = '';
    for (const file of args.operands.length ? args.operands : ['-']) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      try {
        for (let chunk = await readChunk(ctx, fd); chunk; chunk = await readChunk(ctx, fd)) {
          const text = bin(chunk);
          let s = '';
          for (let i = 0; i < text.length; i++) {
            let c = text[i]!;
            if (convert) {
              const blank = c === ' ' || c === '\t';
              if (blank) {
                const next = tabs.next(column, state);
                if (next === undefined) convert = false;
                else nextTab = next;
                if (convert) {
                  if (c === '\t') {
                    column = nextTab;
                    if (pending) pending = `\t${pending.slice(1)}`;
                  } else {
                    column++;
                    if (!(prevBlank && column === nextTab)) {
                      if (column === nextTab) oneBlankBeforeStop = true;
                      pending += c;
                      prevBlank = true;
                      continue;
                    }
                    c = '\t';
                    pending = pending ? `\t${pending.slice(1)}` : '';
                  }
                  pending = oneBlankBeforeStop ? pending.slice(0, 1) : '';
                }
              } else if (c === '\b') {
                if (column) column--;
                nextTab = column;
                if (state.index) state.index--;
              } else column++;
              if (pending) {
                if (pending.length > 1 && oneBlankBeforeStop) pending = `\t${pending.slice(1)}`;
                s += pending;
                pending = '';
                oneBlankBeforeStop = false;
              }
              prevBlank = blank;
              convert = convert && (whole || blank);
            }
            s += c;
            if (c === '\n') {
              convert = true;
              column = 0;
              nextTab = 0;
              state.index = 0;
              oneBlankBeforeStop = false;
              prevBlank = true;
              pending = '';
            }
          }
          out.push(s);
          await out.drain();
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        ok = false;
      }
      closeInput(ctx, fd);
    }
    // at the end of input, blanks still held back are written as they are
    if (pending.length > 1 && oneBlankBeforeStop) pending = `\t${pending.slice(1)}`;
    out.push(pending);
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, !args.operands.length || args.operands.includes('-'), '-')) ? 1 : status;
  },
});
