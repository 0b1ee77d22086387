// hostid: gethostid(3) in hex. glibc reads the four bytes of /etc/hostid (a native, little-endian
// int) when it has them; otherwise it takes the IPv4 address the host name resolves to (here
// through /etc/hosts) with its two 16-bit halves swapped, and 0 when the name does not resolve.
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'hostid',
  installPath: '/usr/bin/hostid',
  pkg: 'coreutils',
  usage: 'hostid [OPTION]',
  help: `Print this host's numeric identifier, in hexadecimal.

${HELP_LINES}
${coreutilsHelpFooter('hostid')}`,
  version: coreutilsVersion('hostid', ['Jim Meyering']),
  options: [],
};

async function readText(ctx: Ctx, path: string): Promise<Uint8Array | undefined> {
  try {
    return await ctx.sys.readFile(path);
  } catch {
    return undefined;
  }
}

/** The first IPv4 address /etc/hosts gives `name`. */
async function lookup(ctx: Ctx, name: string): Promise<number[] | undefined> {
  const data = await readText(ctx, '/etc/hosts');
  if (!data || name === '') return undefined;
  for (const raw of new TextDecoder().decode(data).split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(fields[0] ?? '');
    if (!m || !fields.slice(1).some((f) => f.toLowerCase() === name.toLowerCase())) continue;
    const bytes = m.slice(1, 5).map(Number);
    if (bytes.every((b) => b <= 255)) return bytes;
  }
  return undefined;
}

async function gethostid(ctx: Ctx): Promise<number> {
  const file = await readText(ctx, '/etc/hostid');
  if (file && file.length >= 4) return (file[0]! | (file[1]! << 8) | (file[2]! << 16) | (file[3]! << 24)) >>> 0;
  const addr = await lookup(ctx, ctx.sys.uname().nodename);
  if (!addr) return 0;
  const [a, b, c, d] = addr as [number, number, number, number];
  // the address as a little-endian word (d c b a), halves swapped: b a d c
  return ((b << 24) | (a << 16) | (d << 8) | c) >>> 0;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length > 0) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    await ctx.print(`${(await gethostid(ctx)).toString(16).padStart(8, '0')}\n`);
    return 0;
  },
});
