// Saved machines through the worker's API, on fake-indexeddb (issue 10): a machine is saved and
// comes back after a "reload" (a new worker on the same store) with its files, its lesson and
// its hints; a save interrupted at any step leaves the previous snapshot loadable; a damaged
// snapshot is reported by name while the other machines still open; machines are listed,
// renamed, duplicated, deleted, exported and imported.
import 'fake-indexeddb/auto';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createKernelApi } from '../../src/kernel/worker';
import { database } from '../../src/persist/db';
import { MachineStore, type SaveStep } from '../../src/persist/machine-store';
import type { KernelApi, Result } from '../../src/shared/api';
import { Machine } from '../../src/kernel/machine';
import { encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { runScript } from './machine-helpers';

async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string | (() => string), ms = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** One browser profile: a store shared by the "page loads" made on it. */
function profile(): { store: () => Promise<MachineStore>; raw: () => Promise<MachineStore> } {
  const factory = new IDBFactory();
  const raw = async (): Promise<MachineStore> => new MachineStore(await database(factory));
  return { store: raw, raw };
}

/** A page load: a worker on the profile's store, booted, with its console text collected. */
async function load(p: ReturnType<typeof profile>): Promise<{ api: KernelApi; screen: () => string; boot: Awaited<ReturnType<KernelApi['boot']>> }> {
  let text = '';
  const api = createKernelApi({ cols: 100, rows: 30 }, { store: p.store });
  const boot = await api.boot({ cols: 100, rows: 30 }, (c) => (text += c));
  await until(() => (text.includes(']# ') ? true : undefined), 'a prompt');
  return { api, screen: () => text, boot };
}

async function typed(api: KernelApi, screen: () => string, line: string, expect: string): Promise<void> {
  const from = screen().length;
  await api.input(`${line}\r`);
  await until(() => (screen().slice(from).includes(expect) ? true : undefined), () => `"${expect}" after ${line}; screen: ${JSON.stringify(screen().slice(-300))}`);
}

describe('saved machines in the browser', () => {
  it('the first autosave waits for the boot\'s services: a reload right after it still has the firewall iptables.service loaded', async () => {
    const p = profile();
    const a = await load(p);
    // nothing typed: the save the first prompt scheduled
    await until(async () => (value(await a.api.saveStatus()).state === 'saved' ? true : undefined), 'the first autosave');
    const b = await load(p);
    expect(b.boot).toMatchObject({ ok: true, value: { restored: true } });
    // the restored machine's services start behind its prompt, then the saved rules come back
    const input = await until(async () => {
      const fw = value(await b.api.machineState()).firewall;
      const chain = fw.find((c) => c.table === 'filter' && c.chain === 'INPUT');
      return chain && chain.rules.length > 0 ? chain : undefined;
    }, 'the filter table\'s INPUT rules');
    expect(input.policy).toBe('DROP');
    expect(input.rules.map((r) => r.spec)).toContain('-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT');
  });

  it('a first visit: a command that finishes before the store has opened is saved once it opens', async () => {
    const p = profile();
    let open: () => void = () => {};
    const opened = new Promise<void>((r) => (open = r));
    let text = '';
    // resume: false, as the page says on a first visit: the store opens after the first prompt
    const api = createKernelApi({ cols: 100, rows: 30, resume: false }, { store: async () => (await opened, p.store()) });
    await api.boot({ cols: 100, rows: 30 }, (c) => (text += c));
    await until(() => (text.includes(']# ') ? true : undefined), 'a prompt');
    await typed(api, () => text, 'echo early > /root/early; echo done-$((1+1))', 'done-2');
    expect(value(await api.saveStatus()).state).toBe('unsaved');
    open();
    await until(async () => (value(await api.saveStatus()).state === 'saved' ? true : undefined), 'the save put off until the store opened');
    const b = await load(p);
    expect(b.boot).toMatchObject({ ok: true, value: { restored: true } });
    await typed(b.api, b.screen, 'cat /root/early', 'early');
  });

  it('a reload brings back the machine, the screen, the directory and the lesson with its hints', async () => {
    const p = profile();
    const a = await load(p);
    expect(a.boot).toMatchObject({ ok: true, value: { restored: false } });
    const started = value(await a.api.startLesson('filesystem'));
    expect(started?.percent).toBe(0);
    await until(() => (a.screen().includes(']# ') ? true : undefined), 'the lesson prompt');
    await typed(a.api, a.screen, 'mkdir -p /root/projects/website && cd /root/projects', '~/projects');
    value(await a.api.nextHint('report-moved'));
    const saved = value(await a.api.saveNow());
    expect(saved.state).toBe('saved');

    // the tab is closed and opened again: a new worker on the same store
    const b = await load(p);
    expect(b.boot).toMatchObject({ ok: true, value: { restored: true } });
    expect(b.screen()).toContain('mkdir -p /root/projects/website && cd /root/projects');
    // what the lesson machine showed, replayed once: no second boot log
    expect(b.screen().split('Welcome to Photon').length - 1).toBe(1);
    // then a soft reset (DECSTR), before the new shell's prompt: a replayed screen that left the
    // line-drawing character set or odd modes behind does not garble the new session
    const reset = b.screen().lastIndexOf('\x1b[!p');
    expect(reset).toBeGreaterThan(b.screen().lastIndexOf('mkdir -p /root/projects/website'));
    await until(() => (b.screen().indexOf(']# ', reset) > reset ? true : undefined), 'the new prompt after the reset');
    await typed(b.api, b.screen, 'pwd; ls -d /root/projects/website', '/root/projects/website');
    const status = value(await b.api.lessonStatus());
    expect(status?.id).toBe('filesystem');
    expect(status?.hintsUsed).toBe(1);
    expect(status?.steps[0]?.checks[0]).toMatchObject({ id: 'project-dir', passed: true });
    const list = value(await b.api.machines());
    expect(list).toHaveLength(2); // the first sandbox (saved when the lesson opened) and the lesson's
    expect(list[0]).toMatchObject({ name: 'Getting around the filesystem', lessonId: 'filesystem', current: true });
    expect(list[0]!.size).toBeGreaterThan(1000);
  });

  it('a save interrupted at any step leaves the previous snapshot in place, and it loads', async () => {
    const p = profile();
    const store = await p.raw();
    // a machine saved earlier (made here directly, so no autosave runs beside the test)
    const m = new Machine({ clock: 'skip' });
    await runScript('echo one > /root/mark', m);
    const id = 'm-test';
    await store.put({ id, name: 'Lab', lessonId: null, created: 1, lastUsed: 1, savedAt: 0, size: 0, snapshotKey: null });
    await store.save(id, await encodeSnapshot(captureMachine(m)), { savedAt: 2 });
    await store.setCurrent(id);
    const good = await store.snapshot(id);
    const steps: SaveStep[] = ['snapshot-written', 'record-updated', 'old-deleted'];
    for (const at of steps) {
      await expect(store.save(id, new Uint8Array([1, 2, 3]), { name: 'broken' }, (s) => {
        if (s === at) throw new Error(`tab closed after ${s}`);
      })).rejects.toThrow(`tab closed after ${at}`);
      expect(await store.snapshot(id)).toEqual(good);
      expect((await store.get(id))?.name).toBe('Lab');
    }
    expect(await store.sweep()).toBe(0); // nothing left behind either
    const b = await load(p);
    expect(value(b.boot).restored).toBe(true);
    await typed(b.api, b.screen, 'cat /root/mark', 'one');
  });

  it('a damaged snapshot is reported by name, a fresh machine starts, and the other machines open', async () => {
    const p = profile();
    const a = await load(p);
    await typed(a.api, a.screen, 'echo keep > /root/keep', ']# ');
    value(await a.api.saveNow());
    const keepId = value(await a.api.machines())[0]!.id;
    value(await a.api.startLesson(null)); // a second sandbox
    await typed(a.api, a.screen, 'echo doomed > /root/doomed', ']# ');
    value(await a.api.saveNow());
    const list = value(await a.api.machines());
    const doomed = list.find((m) => m.current)!;
    // the browser's copy of the current machine gets corrupted
    const store = await p.raw();
    const rec = (await store.get(doomed.id))!;
    const bytes = (await store.snapshot(doomed.id))!;
    await store.save(doomed.id, bytes.subarray(0, 100), { savedAt: rec.savedAt });

    const b = await load(p);
    const boot = value(b.boot);
    expect(boot.restored).toBe(false);
    expect(boot.problem).toBe(`the machine “${doomed.name}” cannot be opened: the saved machine is damaged (its header is cut short)`);
    const after = value(await b.api.machines());
    expect(after.find((m) => m.id === doomed.id)?.damaged).toBe('the saved machine is damaged (its header is cut short)');
    value(await b.api.openMachine(keepId));
    await typed(b.api, b.screen, 'cat /root/keep', 'keep');
  });

  it('renames, duplicates, exports, imports and deletes machines', async () => {
    const p = profile();
    const a = await load(p);
    await typed(a.api, a.screen, 'echo exported > /root/file', ']# ');
    value(await a.api.saveNow());
    const [first] = value(await a.api.machines());
    value(await a.api.renameMachine(first!.id, '  Week 1 lab  '));
    expect(value(await a.api.machines())[0]!.name).toBe('Week 1 lab');
    const copy = value(await a.api.duplicateMachine(first!.id));
    expect(copy.name).toBe('Week 1 lab (copy)');
    const file = value(await a.api.exportMachine(first!.id, 'Ada Lovelace'));
    expect(file.name).toBe('Week 1 lab');
    expect([file.bytes[0], file.bytes[1]]).toEqual([0x1f, 0x8b]);
    expect((await a.api.deleteMachine(first!.id)).ok).toBe(false); // the console's machine
    value(await a.api.deleteMachine(copy.id));
    expect(value(await a.api.machines()).map((m) => m.name)).toEqual(['Week 1 lab']);

    // another browser imports the file and opens it
    const q = profile();
    const b = await load(q);
    const [imported] = value(await b.api.importMachine(file.bytes, 'week1.photon'));
    expect(imported!.name).toBe('Week 1 lab');
    value(await b.api.openMachine(imported!.id));
    await typed(b.api, b.screen, 'cat /root/file', 'exported');
    // Reset makes the opened sandbox a fresh machine under the same entry
    value(await b.api.resetMachine(imported!.id));
    await typed(b.api, b.screen, 'ls /root/file', 'No such file or directory');
    expect(value(await b.api.machines()).find((m) => m.current)?.id).toBe(imported!.id);
    // a file that is not a machine is refused, and nothing is added
    const bad = await b.api.importMachine(new TextEncoder().encode('hello'), 'x.photon');
    expect(bad).toEqual({ ok: false, error: 'not a saved machine (not gzip data)' });
    expect(value(await b.api.machines())).toHaveLength(2);
    // every machine of a profile as one file, imported whole into another
    const all = value(await b.api.exportAllMachines('Ada'));
    expect(all.count).toBe(2);
    const r = await load(profile());
    const added = value(await r.api.importMachine(all.bytes, 'all.photon'));
    expect(added.map((m) => m.name).sort()).toEqual(['Sandbox', 'Week 1 lab']);
  });
});
