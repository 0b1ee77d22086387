// POSIX ACLs after `tdnf install acl`: getfacl and setfacl on the kernel's ACLs (vfs/acl.ts),
// checked against the real acl 2.3.1 tools. The fixtures (test/fixtures/acl) hold scripts run
// with the real tools on this project's host, as root on ext4, and their combined output; here
// the same scripts run on a fresh machine. Parts whose order follows the host's directory hash
// order (getfacl -R) were left out of the recordings.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { decodeSnapshot, encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import { runScript } from './machine-helpers';

const DIR = join(__dirname, '..', 'fixtures', 'acl');

describe('acl 2.3.1', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { title: string; script: string; output: string };
    it(`${file}: ${c.title}`, async () => {
      const m = new Machine({ clock: 'skip' });
      await runScript('tdnf -q install -y acl >/dev/null 2>&1', m);
      const r = await runScript(`exec 2>&1\n${c.script}`, m);
      expect(r.stdout).toBe(c.output);
    });
  }

  it('lets the entries decide who may read, under the mask, and keeps them across a save', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y acl >/dev/null 2>&1',
        'useradd -m ann; useradd -m bob; groupadd team; usermod -aG team bob',
        'mkdir /srv/x; echo secret > /srv/x/f; chmod 600 /srv/x/f; chmod 711 /srv/x',
        'su ann -c "cat /srv/x/f" 2>&1; setfacl -m u:ann:r /srv/x/f; su ann -c "cat /srv/x/f"',
        'setfacl -m g:team:r /srv/x/f; su bob -c "cat /srv/x/f"; setfacl -m m::- /srv/x/f; su bob -c "cat /srv/x/f" 2>&1',
        'su ann -c "echo more >> /srv/x/f" 2>&1; stat -c %a /srv/x/f',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(['cat: /srv/x/f: Permission denied', 'secret', 'secret', 'cat: /srv/x/f: Permission denied', 'bash: line 1: /srv/x/f: Permission denied', '600', ''].join('\n'));

    // a default ACL on the disk, and both kinds through a save and a restore
    await runScript('setfacl -m m::r /srv/x/f; setfacl -d -m u:ann:rwx /srv/x', m);
    const show = 'getfacl -c /srv/x/f /srv/x 2>/dev/null; touch /srv/x/new; getfacl -c /srv/x/new 2>/dev/null';
    const before = await runScript(show, m);
    const restored = new Machine({ clock: 'skip', restore: restoreSource(await decodeSnapshot(await encodeSnapshot(captureMachine(m)))) });
    await restored.booted;
    await restored.restored;
    const after = await runScript(show.replace('touch /srv/x/new', 'touch /srv/x/new2').replace('/srv/x/new ', '/srv/x/new2 '), restored);
    expect(after.stdout).toBe(before.stdout);
    expect(before.stdout).toContain('default:user:ann:rwx');
    expect(before.stdout).toContain('user:ann:r--');
  });
});
