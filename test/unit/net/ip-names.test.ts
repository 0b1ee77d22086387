// ip's name tables: built-in names, what the machine's /etc/iproute2 files add (rt_tables and
// rt_tables.d/*.conf, rt_protos, rt_scopes, rt_dsfield, group), and the complaint a malformed
// line gets, made only when a name is looked up.
import { describe, expect, it } from 'vitest';
import type { Sys } from '../../../src/shared/sys';
import { dsfieldA2n, dsfieldN2a, groupN2a, loadNameFiles, protoA2n, protoN2a, scopeN2a, tableA2n, tableN2a } from '../../../src/programs/iproute/ip-names';

function fakeSys(files: Record<string, string>): Sys {
  const enc = new TextEncoder();
  return {
    readFile: async (p: string) => {
      if (!(p in files)) throw new Error('ENOENT');
      return enc.encode(files[p]);
    },
    readdir: async (d: string) => {
      const names = Object.keys(files).filter((p) => p.startsWith(`${d}/`)).map((p) => p.slice(d.length + 1));
      if (names.length === 0) throw new Error('ENOENT');
      return names;
    },
  } as unknown as Sys;
}

describe('ip name files', () => {
  it('keeps the built-in names without files', async () => {
    await loadNameFiles(fakeSys({}), () => {});
    expect([tableN2a(254, false), tableN2a(100, false), protoN2a(4, false), scopeN2a(253, false), groupN2a(0, false)]).toEqual(['main', '100', 'static', 'link', 'default']);
    expect(tableA2n('mytab')).toBeNull();
    expect(dsfieldN2a(0x28)).toBe('0x28');
  });

  it('takes names from the files both ways', async () => {
    const err: string[] = [];
    await loadNameFiles(fakeSys({
      '/etc/iproute2/rt_tables': '255\tlocal\n254 main\n# c\n100 mytab\n0x65 hextab\n',
      '/etc/iproute2/rt_tables.d/a.conf': '300 fromdir\n',
      '/etc/iproute2/rt_tables.d/b.txt': '301 ignored\n',
      '/etc/iproute2/rt_protos': '77 myproto\n',
      '/etc/iproute2/rt_dsfield': '0x28\tAF11\n',
    }), (s) => err.push(s));
    expect([tableA2n('mytab'), tableA2n('hextab'), tableA2n('fromdir'), tableA2n('ignored')]).toEqual([100, 101, 300, null]);
    expect([tableN2a(100, false), tableN2a(100, true), tableN2a(300, false)]).toEqual(['mytab', '100', 'fromdir']);
    expect([protoA2n('myproto'), protoN2a(77, false), protoA2n('bird')]).toEqual([77, 'myproto', 12]);
    expect([dsfieldA2n('AF11'), dsfieldN2a(0x28), dsfieldN2a(0x28, true)]).toEqual([0x28, 'AF11', '0x28']);
    expect(err).toEqual([]);
  });

  it('reports a malformed line once a name is needed, keeping the lines before it', async () => {
    const err: string[] = [];
    await loadNameFiles(fakeSys({ '/etc/iproute2/rt_tables': '100 a\njunk line\n200 b\n' }), (s) => err.push(s));
    expect(err).toEqual([]);
    expect([tableA2n('a'), tableA2n('b')]).toEqual([100, null]);
    expect(err).toEqual(['Database /etc/iproute2/rt_tables is corrupted at junk line\n\n']);
  });
});
