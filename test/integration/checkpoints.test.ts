// Checkpoints (issue 10): one before each command at the console, so "undo the last command"
// and "rewind to before step N" bring the machine back exactly, screen and lesson progress too.
import { describe, expect, it } from 'vitest';
import { createKernelApi } from '../../src/kernel/worker';
import type { KernelApi, Result } from '../../src/shared/api';

async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: () => string, ms = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function boot(): Promise<{ api: KernelApi; screen: () => string }> {
  let text = '';
  const api = createKernelApi();
  value(await api.boot({ cols: 100, rows: 30 }, (c) => (text += c)));
  await until(() => (text.includes(']# ') ? true : undefined), () => 'a prompt');
  return { api, screen: () => text };
}

/** Types a command and waits until its checkpoint (the state after it) is taken. */
async function run(api: KernelApi, screen: () => string, line: string): Promise<void> {
  const before = value(await api.checkpoints()).length;
  const from = screen().length;
  await api.input(`${line}\r`);
  await until(async () => (value(await api.checkpoints()).length > before || value(await api.checkpoints()).length >= 30 ? true : undefined), () => `a checkpoint after ${line}; screen: ${JSON.stringify(screen().slice(from))}`);
}

async function output(api: KernelApi, screen: () => string, line: string, expect: string): Promise<void> {
  const from = screen().length;
  await api.input(`${line}\r`);
  await until(() => (screen().slice(from).includes(expect) ? true : undefined), () => `"${expect}" after ${line}: ${JSON.stringify(screen().slice(from))}`);
}

describe('checkpoints', () => {
  it('undo takes back the last command, then the one before', async () => {
    const { api, screen } = await boot();
    await until(async () => (value(await api.checkpoints()).length ? true : undefined), () => 'the first checkpoint');
    await run(api, screen, 'echo one > /root/f');
    await run(api, screen, 'echo two > /root/f; iptables -A INPUT -p tcp --dport 8080 -j ACCEPT');
    expect(value(await api.checkpoints()).map((c) => c.after)).toEqual(['', 'echo one > /root/f', 'echo two > /root/f; iptables -A INPUT -p tcp --dport 8080 -j ACCEPT']);
    value(await api.undoCommand());
    await until(() => (screen().endsWith(']# \x1b[0m') ? true : undefined), () => 'the prompt after undo');
    await output(api, screen, 'cat /root/f; iptables -S INPUT | grep -c 8080', 'one\r\n0');
    // that cat was a command too: undoing it changes nothing; the one before it was `echo one`
    const files = async (): Promise<string> => {
      const r = await api.getFile('/root/f');
      return r.ok ? new TextDecoder().decode(r.value) : r.error;
    };
    value(await api.undoCommand());
    expect(await files()).toBe('one\n');
    value(await api.undoCommand());
    expect(await files()).toBe('/root/f: No such file or directory');
    expect(await api.undoCommand()).toEqual({ ok: false, error: 'there is no earlier checkpoint to go back to' });
  });

  it('rewinds a lesson to before a step: the machine and the checklist as they were then', async () => {
    const { api, screen } = await boot();
    const started = value(await api.startLesson('filesystem'));
    expect(started?.steps[0]?.done).toBe(false);
    await until(async () => (value(await api.checkpoints()).length ? true : undefined), () => 'the lesson start checkpoint');
    await run(api, screen, 'mkdir -p /root/projects/website');
    await until(async () => (value(await api.lessonStatus())?.steps[0]?.done ? true : undefined), () => 'step 1 done');
    await run(api, screen, 'cp /etc/os-release /root/projects/website/os-release');
    await run(api, screen, 'mv /root/inbox/report-2025.txt /root/projects/website/report.txt');
    await until(async () => (value(await api.lessonStatus())?.steps[1]?.done ? true : undefined), () => 'step 2 done');
    // back to the moment step 2 began (step 1 done)
    const back = value(await api.rewindToStep(1));
    expect(back?.steps[0]?.done).toBe(true);
    expect(back?.steps[1]?.done).toBe(false);
    await output(api, screen, 'ls /root/projects/website | wc -l; ls /root/inbox', '0\r\nnotes.txt  report-2025.txt');
  });
});

describe('files between the learner’s computer and the machine', () => {
  it('a dropped file lands in the console directory under a free name, and a file downloads', async () => {
    const { api, screen } = await boot();
    await output(api, screen, 'cd /tmp && touch notes.txt', ']# ');
    expect(value(await api.putFile('notes.txt', new TextEncoder().encode('from the desk\n')))).toBe('/tmp/notes.txt.1');
    expect(value(await api.putFile('../x/evil', new Uint8Array([1])))).toBe('/tmp/.._x_evil');
    await output(api, screen, 'cat notes.txt.1; stat -c %a notes.txt.1', 'from the desk\r\n640');
    expect(new TextDecoder().decode(value(await api.getFile('/etc/hostname')))).toBe('photon-machine'); // (the installer writes it without a newline)
    expect(await api.getFile('/etc')).toEqual({ ok: false, error: '/etc: Is a directory' });
    expect(await api.getFile('/nope')).toEqual({ ok: false, error: '/nope: No such file or directory' });
  });
});
