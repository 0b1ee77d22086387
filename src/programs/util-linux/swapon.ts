// swapon and swapoff (util-linux 2.38): turn swap files on and off (swapon(2), swapoff(2)),
// and list the areas of /proc/swaps (--show as a table, -s as the kernel file's layout).
// swapon checks a file first: its mode and owner (warnings), holes (refused) and the swap
// header; swapoff finds a swap file by UUID= or LABEL= through /proc/swaps.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { exclusive, humanSize, NumError, s32, shortName, tryHelp, utilLinuxVersion, warnx } from '../util-linux-more/common';
import { probe, readAt, SWAP_MAGIC } from './signatures';
import { scolsPrint, type ScolsColumn } from './smartcols';

interface Area { name: string; type: string; kb: number; used: number; prio: number }

/** /proc/swaps as libmount reads it (octal escapes in the names undone). */
async function swaps(sys: Sys): Promise<Area[]> {
  let text: string;
  try {
    text = new TextDecoder().decode(await sys.readFile('/proc/swaps'));
  } catch {
    return [];
  }
  return text.split('\n').slice(1).filter((l) => l.trim()).map((l) => {
    const f = l.trim().split(/\s+/);
    const name = f[0]!.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    return { name, type: f[1]!, kb: Number(f[2]), used: Number(f[3]), prio: Number(f[4]) };
  });
}

/** The UUID and LABEL blkid finds in a swap file ('' for none); undefined when unreadable. */
async function swapTags(sys: Sys, path: string): Promise<{ uuid: string; label: string } | undefined> {
  let fd: number;
  try {
    fd = await sys.open(path, { read: true });
  } catch {
    return undefined;
  }
  try {
    const sig = (await probe(sys, fd)).find((s) => s.type === 'swap');
    return sig && { uuid: sig.uuid, label: sig.label };
  } finally {
    sys.close(fd);
  }
}

/** mnt_resolve_spec: LABEL=/UUID= tags name block devices (none here); a path is canonicalised if it can be. */
async function resolveSpec(sys: Sys, spec: string): Promise<string | undefined> {
  if (/^(LABEL|UUID|PARTLABEL|PARTUUID)=/.test(spec)) return undefined;
  try {
    return await sys.realpath(spec);
  } catch {
    return spec;
  }
}

const COLUMNS: Record<string, { help: string; col: ScolsColumn }> = {
  NAME: { help: 'path of the device or file', col: { name: 'NAME' } },
  TYPE: { help: 'the kind of swap area', col: { name: 'TYPE' } },
  SIZE: { help: 'size of the area', col: { name: 'SIZE', right: true } },
  USED: { help: 'bytes in use', col: { name: 'USED', right: true } },
  PRIO: { help: 'its priority', col: { name: 'PRIO', right: true } },
  UUID: { help: 'UUID of the area', col: { name: 'UUID' } },
  LABEL: { help: 'label of the area', col: { name: 'LABEL' } },
};

const SWAPON_HELP = `
Usage:
 swapon [options] [<spec>]

Turn on devices and files for paging and swapping.

Options:
 -a, --all                turn on every swap area of /etc/fstab
 -d, --discard[=<policy>] discard freed pages, where the device can
 -e, --ifexists           pass over devices that do not exist
 -f, --fixpgsz            rewrite the swap area when its page size is wrong
 -o, --options <list>     swap options, separated by commas
 -p, --priority <prio>    the area's priority
 -s, --summary            print /proc/swaps' summary (DEPRECATED)
     --show[=<columns>]   print the areas as a table
     --noheadings         no header line (with --show)
     --raw                the raw table format (with --show)
     --bytes              sizes in bytes (with --show)
 -v, --verbose            say what is done

 -h, --help               display this help
 -V, --version            display version

The <spec> parameter:
 -L <label>             the same as LABEL=<label>
 -U <uuid>              the same as UUID=<uuid>
 LABEL=<label>          the area with this label
 UUID=<uuid>            the area with this UUID
 PARTLABEL=<label>      the partition with this label
 PARTUUID=<uuid>        the partition with this UUID
 <device>               a device
 <file>                 a file

Available discard policy types (for --discard):
 once    : discard the whole area once, at swapon
 pages   : discard freed pages before they are used again
If no policy is selected, both discard types are enabled (default).

Available output columns:
${Object.entries(COLUMNS).map(([n, c]) => ` ${n.padEnd(5)}  ${c.help}\n`).join('')}
For more details see swapon(8).
`;

// the long-only options, keyed to sort after every letter as their codes do in err_exclusive_options
const BYTES = '\x80';
const NOHEAD = '\x81';
const RAW = '\x82';
const SHOW = '\x83';
const EXCL = [['a', 'o', 's', SHOW], ['a', 'o', BYTES], ['a', 'o', NOHEAD], ['a', 'o', RAW]];
const LONG: Record<string, string> = { a: 'all', o: 'options', s: 'summary', [SHOW]: 'show', [BYTES]: 'bytes', [NOHEAD]: 'noheadings', [RAW]: 'raw' };

interface Props { prio: number; noFail: boolean }

class SwaponCtl {
  verbose = false;
  constructor(private readonly ctx: Ctx) {}

  /** swapon_checks: what the file must pass before swapon(2). False when it is refused. */
  private async checks(path: string): Promise<boolean> {
    const { ctx } = this;
    const sys = ctx.sys;
    let fd: number;
    try {
      fd = await sys.open(path, { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `cannot open ${path}: ${strerror(e.errno)}`);
      return false;
    }
    try {
      const st = await sys.fstat(fd);
      const block = st.kind === 'blockdev';
      const mask = block ? 0o7007 : 0o7077;
      if (st.mode & mask) await warnx(ctx, `${path}: insecure permissions ${(st.mode & 0o7777).toString(8).padStart(4, '0')}, ${(~mask & 0o666).toString(8).padStart(4, '0')} suggested.`);
      if (st.kind === 'file' && st.uid !== 0) await warnx(ctx, `${path}: insecure file owner ${st.uid}, 0 (root) suggested.`);
      if (st.kind === 'file' && st.blocks * 512 < st.size) {
        await warnx(ctx, `${path}: skipping - it appears to have holes.`);
        return false;
      }
      const head = await readAt(sys, fd, 0, 65536);
      let pageSize = 0;
      for (let page = 0x1000; page <= 0x10000; page <<= 1) {
        if (page === 0x8000) continue;
        if (head.length < page - 10) break;
        if (new TextDecoder('latin1').decode(head.subarray(page - 10, page)) === SWAP_MAGIC) {
          pageSize = page;
          break;
        }
      }
      if (!pageSize) {
        await warnx(ctx, `${path}: read swap header failed`);
        return false;
      }
      if (this.verbose) await warnx(ctx, `${path}: found signature [pagesize=${pageSize}, signature=swap]`);
      const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
      const version = v.getUint32(1024, true);
      const last = version === 1 ? v.getUint32(1028, true) : version === 0x01000000 ? v.getUint32(1028, false) : 0;
      const swapSize = (last + 1) * pageSize;
      if (this.verbose) await warnx(ctx, `${path}: pagesize=${pageSize}, swapsize=${swapSize}, devsize=${st.size}`);
      if (swapSize > st.size) {
        if (this.verbose) await warnx(ctx, `${path}: last_page 0x${swapSize.toString(16).padStart(8, '0')} is larger than actual size of swapspace`);
      } else if (pageSize !== 4096) await warnx(ctx, `${path}: swap format pagesize does not match. (Use --fixpgsz to reinitialize it.)`);
      return true;
    } finally {
      sys.close(fd);
    }
  }

  /** do_swapon: 0, or -1 after a message. */
  async swapon(spec: string, props: Props, canonic: boolean): Promise<number> {
    const { ctx } = this;
    const path = canonic ? spec : await resolveSpec(ctx.sys, spec);
    if (path === undefined) {
      await warnx(ctx, `cannot find the device for ${spec}`);
      return -1;
    }
    if (!(await this.checks(path))) return -1;
    if (this.verbose) await ctx.print(`swapon ${path}\n`);
    try {
      await ctx.sys.swapon(path, props.prio >= 0 ? Math.min(props.prio, 0x7fff) : -1);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `${path}: swapon failed: ${strerror(e.errno)}`);
      return -1;
    }
    return 0;
  }
}

/** parse_options: pri=, nofail and discard of an -o list or an fstab line. */
function parseOptions(props: Props, list: string): void {
  for (const opt of list.split(',')) {
    const [name, value] = opt.split('=', 2);
    if (name === 'nofail') props.noFail = true;
    else if (name === 'pri' && value !== undefined) {
      const m = /^\s*[+-]?\d+/.exec(value);
      if (m) props.prio = Number(m[0]);
    }
  }
}

/** swapon -a: the swap lines of /etc/fstab not yet on. */
async function swaponAll(ctx: Ctx, ctl: SwaponCtl, base: Props): Promise<number> {
  let text = '';
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile('/etc/fstab'));
  } catch {
    // no fstab: nothing to turn on
  }
  const active = new Set((await swaps(ctx.sys)).map((a) => a.name));
  let status = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!f[0] || f[0].startsWith('#') || f[2] !== 'swap') continue;
    const opts = f[3] ?? 'defaults';
    if (opts.split(',').includes('noauto')) {
      if (ctl.verbose) await warnx(ctx, `${f[0]}: noauto option -- ignored`);
      continue;
    }
    const props = { ...base };
    parseOptions(props, opts);
    const dev = await resolveSpec(ctx.sys, f[0]);
    if (dev === undefined) {
      if (!props.noFail) {
        await warnx(ctx, `cannot find the device for ${f[0]}`);
        status |= -1;
      }
      continue;
    }
    if (active.has(dev)) {
      if (ctl.verbose) await warnx(ctx, `${dev}: already active -- ignored`);
      continue;
    }
    if (props.noFail) {
      try {
        await ctx.sys.access(dev, 4);
      } catch {
        if (ctl.verbose) await warnx(ctx, `${dev}: inaccessible -- ignored`);
        continue;
      }
    }
    status |= await ctl.swapon(dev, props, true);
  }
  return status;
}

export const swapon = defineProgram({
  name: 'swapon',
  installPath: '/usr/sbin/swapon',
  pkg: 'util-linux',
  options: [
    { key: 'p', short: 'p', long: 'priority', arg: 'required' },
    { key: 'd', short: 'd', long: 'discard', arg: 'optional' },
    { key: 'e', short: 'e', long: 'ifexists' },
    { key: 'o', short: 'o', long: 'options', arg: 'required' },
    { key: 's', short: 's', long: 'summary' },
    { key: 'f', short: 'f', long: 'fixpgsz' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'L', short: 'L', arg: 'required' },
    { key: 'U', short: 'U', arg: 'required' },
    { key: SHOW, long: 'show', arg: 'optional' },
    { key: 'all-cols', long: 'output-all' },
    { key: NOHEAD, long: 'noheadings' },
    { key: RAW, long: 'raw' },
    { key: BYTES, long: 'bytes' },
  ],
  async main(ctx, args) {
    const ctl = new SwaponCtl(ctx);
    const props: Props = { prio: -1, noFail: false };
    const seen = EXCL.map(() => '');
    const tags: string[] = [];
    let all = false;
    let show = false;
    let options: string | undefined;
    let columns: string[] | undefined;
    let bytes = false;
    let raw = false;
    let noheadings = false;
    for (const { key, value } of args.order) {
      const row = exclusive(EXCL, seen, key);
      if (row) {
        await warnx(ctx, `mutually exclusive arguments:${row.map((k) => ` --${LONG[k]!}`).join('')}`);
        return 1;
      }
      switch (key) {
        case 'a': all = true; break;
        case 'o': options = value; break;
        case 'p':
          try {
            props.prio = s32(value!, 'failed to parse priority');
            if (props.prio < -32768 || props.prio > 32767) throw new NumError(`failed to parse priority: '${value!}': Numerical result out of range`);
          } catch (e) {
            if (!(e instanceof NumError)) throw e;
            await warnx(ctx, e.message);
            return 1;
          }
          break;
        case 'L': tags.push(`LABEL=${value!}`); break;
        case 'U': tags.push(`UUID=${value!}`); break;
        case 'd': {
          const policy = value?.replace(/^=/, '');
          if (policy !== undefined && policy !== 'once' && policy !== 'pages') {
            await warnx(ctx, `unsupported discard policy: ${policy}`);
            return 1;
          }
          break;
        }
        case 'e': props.noFail = true; break;
        case 's': {
          const list = await swaps(ctx.sys);
          if (!list.length) return 0;
          let out = 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n';
          for (const a of list) {
            out += `${a.name}${' '.repeat(a.name.length < 40 ? 40 - a.name.length : 1)}${a.type}${a.type.length < 8 ? '\t' : ''}\t${a.kb}${a.kb < 10000000 ? '\t' : ''}\t${a.used}${a.used < 10000000 ? '\t' : ''}\t${a.prio}\n`;
          }
          await ctx.print(out);
          return 0;
        }
        case 'v': ctl.verbose = true; break;
        case SHOW:
          if (value !== undefined) {
            const names: string[] = [];
            for (const word of value.split(',')) {
              const name = Object.keys(COLUMNS).find((n) => n.toLowerCase() === word.toLowerCase());
              if (!name) {
                await warnx(ctx, `unknown column: ${word}`);
                return 1;
              }
              names.push(name);
            }
            columns = names;
          }
          show = true;
          break;
        case 'all-cols': columns = Object.keys(COLUMNS); break;
        case NOHEAD: noheadings = true; break;
        case RAW: raw = true; break;
        case BYTES: bytes = true; break;
        case 'h': return ctx.print(SWAPON_HELP).then(() => 0);
        case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      }
    }
    const sys = ctx.sys;
    if (show || (!all && !tags.length && !args.operands.length)) {
      const names = columns ?? ['NAME', 'TYPE', 'SIZE', 'USED', 'PRIO'];
      const rows: string[][] = [];
      for (const a of await swaps(sys)) {
        const tagsOf = names.some((n) => n === 'UUID' || n === 'LABEL') ? await swapTags(sys, a.name) : undefined;
        const size = (kb: number): string => (bytes ? String(kb * 1024) : humanSize(kb * 1024, false));
        const cell: Record<string, string | undefined> = {
          NAME: a.name, TYPE: a.type, SIZE: size(a.kb), USED: size(a.used), PRIO: String(a.prio),
          UUID: tagsOf?.uuid || undefined, LABEL: tagsOf?.label || undefined,
        };
        rows.push(names.map((n) => cell[n] ?? ''));
      }
      await ctx.print(scolsPrint({ columns: names.map((n) => COLUMNS[n]!.col), rows, raw, noheadings }));
      return 0;
    }
    if (props.noFail && !all) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    let status = 0;
    if (all) status |= await swaponAll(ctx, ctl, props);
    if (options !== undefined) parseOptions(props, options);
    for (const tag of tags) {
      await warnx(ctx, `cannot find the device for ${tag.slice(tag.indexOf('=') + 1)}`);
      status |= -1;
    }
    for (const spec of args.operands) status |= await ctl.swapon(spec, props, false);
    return status & 0xff;
  },
});

const SWAPOFF_HELP = `
Usage:
 swapoff [options] [<spec>]

Turn off devices and files for paging and swapping.

Options:
 -a, --all              turn off every swap area of /proc/swaps
 -v, --verbose          say what is done

 -h, --help             display this help
 -V, --version          display version

The <spec> parameter:
 -L <label>             the area with this LABEL
 -U <uuid>              the area with this UUID
 LABEL=<label>          the area with this LABEL
 UUID=<uuid>            the area with this UUID
 <device>               a device
 <file>                 a file

For more details see swapoff(8).
`;

const EX_FAILURE = 4;
const EX_USAGE = 16;

class NotSuperuser extends Error {}

export const swapoff = defineProgram({
  name: 'swapoff',
  installPath: '/usr/sbin/swapoff',
  pkg: 'util-linux',
  usageStatus: EX_USAGE,
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'L', short: 'L', arg: 'required' },
    { key: 'U', short: 'U', arg: 'required' },
  ],
  async main(ctx, args) {
    const tags: [string, string][] = [];
    for (const { key, value } of args.order) {
      if (key === 'h') return ctx.print(SWAPOFF_HELP).then(() => 0);
      if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      if (key === 'L') tags.push(['LABEL', value!]);
      if (key === 'U') tags.push(['UUID', value!]);
    }
    const all = args.flags.has('a');
    const verbose = args.flags.has('v');
    if (!all && !tags.length && !args.operands.length) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx, EX_USAGE);
    }
    const sys = ctx.sys;
    /** A swap file of /proc/swaps (the last first) whose header carries the tag. */
    const byTag = async (name: string, value: string): Promise<string | undefined> => {
      for (const a of (await swaps(sys)).reverse()) {
        if (a.type !== 'file') continue;
        const t = await swapTags(sys, a.name);
        if (t && (name === 'UUID' ? t.uuid : name === 'LABEL' ? t.label : undefined) === value) return a.name;
      }
      return undefined;
    };
    const off = async (orig: string, quiet: boolean, canonic: boolean): Promise<number> => {
      if (verbose) await ctx.print(`swapoff ${orig}\n`);
      let special: string | undefined = orig;
      if (!canonic) {
        special = await resolveSpec(sys, orig);
        const tag = /^(LABEL|UUID)=(.*)$/.exec(orig);
        if (special === undefined && tag) special = await byTag(tag[1]!, tag[2]!);
        if (special === undefined) {
          await warnx(ctx, `cannot find the device for ${orig}`);
          return -1;
        }
      }
      try {
        await sys.swapoff(special);
        return 0;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno === 'EPERM') throw new NotSuperuser();
        if (!quiet || e.errno === 'ENOMEM') await warnx(ctx, `${orig}: swapoff failed: ${strerror(e.errno)}`);
        return e.errno === 'ENOMEM' ? 2 : EX_FAILURE;
      }
    };
    let status = 0;
    try {
      for (const [name, value] of tags) {
        const path = await byTag(name, value);
        if (path === undefined) {
          await warnx(ctx, `cannot find the device for ${value}`);
          status |= -1;
        } else status |= await off(path, false, true);
      }
      for (const spec of args.operands) status |= await off(spec, false, false);
      if (all) {
        let ok = 0;
        let bad = 0;
        for (const a of (await swaps(sys)).reverse()) {
          if ((await off(a.name, true, true)) === 0) ok++;
          else bad++;
        }
        status |= bad === 0 ? 0 : ok === 0 ? 32 : 64;
      }
    } catch (e) {
      if (!(e instanceof NotSuperuser)) throw e;
      await warnx(ctx, 'Not superuser.');
      return EX_USAGE;
    }
    return status & 0xff;
  },
});
