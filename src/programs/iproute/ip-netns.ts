// `ip netns` (ipnetns.c): named network namespaces. A name is a file under /run/netns that ip
// creates and removes itself; the namespace behind it (its own loopback, routes and netfilter
// tables) is the kernel's `netns` service's, which also moves ip into one (setns) for
// `ip netns exec` and `ip -n`. The argument checks and their messages are ip's own.
import { isSysError, strerror } from '../../shared/errno';
import type { NetnsReply } from '../../subsystems/net/namespaces';
import { resolveCommand } from '../lib/execvp';
import type { Ip } from './ip-session';
import { NETNS_USAGE } from './ip-usage';
import { getInteger, matches } from './ip-util';

const RUN_DIR = '/run/netns';

async function netnsCall(ip: Ip, req: unknown): Promise<NetnsReply> {
  return (await ip.ctx.sys.call('netns', req)) as NetnsReply;
}

/** The names under /run/netns, in directory order (none when it does not exist). */
async function names(ip: Ip): Promise<string[]> {
  try {
    return await ip.ctx.sys.readdir(RUN_DIR);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
}

/** netns_switch: opens /run/netns/NAME and enters it; on failure ip exits with -1. */
export async function netnsSwitch(ip: Ip, name: string): Promise<void> {
  try {
    await ip.ctx.sys.stat(`${RUN_DIR}/${name}`);
  } catch (e) {
    if (!isSysError(e)) throw e;
    ip.fail(`Cannot open network namespace "${name}": ${strerror(e.errno)}\n`);
  }
  const r = await netnsCall(ip, { kind: 'enter', name });
  if (!r.ok) ip.fail(`setting the network namespace "${name}" failed: ${strerror(r.errno as never)}\n`);
}

/** netns_add: the file first (O_CREAT|O_EXCL, mode 0), then a new namespace (or process `pid`'s) bound to it. */
async function add(ip: Ip, name: string, pid?: number): Promise<number> {
  const sys = ip.ctx.sys;
  try {
    await sys.mkdir(RUN_DIR, 0o755);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'EEXIST') return fail1(ip, `mkdir ${RUN_DIR} failed: ${strerror(e.errno)}\n`);
  }
  const path = `${RUN_DIR}/${name}`;
  try {
    await sys.close(await sys.open(path, { read: true, create: true, exclusive: true }, 0));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return fail1(ip, `Cannot create namespace file "${path}": ${strerror(e.errno)}\n`);
  }
  const r = await netnsCall(ip, pid === undefined ? { kind: 'add', name } : { kind: 'attach', name, pid });
  if (!r.ok) {
    await sys.unlink(path).catch(() => undefined);
    if (pid !== undefined) return fail1(ip, `Bind /proc/${pid}/ns/net -> ${path} failed: ${strerror(r.errno as never)}\n`);
    return fail1(ip, `Failed to create a new network namespace "${name}": ${strerror(r.errno as never)}\n`);
  }
  // the namespace's file as a bind mount shows it: read-only for everyone
  await sys.chmod(path, 0o444).catch(() => undefined);
  return 0;
}

/** netns_delete: the bind mount goes (quietly), then the file. */
async function del(ip: Ip, name: string): Promise<number> {
  const path = `${RUN_DIR}/${name}`;
  await netnsCall(ip, { kind: 'delete', name });
  try {
    await ip.ctx.sys.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return fail1(ip, `Cannot remove namespace file "${path}": ${strerror(e.errno)}\n`);
  }
  return 0;
}

/** cmd_exec without a fork: the switch, then execvp; a command that cannot run ends ip with 1. */
async function exec(ip: Ip, name: string, argv: string[]): Promise<number> {
  await netnsSwitch(ip, name);
  const ctx = ip.ctx;
  const cmd = argv[0]!;
  const path = await resolveCommand(ctx, cmd, ctx.env);
  let errno: string;
  if (typeof path === 'string') {
    await ip.writeChunks();
    await ctx.flush();
    try {
      return await ctx.sys.exec(path, argv, ctx.env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      errno = e.errno;
    }
  } else errno = path.errno;
  ip.err(`exec of "${cmd}" failed: ${strerror(errno as never)}\n`);
  return 1;
}

/** netns_list: each name, with the number this namespace gives it when it has one. */
/** ip -all netns exec: in each namespace in turn, under a heading, the command in a child; ip's status stays 0. */
async function execAll(ip: Ip, argv: string[]): Promise<number> {
  const ctx = ip.ctx;
  for (const name of await names(ip)) {
    ip.out(`\nnetns: ${name}\n`);
    await ip.writeChunks();
    await ctx.flush();
    const pid = await ctx.sys.fork(async (sys) => {
      const r = (await sys.call('netns', { kind: 'enter', name })) as NetnsReply;
      if (!r.ok) {
        await ctx.err.write(`setting the network namespace "${name}" failed: ${strerror(r.errno as never)}\n`);
        return 255;
      }
      const path = await resolveCommand(ctx, argv[0]!, ctx.env);
      let errno: string;
      if (typeof path === 'string') {
        try {
          return await sys.exec(path, argv, ctx.env);
        } catch (e) {
          if (!isSysError(e)) throw e;
          errno = e.errno;
        }
      } else errno = path.errno;
      await ctx.err.write(`exec of "${argv[0]}" failed: ${strerror(errno as never)}\n`);
      return 1;
    });
    await ctx.sys.wait(pid);
  }
  return 0;
}

async function list(ip: Ip): Promise<number> {
  const all = await names(ip);
  const r = all.length ? await netnsCall(ip, { kind: 'nsids' }) : undefined;
  const ids = (r?.ok && r.nsids) || {};
  const p = ip.printer;
  p.start();
  for (const n of all) {
    p.openObject();
    p.any('name', n, n);
    const id = ids[n];
    if (id !== undefined) p.any('id', ` (id: ${id})`, id);
    p.closeObject();
    p.fp('\n');
  }
  p.finish();
  return 0;
}

/** netns_list_id: the numbers this namespace gives others, with their names. */
async function listId(ip: Ip): Promise<number> {
  const r = await netnsCall(ip, { kind: 'nsids' });
  for (const { nsid, name } of (r.ok && r.ids) || []) ip.out(`nsid ${nsid} ${name !== undefined ? `(iproute2 netns name: ${name})` : ''}\n`);
  return 0;
}

/** invalid_name: empty, longer than NAME_MAX, with a slash, or a dot directory. */
function invalidName(name: string): boolean {
  return name === '' || name.length > 255 || name.includes('/') || name === '.' || name === '..';
}

/** Prints `text` on stderr; the command's -1, which ip's do_cmd turns into status 1. */
function fail1(ip: Ip, text: string): number {
  ip.err(text);
  return 1;
}

export async function doNetns(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return list(ip);
  if (!ip.opts.all && args.length > 0 && invalidName(args[0]!)) ip.fail(`Invalid netns name "${args[0]}"\n`);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return list(ip);
  if (matches(cmd, 'list-id')) return listId(ip);
  if (matches(cmd, 'help')) return ip.fail(NETNS_USAGE);
  if (matches(cmd, 'add') || matches(cmd, 'attach')) {
    if (matches(cmd, 'add') && args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (matches(cmd, 'attach')) {
      if (args.length < 2) return fail1(ip, 'No netns name and PID specified\n');
      if (getInteger(args[1]!) === null) return fail1(ip, `Invalid PID: ${args[1]}\n`);
    }
    return add(ip, args[0]!, matches(cmd, 'attach') ? getInteger(args[1]!)! : undefined);
  }
  if (matches(cmd, 'set')) {
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (args.length < 2) return fail1(ip, 'No nsid specified\n');
    const v = args[1]!;
    if (v !== 'auto') {
      const nsid = getInteger(v);
      if (nsid === null) ip.invarg('Invalid "netnsid" value', v);
      if (nsid < 0) ip.invarg('"netnsid" value should be >= 0', v);
    }
    try {
      await ip.ctx.sys.stat(`${RUN_DIR}/${args[0]}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail1(ip, `Cannot open network namespace "${args[0]}": ${strerror(e.errno)}\n`);
    }
    const r = await netnsCall(ip, { kind: 'setnsid', name: args[0], nsid: v === 'auto' ? 'auto' : getInteger(v)! });
    if (!r.ok) {
      ip.reportError({ ok: false, errno: r.errno as never, ...(r.msg ? { msg: r.msg } : {}) });
      return 2;
    }
    return 0;
  }
  if (matches(cmd, 'delete')) {
    if (ip.opts.all) {
      for (const n of await names(ip)) if (await del(ip, n)) return 1;
      return 0;
    }
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    return del(ip, args[0]!);
  }
  if (matches(cmd, 'identify')) {
    if (args.length > 1) return fail1(ip, 'extra arguments specified\n');
    const pid = args[0];
    if (pid !== undefined) {
      if (!/^\d+$/.test(pid)) return fail1(ip, `Specified string '${pid}' is not a pid\n`);
      if (!ip.ctx.sys.processes().some((p) => p.pid === Number(pid))) return fail1(ip, 'Cannot open network namespace: No such file or directory\n');
    }
    // netns_identify_pid: the last name under /run/netns bound to the process's namespace
    const r = await netnsCall(ip, pid === undefined ? { kind: 'identify' } : { kind: 'identify', pid: Number(pid) });
    const mine = new Set(r.ok ? r.names : []);
    ip.out(`${(await names(ip)).filter((n) => mine.has(n)).pop() ?? ''}\n`);
    return 0;
  }
  if (matches(cmd, 'pids')) {
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (args.length > 1) return fail1(ip, 'extra arguments specified\n');
    try {
      await ip.ctx.sys.stat(`${RUN_DIR}/${args[0]}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail1(ip, `Cannot open network namespace: ${strerror(e.errno)}\n`);
    }
    const r = await netnsCall(ip, { kind: 'pids', name: args[0] });
    for (const p of (r.ok ? r.pids : undefined) ?? []) ip.out(`${p}\n`);
    return 0;
  }
  if (matches(cmd, 'exec')) {
    if (ip.opts.all) return args.length < 1 ? fail1(ip, 'No command specified\n') : execAll(ip, args);
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (args.length < 2) return fail1(ip, 'No command specified\n');
    return exec(ip, args[0]!, args.slice(1));
  }
  // netns_monitor: it waits for namespaces to come and go; none ever does
  if (matches(cmd, 'monitor')) return 0;
  return ip.fail(`Command "${cmd}" is unknown, try "ip netns help".\n`);
}
