// tdnf and docker: verbs, subcommands and options. Package, container and image names come
// from the hooks below, which answer nothing yet: they are where the package database and
// the docker engine are to be wired in.
import type { Sys } from '../../../../shared/sys';
import { decodeBytes } from '../../byte-text';
import { listDir, type NativeContext, type NativeReply, operands, optionBefore, registerCompletion, reply, valueWord } from '../native';

/** Package names for tdnf (installed ones for remove and friends). Not wired yet: none. */
export async function packageNames(_sys: Sys, _installed: boolean): Promise<string[]> {
  return [];
}

/** Container names for docker. Not wired yet: none. */
export async function containerNames(_sys: Sys): Promise<string[]> {
  return [];
}

/** Image names for docker. Not wired yet: none. */
export async function imageNames(_sys: Sys): Promise<string[]> {
  return [];
}

/** Repository ids: the [sections] of /etc/yum.repos.d/*.repo. */
async function repoIds(sys: Sys): Promise<string[]> {
  const ids: string[] = [];
  for (const f of await listDir(sys, '/etc/yum.repos.d')) {
    if (!f.endsWith('.repo')) continue;
    try {
      for (const m of decodeBytes(await sys.readFile(`/etc/yum.repos.d/${f}`)).matchAll(/^\s*\[([^\]]+)\]/gm)) ids.push(m[1]!);
    } catch {
      // unreadable
    }
  }
  return ids.sort();
}

// ------------------------------------------------------------------ tdnf

const TDNF_VERBS = ['autoremove', 'check', 'check-local', 'check-update', 'clean', 'count', 'distro-sync', 'downgrade', 'erase', 'help', 'history', 'info', 'install', 'list', 'makecache', 'mark', 'provides', 'reinstall', 'remove', 'repolist', 'repoquery', 'reposync', 'search', 'update', 'update-to', 'updateinfo', 'upgrade', 'upgrade-to', 'whatprovides'];
const TDNF_FLAGS = ['--allowerasing', '--assumeno', '--assumeyes', '-y', '--best', '--cacheonly', '-C', '--debugsolver', '--disableexcludes', '--downloadonly', '--help', '-h', '--json', '-j', '--noautoremove', '--nogpgcheck', '--noplugins', '--quiet', '-q', '--refresh', '--security', '--skipconflicts', '--skipdigest', '--skipobsoletes', '--skipsignature', '--testonly', '--verbose', '-v', '--version'];
const TDNF_ARG_OPTS = ['--config', '-c', '--disablerepo', '--enablerepo', '--repo', '--repoid', '--disableplugin', '--enableplugin', '--downloaddir', '--exclude', '--installroot', '--releasever', '--rpmverbosity', '--sec-severity', '--setopt'];
const INSTALLED_VERBS = new Set(['remove', 'erase', 'reinstall', 'downgrade', 'update', 'upgrade', 'mark']);

async function tdnf(ctx: NativeContext): Promise<NativeReply> {
  const opt = optionBefore(ctx);
  if (opt !== undefined && TDNF_ARG_OPTS.includes(opt)) {
    const v = valueWord(ctx);
    switch (opt) {
      case '--enablerepo':
      case '--disablerepo':
      case '--repo':
      case '--repoid': return reply(v, await repoIds(ctx.sys));
      case '--config':
      case '-c':
      case '--downloaddir':
      case '--installroot': return { words: [], files: true };
      case '--rpmverbosity': return reply(v, ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug']);
      case '--sec-severity': return reply(v, ['Critical', 'Important', 'Moderate', 'Low']);
      default: return { words: [] };
    }
  }
  if (ctx.cur.startsWith('-')) return reply(ctx.cur, [...TDNF_FLAGS, ...TDNF_ARG_OPTS.filter((o) => o.startsWith('--')).map((o) => `${o}=`)].sort());
  const args = operands(ctx, (o) => TDNF_ARG_OPTS.includes(o));
  const verb = args[0];
  if (verb === undefined) return reply(ctx.cur, TDNF_VERBS);
  switch (verb) {
    case 'clean': return args.length === 1 ? reply(ctx.cur, ['all', 'dbcache', 'expire-cache', 'keys', 'metadata', 'packages', 'plugins']) : { words: [] };
    case 'history': return args.length === 1 ? reply(ctx.cur, ['init', 'list', 'redo', 'rollback', 'undo', 'update']) : { words: [] };
    case 'mark': return args.length === 1 ? reply(ctx.cur, ['install', 'remove']) : reply(ctx.cur, await packageNames(ctx.sys, true));
    case 'list':
    case 'info':
    case 'updateinfo':
      return reply(ctx.cur, [...(args.length === 1 ? ['all', 'available', 'installed', 'extras', 'obsoletes', 'recent', 'upgrades', 'updates', 'downgrades'] : []), ...(await packageNames(ctx.sys, false))]);
    case 'repolist': return args.length === 1 ? reply(ctx.cur, ['all', 'enabled', 'disabled']) : { words: [] };
    case 'help': return args.length === 1 ? reply(ctx.cur, TDNF_VERBS) : { words: [] };
    case 'provides':
    case 'whatprovides': return { words: [], files: true };
    default: return reply(ctx.cur, await packageNames(ctx.sys, INSTALLED_VERBS.has(verb)));
  }
}

registerCompletion('tdnf', tdnf);

// ------------------------------------------------------------------ docker

const DOCKER_COMMANDS = ['attach', 'build', 'builder', 'commit', 'config', 'container', 'context', 'cp', 'create', 'diff', 'events', 'exec', 'export', 'history', 'image', 'images', 'import', 'info', 'inspect', 'kill', 'load', 'login', 'logout', 'logs', 'manifest', 'network', 'node', 'pause', 'plugin', 'port', 'ps', 'pull', 'push', 'rename', 'restart', 'rm', 'rmi', 'run', 'save', 'search', 'secret', 'service', 'stack', 'start', 'stats', 'stop', 'swarm', 'system', 'tag', 'top', 'trust', 'unpause', 'update', 'version', 'volume', 'wait'];
const DOCKER_MANAGEMENT: Record<string, string[]> = {
  container: ['attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'inspect', 'kill', 'logs', 'ls', 'pause', 'port', 'prune', 'rename', 'restart', 'rm', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait'],
  image: ['build', 'history', 'import', 'inspect', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'],
  network: ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'],
  volume: ['create', 'inspect', 'ls', 'prune', 'rm'],
  system: ['df', 'events', 'info', 'prune'],
  builder: ['build', 'prune'],
  context: ['create', 'export', 'import', 'inspect', 'ls', 'rm', 'update', 'use'],
  plugin: ['create', 'disable', 'enable', 'inspect', 'install', 'ls', 'push', 'rm', 'set', 'upgrade'],
  manifest: ['annotate', 'create', 'inspect', 'push', 'rm'],
  trust: ['inspect', 'key', 'revoke', 'sign', 'signer'],
  swarm: ['ca', 'init', 'join', 'join-token', 'leave', 'unlock', 'unlock-key', 'update'],
  config: ['create', 'inspect', 'ls', 'rm'],
  secret: ['create', 'inspect', 'ls', 'rm'],
  node: ['demote', 'inspect', 'ls', 'promote', 'ps', 'rm', 'update'],
  service: ['create', 'inspect', 'logs', 'ls', 'ps', 'rm', 'rollback', 'scale', 'update'],
  stack: ['config', 'deploy', 'ls', 'ps', 'rm', 'services'],
};
const DOCKER_GLOBAL = ['--config', '--context', '-c', '--debug', '-D', '--help', '--host', '-H', '--log-level', '-l', '--tls', '--tlscacert', '--tlscert', '--tlskey', '--tlsverify', '--version', '-v'];
const CONTAINER_CMDS = new Set(['attach', 'commit', 'diff', 'exec', 'export', 'inspect', 'kill', 'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait']);
const IMAGE_CMDS = new Set(['rmi', 'history', 'push', 'save', 'tag', 'run', 'create']);

async function docker(ctx: NativeContext): Promise<NativeReply> {
  const args = operands(ctx, (o) => ['--config', '--context', '-c', '--host', '-H', '--log-level', '-l', '--tlscacert', '--tlscert', '--tlskey'].includes(o));
  const opt = optionBefore(ctx);
  if (args.length === 0 && (opt === '--log-level' || opt === '-l')) return reply(valueWord(ctx), ['debug', 'info', 'warn', 'error', 'fatal']);
  if (ctx.cur.startsWith('-')) return reply(ctx.cur, args.length === 0 ? DOCKER_GLOBAL : ['--help']);
  if (args.length === 0) return reply(ctx.cur, DOCKER_COMMANDS);
  let cmd = args[0]!;
  let rest = args.length - 1;
  const sub = DOCKER_MANAGEMENT[cmd];
  if (sub) {
    if (rest === 0) return reply(ctx.cur, sub);
    cmd = cmd === 'image' && args[1] !== 'ls' ? `image-${args[1]}` : args[1]!;
    rest--;
  }
  if (CONTAINER_CMDS.has(cmd)) return reply(ctx.cur, await containerNames(ctx.sys));
  if (IMAGE_CMDS.has(cmd) || IMAGE_CMDS.has(cmd.replace(/^image-/, '')) || cmd === 'image-inspect' || cmd === 'image-rm') return rest === 0 ? reply(ctx.cur, await imageNames(ctx.sys)) : { words: [] };
  if (cmd === 'cp') return { words: [], files: true };
  return { words: [] };
}

registerCompletion('docker', docker);
