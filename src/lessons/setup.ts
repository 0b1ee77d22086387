// A lesson's start state, made the way an administrator would make it: groupadd, useradd, tdnf,
// files written as root, systemctl, then the lesson's own commands (a broken config to fix). It
// runs through the machine's bash, as root, after boot and before the learner's console starts.
import type { CommandResult } from './host';
import type { Setup } from './types';

/** Runs one bash command line as root without a terminal. */
export type RunAsRoot = (script: string) => Promise<CommandResult>;

/** Single-quotes a word for bash. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The commands that make the start state, in order. */
export function setupCommands(setup: Setup | undefined): string[] {
  if (!setup) return [];
  const q = shellQuote;
  const cmds: string[] = [];
  for (const g of setup.groups ?? []) cmds.push(`groupadd ${g.gid !== undefined ? `-g ${g.gid} ` : ''}${q(g.name)}`);
  for (const u of setup.users ?? []) {
    const opts = [(u.home ?? true) ? '-m' : '', u.groups?.length ? `-G ${q(u.groups.join(','))}` : '', u.shell ? `-s ${q(u.shell)}` : ''].filter(Boolean).join(' ');
    cmds.push(`useradd ${opts ? `${opts} ` : ''}${q(u.name)}`);
    if (u.password !== undefined) cmds.push(`printf '%s\\n' ${q(`${u.name}:${u.password}`)} | chpasswd`);
  }
  if (setup.packages?.install?.length) cmds.push(`tdnf install -y -q ${setup.packages.install.map(q).join(' ')}`);
  if (setup.packages?.remove?.length) cmds.push(`tdnf remove -y -q ${setup.packages.remove.map(q).join(' ')}`);
  for (const f of setup.files ?? []) {
    const p = q(f.path);
    const parent = q(f.path.slice(0, f.path.lastIndexOf('/')) || '/');
    if (f.remove) {
      cmds.push(`rm -rf -- ${p}`);
      continue;
    }
    let c: string;
    if (f.symlink !== undefined) c = `mkdir -p ${parent} && ln -sfn ${q(f.symlink)} ${p}`;
    else if (f.directory) c = `mkdir -p ${p} && chmod ${f.mode ?? '0755'} ${p}`;
    else c = `mkdir -p ${parent} && printf '%s' ${base64(f.content ?? '')} | base64 -d > ${p} && chmod ${f.mode ?? '0644'} ${p}`;
    if (f.owner !== undefined || f.group !== undefined) c += ` && chown -h ${q(`${f.owner ?? 'root'}:${f.group ?? f.owner ?? 'root'}`)} ${p}`;
    cmds.push(c);
  }
  const u = setup.units;
  if (u) {
    const verb = (v: string, names: string[] | undefined): void => {
      if (names?.length) cmds.push(`systemctl ${v} ${names.map(q).join(' ')}`);
    };
    verb('mask', u.mask);
    verb('disable', u.disable);
    verb('enable', u.enable);
    verb('stop', u.stop);
    verb('start', u.start);
    verb('restart', u.restart);
  }
  cmds.push(...(setup.commands ?? []));
  return cmds;
}

/** Applies the start state; throws naming the command that failed and what it printed. */
export async function applySetup(setup: Setup | undefined, run: RunAsRoot): Promise<void> {
  for (const cmd of setupCommands(setup)) {
    const r = await run(cmd);
    if (r.code !== 0) throw new Error(`setup command failed (exit ${r.code}): ${cmd.length > 200 ? `${cmd.slice(0, 200)}...` : cmd}\n${(r.stderr || r.stdout).trim()}`);
  }
}
