// openssl (OpenSSL 3.0.16, as Photon OS 5.0 ships it), the commands an administrator reaches for
// without keys: version, help, dgst and its digest shortcuts (md5, sha1, sha224, sha256, sha384,
// sha512), rand, base64 (enc -base64) and passwd (-1 MD5, -5 SHA-256, -6 SHA-512 crypt). The
// commands that need real keys and certificates (req, x509, genrsa, s_client...) are listed by
// help but say they are not available here.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { CODECS } from '../lib/basenc-codecs';
import { hex, Md5 } from '../lib/md5';
import { md5Crypt } from '../lib/md5-crypt';
import { Sha1 } from '../lib/sha1';
import { Sha224, Sha256 } from '../lib/sha256';
import { makeSalt, shaCryptWith } from '../lib/sha512-crypt';
import { binToBytes, bytesToBin } from '../lib/binary-text';
import { readAllBin, readChunk } from '../lib/textio';
import { Sha512 } from '../lib/sha512';
import { decodeBase64Bio } from './base64-bio';
import { CIPHER_COMMANDS, DIGEST_COMMANDS, STANDARD_COMMANDS } from './command-names';

const VERSION = 'OpenSSL 3.0.16 11 Feb 2025 (Library: OpenSSL 3.0.16 11 Feb 2025)';

type Hasher = { update(d: Uint8Array): unknown; digest(): Uint8Array };
const DIGESTS: Record<string, { label: string; make: () => Hasher }> = {
  md5: { label: 'MD5', make: () => new Md5() },
  sha1: { label: 'SHA1', make: () => new Sha1() },
  sha224: { label: 'SHA2-224', make: () => new Sha224() },
  sha256: { label: 'SHA2-256', make: () => new Sha256() },
  sha384: { label: 'SHA2-384', make: () => Sha512.sha384() },
  sha512: { label: 'SHA2-512', make: () => new Sha512() },
};


class Fail extends Error {
  constructor(readonly status = 1) {
    super('fail');
  }
}

function columns(names: readonly string[]): string {
  let out = '';
  for (let i = 0; i < names.length; i += 4) out += `${names.slice(i, i + 4).map((n) => n.padEnd(18)).join('')}\n`;
  return out;
}

function helpText(): string {
  return `help:\n\nStandard commands\n${columns(STANDARD_COMMANDS)}\nMessage Digest commands (see the \`dgst' command for more details)\n${columns(DIGEST_COMMANDS)}\nCipher commands (see the \`enc' command for more details)\n${columns(CIPHER_COMMANDS)}\n`;
}

async function readInput(ctx: Ctx, file: string | undefined, onDirectory: 'fail' | 'empty' = 'fail', asOption = false): Promise<Uint8Array> {
  // (what standard input holds is charged to the process, so an endless one meets ENOMEM)
  if (file === undefined) return binToBytes(await readAllBin(ctx, 0));
  try {
    return await ctx.sys.readFile(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // a directory opens; only reading it fails (dgst says so, the base64 filter reads nothing)
    if (e.errno === 'EISDIR') {
      await ctx.err.write(`error:80000015:system library:file_read:${strerror(e.errno)}\n`);
      if (onDirectory === 'empty') return new Uint8Array(0);
      await ctx.err.write(`Read error in ${file}\n`);
      throw new Fail();
    }
    // (an -in file is opened by BIO_new_file, which words it so; dgst's files by name)
    await ctx.err.write(onDirectory === 'empty' || asOption ? `Can't open "${file}" for reading, ${strerror(e.errno)}\n` : `${file}: ${strerror(e.errno)}\n`);
    throw new Fail();
  }
}

async function writeOutput(ctx: Ctx, file: string | undefined, text: string): Promise<void> {
  return writeBytes(ctx, file, binToBytes(text));
}

/** Bytes as they are (binary output is not text): to -out FILE or standard output. */
async function writeBytes(ctx: Ctx, file: string | undefined, data: Uint8Array): Promise<void> {
  if (file !== undefined) return ctx.sys.writeFile(file, data);
  await ctx.out.flush();
  if (!data.length) return;
  try {
    await ctx.sys.write(1, data);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/** `-opt VALUE` options and flags of one command; anything else unknown is its error. */
function takeOptions(ctx: Ctx, cmd: string, args: string[], withValue: readonly string[], flags: readonly string[]): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const name = a.replace(/^--?/, '');
    if (withValue.includes(name)) {
      if (i + 1 >= args.length) throw new OptionError(`${cmd}: Option -${name} needs a value`);
      opts.set(name, args[++i]!);
    } else if (flags.includes(name)) opts.set(name, '');
    // (enc takes any other option as the name of a cipher)
    else throw new OptionError(cmd === 'enc' ? `enc: Unknown cipher: ${name}` : `${cmd}: Unknown option: ${a}`);
  }
  return { opts, rest: args.slice(i) };
}

class OptionError extends Error {}

async function dgst(ctx: Ctx, cmd: string, args: string[], preset?: string): Promise<number> {
  let algo = preset ?? 'sha256';
  let reverse = false;
  let binary = false;
  let colons = false;
  let outFile: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    // (a lone '-' among the options is taken as an empty digest option and ignored; '-' after
    // the options is a file name like any other)
    if (a === '-') continue;
    if (!a.startsWith('-')) break;
    const name = a.replace(/^--?/, '');
    if (name === 'r') reverse = true;
    else if (name === 'hex') binary = false;
    else if (name === 'binary') binary = true;
    else if (name === 'c') colons = true;
    else if (name === 'out') {
      if (i + 1 >= args.length) {
        await ctx.err.write(`${cmd}: Option -out needs a value\n${cmd}: Use -help for summary.\n`);
        return 1;
      }
      outFile = args[++i]!;
    } else if (DIGESTS[name]) algo = name;
    else {
      await ctx.err.write(`${cmd}: Unknown option or message digest: ${name}\n${cmd}: Use -help for summary.\n`);
      return 1;
    }
  }
  const files = args.slice(i);
  const d = DIGESTS[algo]!;
  let status = 0;
  let output = '';
  for (const file of files.length ? files : [undefined]) {
    const h = d.make();
    try {
      // standard input is hashed as it comes, as the real dgst does ('-' is a file name here)
      if (file === undefined) for (let chunk = await readChunk(ctx, 0); chunk !== null; chunk = await readChunk(ctx, 0)) h.update(chunk);
      else h.update(await readInput(ctx, file));
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      status = 1;
      continue;
    }
    const raw = h.digest();
    if (binary) {
      output += bytesToBin(raw);
      continue;
    }
    const sum = colons ? [...raw].map((b) => b.toString(16).padStart(2, '0')).join(':') : hex(raw);
    const name = file === undefined ? 'stdin' : file;
    // (-c prints the labelled form even with -r)
    output += reverse && !colons ? `${sum} *${name}\n` : `${d.label}(${name})= ${sum}\n`;
    if (outFile === undefined) {
      await writeOutput(ctx, undefined, output);
      output = '';
    }
  }
  if (output || outFile !== undefined) await writeOutput(ctx, outFile, output);
  return status;
}

async function rand(ctx: Ctx, args: string[]): Promise<number> {
  const { opts, rest } = takeOptions(ctx, 'rand', args, ['out'], ['hex', 'base64']);
  // (3.0 takes no count as nothing to write)
  if (rest.length === 0) return 0;
  if (rest.length !== 1) {
    await ctx.err.write('rand: Use -help for summary.\n');
    return 1;
  }
  if (/^\d+$/.test(rest[0]!) && Number(rest[0]) <= 0) {
    await ctx.err.write('rand: Use -help for summary.\n');
    return 1;
  }
  if (!/^\d+$/.test(rest[0]!)) {
    await ctx.err.write(`rand: Can't parse "${rest[0]}" as a number\nrand: Use -help for summary.\n`);
    return 1;
  }
  const bytes = ctx.sys.randomBytes(Number(rest[0]));
  if (opts.has('hex')) await writeOutput(ctx, opts.get('out'), `${hex(bytes)}\n`);
  else if (opts.has('base64')) await writeOutput(ctx, opts.get('out'), wrap64(CODECS['base64']!.encode(bytesToBin(bytes)) as string));
  else await writeBytes(ctx, opts.get('out'), bytes);
  return 0;
}

/** Base-64 text as OpenSSL's BIO writes it: lines of 64 characters. */
function wrap64(text: string): string {
  if (!text) return '';
  return `${text.match(/.{1,64}/g)!.join('\n')}\n`;
}

async function base64(ctx: Ctx, cmd: string, args: string[]): Promise<number> {
  const { opts } = takeOptions(ctx, cmd, args, ['in', 'out'], ['d', 'e', 'A', 'a', 'base64']);
  const bytes = await readInput(ctx, opts.get('in'), 'empty');
  if (opts.has('d')) {
    await writeBytes(ctx, opts.get('out'), decodeBase64Bio(bytes, opts.has('A')));
    return 0;
  }
  const data = bytesToBin(bytes);
  const codec = CODECS['base64']!;
  const encoded = codec.encode(data) as string;
  await writeOutput(ctx, opts.get('out'), opts.has('A') ? encoded : wrap64(encoded));
  return 0;
}

async function passwd(ctx: Ctx, args: string[]): Promise<number> {
  const { opts, rest } = takeOptions(ctx, 'passwd', args, ['salt', 'in'], ['1', '5', '6', 'stdin', 'quiet', 'table', 'reverse', 'noverify', 'apr1', 'aixmd5']);
  const schemes = ['1', '5', '6', 'apr1', 'aixmd5'].filter((k) => opts.has(k));
  // (one scheme at most; OpenSSL 3.0 has no -crypt and takes MD5 by default)
  if (schemes.length > 1) throw new OptionError('');
  const scheme = schemes[0] ?? '1';
  let passwords = rest;
  if (opts.has('stdin') || opts.has('in')) {
    const text = bytesToBin(await readInput(ctx, opts.get('in'), 'fail', true));
    passwords = text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
  }
  if (!passwords.length) {
    await ctx.err.write('Password: ');
    await ctx.err.write('\npasswd: Can\'t read password\n');
    return 1;
  }
  for (const pw of passwords) {
    let salt = opts.get('salt');
    if (salt === undefined) {
      const n = scheme === '5' || scheme === '6' ? 16 : 8;
      salt = makeSalt(ctx.sys.randomBytes(n), n);
    }
    const hash = cryptFor(scheme, pw, salt);
    const [left, right] = opts.has('reverse') ? [hash, pw] : [pw, hash];
    await ctx.print(opts.has('table') ? `${left}\t${right}\n` : `${hash}\n`);
  }
  return 0;
}

/** The salt is taken as given ('$' included, cut to the scheme's length); SHA crypt reads a rounds= prefix. */
function cryptFor(scheme: string, pw: string, salt: string): string {
  if (scheme === '1' || scheme === 'apr1') return md5Crypt(pw, salt, scheme, true);
  if (scheme === 'aixmd5') return md5Crypt(pw, salt, '', true);
  let rounds = 5000;
  let explicitRounds = false;
  const m = /^rounds=(\d+)\$/.exec(salt);
  if (m) {
    rounds = Math.min(999_999_999, Math.max(1000, Number(m[1])));
    explicitRounds = true;
    salt = salt.slice(m[0].length);
  }
  // (an empty salt leaves OpenSSL's SHA crypt with no result, which it prints as <NULL>)
  if (salt === '') return '<NULL>';
  return shaCryptWith(pw, scheme as '5' | '6', salt.slice(0, 16), rounds, explicitRounds);
}

async function main(ctx: Ctx): Promise<number> {
  const [cmd, ...args] = ctx.argv.slice(1);
  try {
    switch (cmd) {
      case undefined:
      case 'help':
        // (on standard error, as OpenSSL 3.0 prints it)
        await ctx.err.write(helpText());
        return 0;
      case 'version':
        await ctx.print(args.includes('-a') ? `${VERSION}\nbuilt on: Tue Mar  4 10:12:37 2025 UTC\nplatform: linux-x86_64\n` : `${VERSION}\n`);
        return 0;
      case 'dgst': return await dgst(ctx, 'dgst', args);
      case 'rand': return await rand(ctx, args);
      case 'base64': return await base64(ctx, 'base64', args);
      case 'enc':
        if (args.includes('-base64') || args.includes('-a')) return await base64(ctx, 'enc', args);
        await ctx.err.write('enc: only -base64 is available in this simulation\n');
        return 1;
      case 'passwd': return await passwd(ctx, args);
      default:
        if (DIGESTS[cmd]) return await dgst(ctx, cmd, args, cmd);
        if (STANDARD_COMMANDS.includes(cmd) || DIGEST_COMMANDS.includes(cmd) || CIPHER_COMMANDS.includes(cmd)) {
          await ctx.err.write(`${cmd}: not available in this simulation (no keys or certificates here)\n`);
          return 1;
        }
        await ctx.err.write(`Invalid command '${cmd}'; type "help" for a list.\n`);
        return 1;
    }
  } catch (e) {
    if (e instanceof OptionError) {
      await ctx.err.write(`${e.message ? `${e.message}\n` : ''}${cmd}: Use -help for summary.\n`);
      return 1;
    }
    if (e instanceof Fail) return e.status;
    throw e;
  }
}

export default defineProgram({ name: 'openssl', installPath: '/usr/bin/openssl', pkg: 'openssl', main });
