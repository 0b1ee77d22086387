// getent (glibc 2.36, as Photon ships it in the glibc package): entries of the administrative
// databases, read here from their files as nsswitch's "files" source does (Photon configures no
// other). With keys, each key's entry (exit 2 when one is missing); without, every entry (exit 3
// for the databases that cannot be listed). Formats follow getent.c's print functions.
import { GROUP, GSHADOW, PASSWD, SHADOW } from '../accounts/db';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const TRY = "Try `getent --help' or `getent --usage' for more information.\n";

const USAGE = `Usage: getent [-Ai?V] [-s CONFIG] [--no-addrconfig] [--no-idn]
            [--service=CONFIG] [--help] [--usage] [--version]
            database [key ...]
`;

const HELP = `Usage: getent [OPTION...] database [key ...]
Look up entries of an administrative database (passwd, group, hosts, ...).

  -A, --no-addrconfig        keep every IPv4/IPv6 address (ahosts*)
  -i, --no-idn               no international domain name encoding
  -s, --service=CONFIG       the service configuration to use
  -?, --help                 show this help
      --usage                show a short usage message
  -V, --version              show the version

Databases: ahosts ahostsv4 ahostsv6 aliases ethers group gshadow hosts
initgroups netgroup networks passwd protocols rpc services shadow
`;

const VERSION = 'getent (GNU libc) 2.36\n';

type Status = 0 | 2 | 3;

interface HostLine {
  addr: string;
  v6: boolean;
  names: string[];
}

const decoder = new TextDecoder();

async function lines(ctx: Ctx, path: string): Promise<string[]> {
  try {
    const text = decoder.decode(await ctx.sys.readFile(path));
    return text.split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

/** Lines of a whitespace-separated file with comments (#) taken out. */
async function fields(ctx: Ctx, path: string): Promise<string[][]> {
  return (await lines(ctx, path)).map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).filter((f) => f[0] !== '');
}

const isNumber = (key: string): boolean => /^\d+$/.test(key);
/** strtoul (saturating at 2^64-1) cut to a 32-bit uid_t/gid_t, as getent passes it on. */
const idOf = (key: string): number => {
  const n = BigInt(key);
  const max = (1n << 64n) - 1n;
  return Number((n > max ? max : n) & 0xffffffffn);
};
const isV4 = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) < 256);
const isV6 = (s: string): boolean => s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);

async function hostLines(ctx: Ctx): Promise<HostLine[]> {
  return (await fields(ctx, '/etc/hosts'))
    .filter((f) => f.length >= 2 && (isV4(f[0]!) || isV6(f[0]!)))
    .map((f) => ({ addr: f[0]!, v6: isV6(f[0]!), names: f.slice(1) }));
}

/** gethostbyname2 from the files source: the first line of that family naming `name`. */
function byName(hosts: HostLine[], name: string, v6: boolean): HostLine | undefined {
  const want = name.toLowerCase();
  return hosts.find((h) => h.v6 === v6 && h.names.some((n) => n.toLowerCase() === want));
}

const hostText = (h: HostLine): string => `${h.addr.padEnd(15)} ${h.names.join(' ')}\n`;

async function hosts(ctx: Ctx, keys: string[]): Promise<Status> {
  const all = await hostLines(ctx);
  if (keys.length === 0) {
    for (const h of all) await ctx.print(hostText(h));
    return 0;
  }
  let status: Status = 0;
  for (const key of keys) {
    const h = isV6(key) || isV4(key) ? all.find((x) => x.addr === key) : (byName(all, key, true) ?? byName(all, key, false));
    if (h) await ctx.print(hostText(h));
    else status = 2;
  }
  return status;
}

/** getaddrinfo for stream, datagram and raw sockets, with the canonical name on the first line. */
async function ahosts(ctx: Ctx, db: string, keys: string[]): Promise<Status> {
  if (keys.length === 0) {
    await ctx.err.write(`Enumeration not supported on ${db}\n`);
    return 3;
  }
  const all = await hostLines(ctx);
  const families = db === 'ahostsv4' ? [false] : db === 'ahostsv6' ? [true] : [true, false];
  let status: Status = 0;
  for (const key of keys) {
    let found: { addr: string; canon: string }[] = [];
    if (isV4(key) || isV6(key)) {
      if (families.includes(isV6(key))) found = [{ addr: key, canon: key }];
    } else {
      const want = key.toLowerCase();
      for (const v6 of families) {
        for (const h of all) {
          if (h.v6 === v6 && h.names.some((n) => n.toLowerCase() === want) && !found.some((f) => f.addr === h.addr)) found.push({ addr: h.addr, canon: h.names[0]! });
        }
      }
    }
    if (found.length === 0) {
      status = 2;
      continue;
    }
    let canon = found[0]!.canon;
    for (const f of found) {
      for (const type of ['STREAM', 'DGRAM', 'RAW']) {
        await ctx.print(`${f.addr.padEnd(15)} ${type.padEnd(6)} ${canon}\n`);
        canon = '';
      }
    }
  }
  return status;
}

/** The account databases: by name, or by number for passwd and group. */
async function accounts(ctx: Ctx, db: 'passwd' | 'group' | 'shadow' | 'gshadow', keys: string[]): Promise<Status> {
  const path = { passwd: '/etc/passwd', group: '/etc/group', shadow: '/etc/shadow', gshadow: '/etc/gshadow' }[db];
  const text = await lines(ctx, path);
  const out: { name: string; id?: number; line: string }[] = [];
  for (const l of text) {
    if (db === 'passwd') {
      const e = PASSWD.parse(l);
      if (e) out.push({ name: e.name, id: e.uid, line: PASSWD.format(e) });
    } else if (db === 'group') {
      const e = GROUP.parse(l);
      if (e) out.push({ name: e.name, id: e.gid, line: GROUP.format(e) });
    } else if (db === 'shadow') {
      const e = SHADOW.parse(l);
      if (e) out.push({ name: e.name, line: SHADOW.format(e) });
    } else {
      const e = GSHADOW.parse(l);
      if (e) out.push({ name: e.name, line: GSHADOW.format(e) });
    }
  }
  if (keys.length === 0) {
    for (const e of out) await ctx.print(`${e.line}\n`);
    return 0;
  }
  let status: Status = 0;
  for (const key of keys) {
    const numeric = (db === 'passwd' || db === 'group') && isNumber(key);
    const e = numeric ? out.find((x) => x.id === idOf(key)) : out.find((x) => x.name === key);
    if (e) await ctx.print(`${e.line}\n`);
    else status = 2;
  }
  return status;
}

/** The groups that list each user as a member (the user's own group is not counted). */
async function initgroups(ctx: Ctx, keys: string[]): Promise<Status> {
  if (keys.length === 0) {
    await ctx.err.write('Enumeration not supported on initgroups\n');
    return 3;
  }
  const groups = (await lines(ctx, '/etc/group')).map((l) => GROUP.parse(l)).filter((g) => g !== undefined);
  for (const key of keys) {
    const ids = groups.filter((g) => g.members.includes(key)).map((g) => ` ${g.gid}`);
    await ctx.print(`${key.padEnd(21)}${ids.join('')}\n`);
  }
  return 0;
}

/** services, protocols, networks and rpc: name and number, then the aliases. */
async function numbered(ctx: Ctx, db: 'services' | 'protocols' | 'networks' | 'rpc', keys: string[]): Promise<Status> {
  const rows = await fields(ctx, `/etc/${db}`);
  const show = (f: string[]): string => {
    const aliases = f.slice(2).map((a) => ` ${a}`).join('');
    return `${f[0]!.padEnd(21)} ${f[1]}${aliases}\n`;
  };
  if (keys.length === 0) {
    for (const f of rows) if (f.length >= 2) await ctx.print(show(f));
    return 0;
  }
  let status: Status = 0;
  for (const key of keys) {
    let match: (f: string[]) => boolean;
    if (db === 'services') {
      const [name, proto] = key.split('/');
      const byPort = isNumber(name!);
      match = (f) => {
        const [port, p] = (f[1] ?? '').split('/');
        if (proto !== undefined && p !== proto) return false;
        return byPort ? port === name : f[0] === name || f.slice(2).includes(name!);
      };
    } else {
      match = (f) => (isNumber(key) && db !== 'networks' ? f[1] === key : f[0] === key || f.slice(2).includes(key));
    }
    const f = rows.find((r) => r.length >= 2 && match(r));
    if (f) await ctx.print(show(f));
    else status = 2;
  }
  return status;
}

/**
 * Whether an NSS service named with -s can answer for a database here: the files module
 * always, compat for the account databases; no others are installed (dns finds nothing
 * without a resolver), so a lookup through them fails.
 */
function serviceAnswers(svc: string, db: string): boolean {
  if (svc === 'files') return true;
  return svc === 'compat' && ['passwd', 'group', 'shadow', 'gshadow', 'initgroups'].includes(db);
}

const DATABASES = ['ahosts', 'ahostsv4', 'ahostsv6', 'aliases', 'ethers', 'group', 'gshadow', 'hosts', 'initgroups', 'netgroup', 'networks', 'passwd', 'protocols', 'rpc', 'services', 'shadow'];

export default defineProgram({
  name: 'getent',
  installPath: '/usr/bin/getent',
  pkg: 'glibc',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    const rest: string[] = [];
    const services = new Map<string, string>();
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        rest.push(...args.slice(i + 1));
        break;
      }
      if (a === '--help' || a === '-?') {
        await ctx.print(HELP);
        return 0;
      }
      if (a === '--usage') {
        await ctx.print(USAGE);
        return 0;
      }
      if (a === '--version' || a === '-V') {
        await ctx.print(VERSION);
        return 0;
      }
      if (a === '--no-idn' || a === '-i' || a === '--no-addrconfig' || a === '-A') continue;
      let config: string | undefined;
      if (a === '-s' || a === '--service') {
        if (i + 1 >= args.length) {
          await ctx.err.write(`getent: option ${a === '-s' ? "requires an argument -- 's'" : "'--service' requires an argument"}\n${TRY}`);
          return 64;
        }
        config = args[++i]!;
      } else if (a.startsWith('--service=')) config = a.slice(10);
      else if (a.startsWith('-s') && a.length > 2) config = a.slice(2);
      if (config !== undefined) {
        // CONFIG for every database, or DATABASE:CONFIG for one
        const colon = config.indexOf(':');
        if (colon < 0) for (const d of DATABASES) services.set(d, config);
        else if (DATABASES.includes(config.slice(0, colon))) services.set(config.slice(0, colon), config.slice(colon + 1));
        else {
          await ctx.err.write('getent: Unknown database name\n');
          return 1;
        }
        continue;
      }
      if (a.startsWith('--') ) {
        await ctx.err.write(`getent: unrecognized option '${a}'\n${TRY}`);
        return 64;
      }
      if (a.startsWith('-') && a.length > 1) {
        await ctx.err.write(`getent: invalid option -- '${a[1]}'\n${TRY}`);
        return 64;
      }
      rest.push(a);
    }
    if (rest.length === 0) {
      await ctx.err.write('getent: wrong number of arguments\n');
      await ctx.print(TRY);
      return 1;
    }
    const [db, ...keys] = rest as [string, ...string[]];
    if (!DATABASES.includes(db)) {
      await ctx.err.write(`Unknown database: ${db}\n`);
      await ctx.print(TRY);
      return 1;
    }
    const config = services.get(db);
    if (config !== undefined && !config.split(/\s+/).some((svc) => serviceAnswers(svc, db))) return keys.length ? 2 : 0;
    switch (db) {
      case 'passwd':
      case 'group':
      case 'shadow':
      case 'gshadow':
        return accounts(ctx, db, keys);
      case 'hosts':
        return hosts(ctx, keys);
      case 'ahosts':
      case 'ahostsv4':
      case 'ahostsv6':
        return ahosts(ctx, db, keys);
      case 'initgroups':
        return initgroups(ctx, keys);
      case 'services':
      case 'protocols':
      case 'networks':
      case 'rpc':
        return numbered(ctx, db, keys);
      default:
        // aliases, ethers and netgroup: no such files on Photon, and ethers and netgroup cannot be listed
        if (keys.length === 0 && db !== 'aliases') {
          await ctx.err.write(`Enumeration not supported on ${db}\n`);
          return 3;
        }
        return keys.length ? 2 : 0;
    }
  },
});
