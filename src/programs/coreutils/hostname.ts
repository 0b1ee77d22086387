// hostname from net-tools 2.10, which Photon OS 5.0 ships as /usr/bin/hostname. Its usage
// goes to stdout with status 0 for -h, to stderr with status 3 after a bad option; names
// are resolved through /etc/hosts the way gethostbyname() reads the "files" database.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../lib/getopt';

const OPTIONS: OptionDef[] = [
  { key: 'a', short: 'a', long: 'alias' },
  { key: 'd', short: 'd', long: 'domain' },
  { key: 'f', short: 'f', long: 'fqdn' },
  { key: 'f', long: 'long' },
  { key: 'F', short: 'F', long: 'file', arg: 'required' },
  { key: 'h', short: 'h', long: 'help' },
  { key: '?', short: '?' },
  { key: 'i', short: 'i', long: 'ip-address' },
  { key: 's', short: 's', long: 'short' },
  { key: 'V', short: 'V', long: 'version' },
  { key: 'v', short: 'v', long: 'verbose' },
  { key: 'y', short: 'y', long: 'yp' },
  { key: 'y', long: 'nis' },
  { key: 'n', short: 'n' },
];

const USAGE = `Usage: hostname [-v] {hostname|-F file}      set hostname (from file)
       domainname [-v] {nisdomain|-F file}   set NIS domainname (from file)
       hostname [-v] [-d|-f|-s|-a|-i|-y|-n]  display formatted name
       hostname [-v]                         display hostname

       hostname -V|--version|-h|--help       print info and exit

    dnsdomainname=hostname -d, {yp,nis,}domainname=hostname -y

    -s, --short           the name up to its first dot
    -a, --alias           the other names /etc/hosts gives this host
    -i, --ip-address      the addresses this host name resolves to
    -f, --fqdn, --long    the fully qualified name, as resolved
    -d, --domain          the DNS domain: the resolved name after its first dot
    -y, --yp, --nis       the NIS domain name
    -F, --file            set the name (or NIS domain) from the lines of a file

   Without options, hostname prints the kernel's host name, or sets it when a
   NAME is given (root only; the change lasts until the next boot, so also
   edit /etc/hostname to keep it). The FQDN and DNS domain come from name
   resolution, so on a machine without DNS they are set in /etc/hosts.
`;

interface HostEntry {
  name: string;
  aliases: string[];
  addrs: string[];
}

/** gethostbyname(3) over /etc/hosts: the first line naming `host` (IPv4 lines only). */
async function resolve(ctx: Ctx, host: string): Promise<HostEntry | undefined> {
  let text = '';
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile('/etc/hosts'));
  } catch {
    return undefined;
  }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, ...names] = line.split(/\s+/);
    if (!addr || !/^\d+\.\d+\.\d+\.\d+$/.test(addr) || !names.some((n) => n.toLowerCase() === host.toLowerCase())) continue;
    return { name: names[0]!, aliases: names.slice(1), addrs: [addr] };
  }
  return undefined;
}

async function setName(ctx: Ctx, prog: string, name: string, verbose: boolean): Promise<number> {
  if (verbose) await ctx.err.write(`Setting hostname to \`${name}'\n`);
  try {
    ctx.sys.sethostname(name);
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'EPERM') await ctx.err.write(`${prog}: you don't have permission to set the host name\n`);
    else if (e.errno === 'EINVAL') await ctx.err.write(`${prog}: name too long\n`);
    else await ctx.perror(e);
    return 1;
  }
}

async function setFromFile(ctx: Ctx, prog: string, file: string, verbose: boolean): Promise<number> {
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(file));
  } catch {
    await ctx.err.write(`${prog}: can't open \`${file}'\n`);
    return 1;
  }
  for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) {
    if (verbose) await ctx.err.write(`>> ${line}\n`);
    if (line.startsWith('#')) continue;
    const status = await setName(ctx, prog, line, verbose);
    if (status) return status;
  }
  return 0;
}

async function show(ctx: Ctx, prog: string, type: string | undefined, verbose: boolean): Promise<number> {
  const name = ctx.sys.uname().nodename;
  if (verbose) await ctx.err.write(`gethostname()=\`${name}'\n`);
  if (type === undefined) {
    await ctx.print(`${name}\n`);
    return 0;
  }
  if (type === 's') {
    await ctx.print(`${name.split('.')[0]}\n`);
    return 0;
  }
  const hp = await resolve(ctx, name);
  if (!hp) {
    await ctx.err.write(`${prog}: Unknown host\n`);
    return 1;
  }
  const dot = hp.name.indexOf('.');
  switch (type) {
    case 'a': await ctx.print(`${hp.aliases.join(' ')}\n`); break;
    case 'i': await ctx.print(`${hp.addrs.join(' ')}\n`); break;
    case 'd': if (dot >= 0) await ctx.print(`${hp.name.slice(dot + 1)}\n`); break;
    case 'f': await ctx.print(`${hp.name}\n`); break;
  }
  return 0;
}

export default defineProgram({
  name: 'hostname',
  installPath: '/usr/bin/hostname',
  // net-tools' `yes "" | make config` keeps config.in's defaults: hostname and its links
  aliases: ['/usr/bin/dnsdomainname', '/usr/bin/domainname', '/usr/bin/nisdomainname', '/usr/bin/ypdomainname'],
  pkg: 'net-tools',
  async main(ctx, { operands }) {
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    let parsed: Parsed;
    try {
      parsed = getopt(operands, OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.error(e.message);
      await ctx.err.write(USAGE);
      return 3;
    }
    let what = prog === 'dnsdomainname' ? 2 : ['domainname', 'nisdomainname', 'ypdomainname'].includes(prog) ? 3 : 0;
    let type: string | undefined;
    for (const o of parsed.order) {
      switch (o.key) {
        case 'd': what = 2; break;
        case 'a': case 'f': case 'i': case 's': what = 1; type = o.key; break;
        case 'y': what = 3; break;
        case 'V':
          await ctx.print('net-tools 2.10\n');
          return 0;
        case 'h':
          await ctx.print(USAGE);
          return 0;
        case 'n': // accepted by getopt, but DECnet is not built in: plain usage error
        case '?':
          await ctx.err.write(USAGE);
          return 3;
      }
    }
    const verbose = parsed.flags.has('v');
    const file = parsed.values.get('F')?.at(-1);
    const arg = parsed.operands[0];
    if (what === 2) {
      if (file !== undefined || arg !== undefined) {
        await ctx.err.write(`${prog}: You can't change the DNS domain name with this command\n\nUnless you are using bind or NIS for host lookups you can change the DNS\ndomain name (which is part of the FQDN) in the /etc/hosts file.\n`);
        return 1;
      }
      return show(ctx, prog, 'd', verbose);
    }
    if (what === 3) {
      if (file !== undefined || arg !== undefined) {
        if (ctx.sys.geteuid() === 0) return 0; // the NIS domain is not modelled
        await ctx.err.write(`${prog}: you don't have permission to set the domain name\n`);
        return 1;
      }
      await ctx.print(`${ctx.sys.uname().domainname}\n`);
      return 0;
    }
    if (what === 0) {
      if (file !== undefined) return setFromFile(ctx, prog, file, verbose);
      if (arg !== undefined) return setName(ctx, prog, arg, verbose);
    }
    return show(ctx, prog, type, verbose);
  },
});
