// lsb_release as Photon OS ships it (a script of photon-release): the distributor id,
// description, release and codename read from /etc/lsb-release, labelled or (-s) bare; no
// option shows all four. An unknown option is named and answered with the usage (status 1);
// without the file it stops with status 2.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const USAGE = `
Distribution information.

Usage: lsb_release [options]

Options:
  -h, --help         show this help and exit
  -i, --id           show the distributor's ID
  -d, --description  show the description of this distribution
  -r, --release      show this distribution's release number
  -c, --codename     show this distribution's code name
  -a, --all          show all of the above
  -s, --short        show the requested fields without their labels
`;

const FILE = '/etc/lsb-release';
const LONG: Record<string, string> = { '--all': 'a', '--codename': 'c', '--description': 'd', '--id': 'i', '--release': 'r', '--short': 's', '--help': 'h' };

/** The file's assignments, unquoted as the shell that sources it would. */
function parse(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2]!.trim();
    if (/^".*"$/.test(v)) v = v.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
    else if (/^'.*'$/.test(v)) v = v.slice(1, -1);
    vars.set(m[1]!, v);
  }
  return vars;
}

async function main(ctx: Ctx): Promise<number> {
  const want = new Set<string>();
  let short = false;
  const usage = async (status: number): Promise<number> => {
    await ctx.err.write(USAGE);
    return status;
  };
  const args = ctx.argv.slice(1);
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') break;
    const letters = LONG[a] ?? (/^-[^-]/.test(a) ? a.slice(1) : undefined);
    if (letters === undefined) {
      await ctx.err.write(`Invalid option: ${a}\n`);
      return usage(1);
    }
    for (const c of letters) {
      if (c === 'h') return usage(0);
      if (c === 's') short = true;
      else if ('acdir'.includes(c)) want.add(c);
      else {
        await ctx.err.write(`Invalid option: -${c}\n`);
        return usage(1);
      }
    }
  }
  // no arguments, or -s alone, mean all four (an argument list of only -- shows nothing)
  if (args.length === 0 || want.has('a') || (want.size === 0 && short)) for (const c of 'cdir') want.add(c);
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(FILE));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`ERROR: '${FILE}' does not exist ...\n`);
    return 2;
  }
  const vars = parse(text);
  const fields: [string, string, string][] = [['i', 'Distributor ID', 'DISTRIB_ID'], ['d', 'Description', 'DISTRIB_DESCRIPTION'], ['r', 'Release', 'DISTRIB_RELEASE'], ['c', 'Codename', 'DISTRIB_CODENAME']];
  let out = '';
  for (const [c, label, key] of fields) {
    if (!want.has(c)) continue;
    const value = vars.get(key) || 'n/a';
    out += short ? `${value}\n` : `${label}:\t${value}\n`;
  }
  await ctx.print(out);
  return 0;
}

export default defineProgram({ name: 'lsb_release', installPath: '/usr/bin/lsb_release', pkg: 'photon-release', main });
