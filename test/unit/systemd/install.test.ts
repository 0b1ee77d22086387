// The unit-file install logic (a port of systemd 253's src/shared/install.c) on an in-memory
// file system: the changes each operation reports, its result, and the states afterwards. The
// expectations were checked against the real systemctl 252 with --root.
import { describe, expect, it } from 'vitest';
import { InstallEnv, InstallFailure, type InstallChange, type InstallResult } from '../../../src/shared/systemd/install-types';
import { SYSTEM_LOOKUP_PATHS } from '../../../src/shared/systemd/lookup-paths';
import {
  unitFileAddDependency, unitFileDisable, unitFileEnable, unitFileGetDefault, unitFileLink, unitFileMask, unitFileReenable,
  unitFileRevert, unitFileSetDefault, unitFileUnmask,
} from '../../../src/shared/systemd/install-ops';
import { unitFileGetList, unitFileLookupState } from '../../../src/shared/systemd/install-state';
import { parsePresetText, queryPreset, unitFilePreset, unitFilePresetAll, type Presets } from '../../../src/shared/systemd/presets';
import { MemFs } from './mem-fs';

const E = '/etc/systemd/system';
const U = '/usr/lib/systemd/system';
const svc = (install: string): string => `[Service]\nExecStart=/usr/bin/true\n${install ? `\n[Install]\n${install}\n` : ''}`;

function baseFs(): MemFs {
  return new MemFs()
    .write(`${U}/multi-user.target`, '[Unit]\nDescription=Multi-User System\n')
    .write(`${U}/sockets.target`, '[Unit]\nDescription=Sockets\n')
    .write(`${U}/timers.target`, '[Unit]\nDescription=Timers\n')
    .write(`${U}/network-online.target`, '[Unit]\nDescription=Network is Online\n')
    .write(`${U}/graphical.target`, '[Unit]\nDescription=Graphical\n')
    .link(`${U}/default.target`, 'multi-user.target')
    .write(`${U}/sshd.service`, svc('WantedBy=multi-user.target'))
    .link(`${E}/multi-user.target.wants/sshd.service`, `${U}/sshd.service`)
    .write(`${U}/docker.service`, svc('WantedBy=multi-user.target'))
    .write(`${U}/docker.socket`, '[Socket]\nListenStream=/run/docker.sock\n\n[Install]\nWantedBy=sockets.target\n')
    .write('/usr/lib/systemd/system-preset/50-docker.preset', 'disable docker.service\n');
}

function show(changes: InstallChange[]): string[] {
  return changes.map((c) => (c.type === 'error' ? `error ${c.errno} ${c.path}${c.source ? ` ${c.source}` : ''}` : `${c.type} ${c.path}${c.source ? ` ${c.source}` : ''}`));
}

function res(r: InstallResult): string | number {
  return r instanceof InstallFailure ? r.errno : r;
}

interface Case {
  name: string;
  setup?: (fs: MemFs) => void;
  run: (env: InstallEnv) => Promise<InstallResult>;
  changes: string[];
  result: string | number;
  states?: Record<string, string>;
  /** The order follows readdir(): compare sorted. */
  sorted?: boolean;
}

const cases: Case[] = [
  {
    name: 'enable creates the WantedBy link',
    run: (env) => unitFileEnable(env, {}, ['docker.service']),
    changes: [`symlink ${E}/multi-user.target.wants/docker.service ${U}/docker.service`],
    result: 1,
    states: { 'docker.service': 'enabled', 'docker.socket': 'disabled' },
  },
  {
    name: 'enable of an enabled unit changes nothing',
    run: (env) => unitFileEnable(env, {}, ['sshd.service']),
    changes: [],
    result: 1,
  },
  {
    name: 'alias, wants and requires links in that order',
    setup: (fs) => fs.write(`${E}/api.service`, svc('WantedBy=multi-user.target\nRequiredBy=network-online.target\nAlias=api-server.service')),
    run: (env) => unitFileEnable(env, {}, ['api.service']),
    changes: [
      `symlink ${E}/api-server.service ${E}/api.service`,
      `symlink ${E}/multi-user.target.wants/api.service ${E}/api.service`,
      `symlink ${E}/network-online.target.requires/api.service ${E}/api.service`,
    ],
    result: 1,
    states: { 'api.service': 'enabled', 'api-server.service': 'alias' },
  },
  {
    name: 'a unit without [Install] carries no install info',
    setup: (fs) => fs.write(`${E}/st.service`, svc('')),
    run: (env) => unitFileEnable(env, {}, ['st.service']),
    changes: [],
    result: 0,
    states: { 'st.service': 'static' },
  },
  {
    name: 'a masked unit cannot be enabled',
    setup: (fs) => fs.link(`${E}/docker.service`, '/dev/null'),
    run: (env) => unitFileEnable(env, {}, ['docker.service']),
    changes: [`error ERFKILL ${E}/docker.service`],
    result: 'ERFKILL',
    states: { 'docker.service': 'masked' },
  },
  {
    name: 'a missing unit is ENOENT',
    run: (env) => unitFileEnable(env, {}, ['nosuch.service']),
    changes: ['error ENOENT nosuch.service'],
    result: 'ENOENT',
  },
  {
    name: 'Also= enables the other unit; a missing one is an auxiliary failure',
    setup: (fs) => fs.write(`${E}/b.service`, svc('Also=docker.socket missing.service')),
    run: (env) => unitFileEnable(env, {}, ['b.service']),
    changes: [`symlink ${E}/sockets.target.wants/docker.socket ${U}/docker.socket`, 'auxiliary-failed missing.service'],
    result: 1,
    states: { 'b.service': 'indirect', 'docker.socket': 'enabled' },
  },
  {
    name: 'WantedBy a target that does not exist still links, with a notice',
    setup: (fs) => fs.write(`${E}/odd.service`, svc('WantedBy=nosuch.target')),
    run: (env) => unitFileEnable(env, {}, ['odd.service']),
    changes: [`symlink ${E}/nosuch.target.wants/odd.service ${E}/odd.service`, `destination-not-present nosuch.target ${E}/odd.service`],
    result: 1,
  },
  {
    name: 'a template without DefaultInstance cannot be wanted by a plain target',
    setup: (fs) => fs.write(`${E}/job@.service`, svc('WantedBy=multi-user.target')),
    run: (env) => unitFileEnable(env, {}, ['job@.service']),
    changes: ['error EIDRM multi-user.target job@.service'],
    result: 'EIDRM',
    states: { 'job@.service': 'disabled', 'job@x.service': 'disabled' },
  },
  {
    name: 'a template with DefaultInstance links the default instance',
    setup: (fs) => fs.write(`${E}/w@.service`, svc('WantedBy=multi-user.target\nDefaultInstance=main')),
    run: (env) => unitFileEnable(env, {}, ['w@.service']),
    changes: [`symlink ${E}/multi-user.target.wants/w@main.service ${E}/w@.service`],
    result: 1,
    states: { 'w@.service': 'enabled', 'w@main.service': 'enabled', 'w@other.service': 'disabled' },
  },
  {
    name: 'disable removes every link to the unit, including aliases',
    setup: (fs) => fs.write(`${E}/api.service`, svc('WantedBy=multi-user.target\nAlias=api2.service')).link(`${E}/api2.service`, `${E}/api.service`).link(`${E}/multi-user.target.wants/api.service`, `${E}/api.service`),
    run: (env) => unitFileDisable(env, {}, ['api.service']),
    changes: [`unlink ${E}/api2.service`, `unlink ${E}/multi-user.target.wants/api.service`],
    sorted: true,
    result: 1,
    states: { 'api.service': 'disabled' },
  },
  {
    name: 'disable of a missing unit records ENOENT but succeeds',
    run: (env) => unitFileDisable(env, {}, ['nosuch.service']),
    changes: ['error ENOENT nosuch.service'],
    result: 0,
  },
  {
    name: 'mask and unmask',
    run: async (env) => {
      await unitFileMask(env, {}, ['sshd.service']);
      return unitFileUnmask(env, {}, ['sshd.service']);
    },
    changes: [`symlink ${E}/sshd.service /dev/null`, `unlink ${E}/sshd.service`],
    result: 0,
    states: { 'sshd.service': 'enabled' },
  },
  {
    name: 'mask --runtime goes to /run',
    run: (env) => unitFileMask(env, { runtime: true }, ['docker.service']),
    changes: ['symlink /run/systemd/system/docker.service /dev/null'],
    result: 0,
    states: { 'docker.service': 'masked-runtime' },
  },
  {
    name: 'mask refuses to replace a real file',
    setup: (fs) => fs.write(`${E}/local.service`, svc('')),
    run: (env) => unitFileMask(env, { force: true }, ['local.service']),
    changes: [`error EEXIST ${E}/local.service`],
    result: 'EEXIST',
  },
  {
    name: 'link a unit from outside the search path',
    setup: (fs) => fs.write('/opt/lab/x.service', svc('WantedBy=multi-user.target')),
    run: (env) => unitFileLink(env, {}, ['/opt/lab/x.service']),
    changes: [`symlink ${E}/x.service /opt/lab/x.service`],
    result: 0,
    states: { 'x.service': 'linked' },
  },
  {
    name: 'link of a vendor unit file links it into /etc under its own name (252 with --root)',
    run: (env) => unitFileLink(env, {}, [`${U}/sshd.service`]),
    changes: [`symlink ${E}/sshd.service ${U}/sshd.service`],
    result: 0,
  },
  {
    name: 'link of a file in /etc itself: it already exists',
    setup: (fs) => fs.write(`${E}/local.service`, svc('')),
    run: (env) => unitFileLink(env, {}, [`${E}/local.service`]),
    changes: [`error EEXIST ${E}/local.service`],
    result: 'EEXIST',
  },
  {
    name: 'reenable recreates the links',
    run: (env) => unitFileReenable(env, {}, ['sshd.service']),
    changes: [`unlink ${E}/multi-user.target.wants/sshd.service`, `symlink ${E}/multi-user.target.wants/sshd.service ${U}/sshd.service`],
    result: 1,
  },
  {
    name: 'add-wants links a static unit',
    setup: (fs) => fs.write(`${E}/c.service`, svc('')),
    run: (env) => unitFileAddDependency(env, {}, ['c.service'], 'multi-user.target', 'wants'),
    changes: [`symlink ${E}/multi-user.target.wants/c.service ${E}/c.service`],
    result: 1,
    states: { 'c.service': 'enabled' },
  },
  {
    name: 'set-default replaces default.target',
    setup: (fs) => fs.link(`${E}/default.target`, `${U}/multi-user.target`),
    run: (env) => unitFileSetDefault(env, 'graphical.target'),
    changes: [`unlink ${E}/default.target`, `symlink ${E}/default.target ${U}/graphical.target`],
    result: 1,
  },
  {
    name: 'set-default only takes targets',
    run: (env) => unitFileSetDefault(env, 'sshd.service'),
    changes: [],
    result: 'EINVAL',
  },
  {
    name: 'revert drops drop-ins and the /etc copy of a vendor unit',
    setup: (fs) => fs.write(`${E}/sshd.service.d/o.conf`, '[Service]\nRestart=always\n').write(`${E}/sshd.service`, svc('WantedBy=multi-user.target')),
    run: (env) => unitFileRevert(env, ['sshd.service']),
    changes: [`unlink ${E}/sshd.service.d/o.conf`, `unlink ${E}/sshd.service.d`, `unlink ${E}/sshd.service`],
    result: 0,
    states: { 'sshd.service': 'enabled' },
  },
  {
    name: 'preset follows the preset files (no rule: enable)',
    run: (env) => unitFilePreset(env, {}, ['docker.service', 'docker.socket']),
    changes: [`symlink ${E}/sockets.target.wants/docker.socket ${U}/docker.socket`],
    result: 1,
    states: { 'docker.service': 'disabled', 'docker.socket': 'enabled' },
  },
  {
    name: 'preset-all in enable-only mode never disables',
    setup: (fs) => fs.link(`${E}/multi-user.target.wants/docker.service`, `${U}/docker.service`),
    run: (env) => unitFilePresetAll(env, {}, 'enable-only'),
    changes: [`symlink ${E}/sockets.target.wants/docker.socket ${U}/docker.socket`],
    result: 2,
    states: { 'docker.service': 'enabled' },
  },
];

describe('install logic', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const fs = baseFs();
      c.setup?.(fs);
      const env = new InstallEnv(fs, SYSTEM_LOOKUP_PATHS);
      const r = await c.run(env);
      expect(c.sorted ? show(env.changes).sort() : show(env.changes)).toEqual(c.changes);
      expect(res(r)).toBe(c.result);
      for (const [name, state] of Object.entries(c.states ?? {})) {
        expect(await unitFileLookupState(new InstallEnv(fs, SYSTEM_LOOKUP_PATHS), name), name).toBe(state);
      }
    });
  }

  it('reports not-found, alias and the default target', async () => {
    const env = new InstallEnv(baseFs(), SYSTEM_LOOKUP_PATHS);
    expect(res((await unitFileLookupState(env, 'nosuch.service')) as InstallResult)).toBe('ENOENT');
    expect(await unitFileLookupState(env, 'default.target')).toBe('alias');
    expect(await unitFileGetDefault(env)).toBe('multi-user.target');
  });

  it('lists unit files with states and patterns', async () => {
    const env = new InstallEnv(baseFs(), SYSTEM_LOOKUP_PATHS);
    const list = await unitFileGetList(env, [], ['docker*', 'sshd.service']);
    expect([...list.entries()].map(([n, e]) => `${n} ${e.state}`).sort()).toEqual(['docker.service disabled', 'docker.socket disabled', 'sshd.service enabled']);
    const enabled = await unitFileGetList(env, ['enabled']);
    expect([...enabled.keys()]).toEqual(['sshd.service']);
  });
});

describe('preset rules', () => {
  const presets: Presets = { rules: [], warnings: [] };
  parsePresetText('# c\nenable getty@.service tty2 tty3\ndisable docker.*\nenable *\nbogus line\n', '/x.preset', presets);
  it.each([
    ['docker.service', false],
    ['sshd.service', true],
    ['getty@tty2.service', true],
  ])('%s -> %s', (name, enable) => {
    expect(queryPreset(name, presets).enable).toBe(enable);
  });
  it('expands template instances for the preset verb', () => {
    expect(queryPreset('getty@.service', presets, true).instances).toEqual(['getty@tty2.service', 'getty@tty3.service']);
    expect(presets.warnings).toEqual(["/x.preset:5: Couldn't parse line 'bogus line'. Ignoring."]);
  });
});
