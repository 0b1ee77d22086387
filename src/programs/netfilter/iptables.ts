// xtables-nft-multi: iptables 1.8.9 with the nf_tables backend, as Photon OS 5.0 installs it.
// iptables, ip6tables and their -save/-restore commands are links to this one binary, which
// picks the command from the name it was run as (or from its first argument).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { runRestore } from './restore';
import { runXtables } from './run';
import { runSave } from './save';

type Main = (ctx: Ctx, prog: string, argv: readonly string[]) => Promise<number>;

const main4: Main = (ctx, _p, argv) => runXtables(ctx, 'ipv4', argv);
const main6: Main = (ctx, _p, argv) => runXtables(ctx, 'ipv6', argv);
const save4: Main = (ctx, p, argv) => runSave(ctx, 'ipv4', p, argv);
const save6: Main = (ctx, p, argv) => runSave(ctx, 'ipv6', p, argv);
const restore4: Main = (ctx, p, argv) => runRestore(ctx, 'ipv4', p, argv);
const restore6: Main = (ctx, p, argv) => runRestore(ctx, 'ipv6', p, argv);

/**
 * The binary's applets in its own order, as its usage lists them; null for the ones this
 * machine does not provide (XML conversion, translation, arptables, ebtables, the monitor).
 * main4/save4/restore4 and their 6 forms are other names of the same commands.
 */
const APPLETS: readonly [string, Main | null][] = [
  ['iptables-xml', null],
  ['xml', null],
  ['iptables', main4],
  ['iptables-nft', main4],
  ['main4', main4],
  ['save4', save4],
  ['restore4', restore4],
  ['iptables-save', save4],
  ['iptables-restore', restore4],
  ['iptables-nft-save', save4],
  ['iptables-nft-restore', restore4],
  ['ip6tables', main6],
  ['ip6tables-nft', main6],
  ['main6', main6],
  ['save6', save6],
  ['restore6', restore6],
  ['ip6tables-save', save6],
  ['ip6tables-restore', restore6],
  ['ip6tables-nft-save', save6],
  ['ip6tables-nft-restore', restore6],
  ...['iptables-translate', 'ip6tables-translate', 'iptables-restore-translate', 'ip6tables-restore-translate'].map((n): [string, null] => [n, null]),
  ...['arptables', 'arptables-nft', 'arptables-restore', 'arptables-nft-restore', 'arptables-save', 'arptables-nft-save'].map((n): [string, null] => [n, null]),
  ...['ebtables-translate', 'ebtables', 'ebtables-restore', 'ebtables-save', 'ebtables-nft', 'ebtables-nft-restore', 'ebtables-nft-save', 'xtables-monitor'].map((n): [string, null] => [n, null]),
];

/** the names installed as links in /usr/sbin */
const LINKED = ['iptables', 'iptables-nft', 'ip6tables', 'ip6tables-nft', 'iptables-save', 'iptables-nft-save', 'ip6tables-save', 'ip6tables-nft-save', 'iptables-restore', 'iptables-nft-restore', 'ip6tables-restore', 'ip6tables-nft-restore'];

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export const XTABLES_LINKS = LINKED.map((name) => `/usr/sbin/${name}`);

export default defineProgram({
  name: 'xtables-nft-multi',
  installPath: '/usr/sbin/xtables-nft-multi',
  aliases: XTABLES_LINKS,
  pkg: 'iptables',
  async main(ctx) {
    const find = (name: string): Main | undefined => APPLETS.find(([n]) => n === name)?.[1] ?? undefined;
    const self = basename(ctx.argv[0] ?? '');
    const main = find(self);
    if (main) return main(ctx, self, ctx.argv);
    // "xtables-nft-multi iptables -L": the subcommand is the first argument
    const sub = ctx.argv[1];
    const viaArg = sub !== undefined ? find(sub) : undefined;
    if (viaArg && sub !== undefined) return viaArg(ctx, sub, ctx.argv.slice(1));
    await ctx.err.write(`ERROR: No valid subcommand given.\nValid subcommands:\n${APPLETS.map(([n]) => ` * ${n}\n`).join('')}`);
    return 1;
  },
});
