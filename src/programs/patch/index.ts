// patch (GNU patch 2.7.6): applies unified and normal diffs read from a file (-i, or the
// second operand) or standard input, to the file named on the command line or in each
// section's header (its base name without -p, else with -p N leading components removed).
// Hunks found with an offset or fuzz say so; rejected ones go to FILE.rej in the patch's
// form; a file not patched exactly is kept as FILE.orig. A patch that applies only reversed
// is reported (-t assumes -R, -N skips it, -f does not look); the questions patch would ask
// on the terminal get their default answers when there is none. Exit 0, 1 when hunks
// failed or were skipped, 2 for trouble.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { readAllBin, unbin } from '../lib/textio';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { backupName, type BackupType } from '../lib/backup';
import { Applier, joinText, oriented, splitText, type FileText } from './apply';
import { epochStamp, headerName, parsePatch, type Hunk, type Section } from './parse';

/** The -V words (gnulib's backup types). */
const BACKUP_CHOICES: ArgChoices<BackupType> = [
  ['none', 'none'], ['off', 'none'], ['simple', 'simple'], ['never', 'simple'],
  ['existing', 'existing'], ['nil', 'existing'], ['numbered', 'numbered'], ['t', 'numbered'],
];

const DEFS: OptionDef[] = [
  { key: 'p', short: 'p', long: 'strip', arg: 'required' }, { key: 'R', short: 'R', long: 'reverse' },
  { key: 'N', short: 'N', long: 'forward' }, { key: 'dry', long: 'dry-run' }, { key: 'i', short: 'i', long: 'input', arg: 'required' },
  { key: 'o', short: 'o', long: 'output', arg: 'required' }, { key: 'b', short: 'b', long: 'backup' },
  { key: 'z', short: 'z', long: 'suffix', arg: 'required' }, { key: 's', short: 's', long: 'silent' }, { key: 's', long: 'quiet' },
  { key: 'f', short: 'f', long: 'force' }, { key: 't', short: 't', long: 'batch' }, { key: 'E', short: 'E', long: 'remove-empty-files' },
  { key: 'd', short: 'd', long: 'directory', arg: 'required' }, { key: 'F', short: 'F', long: 'fuzz', arg: 'required' },
  { key: 'l', short: 'l', long: 'ignore-whitespace' }, { key: 'u', short: 'u', long: 'unified' }, { key: 'c', short: 'c', long: 'context' },
  { key: 'n', short: 'n', long: 'normal' }, { key: 'verbose', long: 'verbose' }, { key: 'r', short: 'r', long: 'reject-file', arg: 'required' },
  { key: 'nobackup', long: 'no-backup-if-mismatch' }, { key: 'backupmis', long: 'backup-if-mismatch' }, { key: 'posix', long: 'posix' },
  { key: 'binary', long: 'binary' }, { key: 'help', long: 'help' }, { key: 'version', short: 'v', long: 'version' },
  { key: 'follow', long: 'follow-symlinks' }, { key: 'V', short: 'V', long: 'version-control', arg: 'required' }, { key: 'T', short: 'T', long: 'set-time' }, { key: 'Z', short: 'Z', long: 'set-utc' },
];

const VERSION = `GNU patch 2.7.6
Copyright (C) 2003, 2009-2012 Free Software Foundation, Inc.
Copyright (C) 1988 Larry Wall

License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Larry Wall and Paul Eggert
`;

const HELP = `Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]

Apply a diff (unified or normal) to the original file, or to the files its headers name.

  -p NUM  --strip=NUM  Remove NUM leading components from the names in the patch.
  -R  --reverse  Apply the patch backwards (it was made with the files swapped).
  -N  --forward  Skip patches that look reversed or already applied.
  -i PATCHFILE  --input=PATCHFILE  Read the patch from PATCHFILE, not standard input.
  -o FILE  --output=FILE  Write the result to FILE.
  -r FILE  --reject-file=FILE  Write rejected hunks to FILE.
  -b  --backup  Keep the original as FILE.orig (see -z).
  -z SUFFIX  --suffix=SUFFIX  The backup's suffix.
  -F LINES  --fuzz=LINES  Ignore up to LINES lines of context (2).
  -l  --ignore-whitespace  Compare lines ignoring runs of blanks.
  -d DIR  --directory=DIR  Change to DIR first.
  -E  --remove-empty-files  Remove files left empty.
  -t  --batch  Ask nothing; assume reversed patches are reversed.
  -f  --force  Ask nothing; do not look for reversed patches.
  -s  --quiet  --silent  Say only what went wrong.
  --dry-run  Say what would happen, change nothing.
  --help  Show this help and exit.
  -v  --version  Show the version and exit.
`;

interface Opts {
  strip: number | undefined;
  reverse: boolean;
  forward: boolean;
  dry: boolean;
  output?: string;
  reject?: string;
  backup: boolean;
  suffix: string;
  backupType: BackupType;
  /** -T (local times) or -Z (UTC): set the patched file's time from the header. */
  setTime: 'local' | 'utc' | undefined;
  silent: boolean;
  /** --verbose: the kind of each diff, the plan, every hunk's outcome, and "done". */
  verbose: boolean;
  force: boolean;
  batch: boolean;
  removeEmpty: boolean;
  fuzz: number;
  ignoreWs: boolean;
  backupIfMismatch: boolean;
}

class Fatal extends Error {}

class Patch {
  status = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly o: Opts,
  ) {}

  /** patch's messages: on stdout, unless the patched text goes there (-o -). */
  async say(text: string): Promise<void> {
    await (this.o.output === '-' ? this.ctx.err : this.ctx.out).write(text);
  }

  async fatal(text: string): Promise<never> {
    await this.ctx.out.flush();
    await this.ctx.err.write(`patch: **** ${text}\n`);
    throw new Fatal(text);
  }

  /** A name from a header with -p applied (its base name without -p); undefined when too few components. */
  private strip(name: string): string | undefined {
    if (this.o.strip === undefined) return name.slice(name.lastIndexOf('/') + 1);
    let rest = name;
    for (let k = 0; k < this.o.strip; k++) {
      const at = rest.indexOf('/');
      if (at < 0) return undefined;
      rest = rest.slice(at + 1).replace(/^\/+/, '');
    }
    return rest;
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await this.ctx.sys.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  /** The file a section patches, from its header, or undefined. */
  private async target(s: Section, reverse: boolean): Promise<{ name?: string; create: boolean; remove: boolean }> {
    const [oldH, newH] = reverse ? [s.newHeader, s.oldHeader] : [s.oldHeader, s.newHeader];
    const oldName = oldH === undefined ? undefined : headerName(oldH);
    const newName = newH === undefined ? undefined : headerName(newH);
    const create = oldName === '/dev/null' || (oldH !== undefined && epochStamp(oldH));
    const cands = [oldName, newName].filter((n): n is string => n !== undefined && n !== '/dev/null').map((n) => this.strip(n));
    const remove = newName === '/dev/null' || (newH !== undefined && epochStamp(newH));
    for (const c of cands) if (c !== undefined && (await this.exists(c))) return { name: c, create, remove };
    // a first hunk with nothing on its old side (-0,0) says the file is empty: it may be made
    const first = s.hunks[0] && oriented(s.hunks[0], reverse);
    const empty = first !== undefined && first.oldStart === 0 && first.oldCount === 0;
    if ((create || empty) && cands[0] !== undefined) return { name: cands[0], create: true, remove: false };
    if (remove && cands.at(-1) !== undefined) return { name: cands.at(-1), create: false, remove: true };
    return { create: false, remove: false };
  }

  /** Asks on the terminal; with none (as here) the default answer is taken. */
  private async ask(question: string): Promise<void> {
    await this.say(`${question}\n`);
  }

  async section(s: Section, given: string | undefined): Promise<void> {
    const total = s.hunks.length;
    if (this.o.verbose) {
      await this.say(`Hmm...  Looks like a ${s.format === 'context' ? 'new-style context' : s.format} diff to me...\n`);
      if (s.leading.length) await this.say(`The text leading up to this was:\n--------------------------\n${s.leading.map((l) => `|${l}\n`).join('')}--------------------------\n`);
    }
    const plural = (n: number): string => (n === 1 ? 'hunk' : 'hunks');
    let name = given;
    let create = false;
    let remove = false;
    if (name === undefined) {
      const t = await this.target(s, this.o.reverse);
      name = t.name;
      create = t.create;
      remove = t.remove;
    }
    if (name === undefined) {
      const wrong = this.o.strip !== undefined ? 'used the wrong' : 'should have used the';
      if (this.o.force || this.o.batch) {
        if (!this.o.silent) await this.say(`can't find file to patch at input line ${s.hunks[0]!.inputLine}\nPerhaps you ${wrong} -p or --strip option?\n`);
        await this.say(`The text leading up to this was:\n--------------------------\n${s.leading.map((l) => `|${l}\n`).join('')}--------------------------\n`);
        await this.say('No file to patch.  Skipping patch.\n');
      } else {
        if (!this.o.silent) await this.say(`can't find file to patch at input line ${s.hunks[0]!.inputLine}\nPerhaps you ${wrong} -p or --strip option?\n`);
        await this.say(`The text leading up to this was:\n--------------------------\n${s.leading.map((l) => `|${l}\n`).join('')}--------------------------\n`);
        await this.ask('File to patch: ');
        await this.ask('Skip this patch? [y] ');
        if (!this.o.silent) await this.say('Skipping patch.\n');
      }
      await this.say(`${total} out of ${total} ${plural(total)} ignored\n`);
      this.status = Math.max(this.status, 1);
      return;
    }
    let text = '';
    let missing = false;
    try {
      text = new TextDecoder().decode(await this.ctx.sys.readFile(name));
    } catch (e) {
      if (!isSysError(e)) throw e;
      missing = true;
    }
    const file: FileText = splitText(text);
    // a patch that leaves nothing of a file that is empty already: reversed, or done before
    const first = oriented(s.hunks[0]!, this.o.reverse);
    if (!this.o.force && !missing && text === '' && !create && (remove || (first.newStart === 0 && first.newCount === 0 && first.oldCount > 0))) {
      const patchIs = this.o.reverse ? 'The next patch, when reversed,' : 'The next patch';
      if (!(await this.reversed(`${patchIs} would empty out the file ${name},\nwhich is already empty!`, this.o.reverse))) {
        await this.report(total, total, true, undefined);
        return;
      }
      return this.patchFile(s, name, text, missing, file, !this.o.reverse, remove);
    }
    // a file to create that is there, or one to delete that is not: reversed, or done before
    if (!this.o.force && ((create && !missing) || (remove && missing))) {
      const patchIs = this.o.reverse ? 'The next patch, when reversed,' : 'The next patch';
      const what = create ? `${patchIs} would create the file ${name},\nwhich already exists!` : `${patchIs} would delete the file ${name},\nwhich does not exist!`;
      if (!(await this.reversed(what, this.o.reverse))) {
        await this.report(total, total, true, undefined);
        return;
      }
      return this.patchFile(s, name, text, missing, file, !this.o.reverse, remove);
    }
    return this.patchFile(s, name, text, missing, file, this.o.reverse, create);
  }

  /** Reports a patch that looks reversed; true when it is to be applied reversed (-t). */
  private async reversed(what: string, reverse: boolean): Promise<boolean> {
    if (this.o.batch) {
      await this.say(`${what}  ${reverse ? 'Ignoring -R.' : 'Assuming -R.'}\n`);
      return true;
    }
    if (this.o.forward && !reverse) {
      await this.say(`${what}  Skipping patch.\n`);
      return false;
    }
    await this.ask(`${what}  ${reverse ? 'Ignore -R?' : 'Assume -R?'} [n] `);
    await this.ask('Apply anyway? [n] ');
    // -s keeps the questions (asked of the terminal) but not this
    if (!this.o.silent) await this.say('Skipping patch.\n');
    return false;
  }

  private async patchFile(s: Section, name: string, text: string, missing: boolean, file: FileText, rev: boolean, create: boolean): Promise<void> {
    const total = s.hunks.length;
    const shown = this.o.output !== undefined ? `${this.o.output} (read from ${name})` : name;
    if (!this.o.silent) await this.say(`${this.o.dry ? 'checking' : 'patching'} file ${shown}\n`);
    if (this.o.verbose) await this.say('Using Plan A...\n');
    let reverse = rev;
    let skipAll = false;
    // the first hunk that does not apply but would reversed: reversed, or applied before
    const first = s.hunks[0]!;
    if (!this.o.force && rev === this.o.reverse && !Applier.wouldApply(file, oriented(first, reverse)) && Applier.wouldApply(file, oriented(first, !reverse)) && !(create && missing)) {
      const what = reverse ? 'Unreversed patch detected!' : 'Reversed (or previously applied) patch detected!';
      if (await this.reversed(what, reverse)) reverse = !reverse;
      else skipAll = true;
    }
    if (skipAll && this.o.verbose) for (const [k, h] of s.hunks.entries()) await this.say(`Hunk #${k + 1} ignored at ${oriented(h, reverse).oldStart}.\n`);
    const applier = new Applier(file, { maxFuzz: this.o.fuzz, ignoreWhitespace: this.o.ignoreWs });
    const rejected: Hunk[] = [];
    s.hunks.forEach((h, k) => {
      if (skipAll || !applier.apply(oriented(h, reverse), k + 1)) rejected.push(h);
    });
    let mismatch = skipAll;
    for (const r of applier.outcomes) {
      if (!r.ok) {
        mismatch = true;
        if (!this.o.silent) await this.say(`Hunk #${r.hunk} FAILED at ${r.line}${r.crlf ? ' (different line endings)' : ''}.\n`);
      } else if (r.fuzz || r.offset || this.o.verbose) {
        if (r.fuzz || r.offset) mismatch = true;
        if (this.o.silent) continue;
        let line = `Hunk #${r.hunk} succeeded at ${r.line}`;
        if (r.fuzz) line += ` with fuzz ${r.fuzz}`;
        if (r.offset) line += ` (offset ${r.offset} line${r.offset === 1 ? '' : 's'})`;
        await this.say(`${line}.\n`);
      }
    }
    if (this.o.dry) {
      await this.report(rejected.length, total, skipAll, undefined);
      return;
    }
    if (missing && !create) await this.fatal(`Can't reopen file ${name} : ${strerror('ENOENT')}`);
    const result = applier.result();
    const sys = this.ctx.sys;
    if (create && missing && !this.o.dry) await makeParents(this.ctx, this.o.output ?? name);
    if ((this.o.backup || (mismatch && this.o.backupIfMismatch)) && !missing && !skipAll) {
      try {
        await sys.writeFile(await backupName(sys, name, this.o.backupType === 'none' ? 'simple' : this.o.backupType, this.o.suffix), new TextEncoder().encode(text));
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    const dest = this.o.output ?? name;
    const newH = reverse ? s.oldHeader : s.newHeader;
    const removes = result.lines.length === 0 && (this.o.removeEmpty || (newH !== undefined && (headerName(newH) === '/dev/null' || epochStamp(newH))));
    try {
      if (dest === '-' && this.o.output === '-') {
        await this.ctx.out.write(joinText(result));
        await this.ctx.out.flush();
      } else if (removes && this.o.output === undefined) await sys.unlink(dest);
      else if (!skipAll || this.o.output !== undefined) {
        const before = missing ? undefined : await sys.stat(name).then((st) => st.mtime, () => undefined);
        await sys.writeFile(dest, new TextEncoder().encode(joinText(result)));
        if (this.o.setTime && !skipAll && rejected.length === 0) await this.setTime(dest, reverse ? s.newHeader : s.oldHeader, newH, before);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.fatal(`Can't create file ${dest} : ${strerror(e.errno)}`);
    }
    // -r - throws the rejected hunks away
    const rej = this.o.reject === '-' ? undefined : (this.o.reject ?? `${dest}.rej`);
    if (rejected.length && rej !== undefined) await sys.writeFile(rej, new TextEncoder().encode(rejectText(s, rejected)));
    await this.report(rejected.length, total, skipAll, rej);
  }

  /**
   * -T/-Z: the patched file takes the time the new header gives, when the file's time was the
   * old header's (or with -f); otherwise it is said and left alone.
   */
  private async setTime(file: string, oldH: string | undefined, newH: string | undefined, was: number | undefined): Promise<void> {
    // the headers' times are read as UTC (TZ=UTC makes -T and -Z the same)
    const t = headerTime(newH);
    if (t === undefined) return;
    const old = headerTime(oldH);
    if (!this.o.force && old !== undefined && was !== undefined && Math.floor(was) !== Math.floor(old)) {
      await this.say(`Not setting time of file ${file} (time mismatch)\n`);
      return;
    }
    await this.ctx.sys.utimes(file, t, t);
  }

  private async report(failed: number, total: number, skipped: boolean, rej: string | undefined): Promise<void> {
    if (failed === 0) return;
    this.status = Math.max(this.status, 1);
    const what = skipped ? 'ignored' : 'FAILED';
    await this.say(`${failed} out of ${total} hunk${total === 1 ? '' : 's'} ${what}${rej === undefined ? '' : ` -- saving rejects to file ${rej}`}\n`);
  }
}

/**
 * The time in a header after its name, in ms: "2020-01-02 03:04:05.123 +0000" (in its zone)
 * or ctime's "Thu Jan  2 03:04:05 2020"; undefined when there is none.
 */
function headerTime(h: string | undefined): number | undefined {
  const tab = h?.indexOf('\t') ?? -1;
  if (h === undefined || tab < 0) return undefined;
  const text = h.slice(tab + 1).trim();
  const iso = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?: ([-+])(\d\d)(\d\d))?$/.exec(text);
  if (iso) {
    const [, y, mo, d, hh, mi, ss, frac, sign, zh, zm] = iso;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss)) + Number(`0.${frac ?? '0'}`) * 1000;
    if (sign) ms -= (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60000;
    return ms;
  }
  const ct = /^\w{3} (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4})$/.exec(text);
  if (ct) {
    const mon = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(ct[1]!) / 3;
    if (mon < 0 || !Number.isInteger(mon)) return undefined;
    return Date.UTC(Number(ct[6]), mon, Number(ct[2]), Number(ct[3]), Number(ct[4]), Number(ct[5]));
  }
  return undefined;
}

/** Makes the missing directories above a file to create. */
async function makeParents(ctx: Ctx, path: string): Promise<void> {
  const parts = path.split('/').slice(0, -1);
  for (let k = 1; k <= parts.length; k++) {
    const dir = parts.slice(0, k).join('/');
    if (dir === '') continue;
    try {
      await ctx.sys.mkdir(dir, 0o777);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/** Rejected hunks in the patch's own form, under its header lines. */
function rejectText(s: Section, hunks: Hunk[]): string {
  if (s.format === 'normal') {
    return hunks.map((h) => {
      const olds = h.lines.filter((l) => l.t === '-').map((l) => `< ${l.s}\n`).join('');
      const news = h.lines.filter((l) => l.t === '+').map((l) => `> ${l.s}\n`).join('');
      const range = (a: number, n: number): string => (n > 1 ? `${a},${a + n - 1}` : String(a));
      const cmd = h.oldCount === 0 ? 'a' : h.newCount === 0 ? 'd' : 'c';
      return `${range(h.oldStart, h.oldCount)}${cmd}${range(h.newStart, h.newCount)}\n${olds}${olds && news ? '---\n' : ''}${news}`;
    }).join('');
  }
  if (s.format === 'context') return contextReject(s, hunks);
  let out = `--- ${s.oldHeader ?? ''}\n+++ ${s.newHeader ?? ''}\n`;
  const range = (a: number, n: number): string => (n === 1 ? String(a) : `${a},${n}`);
  for (const h of hunks) {
    out += `@@ -${range(h.oldStart, h.oldCount)} +${range(h.newStart, h.newCount)} @@\n`;
    for (const l of h.lines) out += `${l.t}${l.s}\n`;
  }
  return out;
}

/** Rejected hunks of a context diff, in that form: a removal next to an addition is a change (!). */
function contextReject(s: Section, hunks: Hunk[]): string {
  let out = `*** ${s.oldHeader ?? ''}\n--- ${s.newHeader ?? ''}\n`;
  const range = (a: number, n: number): string => (n > 1 ? `${a},${a + n - 1}` : String(a));
  for (const h of hunks) {
    const marks: string[] = h.lines.map((l) => l.t);
    for (let i = 0; i < h.lines.length; ) {
      if (h.lines[i]!.t !== '-') {
        i++;
        continue;
      }
      let j = i;
      while (j < h.lines.length && h.lines[j]!.t === '-') j++;
      let k = j;
      while (k < h.lines.length && h.lines[k]!.t === '+') k++;
      if (k > j) for (let m = i; m < k; m++) marks[m] = '!';
      i = k;
    }
    const side = (keep: string): string => {
      const ls = h.lines.map((l, i) => [l, marks[i]!] as const).filter(([l]) => l.t === ' ' || l.t === keep);
      return ls.some(([, m]) => m !== ' ') ? ls.map(([l, m]) => `${m} ${l.s}\n`).join('') : '';
    };
    out += `***************\n*** ${range(h.oldStart, h.oldCount)} ****\n${side('-')}--- ${range(h.newStart, h.newCount)} ----\n${side('+')}`;
  }
  return out;
}

async function run(ctx: Ctx): Promise<number> {
  let p;
  try {
    p = getopt(ctx.argv.slice(1), DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`patch: ${e.message}\npatch: Try 'patch --help' for more information.\n`);
    return 2;
  }
  if (p.flags.has('help')) {
    await ctx.print(HELP);
    return 0;
  }
  if (p.flags.has('version')) {
    await ctx.print(VERSION);
    return 0;
  }
  const last = (k: string): string | undefined => p.values.get(k)?.at(-1);
  const bad = async (text: string): Promise<number> => {
    await ctx.err.write(`patch: **** ${text}\n`);
    return 2;
  };
  if (p.operands.length > 2) {
    await ctx.err.write(`patch: ${p.operands[2]}: extra operand\npatch: Try 'patch --help' for more information.\n`);
    return 2;
  }
  const stripArg = last('p');
  if (stripArg !== undefined && !/^\d+$/.test(stripArg)) return bad(`strip count ${stripArg} is not a number`);
  // -V (else $PATCH_VERSION_CONTROL, else $VERSION_CONTROL): how backups are named
  const control = last('V') ?? (ctx.env.get('PATCH_VERSION_CONTROL') || undefined) ?? (ctx.env.get('VERSION_CONTROL') || undefined);
  let backupType: BackupType = 'existing';
  if (control !== undefined) {
    const m = argmatch(control, BACKUP_CHOICES);
    if (!('value' in m)) {
      await argmatchError(ctx, '--version-control or -V option', control, m.error, BACKUP_CHOICES);
      return 2;
    }
    backupType = m.value;
  }
  const fuzzArg = last('F');
  if (fuzzArg !== undefined && !/^\d+$/.test(fuzzArg)) return bad(`fuzz factor ${fuzzArg} is not a number`);
  const o: Opts = {
    strip: stripArg === undefined ? undefined : Number(stripArg), reverse: p.flags.has('R'), forward: p.flags.has('N'),
    dry: p.flags.has('dry'), output: last('o'), reject: last('r'), backup: p.flags.has('b'), suffix: last('z') ?? (ctx.env.get('SIMPLE_BACKUP_SUFFIX') || '.orig'), backupType,
    setTime: p.flags.has('Z') ? 'utc' : p.flags.has('T') ? 'local' : undefined,
    silent: p.flags.has('s'), verbose: p.flags.has('verbose') && !p.flags.has('s'), force: p.flags.has('f'), batch: p.flags.has('t'), removeEmpty: p.flags.has('E'),
    fuzz: fuzzArg === undefined ? 2 : Number(fuzzArg), ignoreWs: p.flags.has('l'), backupIfMismatch: !p.flags.has('nobackup') && !p.flags.has('posix'),
  };
  const dir = last('d');
  if (dir !== undefined) {
    try {
      await ctx.sys.chdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return bad(`Can't change to directory ${dir} : ${strerror(e.errno)}`);
    }
  }
  const patchFile = last('i') ?? p.operands[1];
  let data: Uint8Array;
  if (patchFile === undefined || patchFile === '-') data = unbin(await readAllBin(ctx, 0));
  else {
    try {
      data = await ctx.sys.readFile(patchFile);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return bad(`Can't open patch file ${patchFile} : ${strerror(e.errno)}`);
    }
  }
  const text = new TextDecoder().decode(data);
  // -n, -u, -c: the patch is read as that kind of diff only
  const forced = p.flags.has('n') ? 'normal' : p.flags.has('u') ? 'unified' : p.flags.has('c') ? 'context' : undefined;
  const sections = parsePatch(text).filter((s) => forced === undefined || s.format === forced);
  if (sections.length === 0) {
    if (text.trim() === '') return 0;
    return bad('Only garbage was found in the patch input.');
  }
  const patch = new Patch(ctx, o);
  try {
    for (const s of sections) await patch.section(s, p.operands[0]);
    if (o.verbose) await patch.say('done\n');
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    return 2;
  }
  return patch.status;
}

export default defineProgram({
  name: 'patch',
  installPath: '/usr/bin/patch',
  pkg: 'patch',
  main: (ctx) => run(ctx),
});
