// One run of `ip`: its global options, its output (stdout and stderr kept in the order ip
// writes them, since ip flushes stdout after every record), the link-name cache ip keeps
// (ll_map), and the rtnetlink conversation with the kernel's `net` service.
import { strerror } from '../../shared/errno';
import { isNetError, type LinkMsg, type NetError, type NetReply, type NetRequest } from '../../shared/services/net';
import { formatAddr, parseAddr } from '../../shared/services/net-addr';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { Printer } from './ip-print';
import { AF, IpExit, matches } from './ip-util';

export interface IpOptions {
  family: number;
  stats: number;
  details: number;
  oneline: boolean;
  brief: boolean;
  json: boolean;
  pretty: boolean;
  human: number;
  iec: boolean;
  numeric: boolean;
  resolve: boolean;
  all: boolean;
  loops: number;
  color: 'never' | 'auto' | 'always';
  echo: boolean;
  force: boolean;
  /** -batch FILE: commands read from a file (`-` for stdin). */
  batch?: string;
}

export function defaultOptions(): IpOptions {
  return { family: AF.UNSPEC, stats: 0, details: 0, oneline: false, brief: false, json: false, pretty: false, human: 0, iec: false, numeric: false, resolve: false, all: false, loops: 10, color: 'never', echo: false, force: false };
}

/** The kernel finds a device by its name or by one of its alternative names. */
export function hasName(l: LinkMsg, name: string): boolean {
  return l.name === name || (l.altnames?.includes(name) ?? false);
}

export class Ip {
  readonly chunks: { fd: 1 | 2; text: string }[] = [];
  printer: Printer;
  /** An `ip link show` ran in this process (ipaddress.c's sticky do_link). */
  linkListed = false;
  private links: LinkMsg[] | undefined;
  /** Names from /etc/hosts by address, read when -resolve is given. */
  private hostNames: Map<string, string> | undefined;

  constructor(readonly ctx: Ctx, readonly opts: IpOptions) {
    this.printer = this.makePrinter();
  }

  /** check_enable_color: never with -j; with -c always, with -c=auto on a terminal. */
  makePrinter(): Printer {
    const o = this.opts;
    const color = !o.json && (o.color === 'always' || (o.color === 'auto' && this.ctx.sys.isatty(1)));
    const fgbg = this.ctx.env.get('COLORFGBG');
    const last = fgbg?.includes(';') ? fgbg.slice(fgbg.lastIndexOf(';') + 1) : undefined;
    const darkBg = last !== undefined && /^[0-68]$/.test(last);
    return new Printer((s) => this.out(s), { json: o.json, pretty: o.pretty, color, darkBg, oneline: o.oneline }, (s) => {
      this.held += s;
    });
  }

  get family(): number {
    return this.opts.family;
  }

  /** getpwuid/getgrgid for the owners `ip -d link` names (loaded by loadAccounts). */
  accountNames?: { user(uid: number): string | undefined; group(gid: number): string | undefined };

  async loadAccounts(): Promise<void> {
    if (this.accountNames) return;
    const a = await Accounts.load(this.ctx.sys);
    this.accountNames = { user: (uid) => a.userName(uid), group: (gid) => a.groupName(gid) };
  }

  /** stdout text not yet flushed: it goes out with the next record, or at exit. */
  held = '';

  out(text: string): void {
    if (this.held) {
      text = this.held + text;
      this.held = '';
    }
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.fd === 1) last.text += text;
    else this.chunks.push({ fd: 1, text });
  }

  /** Writes what was printed so far, in order (stdout flushed before each error). */
  async writeChunks(): Promise<void> {
    const { out, err } = this.ctx;
    for (const c of this.chunks.splice(0)) {
      if (c.fd === 1) await out.write(c.text);
      else {
        await out.flush();
        await err.write(c.text);
      }
    }
  }

  err(text: string): void {
    this.chunks.push({ fd: 2, text });
  }

  /** Prints `text` on stderr and ends ip with `code` (255 for ip's exit(-1)). */
  fail(text: string, code = 255): never {
    this.err(text);
    throw new IpExit(code);
  }

  /** invarg(). */
  invarg(msg: string, arg: string): never {
    return this.fail(`Error: argument "${arg}" is wrong: ${msg}\n`);
  }

  /** duparg(). */
  duparg(key: string, arg: string): never {
    return this.fail(`Error: duplicate "${key}": "${arg}" is the second value.\n`);
  }

  /** duparg2(). */
  duparg2(key: string, arg: string): never {
    return this.fail(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
  }

  /** parse_on_off: `on` or `off`, either possibly abbreviated; another word ends ip with `code`. */
  onOff(msg: string, v: string, code: number): boolean {
    if (matches(v, 'off')) return false;
    if (matches(v, 'on')) return true;
    return this.fail(`Error: argument of "${msg}" must be one of "off", "on", not "${v}"\n`, code);
  }

  incomplete(): never {
    return this.fail('Command line is not complete. Try option "help"\n');
  }

  /** rtnl_talk's report of a failed request: the extended ack when there is one. */
  reportError(e: NetError): void {
    if (e.msg) this.err(`Error: ${e.msg}${e.msg.endsWith('.') ? '' : '.'}\n`);
    else this.err(`RTNETLINK answers: ${strerror(e.errno)}\n`);
  }

  async call(req: NetRequest): Promise<NetReply> {
    const reply = (await this.ctx.sys.call('net', req)) as NetReply;
    if (!isNetError(reply) && req.kind !== 'getlinks' && req.kind !== 'getaddrs' && req.kind !== 'getroutes' && req.kind !== 'getneighs' && req.kind !== 'getroute' && req.kind !== 'getneigh' && req.kind !== 'getaddrlabels') {
      // the device list changes with link requests; read it again when next needed
      this.links = undefined;
    }
    // a veth end whose peer is in another namespace names it by the name bound to it, if any
    if (!isNetError(reply) && 'links' in reply && reply.links.some((l) => l.linkNetnsid !== undefined) && !this.nsidNames) {
      const r = (await this.ctx.sys.call('netns', { kind: 'nsids' })) as { ok: boolean; nsids?: Record<string, number> };
      this.nsidNames = new Map(Object.entries(r.nsids ?? {}).map(([name, id]) => [id, name]));
    }
    return reply;
  }

  /** get_name_from_nsid: the names of the namespaces this one numbers (read when a link needs one). */
  nsidNames: Map<number, string> | undefined;

  /** A request that must succeed; on failure ip reports it and exits 2. */
  async talk(req: NetRequest): Promise<NetReply> {
    const reply = await this.call(req);
    if (isNetError(reply)) {
      this.reportError(reply);
      throw new IpExit(2);
    }
    return reply;
  }

  async allLinks(): Promise<LinkMsg[]> {
    if (!this.links) {
      const r = await this.call({ kind: 'getlinks' });
      this.links = 'links' in r ? r.links : [];
    }
    return this.links;
  }

  /** Reads /etc/hosts for -resolve: each address's first name, from its first line. */
  async loadHosts(): Promise<void> {
    this.hostNames = new Map();
    let text = '';
    try {
      text = new TextDecoder().decode(await this.ctx.sys.readFile('/etc/hosts'));
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      const [addr, name] = line.replace(/#.*/, '').trim().split(/\s+/);
      const a = addr ? parseAddr(addr) : null;
      if (!a || !name) continue;
      const key = formatAddr(a);
      if (!this.hostNames.has(key)) this.hostNames.set(key, name);
    }
  }

  /** format_host: with -resolve, the host name of an address when it has one. */
  host(addr: string): string {
    if (!this.opts.resolve || !this.hostNames) return addr;
    const a = parseAddr(addr);
    return (a && this.hostNames.get(formatAddr(a))) ?? addr;
  }

  /** ll_name_to_index: 0 when there is no such device. */
  async index(name: string): Promise<number> {
    return (await this.allLinks()).find((l) => hasName(l, name))?.ifindex ?? 0;
  }

  /** ll_index_to_name. */
  async name(ifindex: number): Promise<string> {
    return (await this.allLinks()).find((l) => l.ifindex === ifindex)?.name ?? `if${ifindex}`;
  }

  /** A device from the list already read (printing happens after allLinks()). */
  cachedLink(ifindex: number): LinkMsg | undefined {
    return this.links?.find((l) => l.ifindex === ifindex);
  }

  /** ll_index_to_name without a new dump: `if<N>` for a device not in the list read. */
  cachedName(ifindex: number): string {
    return this.cachedLink(ifindex)?.name ?? `if${ifindex}`;
  }

  /** The device list read last, if any. */
  get cachedLinks(): readonly LinkMsg[] {
    return this.links ?? [];
  }

  async link(ifindex: number): Promise<LinkMsg | undefined> {
    return (await this.allLinks()).find((l) => l.ifindex === ifindex);
  }

  /** nodev(): the message, and -1 from the command (exit 1 through do_cmd). */
  nodev(name: string): never {
    return this.fail(`Cannot find device "${name}"\n`, 1);
  }
}

/**
 * Runs one ip (or bridge) command line: `body` works on a session, an IpExit ends it with its
 * status, and what it printed goes out in order (stdout flushed before each error).
 */
export async function runIp(ctx: Ctx, body: (ip: Ip) => Promise<number>): Promise<number> {
  const ip = new Ip(ctx, defaultOptions());
  try {
    return await body(ip);
  } catch (e) {
    if (e instanceof IpExit) return e.code;
    throw e;
  } finally {
    await ip.writeChunks();
    if (ip.held) await ctx.out.write(ip.held);
  }
}
