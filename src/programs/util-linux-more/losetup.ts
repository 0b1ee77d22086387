// losetup (util-linux 2.38) on a machine whose loop devices (/dev/loop0-7) are all unused:
// the listings are empty (--list of a named device shows it unattached), -f names /dev/loop0,
// and the option and argument errors are util-linux's. Attaching a file is not possible here:
// the machine's kernel has no loop driver behind those devices.
import { defineProgram } from '../define';
import { GetoptError, getopt } from '../lib/getopt';
import type { Ctx } from '../lib/context';
import { NumError, sizeOrErr, utilLinuxHelp } from './common';

const COLUMNS = ['NAME', 'AUTOCLEAR', 'BACK-FILE', 'BACK-INO', 'BACK-MAJ:MIN', 'MAJ:MIN', 'OFFSET', 'PARTSCAN', 'RO', 'SIZELIMIT', 'DIO', 'LOG-SEC'];
const DEFAULT = ['NAME', 'SIZELIMIT', 'OFFSET', 'AUTOCLEAR', 'RO', 'BACK-FILE', 'DIO', 'LOG-SEC'];
const RIGHT = new Set(['AUTOCLEAR', 'BACK-INO', 'BACK-MAJ:MIN', 'MAJ:MIN', 'OFFSET', 'PARTSCAN', 'RO', 'SIZELIMIT', 'DIO', 'LOG-SEC']);
/** An unused device's cells (the JSON type: b boolean, n number, s string). */
const UNUSED = (n: number): Record<string, [string, 'b' | 'n' | 's']> => ({
  NAME: [`/dev/loop${n}`, 's'], AUTOCLEAR: ['0', 'b'], 'BACK-FILE': ['', 's'], 'BACK-INO': ['', 'n'], 'BACK-MAJ:MIN': ['', 's'], 'MAJ:MIN': [`7:${n}`, 's'],
  OFFSET: ['', 'n'], PARTSCAN: ['0', 'b'], RO: ['0', 'b'], SIZELIMIT: ['', 'n'], DIO: ['0', 'b'], 'LOG-SEC': ['512', 'n'],
});

const HELP = utilLinuxHelp('losetup', ['losetup [options] [<loopdev>]', 'losetup [options] -f | <loopdev> <file>'], 'Set up and control loop devices.', [
  ' -a, --all                     list all used devices',
  ' -d, --detach <loopdev>...     detach one or more devices',
  ' -D, --detach-all              detach all used devices',
  ' -f, --find                    find first unused device',
  ' -c, --set-capacity <loopdev>  resize the device',
  ' -j, --associated <file>       list all devices associated with <file>',
  ' -o, --offset <num>            start at offset <num> into file',
  '     --sizelimit <num>         device is limited to <num> bytes of the file',
  ' -P, --partscan                create a partitioned loop device',
  ' -r, --read-only               set up a read-only loop device',
  '     --show                    print device name after setup (with -f)',
  ' -J, --json                    use JSON --list output format',
  ' -l, --list                    list info about all or specified (default)',
  ' -n, --noheadings              don\'t print headings for --list output',
  ' -O, --output <cols>           specify columns to output for --list',
  '     --raw                     use raw --list output format',
], 30);

/** The device a name means: /dev/NAME for a bare name; undefined when it is not a loop device. */
function loopIndex(name: string): number | undefined {
  const m = /^\/dev\/loop([0-7])$/.exec(name.startsWith('/') ? name : `/dev/${name}`);
  return m ? Number(m[1]) : undefined;
}

function table(ctx: Ctx, devices: number[], cols: string[], o: { json: boolean; raw: boolean; noheadings: boolean }): Promise<void> {
  const rows = devices.map(UNUSED);
  if (o.json) {
    const body = rows.map((r) => `      {\n${cols.map((c) => {
      const [v, t] = r[c]!;
      const value = t === 'b' ? (v === '1' ? 'true' : 'false') : v === '' ? 'null' : t === 'n' ? v : JSON.stringify(v);
      return `         "${c.toLowerCase()}": ${value}`;
    }).join(',\n')}\n      }`).join(',');
    return ctx.print(`{\n   "loopdevices": [\n${rows.length ? `${body}\n` : '\n'}   ]\n}\n`);
  }
  if (rows.length === 0) return Promise.resolve();
  const cells = rows.map((r) => cols.map((c) => r[c]![0]));
  const all = o.noheadings ? cells : [cols, ...cells];
  if (o.raw) return ctx.print(all.map((r) => `${r.join(' ')}\n`).join(''));
  const widths = cols.map((c, i) => Math.max(...all.map((r) => r[i]!.length)));
  return ctx.print(all.map((r) => `${r.map((v, i) => (RIGHT.has(cols[i]!) ? v.padStart(widths[i]!) : i === r.length - 1 ? v : v.padEnd(widths[i]!))).join(' ')}\n`).join(''));
}

export default defineProgram({
  name: 'losetup',
  installPath: '/usr/sbin/losetup',
  pkg: 'util-linux',
  async main(ctx) {
    const fail = async (msg: string): Promise<number> => {
      await ctx.err.write(`losetup: ${msg}\n`);
      return 1;
    };
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'b', short: 'b', long: 'sector-size', arg: 'required' }, { key: 'c', short: 'c', long: 'set-capacity', arg: 'required' },
        { key: 'd', short: 'd', long: 'detach', arg: 'required' }, { key: 'D', short: 'D', long: 'detach-all' }, { key: 'f', short: 'f', long: 'find' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'j', short: 'j', long: 'associated', arg: 'required' }, { key: 'J', short: 'J', long: 'json' },
        { key: 'l', short: 'l', long: 'list' }, { key: 'L', short: 'L', long: 'nooverlap' }, { key: 'n', short: 'n', long: 'noheadings' },
        { key: 'o', short: 'o', long: 'offset', arg: 'required' }, { key: 'O', short: 'O', long: 'output', arg: 'required' }, { key: 'output-all', long: 'output-all' },
        { key: 'P', short: 'P', long: 'partscan' }, { key: 'r', short: 'r', long: 'read-only' }, { key: 'raw', long: 'raw' }, { key: 'show', long: 'show' },
        { key: 'sizelimit', long: 'sizelimit', arg: 'required' }, { key: 'direct-io', long: 'direct-io', arg: 'optional' }, { key: 'v', short: 'v', long: 'verbose' },
        { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`losetup: ${e.message}\nTry 'losetup --help' for more information.\n`);
      return 1;
    }
    const has = (k: string): boolean => p.flags.has(k) || p.values.has(k);
    if (has('h')) return ctx.print(HELP).then(() => 0);
    if (has('V')) return ctx.print('losetup from util-linux 2.38\n').then(() => 0);
    try {
      for (const [key, what] of [['o', 'offset'], ['sizelimit', 'size'], ['b', 'sector size']] as const) {
        const v = p.values.get(key)?.at(-1);
        if (v !== undefined) sizeOrErr(v, `failed to parse ${what}`);
      }
    } catch (e) {
      if (e instanceof NumError) return fail(e.message);
      throw e;
    }
    let cols = has('output-all') ? COLUMNS : DEFAULT;
    const out = p.values.get('O')?.at(-1);
    if (out !== undefined) {
      const names = out.split(',');
      const bad = names.find((c) => !COLUMNS.includes(c.toUpperCase()));
      if (bad !== undefined) return fail(`unknown column: ${bad}`);
      cols = names.map((c) => c.toUpperCase());
    }
    const form = { json: has('J'), raw: has('raw'), noheadings: has('n') };
    const list = has('l') || has('O') || has('output-all') || has('J') || has('raw');
    const ops = p.operands;
    if (has('d')) {
      for (const dev of [...(p.values.get('d') ?? []), ...ops]) {
        if (loopIndex(dev) === undefined) return fail(`${dev}: failed to use device: No such device`);
        return fail(`${dev}: detach failed: No such device or address`);
      }
      return 0;
    }
    if (has('D')) return 0;
    if (has('c')) {
      const dev = p.values.get('c')!.at(-1)!;
      return fail(loopIndex(dev) === undefined ? `${dev}: failed to use device: No such device` : `${dev}: set capacity failed: No such device or address`);
    }
    if (has('j')) {
      // no device is associated with any file
      return ops.length > 0 ? fail('unexpected arguments') : 0;
    }
    if (has('f')) {
      if (ops.length > 1) return fail('unexpected arguments');
      if (ops.length === 0) return ctx.print('/dev/loop0\n').then(() => 0);
      return fail(`${ops[0]}: failed to set up loop device: ${await setupError(ctx, ops[0]!)}`);
    }
    if (has('a') || (ops.length === 0 && !has('show') && !has('P') && !has('r') && !has('o') && !has('sizelimit'))) {
      if (list && !has('a')) await table(ctx, [], cols, form);
      return 0;
    }
    if (ops.length === 0) return fail('no loop device specified');
    if (ops.length === 1) {
      const dev = ops[0]!;
      const n = loopIndex(dev);
      if (n === undefined) return fail(`${dev}: failed to use device: No such device`);
      if (list) {
        await table(ctx, [n], cols, form);
        return 0;
      }
      return fail(`${dev}: No such file or directory`);
    }
    if (ops.length > 2) return fail(`${ops[0]!.startsWith('/') ? ops[0] : `/dev/${ops[0]}`}: failed to set up loop device: No such file or directory`);
    const dev = ops[0]!.startsWith('/') ? ops[0]! : `/dev/${ops[0]}`;
    if (loopIndex(dev) === undefined) return fail(`${dev}: failed to set up loop device: No such file or directory`);
    return fail(`${ops[1]}: failed to set up loop device: ${await setupError(ctx, ops[1]!)}`);
  },
});

/** Why a backing file cannot be attached: it is missing, or the machine has no loop driver. */
async function setupError(ctx: Ctx, file: string): Promise<string> {
  try {
    await ctx.sys.stat(file);
  } catch {
    return 'No such file or directory';
  }
  return 'No such device';
}
