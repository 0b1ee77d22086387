// repolist, clean and makecache (tools/cli/lib/api.c, client/api.c TDNFClean / TDNFRepoList).
import { E, TdnfError } from './errors';
import { removeTree } from './metadata';
import { padEnd } from './output';
import type { Session } from './session';

export async function cmdRepolist(session: Session): Promise<void> {
  const which = session.args.cmds[1] ?? 'enabled';
  const filter = ['all', 'enabled', 'disabled'].includes(which) ? which : undefined;
  if (!filter) throw new TdnfError(E.CLI_INVALID_ARGUMENT);
  // the @cmdline repository (packages given as .rpm files) is always there, disabled
  const all = [{ id: '@cmdline', name: '@cmdline', enabled: false }, ...session.repos];
  const shown = all.filter((r) => filter === 'all' || (filter === 'enabled') === r.enabled);
  const out = session.out;
  if (out.json) {
    await out.jsonOut(shown.map((r) => ({ Repo: r.id, RepoName: r.name, Enabled: r.enabled })));
    return;
  }
  if (shown.length === 0) return;
  await out.crit(`${padEnd('repo id', 20)}${padEnd('repo name', 41)}${padEnd('status', 9)}\n`);
  for (const r of shown) await out.crit(`${padEnd(r.id, 19)} ${padEnd(r.name, 40)} ${padEnd(r.enabled ? 'enabled' : 'disabled', 9)}\n`);
}

const CLEAN_TYPES: Readonly<Record<string, string[]>> = {
  packages: ['packages'],
  metadata: ['metadata'],
  dbcache: ['dbcache'],
  keys: ['keys'],
  'expire-cache': ['expire-cache'],
  all: ['metadata', 'dbcache', 'packages', 'keys', 'expire-cache'],
};

const CLEAN_PATHS: Readonly<Record<string, string>> = {
  metadata: 'repodata', dbcache: 'solvcache', packages: 'rpms', keys: 'keys', 'expire-cache': 'lastrefresh',
};

export async function cmdClean(session: Session): Promise<void> {
  const type = session.args.cmds[1];
  if (type === undefined) throw new TdnfError(E.CLI_CLEAN_REQUIRES_OPTION);
  const lower = type.toLowerCase();
  if (lower === 'plugins') throw new TdnfError(E.CLEAN_UNSUPPORTED);
  const parts = CLEAN_TYPES[lower];
  if (!parts) throw new TdnfError(901);
  const out = session.out;
  for (const repo of session.repos) {
    const dir = `${session.conf.cachedir}/${repo.id}`;
    await out.info(`cleaning ${repo.id}:`);
    for (const p of parts) {
      await out.info(` ${p}`);
      await removeTree(session.sys, `${dir}/${CLEAN_PATHS[p]}`).catch(() => undefined);
    }
    // the repo's cache directory goes too once it is empty
    try {
      if ((await session.sys.readdir(dir)).length === 0) await session.sys.rmdir(dir);
      else if (lower === 'all') await out.err(`Cache directory for ${repo.id} not removed because it's not empty.\n`);
    } catch {
      // no cache directory for this repo
    }
    await out.info('\n');
  }
  await out.info('Done.\n');
}

export async function cmdMakecache(session: Session): Promise<void> {
  session.args.opts.set('refresh', ['1']);
  await session.refresh();
  await session.out.crit('Metadata cache created.\n');
}
