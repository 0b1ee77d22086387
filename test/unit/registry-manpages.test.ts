// Every program in the registry has a manual page, every page's NAME line names the page,
// and every program whose spec has --help text answers --help (status 0) and rejects an
// unknown long option with its real tool's message and a failure status. A program added
// later without a page makes the first test fail with the list of those missing.
import { describe, expect, it } from 'vitest';
import { nameLine, pageIndex } from '../../src/programs/man/catalog';
import { programs } from '../../src/programs/registry';
import { newMachine, sh } from './programs/helpers';

/** Programs documented on another program's page (the real pages are .so links). */
const SHARED_PAGE: Record<string, string> = {
  '[': 'test',
  egrep: 'grep',
  fgrep: 'grep',
  gunzip: 'gzip',
  zcat: 'gzip',
  awk: 'gawk',
  pkill: 'pgrep',
  // iptables, ip6tables and their -save/-restore commands are links to xtables-nft-multi
  'xtables-nft-multi': 'iptables',
  // tdnf is also installed as yum, tyum and tdnfj; ncat as nc
  yum: 'tdnf',
  tyum: 'tdnf',
  tdnfj: 'tdnf',
  nc: 'ncat',
};

/** What `NAME --no-such-option` does when it is not GNU getopt's error (status 1 or more). */
const UNKNOWN_OPTION: Record<string, { stdout: string; stderr: string; failed: boolean }> = {
  stty: { stdout: '', stderr: "stty: invalid argument '--no-such-option'", failed: true },
  // coreutils printf and expr know only a lone --help or --version: anything else is data
  printf: { stdout: '--no-such-option', stderr: '', failed: false },
  expr: { stdout: '--no-such-option\n', stderr: '', failed: false },
};

/** Programs that exist only inside container images (which ship no manual pages). */
const CONTAINER_ONLY = ['hello', 'busybox', 'toybox', 'gosu', 'envsubst', 'redis-server', 'redis-cli', 'httpd', 'python3'];

/** Programs whose package ships no manual page: toybox's hostname, nginx, and docker's (its pages are in docker-doc). */
// vim: Photon's man pages for vim ship in vim-extra, not in the minimal install's vim package
const NO_PAGE = new Set(['hostname', 'docker-proxy', 'nginx', 'docker', 'vim', ...CONTAINER_ONLY]);

function pageNames(): Set<string> {
  return new Set([...pageIndex.keys()].map((k) => k.slice(0, k.lastIndexOf('.'))));
}

describe('manual pages of the registered programs', () => {
  it('has a page for every program', () => {
    const names = pageNames();
    const missing = [...programs.keys()].filter((p) => !names.has(p) && !names.has(SHARED_PAGE[p] ?? '') && !NO_PAGE.has(p)).sort();
    expect(missing, `programs without a manual page (add one to an index in src/programs/man/pages): ${missing.join(' ')}`).toEqual([]);
  });

  it('names each page in its NAME line', async () => {
    const wrong: string[] = [];
    for (const [key, load] of pageIndex) {
      const name = key.slice(0, key.lastIndexOf('.'));
      const line = nameLine((await load()).default);
      if (!line || !(line.names.includes(name) || line.names.includes(SHARED_PAGE[name] ?? ''))) wrong.push(`${key}: ${line ? line.names.join(', ') : 'no NAME line'}`);
    }
    expect(wrong, 'pages whose NAME line does not name them').toEqual([]);
  });
});

describe('--help and unknown options', { timeout: 120_000 }, () => {
  it('answers --help with status 0 and rejects --no-such-option as the real tool does', async () => {
    const machine = newMachine();
    const problems: string[] = [];
    for (const entry of programs.values()) {
      const p = await entry.load();
      if (p.help === undefined) continue;
      // env runs the program itself (not a shell builtin), found through PATH as typed
      const help = await sh(machine, `env '${entry.name}' --help`);
      if (help.exit !== 0 || help.stdout === '' || help.stderr !== '') problems.push(`${entry.name} --help: status ${help.exit}, stderr ${JSON.stringify(help.stderr)}`);
      const bad = await sh(machine, `env '${entry.name}' --no-such-option`);
      const got = { stdout: bad.stdout, stderr: bad.stderr.split('\n')[0], failed: bad.exit !== 0 };
      const want = UNKNOWN_OPTION[entry.name] ?? { stdout: '', stderr: `${entry.name}: unrecognized option '--no-such-option'`, failed: true };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${entry.name} --no-such-option: ${JSON.stringify(got)}`);
    }
    expect(problems).toEqual([]);
  });
});
