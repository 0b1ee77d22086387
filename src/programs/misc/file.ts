// file (5.44): what kind of data each FILE holds. Names are padded to one column; a file
// that cannot be read is described, not an error (exit 0 unless -E).
import type { Stat } from '../../shared/stat';
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { binaryMagic, gunzipInner, type Magic } from './file-magic';
import { textMagic } from './file-text';

const READ_MAX = 1024 * 1024;

const USAGE = `Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
`;

const HELP = `${USAGE.split('\n').slice(0, 4).join('\n')}
Describe what kind of data each FILE holds.

  -b, --brief                do not prefix the output with file names
  -E                         treat an unreadable file as an error (exit 1)
  -F, --separator STRING     put STRING after the file name instead of ':'
  -f, --files-from FILE      read the names to examine from FILE
  -h, --no-dereference       describe symbolic links themselves (the default)
  -i, --mime                 print MIME type and encoding
      --mime-type            print only the MIME type
      --mime-encoding        print only the MIME encoding
  -L, --dereference          follow symbolic links
  -N, --no-pad               do not pad names to a common width
  -0, --print0               end each file name with a NUL byte
  -s, --special-files        read block and character devices too
  -z, --uncompress           look inside compressed files
  -v, --version              show the version and exit
      --help                 show this help and exit
`;

interface Opts {
  brief: boolean;
  mime: 'none' | 'both' | 'type' | 'encoding';
  follow: boolean;
  pad: boolean;
  sep: string;
  print0: boolean;
  special: boolean;
  unzip: boolean;
  errors: boolean;
}

function special(st: Stat): Magic | undefined {
  const dev = st.rdev ? `(${st.rdev[0]}/${st.rdev[1]})` : '';
  switch (st.kind) {
    case 'dir': return { desc: 'directory', mime: 'inode/directory', charset: 'binary' };
    case 'chardev': return { desc: `character special ${dev}`, mime: 'inode/chardevice', charset: 'binary' };
    case 'blockdev': return { desc: `block special ${dev}`, mime: 'inode/blockdevice', charset: 'binary' };
    case 'fifo': return { desc: 'fifo (named pipe)', mime: 'inode/fifo', charset: 'binary' };
    case 'socket': return { desc: 'socket', mime: 'inode/socket', charset: 'binary' };
    default: return undefined;
  }
}

function classifyData(data: Uint8Array, o: Opts): Magic {
  if (data.length === 0) return { desc: 'empty', mime: 'inode/x-empty', charset: 'binary' };
  // one byte is too little for any test (funcs.c)
  if (data.length === 1) return { desc: 'very short file (no magic)', mime: 'application/octet-stream', charset: 'binary' };
  const bin = binaryMagic(data, o.unzip);
  if (bin) {
    if (o.unzip && bin.mime === 'application/gzip') {
      const inner = gunzipInner(data);
      if (inner) {
        const m = classifyData(inner, { ...o, unzip: false });
        return { desc: `${m.desc} (${bin.desc})`, mime: m.mime, charset: m.charset };
      }
    }
    return bin;
  }
  return textMagic(data.subarray(0, READ_MAX)) ?? { desc: 'data', mime: 'application/octet-stream', charset: 'binary' };
}

/** The first READ_MAX bytes of a descriptor. */
async function readUpTo(ctx: Ctx, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  while (total < READ_MAX) {
    const c = await ctx.sys.read(fd, READ_MAX - total);
    if (c === null || c.length === 0) break;
    parts.push(c);
    total += c.length;
  }
  const data = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return data;
}

async function describe(ctx: Ctx, name: string, o: Opts): Promise<{ text: string; failed: boolean; status?: number }> {
  const sys = ctx.sys;
  if (name === '-') {
    // standard input is classified by its contents alone, as /dev/stdin
    const data = await readUpTo(ctx, 0);
    const m = data.length === 0 ? { desc: 'empty', mime: 'application/x-empty', charset: 'binary' } : classifyData(data, o);
    return { text: o.mime === 'both' ? `${m.mime}; charset=${m.charset}` : o.mime === 'type' ? m.mime : o.mime === 'encoding' ? m.charset : m.desc, failed: false };
  }
  let st: Stat;
  try {
    st = o.follow ? await sys.stat(name) : await sys.lstat(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (o.follow && e.errno === 'ENOENT') {
      try {
        const l = await sys.lstat(name);
        if (l.kind === 'symlink') return { text: `cannot open \`${name}' (No such file or directory)`, failed: true };
      } catch {
        // fall through
      }
    }
    return { text: `cannot open \`${name}' (${strerror(e.errno)})`, failed: true };
  }
  let m: Magic | undefined;
  if (st.kind === 'symlink') {
    const target = await sys.readlink(name);
    let broken = false;
    try {
      await sys.stat(name);
    } catch {
      broken = true;
    }
    m = { desc: `${broken ? 'broken ' : ''}symbolic link to ${target}`, mime: 'inode/symlink', charset: broken ? '' : 'binary' };
  } else if (!(o.special && (st.kind === 'chardev' || st.kind === 'blockdev'))) {
    m = special(st);
  }
  // fsmagic: a regular file whose size is 0 (as /proc reports its files) is empty unread
  if (!m && st.kind === 'file' && st.size === 0 && !o.special) m = { desc: 'empty', mime: 'inode/x-empty', charset: 'binary' };
  if (!m) {
    let data: Uint8Array;
    try {
      const fd = await sys.open(name, { read: true });
      try {
        data = await readUpTo(ctx, fd);
      } finally {
        sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EACCES') return { text: `regular file, no read permission`, failed: true };
      return { text: `cannot open \`${name}' (${strerror(e.errno)})`, failed: true };
    }
    m = classifyData(data, o);
  }
  // a dangling link has no charset to report
  if (o.mime === 'both') return { text: m.charset ? `${m.mime}; charset=${m.charset}` : m.mime, failed: false };
  if (o.mime === 'type') return { text: m.mime, failed: false };
  // file 5.44 has no encoding for a dangling link and reports a null error, status 1
  if (o.mime === 'encoding') return m.charset ? { text: m.charset, failed: false } : { text: 'ERROR: (null)', failed: false, status: 1 };
  return { text: m.desc, failed: false };
}

export default defineProgram({
  name: 'file',
  installPath: '/usr/bin/file',
  pkg: 'file',
  async main(ctx, { operands }) {
    const args = [...operands];
    const o: Opts = { brief: false, mime: 'none', follow: !!ctx.env.get('POSIXLY_CORRECT'), pad: true, sep: ':', print0: false, special: false, unzip: false, errors: false };
    const names: string[] = [];
    const nameFiles: string[] = [];
    const usage = async (msg?: string): Promise<number> => {
      if (msg) await ctx.err.write(`${ctx.name}: ${msg}\n`);
      await ctx.err.write(USAGE);
      return 1;
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        names.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        const [key, val] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
        switch (key) {
          case 'help': await ctx.print(HELP); return 0;
          case 'version': await ctx.print('file-5.44\nmagic file from /etc/magic:/usr/share/misc/magic\n'); return 0;
          case 'brief': o.brief = true; break;
          case 'mime': o.mime = 'both'; break;
          case 'mime-type': o.mime = 'type'; break;
          case 'mime-encoding': o.mime = 'encoding'; break;
          case 'dereference': o.follow = true; break;
          case 'no-dereference': o.follow = false; break;
          case 'no-pad': o.pad = false; break;
          case 'print0': o.print0 = true; break;
          case 'special-files': o.special = true; break;
          case 'uncompress': o.unzip = true; break;
          case 'separator': o.sep = val ?? args[++i] ?? ''; break;
          case 'files-from': nameFiles.push(val ?? args[++i] ?? ''); break;
          default: return usage(`unrecognized option '${a}'`);
        }
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const ch = a[j]!;
          const takeArg = (): string | undefined => {
            const rest = a.slice(j + 1);
            j = a.length;
            return rest || args[++i];
          };
          switch (ch) {
            case 'b': o.brief = true; break;
            case 'i': o.mime = 'both'; break;
            case 'L': o.follow = true; break;
            case 'h': o.follow = false; break;
            case 'N': o.pad = false; break;
            case '0': o.print0 = true; break;
            case 's': o.special = true; break;
            case 'z': case 'Z': o.unzip = true; break;
            case 'E': o.errors = true; break;
            case 'k': case 'n': case 'p': case 'r': case 'c': case 'd': case 'l': case 'S': break;
            case 'v': await ctx.print('file-5.44\nmagic file from /etc/magic:/usr/share/misc/magic\n'); return 0;
            case 'F': o.sep = takeArg() ?? ''; break;
            case 'f': nameFiles.push(takeArg() ?? ''); break;
            case 'm': case 'e': case 'P': takeArg(); break;
            default: return usage(`invalid option -- '${ch}'`);
          }
        }
        continue;
      }
      names.push(a);
    }
    for (const nf of nameFiles) {
      try {
        const text = nf === '-' ? await ctx.readAll() : new TextDecoder().decode(await ctx.sys.readFile(nf));
        names.push(...text.split('\n').filter(Boolean));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`Cannot open \`${nf}' (${strerror(e.errno)})`);
        return 1;
      }
    }
    if (!names.length) return nameFiles.length ? 0 : usage();
    const shown = (n: string): string => (n === '-' ? '/dev/stdin' : n);
    // the column is as wide as the longest name given ('-' counts as one)
    const width = Math.max(...names.map((n) => [...n].length));
    let status = 0;
    for (const name of names) {
      await ctx.tick();
      const r = await describe(ctx, name, o);
      if (r.status) status = r.status;
      if (r.failed && o.errors) {
        r.text = `ERROR: ${r.text.replace(/^cannot open/, 'cannot stat')}`;
        status = 1;
      }
      if (o.brief) await ctx.print(`${r.text}\n`);
      else {
        // padded by the width of the name as given, even when /dev/stdin is shown for '-'
        const pad = o.pad ? ' '.repeat(width - [...name].length) : '';
        await ctx.print(`${shown(name)}${o.print0 ? '\0' : ''}${o.sep}${pad} ${r.text}\n`);
      }
    }
    return status;
  },
});
