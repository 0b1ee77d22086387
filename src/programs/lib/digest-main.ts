// md5sum, sha1sum and the sha2 family (coreutils digest.c): "HASH  FILE" lines, --tag's "MD5 (FILE) = HASH",
// names with \ or newline escaped, and --check with its OK / FAILED lines and warnings.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, type Program } from '../define';
import { usageFail } from './cli';
import type { Ctx } from './context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from './gnu';
import { hex, Md5 } from './md5';
import { Sha1 } from './sha1';
import { Sha224, Sha256 } from './sha256';
import { Sha512 } from './sha512';
import { bin, LineReader, openInput, Output, qf, readChunk, stdinCloseFailed, unbin } from './textio';
import { bytesText } from './quotearg';
import { encodeText } from '../../shared/bytes';
import { quote } from './quote';
import { strtoint, UINTMAX_MAX, xdectoint } from './xstrtol';

interface Hasher {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}

export interface Algo {
  name: string;
  tag: string;
  hexLength: number;
  bits: number;
  /** A hasher; `bytes` is the digest length of an algorithm whose length varies (BLAKE2b). */
  make(bytes?: number): Hasher;
  authors: string[];
  /** b2sum: -l/--length, "TAG-BITS" tags, and check lines whose digest length says the length. */
  variable?: boolean;
  /** with `variable`: a sentence that opens --help's last paragraph (the standard the sums follow) */
  standard?: string;
}

/** --help after the usage line, in the layout coreutils' digest programs share. */
function digestHelp(algo: Algo): string {
  const v = algo.variable;
  return `Print or check ${algo.tag} (${algo.bits}-bit) checksums.

With no FILE, or when FILE is -, read standard input.
${v ? '\nMandatory arguments to long options are mandatory for short options too.\n' : ''}  -b, --binary          read in binary mode (marked with '*')
  -c, --check           read checksums from the FILEs and check them
${v ? `  -l, --length=BITS     digest length in bits: a multiple of 8, at most ${algo.bits}\n                          (0 means ${algo.bits})\n` : ''}      --tag             print BSD-style checksum lines
  -t, --text            read in text mode (the default)
  -z, --zero            end each output line with NUL, not newline,
                          and leave file names unescaped

With --check:
      --ignore-missing  say nothing about files that are missing
      --quiet           do not print OK for each file that checks out
      --status          print nothing; the exit status tells the result
      --strict          fail when a checksum line is malformed
  -w, --warn            warn about each malformed checksum line

${HELP_LINES}

${v ? `${algo.standard ? `${algo.standard} ` : ''}Checksum lines hold the checksum, a space, '*'
(binary) or ' ' (text), and the file name; when checking, the number of hex
digits gives the length. Text and binary read the same on GNU systems.` : `Checksum lines hold the checksum, a space, '*' (binary) or ' ' (text), and the
file name; text and binary read the same on GNU systems.`}
${coreutilsHelpFooter(algo.name)}`;
}

/** The digest of a file, or the error opening or reading it. */
export async function digestFile(ctx: Ctx, algo: Algo, file: string, bits = algo.bits): Promise<string | { errno: Parameters<typeof strerror>[0] }> {
  const fd = await openInput(ctx, file);
  if (typeof fd !== 'number') return { errno: fd.errno };
  const h = algo.make(bits / 8);
  try {
    for (let c = await readChunk(ctx, fd); c; c = await readChunk(ctx, fd)) h.update(c);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { errno: e.errno };
  } finally {
    if (fd !== 0) ctx.sys.close(fd);
  }
  return hex(h.digest());
}

export const escapeName = (s: string): string => s.replace(/[\\\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'));

/**
 * Digests `file` and writes its line: `line(name, sum)` lays it out, and a name holding a
 * backslash, newline or carriage return is escaped with a leading backslash (not with -z).
 * False after an error, which is reported.
 */
export async function printDigest(ctx: Ctx, out: Output, algo: Algo, file: string, bits: number, eol: string, line: (name: string, sum: string) => string): Promise<boolean> {
  const r = await digestFile(ctx, algo, file, bits);
  if (typeof r !== 'string') {
    await out.flush();
    await ctx.error(`${qf(file)}: ${strerror(r.errno)}`);
    return false;
  }
  const raw = bin(encodeText(file));
  const escape = eol === '\n' && /[\\\n\r]/.test(raw);
  out.push((escape ? '\\' : '') + line(escape ? escapeName(raw) : raw, r) + eol);
  await out.drain();
  return true;
}

function unescapeName(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\0') return undefined;
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const n = s[++i];
    if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === '\\') out += '\\';
    else return undefined;
  }
  return out;
}

const HEX = /^[0-9a-fA-F]+$/;

/** split_3: the digest and file name of a checksum line, or undefined if malformed. */
function parseLine(algo: Algo, s: string, reversed: { v: number }): { digest: string; file: string; bits: number } | undefined {
  let hexLength = algo.hexLength;
  let i = 0;
  while (s[i] === ' ' || s[i] === '\t') i++;
  let escaped = false;
  if (s[i] === '\\') {
    i++;
    escaped = true;
  }
  if (s.startsWith(algo.tag, i)) {
    i += algo.tag.length;
    if (algo.variable && s[i] === '-') {
      // "BLAKE2b-256 (FILE) = ...": strtoumax in base 0, then whatever follows
      const r = strtoint(s.slice(i + 1), 0, false);
      if (r.end === 0 || r.overflow || s[i + 1] === '-' || r.value === 0n || r.value > BigInt(algo.bits) || r.value % 8n !== 0n) return undefined;
      hexLength = Number(r.value) / 4;
      i += 1 + r.end;
    }
    if (s[i] === ' ') i++;
    if (s[i] !== '(') return undefined;
    const rest = s.slice(i + 1);
    const close = rest.lastIndexOf(')');
    if (close < 0) return undefined;
    let file: string | undefined = rest.slice(0, close);
    if (escaped) file = unescapeName(file);
    const m = /^[ \t]*=[ \t]*(.*)$/s.exec(rest.slice(close + 1));
    if (!m || file === undefined || m[1]!.length !== hexLength || !HEX.test(m[1]!)) return undefined;
    return { digest: m[1]!, file, bits: hexLength * 4 };
  }
  // b2sum: the run of hex digits says the length (an even count, at most the algorithm's)
  const minLength = algo.variable ? 1 : hexLength;
  if (s.length - i < minLength + 2 + (s[i] === '\\' ? 1 : 0)) return undefined;
  if (algo.variable) {
    hexLength = /^[0-9a-fA-F]*/.exec(s.slice(i))![0].length;
    if (hexLength < 2 || hexLength % 2 || hexLength > algo.hexLength) return undefined;
  }
  const digest = s.slice(i, i + hexLength);
  i += hexLength;
  if (s[i] !== ' ' && s[i] !== '\t') return undefined;
  i++;
  if (!HEX.test(digest)) return undefined;
  if (s.length - i === 1 || (s[i] !== ' ' && s[i] !== '*')) {
    if (reversed.v === 0) return undefined;
    reversed.v = 1;
  } else {
    if (reversed.v !== 1) reversed.v = 0;
    i++;
  }
  const file = escaped ? unescapeName(s.slice(i)) : s.slice(i);
  return file === undefined ? undefined : { digest, file, bits: hexLength * 4 };
}

export interface CheckOptions {
  /** cksum without -a: the algorithm a line's tag names, undefined when it names none it can check */
  pick?: (tag: string) => Algo | undefined;
  status: boolean;
  warn: boolean;
  quiet: boolean;
  strict: boolean;
  ignoreMissing: boolean;
}

export async function check(ctx: Ctx, algo: Algo, out: Output, name: string, o: CheckOptions): Promise<boolean> {
  const stdin = name === '-';
  const shown = stdin ? 'standard input' : name;
  const fd = await openInput(ctx, name);
  if (typeof fd !== 'number') {
    await ctx.error(`${qf(name)}: ${strerror(fd.errno)}`);
    return false;
  }
  let misformatted = 0;
  let failures = 0;
  let mismatched = 0;
  let formatted = false;
  let matched = false;
  let lineNo = 0;
  const reversed = { v: -1 };
  const reader = new LineReader(ctx, fd);
  const say = async (text: string): Promise<void> => {
    out.push(text);
    await out.flush();
  };
  // digest_check(): a read error (a directory's EISDIR) ends the file with "read error"
  const next = async (): Promise<string[] | undefined | 'error'> => {
    try {
      return (await reader.next()) ?? undefined;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 'error';
    }
  };
  for (let batch = await next(); ; batch = await next()) {
    if (batch === 'error') {
      if (fd !== 0) ctx.sys.close(fd);
      await out.flush();
      await ctx.error(`${qf(shown)}: read error`);
      return false;
    }
    if (!batch) break;
    for (let line of batch) {
      lineNo++;
      if (line.startsWith('#')) continue;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') continue;
      let lineAlgo: Algo | undefined = algo;
      if (o.pick) {
        // algorithm_from_tag: the word before a space, '-' or '(' after the optional '\\'
        const start = /^[ \t]*\\?/.exec(line)![0].length;
        lineAlgo = o.pick(/^[^\s(-]*/.exec(line.slice(start))![0]);
      }
      const parsed = lineAlgo && parseLine(lineAlgo, line, reversed);
      if (!parsed || (stdin && parsed.file === '-')) {
        misformatted++;
        if (o.warn) await ctx.error(`${qf(shown)}: ${lineNo}: improperly formatted ${algo.tag} checksum line`);
        continue;
      }
      formatted = true;
      const file = bytesText(unbin(parsed.file));
      const escape = !o.status && parsed.file.includes('\n');
      const label = (escape ? '\\' : '') + (escape ? escapeName(parsed.file) : parsed.file);
      const r = await digestFile(ctx, lineAlgo!, file, parsed.bits);
      if (typeof r !== 'string') {
        if (o.ignoreMissing && r.errno === 'ENOENT') continue;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(r.errno)}`);
        failures++;
        if (!o.status) await say(`${label}: FAILED open or read\n`);
        continue;
      }
      const good = r === parsed.digest.toLowerCase();
      if (good) matched = true;
      else mismatched++;
      if (!o.status && (!good || !o.quiet)) await say(`${label}: ${good ? 'OK' : 'FAILED'}\n`);
    }
  }
  if (fd !== 0) ctx.sys.close(fd);
  await out.flush();
  const plural = (n: number, one: string, many: string): string => `WARNING: ${n} ${n === 1 ? one : many}`;
  if (!formatted) await ctx.error(`${qf(shown)}: no properly formatted checksum lines found`);
  else if (!o.status) {
    if (misformatted) await ctx.error(plural(misformatted, 'line is improperly formatted', 'lines are improperly formatted'));
    if (failures) await ctx.error(plural(failures, 'listed file could not be read', 'listed files could not be read'));
    if (mismatched) await ctx.error(plural(mismatched, 'computed checksum did NOT match', 'computed checksums did NOT match'));
    if (o.ignoreMissing && !matched) await ctx.error(`${qf(shown)}: no file was verified`);
  }
  return formatted && matched && mismatched === 0 && failures === 0 && (!o.strict || misformatted === 0);
}

export function digestProgram(algo: Algo): Program {
  const name = algo.name;
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'coreutils',
    usage: `${name} [OPTION]... [FILE]...`,
    help: digestHelp(algo),
    version: coreutilsVersion(name, algo.authors),
    // in coreutils' order, which an ambiguous abbreviation's list of possibilities follows
    options: [
      ...(algo.variable ? [{ key: 'l', short: 'l', long: 'length', arg: 'required' as const }] : []),
      { key: 'c', short: 'c', long: 'check' },
      { key: 'ignore-missing', long: 'ignore-missing' },
      { key: 'quiet', long: 'quiet' },
      { key: 'status', long: 'status' },
      { key: 'w', short: 'w', long: 'warn' },
      { key: 'strict', long: 'strict' },
      { key: 'tag', long: 'tag' },
      { key: 'z', short: 'z', long: 'zero' },
      { key: 'b', short: 'b', long: 'binary' },
      { key: 't', short: 't', long: 'text' },
    ],
    async main(ctx, args) {
      let binary = -1;
      let doCheck = false;
      let tag = false;
      let eol = '\n';
      let bits = algo.bits;
      const o: CheckOptions = { status: false, warn: false, quiet: false, strict: false, ignoreMissing: false };
      for (const { key } of args.order) {
        switch (key) {
          case 'b': binary = 1; break;
          case 't': binary = 0; break;
          case 'c': doCheck = true; break;
          case 'status': Object.assign(o, { status: true, warn: false, quiet: false }); break;
          case 'w': Object.assign(o, { status: false, warn: true, quiet: false }); break;
          case 'quiet': Object.assign(o, { status: false, warn: false, quiet: true }); break;
          case 'ignore-missing': o.ignoreMissing = true; break;
          case 'strict': o.strict = true; break;
          case 'tag': tag = true; binary = 1; break;
          case 'z': eol = '\0'; break;
          default: break;
        }
      }
      if (algo.variable) {
        // the last -l wins; each is checked for a multiple of 8 as it is met, the maximum after
        let text: string | undefined;
        for (const v of args.values.get('l') ?? []) {
          const r = xdectoint(v, 0n, UINTMAX_MAX, '', 'invalid length');
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          if (r.value % 8n !== 0n) {
            await ctx.error(`invalid length: ${quote(v)}`);
            await ctx.error('length is not a multiple of 8');
            return 1;
          }
          bits = r.value === 0n ? algo.bits : r.value > BigInt(algo.bits) ? -1 : Number(r.value);
          text = v;
        }
        if (bits < 0) {
          await ctx.error(`invalid length: ${quote(text!)}`);
          await ctx.error(`maximum digest length for ${quote(algo.tag)} is ${algo.bits} bits`);
          return 1;
        }
      }
      const tagName = bits === algo.bits ? algo.tag : `${algo.tag}-${bits}`;
      if (tag && !binary) return usageFail(ctx, '--tag does not support --text mode');
      if (eol !== '\n' && doCheck) return usageFail(ctx, 'the --zero option is not supported when verifying checksums');
      if (tag && doCheck) return usageFail(ctx, 'the --tag option is meaningless when verifying checksums');
      if (binary >= 0 && doCheck) return usageFail(ctx, 'the --binary and --text options are meaningless when verifying checksums');
      if (!doCheck) {
        for (const [flagName, on] of [['ignore-missing', o.ignoreMissing], ['status', o.status], ['warn', o.warn], ['quiet', o.quiet], ['strict', o.strict]] as const) {
          if (on) return usageFail(ctx, `the --${flagName} option is meaningful only when verifying checksums`);
        }
      }
      const out = new Output(ctx);
      let ok = true;
      for (const file of args.operands.length ? args.operands : ['-']) {
        await ctx.tick();
        if (doCheck) {
          ok = (await check(ctx, algo, out, file, o)) && ok;
          continue;
        }
        const line = (shown: string, sum: string): string => (tag ? `${tagName} (${shown}) = ${sum}` : `${sum} ${binary === 1 ? '*' : ' '}${shown}`);
        ok = (await printDigest(ctx, out, algo, file, bits, eol, line)) && ok;
      }
      const status = await out.finish(ok ? 0 : 1, true);
      return (await stdinCloseFailed(ctx, !args.operands.length || args.operands.includes('-'), 'standard input')) ? 1 : status;
    },
  });
}

export const MD5: Algo = { name: 'md5sum', tag: 'MD5', hexLength: 32, bits: 128, make: () => new Md5(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
export const SHA256: Algo = { name: 'sha256sum', tag: 'SHA256', hexLength: 64, bits: 256, make: () => new Sha256(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
export const SHA1: Algo = { name: 'sha1sum', tag: 'SHA1', hexLength: 40, bits: 160, make: () => new Sha1(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
export const SHA224: Algo = { name: 'sha224sum', tag: 'SHA224', hexLength: 56, bits: 224, make: () => new Sha224(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
export const SHA384: Algo = { name: 'sha384sum', tag: 'SHA384', hexLength: 96, bits: 384, make: () => Sha512.sha384(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
export const SHA512: Algo = { name: 'sha512sum', tag: 'SHA512', hexLength: 128, bits: 512, make: () => new Sha512(), authors: ['Ulrich Drepper', 'Scott Miller', 'David Madore'] };
