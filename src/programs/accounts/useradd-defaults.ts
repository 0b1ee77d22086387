// useradd's defaults file, /etc/default/useradd, as shadow 4.13 reads, shows and rewrites it:
// `KEY=value` lines matched by their start; GROUP resolved to a number through the group
// file; a bad GROUP or INACTIVE is reported and ignored. `useradd -D` with -b/-e/-f/-g/-s
// rewrites the file in place of each known key, keeps other lines and appends missing keys.
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import type { AccountDbs } from './db';
import { fail, findGroup } from './common';

export interface UseraddDefaults {
  group: number;
  home: string;
  inactive: number;
  expire: string;
  shell: string;
  skel: string;
  createMailSpool: string;
  logInit: string;
}

const decoder = new TextDecoder();

export function defaultsFile(prefix: string): string {
  return prefix ? `${prefix}//etc/default/useradd` : '/etc/default/useradd';
}

async function readLines(sys: Sys, path: string): Promise<string[] | undefined> {
  try {
    const lines = decoder.decode(await sys.readFile(path)).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  } catch {
    return undefined;
  }
}

/** get_defaults: built-in values when the file or a key is missing. */
export async function getDefaults(ctx: Ctx, dbs: AccountDbs, prefix: string): Promise<UseraddDefaults> {
  const d: UseraddDefaults = { group: 1000, home: '/home', inactive: -1, expire: '', shell: '/bin/bash', skel: '/etc/skel', createMailSpool: 'yes', logInit: 'yes' };
  const file = defaultsFile(prefix);
  for (const line of (await readLines(ctx.sys, file)) ?? []) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const v = line.slice(eq + 1);
    if (line.startsWith('GROUP=')) {
      const g = findGroup(dbs, v);
      if (g) d.group = g.gid;
      else {
        await fail(ctx, `group '${v}' does not exist`);
        await fail(ctx, `the GROUP= configuration in ${file} will be ignored`);
      }
    } else if (line.startsWith('HOME=')) d.home = v;
    else if (line.startsWith('SHELL=')) d.shell = v;
    else if (line.startsWith('INACTIVE=')) {
      const n = parseLong(v);
      if (n === undefined || n < -1) {
        await fail(ctx, `invalid numeric argument '${v}'`);
        await fail(ctx, `the INACTIVE= configuration in ${file} will be ignored`);
        d.inactive = -1;
      } else d.inactive = n;
    } else if (line.startsWith('EXPIRE=')) d.expire = v;
    else if (line.startsWith('SKEL=')) d.skel = prefix ? `${prefix}/${v || '/etc/skel'}` : v || '/etc/skel';
    else if (line.startsWith('CREATE_MAIL_SPOOL=')) d.createMailSpool = v || 'no';
    else if (line.startsWith('LOG_INIT=')) d.logInit = v || d.logInit;
  }
  return d;
}

/** getlong: a whole decimal (or 0x/0 prefixed) number. */
export function parseLong(s: string): number | undefined {
  const t = s.replace(/^\s+/, '');
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t, 16);
  if (/^[-+]?0[0-7]*$/.test(t)) return Number.parseInt(t, 8);
  if (/^[-+]?[1-9]\d*$/.test(t)) return Number(t);
  return undefined;
}

function lines(d: UseraddDefaults): [string, string][] {
  return [
    ['GROUP=', String(d.group)], ['HOME=', d.home], ['INACTIVE=', String(d.inactive)], ['EXPIRE=', d.expire],
    ['SHELL=', d.shell], ['SKEL=', d.skel], ['CREATE_MAIL_SPOOL=', d.createMailSpool], ['LOG_INIT=', d.logInit],
  ];
}

export function showDefaults(d: UseraddDefaults): string {
  return lines(d).map(([k, v]) => `${k}${v}\n`).join('');
}

/** set_defaults: 0, or 1 after a message when the file cannot be written. */
export async function setDefaults(ctx: Ctx, d: UseraddDefaults, prefix: string): Promise<number> {
  const sys = ctx.sys;
  const file = defaultsFile(prefix);
  const old = await readLines(sys, file);
  const keys = lines(d);
  const done = new Set<string>();
  const out: string[] = old === undefined ? ['# useradd defaults file'] : [];
  for (const line of old ?? []) {
    const hit = keys.find(([k]) => !done.has(k) && line.startsWith(k));
    if (hit) {
      done.add(hit[0]);
      out.push(hit[0] + hit[1]);
    } else out.push(line);
  }
  for (const [k, v] of keys) if (!done.has(k)) out.push(k + v);
  const dir = file.slice(0, file.lastIndexOf('/'));
  try {
    await sys.mkdir(dir, 0o755);
  } catch {
    // there already
  }
  try {
    if (old !== undefined) {
      try {
        await sys.unlink(`${file}-`);
      } catch {
        // no backup yet
      }
      await sys.link(file, `${file}-`);
    }
    await sys.writeFile(`${file}+`, out.map((l) => `${l}\n`).join(''), { mode: 0o600 });
    await sys.rename(`${file}+`, file);
  } catch {
    await fail(ctx, 'cannot create new defaults file');
    return 1;
  }
  return 0;
}
