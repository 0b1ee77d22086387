// hostname as Photon OS 5.0 ships it: toybox 0.8.9's (toys/lsb/hostname.c). Photon's net-tools
// is built with HAVE_HOSTNAME_TOOLS=0 (SPECS/net-tools/net-tools-config.make), so toybox is the
// only provider of /usr/bin/hostname, and its config leaves DNSDOMAINNAME unset: no
// dnsdomainname. Options come from the optstring ">1bdsfF:[!bdsf]" parsed as toybox's
// lib/args.c does, with its messages: `hostname: Unknown option 'I' (see "hostname --help")`,
// status 1. The help text is toybox's own (0BSD), as main.c show_help() prints it.
import { isSysError, strerror } from '../../shared/errno';
import type { ResolveReply } from '../../shared/services/resolve';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const HELP = `Toybox 0.8.9 multicall binary (see toybox --help)

usage: hostname [-bdsf] [-F FILENAME] [newname]

Get/set the current hostname.

-b\tSet hostname to 'localhost' if otherwise unset
-d\tShow DNS domain name (no host)
-f\tShow fully-qualified name (host+domain, FQDN)
-F\tSet hostname to contents of FILENAME
-s\tShow short host name (no domain)
`;

/** toybox's exit: a message, status 1 (hostname's TOYFLAG_BIN sets no other). */
class Exit extends Error {
  constructor(readonly text: string, readonly status = 1) {
    super(text);
  }
}

/** help_exit(): the message with toybox's pointer to --help. */
const helpExit = (msg: string): Exit => new Exit(`hostname: ${msg} (see "hostname --help")\n`);

interface Opts {
  flags: Set<string>;
  F?: string;
  args: string[];
  /** --help or --version seen (check_help()) */
  show?: 'help' | 'version';
}

/** get_optflags() for ">1bdsfF:[!bdsf]". */
function parse(argv: readonly string[]): Opts {
  const o: Opts = { flags: new Set(), args: [] };
  let stop = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (stop || !a.startsWith('-') || a === '-') {
      o.args.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      if (a === '--') {
        stop = true;
        continue;
      }
      // check_help() runs on every --long argument; hostname has no long options of its own
      if (a === '--help') return { ...o, show: 'help' };
      if (a === '--version') return { ...o, show: 'version' };
      throw helpExit(`Unknown option '${a.slice(2)}'`);
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (!'bdsfF'.includes(c)) throw helpExit(`Unknown option '${a.slice(j)}'`);
      // [!bdsf]: at most one of them
      if (c !== 'F') {
        const other = [...o.flags].find((f) => f !== c && 'bdsf'.includes(f));
        if (other !== undefined) throw helpExit(`No '${c}' with '${other}'`);
        o.flags.add(c);
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest !== '') o.F = rest;
      else if (i + 1 < argv.length) o.F = argv[++i]!;
      else throw helpExit('Missing argument to -F');
      break;
    }
  }
  if (o.args.length > 1) throw helpExit('Max 1 argument');
  return o;
}

/** gethostbyname(): the canonical name, or h_errno's hstrerror() text. */
async function gethostbyname(ctx: Ctx, name: string): Promise<{ name: string } | { error: string }> {
  let r: ResolveReply;
  try {
    r = (await ctx.sys.call('resolve', { kind: 'gai', name, family: 4 })) as ResolveReply;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return fromHostsFile(ctx, name);
  }
  if (r.kind === 'answer' && r.addresses.length) return { name: r.canonical };
  if (r.kind === 'answer') return { error: 'No address associated with name' };
  if (r.kind === 'gai-error') {
    if (r.error === 'EAI_AGAIN') return { error: 'Host name lookup failure' };
    if (r.error === 'EAI_FAIL') return { error: 'Unknown server error' };
    if (r.error === 'EAI_NODATA') return { error: 'No address associated with name' };
  }
  return { error: 'Unknown host' };
}

/** NSS "files" alone, when nothing answers on the resolve service. */
async function fromHostsFile(ctx: Ctx, name: string): Promise<{ name: string } | { error: string }> {
  let text = '';
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile('/etc/hosts'));
  } catch {
    return { error: 'Unknown host' };
  }
  for (const raw of text.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && /^\d+\.\d+\.\d+\.\d+$/.test(addr) && names.some((n) => n.toLowerCase() === name.toLowerCase())) return { name: names[0]! };
  }
  return { error: 'Unknown host' };
}

/** hostname_main(), with toybuf as the byte buffer it really is. */
async function run(ctx: Ctx, o: Opts): Promise<number> {
  const enc = new TextEncoder();
  const buf = new Uint8Array(4096);
  buf.set(enc.encode(ctx.sys.uname().nodename).subarray(0, 4095));
  const cstr = (at: number): string => {
    const end = buf.indexOf(0, at);
    return new TextDecoder().decode(buf.subarray(at, end < 0 ? buf.length : end));
  };
  let hostname: string | undefined;
  if (o.F !== undefined) {
    let text: string;
    try {
      text = new TextDecoder().decode(await ctx.sys.readFile(o.F));
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new Exit(`hostname: Bad '${o.F}': ${strerror(e.errno)}\n`);
    }
    // chomp(): trailing CRs and LFs go; a NUL ends the string as in C
    hostname = text.split('\0')[0]!.replace(/[\r\n]+$/, '');
    if (hostname === '') {
      if (!o.flags.has('b')) throw new Exit(`hostname: empty '${o.F}'\n`);
      hostname = undefined;
    }
  } else hostname = o.flags.has('b') && buf[0] === 0 ? 'localhost' : o.args[0];
  if (hostname !== undefined) {
    try {
      ctx.sys.sethostname(hostname);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new Exit(`hostname: set '${hostname}': ${strerror(e.errno)}\n`);
    }
    return 0;
  }
  // only -d and -f look the name up; snprintf() writes over the start of the same buffer
  if (o.flags.has('d') || o.flags.has('f')) {
    const h = await gethostbyname(ctx, cstr(0));
    if ('error' in h) throw new Exit(`hostname: gethostbyname: ${h.error}\n`);
    const bytes = enc.encode(h.name).subarray(0, 4095);
    buf.set(bytes);
    buf[bytes.length] = 0;
  }
  const end = buf.indexOf(0);
  const first = buf.subarray(0, end).indexOf(0x2e);
  const dot = first < 0 ? end : first;
  if (o.flags.has('s')) buf[dot] = 0;
  // -d of a name without a dot prints whatever follows its terminating NUL, as the C code does
  await ctx.print(`${cstr(o.flags.has('d') ? dot + 1 : 0)}\n`);
  return 0;
}

export default defineProgram({
  name: 'hostname',
  installPath: '/usr/bin/hostname',
  pkg: 'toybox',
  async main(ctx, { operands }) {
    try {
      const o = parse(operands);
      if (o.show === 'help') {
        await ctx.print(HELP);
        return 0;
      }
      if (o.show === 'version') {
        await ctx.print('toybox 0.8.9\n');
        return 0;
      }
      return await run(ctx, o);
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      await ctx.out.flush();
      await ctx.err.write(e.text);
      return e.status;
    }
  },
});
