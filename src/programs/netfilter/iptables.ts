// xtables-nft-multi: iptables 1.8.9 with the nf_tables backend, as Photon OS 5.0 installs it.
// iptables, ip6tables and their -save/-restore commands are links to this one binary, which
// picks the command from the name it was run as (or from its first argument).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { runRestore } from './restore';
import { runXtables } from './run';
import { runSave } from './save';

type Main = (ctx: Ctx, prog: string, argv: readonly string[]) => Promise<number>;

const SUBCOMMANDS: readonly [string, Main][] = [
  ['iptables', (ctx, _p, argv) => runXtables(ctx, 'ipv4', argv)],
  ['iptables-nft', (ctx, _p, argv) => runXtables(ctx, 'ipv4', argv)],
  ['ip6tables', (ctx, _p, argv) => runXtables(ctx, 'ipv6', argv)],
  ['ip6tables-nft', (ctx, _p, argv) => runXtables(ctx, 'ipv6', argv)],
  ['iptables-save', (ctx, p, argv) => runSave(ctx, 'ipv4', p, argv)],
  ['iptables-nft-save', (ctx, p, argv) => runSave(ctx, 'ipv4', p, argv)],
  ['ip6tables-save', (ctx, p, argv) => runSave(ctx, 'ipv6', p, argv)],
  ['ip6tables-nft-save', (ctx, p, argv) => runSave(ctx, 'ipv6', p, argv)],
  ['iptables-restore', (ctx, p, argv) => runRestore(ctx, 'ipv4', p, argv)],
  ['iptables-nft-restore', (ctx, p, argv) => runRestore(ctx, 'ipv4', p, argv)],
  ['ip6tables-restore', (ctx, p, argv) => runRestore(ctx, 'ipv6', p, argv)],
  ['ip6tables-nft-restore', (ctx, p, argv) => runRestore(ctx, 'ipv6', p, argv)],
];

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export const XTABLES_LINKS = SUBCOMMANDS.map(([name]) => `/usr/sbin/${name}`);

export default defineProgram({
  name: 'xtables-nft-multi',
  installPath: '/usr/sbin/xtables-nft-multi',
  aliases: XTABLES_LINKS,
  pkg: 'iptables',
  async main(ctx) {
    const find = (name: string): Main | undefined => SUBCOMMANDS.find(([n]) => n === name)?.[1];
    const self = basename(ctx.argv[0] ?? '');
    const main = find(self);
    if (main) return main(ctx, self, ctx.argv);
    // "xtables-nft-multi iptables -L": the subcommand is the first argument
    const sub = ctx.argv[1];
    const viaArg = sub !== undefined ? find(sub) : undefined;
    if (viaArg && sub !== undefined) return viaArg(ctx, sub, ctx.argv.slice(1));
    await ctx.err.write(`ERROR: No valid subcommand given.\nValid subcommands:\n${SUBCOMMANDS.map(([n]) => ` * ${n}\n`).join('')}`);
    return 1;
  },
});
