// `ip netns` (ipnetns.c). The simulated kernel offers no network namespaces to create, so
// there is never a name under /run/netns: `add` fails as unshare(CLONE_NEWNET) does on a
// kernel without them, and what needs a named namespace finds none. The argument checks and
// their messages are ip's own.
import type { Ip } from './ip-session';
import { NETNS_USAGE } from './ip-usage';
import { getInteger, matches } from './ip-util';

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
  // netns_list: nothing under /run/netns
  if (cmd === undefined) return 0;
  if (!ip.opts.all && args.length > 0 && invalidName(args[0]!)) ip.fail(`Invalid netns name "${args[0]}"\n`);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list-id')) return 0;
  if (matches(cmd, 'help')) return ip.fail(NETNS_USAGE);
  if (matches(cmd, 'add') || matches(cmd, 'attach')) {
    if (matches(cmd, 'add') && args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (matches(cmd, 'attach')) {
      if (args.length < 2) return fail1(ip, 'No netns name and PID specified\n');
      if (getInteger(args[1]!) === null) return fail1(ip, `Invalid PID: ${args[1]}\n`);
    }
    return fail1(ip, `Failed to create a new network namespace "${args[0]}": Invalid argument\n`);
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
    return fail1(ip, `Cannot open network namespace "${args[0]}": No such file or directory\n`);
  }
  if (matches(cmd, 'delete')) {
    if (ip.opts.all) return 0;
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    return fail1(ip, `Cannot remove namespace file "/run/netns/${args[0]}": No such file or directory\n`);
  }
  if (matches(cmd, 'identify')) {
    if (args.length > 1) return fail1(ip, 'extra arguments specified\n');
    const pid = args[0];
    if (pid !== undefined) {
      if (!/^\d+$/.test(pid)) return fail1(ip, `Specified string '${pid}' is not a pid\n`);
      if (!ip.ctx.sys.processes().some((p) => p.pid === Number(pid))) return fail1(ip, 'Cannot open network namespace: No such file or directory\n');
    }
    // the namespace has no name under /run/netns: an empty one
    ip.out('\n');
    return 0;
  }
  if (matches(cmd, 'pids')) {
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (args.length > 1) return fail1(ip, 'extra arguments specified\n');
    return fail1(ip, 'Cannot open network namespace: No such file or directory\n');
  }
  if (matches(cmd, 'exec')) {
    if (ip.opts.all) return args.length < 1 ? fail1(ip, 'No command specified\n') : 0;
    if (args.length < 1) return fail1(ip, 'No netns name specified\n');
    if (args.length < 2) return fail1(ip, 'No command specified\n');
    // the child's netns_switch fails and it exits with -1
    return ip.fail(`Cannot open network namespace "${args[0]}": No such file or directory\n`);
  }
  // netns_monitor: it waits for namespaces to come and go; none ever does
  if (matches(cmd, 'monitor')) return 0;
  return ip.fail(`Command "${cmd}" is unknown, try "ip netns help".\n`);
}
