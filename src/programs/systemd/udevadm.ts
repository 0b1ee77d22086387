// udevadm (systemd-udev): the global options and the verb table of src/udev/udevadm.c, and the
// argument checks each verb makes before it would talk to udevd or read the device database.
// The machine has no udev database and nothing to coldplug, so the verbs that pass their checks
// (trigger, settle, info on a device...) end quietly with success.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { strerror } from '../../shared/errno';
import { parseTimespan } from '../../shared/systemd/time-span';

const VERSION = '253';

const HELP = `udevadm [--help] [--version] [--debug] COMMAND [COMMAND OPTIONS]

Look at devices as udev sees them, and control the udev daemon.

  info          Show what udev knows about a device
  trigger       Ask the kernel to announce devices again
  settle        Wait until the event queue is empty
  control       Change the running udev daemon
  monitor       Print kernel and udev events as they come
  hwdb          Compile or query the hardware database
  test          Run a simulated udev event for a device
  test-builtin  Run one built-in command against a device
  wait          Wait for devices or device symlinks to be ready
  lock          Hold a lock on a block device while a command runs
  version       Print the version
`;

/** The verbs with what they say when their arguments fall short (undefined: nothing required). */
type Check = (ctx: Ctx, opts: string[], operands: string[], raw: string[]) => Promise<number | undefined>;

const fail = async (ctx: Ctx, message: string): Promise<number> => {
  await ctx.err.write(`${message}\n`);
  return 1;
};

/** Options of a verb: the words starting with '-' before a "--", the rest operands. */
function split(args: string[]): { opts: string[]; operands: string[] } {
  const opts: string[] = [];
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && a.startsWith('-') && a !== '-') opts.push(a);
    else operands.push(a);
  }
  return { opts, operands };
}

const has = (opts: string[], short: string, long: string): boolean =>
  opts.some((o) => o === `--${long}` || o.startsWith(`--${long}=`) || (/^-[a-zA-Z]+$/.test(o) && o.includes(short)));

const VERBS: Record<string, Check> = {
  info: async (ctx, _opts, _operands, raw) => {
    // the last action option wins: a query or an attribute walk needs a device, the tree and
    // the database actions do not; -q -p -n -d take a value
    let standalone = false;
    let device = false;
    for (let i = 0; i < raw.length; i++) {
      const a = raw[i]!;
      if (a === '--') {
        device ||= i + 1 < raw.length;
        break;
      }
      if (a.startsWith('--')) {
        const [name, inline] = [a.slice(2).replace(/=.*$/, ''), a.includes('=')];
        if (['export-db', 'cleanup-db', 'tree', 'device-id-of-file'].includes(name)) standalone = true;
        else if (name === 'query' || name === 'attribute-walk') standalone = false;
        if (name === 'path' || name === 'name') device = true;
        if (!inline && ['query', 'property', 'path', 'name', 'device-id-of-file'].includes(name)) i++;
        continue;
      }
      if (!a.startsWith('-') || a === '-') {
        device = true;
        continue;
      }
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if ('ectd'.includes(c)) standalone = true;
        else if (c === 'q' || c === 'a') standalone = false;
        if (c === 'p' || c === 'n') device = true;
        if ('qpnd'.includes(c)) {
          if (k === a.length - 1) i++;
          break;
        }
      }
    }
    return !standalone && !device ? fail(ctx, 'A device name or path is required') : undefined;
  },
  trigger: async () => undefined,
  settle: async (ctx, _opts, _operands, raw) => {
    for (let i = 0; i < raw.length; i++) {
      const o = raw[i]!;
      const v = o.startsWith('--timeout=') ? o.slice(10) : o === '-t' || o === '--timeout' ? raw[++i] ?? '' : /^-t./.test(o) ? o.slice(2) : undefined;
      if (v === undefined) continue;
      const t = parseTimespan(v);
      if (typeof t === 'string') return fail(ctx, `Failed to parse timeout value '${v}': ${strerror(t)}`);
    }
    return undefined;
  },
  control: async (ctx, opts) => (opts.length === 0 ? fail(ctx, 'This command expects one or more options.') : undefined),
  monitor: async () => undefined,
  hwdb: async (ctx, opts) => (!has(opts, 'u', 'update') && !has(opts, 't', 'test') ? fail(ctx, 'Either --update or --test must be used.') : undefined),
  test: async (ctx, _opts, operands) => (operands.length === 0 ? fail(ctx, 'syspath parameter missing.') : undefined),
  'test-builtin': async (ctx, _opts, operands) => (operands.length < 2 ? fail(ctx, 'Expected two arguments: command string and device path.') : undefined),
  wait: async (ctx, _opts, operands) => (operands.length === 0 ? fail(ctx, 'Too few arguments, expected at least one device path or device symlink.') : undefined),
  lock: async (ctx, _opts, operands) => (operands.length === 0 ? fail(ctx, 'Too few arguments, command to execute.') : undefined),
};

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  // the global options come first ("+" getopt: they end at the verb)
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--debug' || a === '-d') continue;
    if (a === '--help' || a === '-h') {
      await ctx.print(HELP);
      return 0;
    }
    if (a === '--version' || a === '-V') {
      await ctx.print(`${VERSION}\n`);
      return 0;
    }
    if (a.startsWith('--')) return fail(ctx, `udevadm: unrecognized option '${a}'`);
    // a cluster of short options: d is the only one that does not end the run
    for (const c of a.slice(1)) {
      if (c === 'd') continue;
      if (c === 'h') {
        await ctx.print(HELP);
        return 0;
      }
      if (c === 'V') {
        await ctx.print(`${VERSION}\n`);
        return 0;
      }
      return fail(ctx, `udevadm: invalid option -- '${c}'`);
    }
  }
  const verb = args[i];
  if (verb === undefined) return fail(ctx, 'Command verb required.');
  if (verb === 'help') {
    await ctx.print(HELP);
    return 0;
  }
  if (verb === 'version') {
    await ctx.print(`${VERSION}\n`);
    return 0;
  }
  const check = VERBS[verb];
  if (!check) return fail(ctx, `Unknown command verb ${verb}.`);
  const raw = args.slice(i + 1);
  const { opts, operands } = split(raw);
  if (opts.includes('-h') || opts.includes('--help')) {
    await ctx.print(`udevadm ${verb} [OPTIONS]\n`);
    return 0;
  }
  return (await check(ctx, opts, operands, raw)) ?? 0;
}

export default defineProgram({
  name: 'udevadm',
  installPath: '/usr/bin/udevadm',
  pkg: 'systemd-udev',
  tryHelp: false,
  main,
});
