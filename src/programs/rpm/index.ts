// rpm 4.18 over the same database tdnf writes: queries (-q with -a, -i, -l, -f, -c, -d,
// --requires, --provides, --changelog), erase (-e, with rpm's dependency check), verify (-V)
// and --import of a public key. Layouts and messages follow rpm 4.18.
import { isSysError } from '../../shared/errno';
import { loadCatalog, type Build } from '../../subsystems/rpmdb/catalog';
import { parseRequirement } from '../../subsystems/rpmdb/deps';
import { digestText, RPMDB_PATH, serializeRpmDb, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { nevra } from '../../subsystems/rpmdb/pool';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { compileFnmatch } from '../lib/fnmatch';
import { readRpmDb, unknownBuild } from '../tdnf/session';
import { ownedElsewhere, removeFiles, scriptlet, type Io } from '../tdnf/files';
import { unitsOf } from '../../subsystems/rpmdb/payload';
import { headerOf, queryPackage, verifyPackage, type QueryFlags } from './query';
import { compileFormat, FormatError, renderFormat } from './query-format';

const RPM_VERSION = '4.18.2';

interface Parsed {
  mode?: 'query' | 'verify' | 'erase' | 'import';
  all: boolean;
  /** what the operands name: packages, files (-f), or capabilities (--whatprovides, --whatrequires) */
  source: 'package' | 'file' | 'whatprovides' | 'whatrequires';
  nodeps: boolean;
  flags: QueryFlags;
  /** --qf / --queryformat, or the format of an alias (--last, --filesbypkg) */
  format?: string;
  /** --last: the lines sorted by install time, newest first (the alias pipes through sort -rn) */
  last: boolean;
  operands: string[];
}

const LONG: Readonly<Record<string, string>> = {
  query: 'q', all: 'a', info: 'i', list: 'l', file: 'f', configfiles: 'c', docfiles: 'd', requires: 'R', erase: 'e', verify: 'V', state: 's',
};

/** rpm's popt aliases (rpmpopt) that are query formats. */
const ALIAS_FORMATS: Readonly<Record<string, string>> = {
  last: '%|INSTALLTIME?{%{INSTALLTIME}}:{000000000}| %-45{NVRA} %|INSTALLTIME?{%{INSTALLTIME:date}}:{(not installed)}|\\n',
  filesbypkg: '[%-25{=NAME} %{FILENAMES}\\n]',
};

function parse(args: readonly string[]): Parsed | string {
  const p: Parsed = {
    all: false, source: 'package', nodeps: false, last: false, operands: [],
    flags: { info: false, list: false, config: false, docs: false, requires: false, provides: false, changelog: false, state: false },
  };
  const letter = (c: string): string | undefined => {
    switch (c) {
      case 'q': p.mode = 'query'; return undefined;
      case 'V': p.mode = 'verify'; return undefined;
      case 'e': p.mode = 'erase'; return undefined;
      case 'a': p.all = true; return undefined;
      case 'f': p.source = 'file'; return undefined;
      case 'i': p.flags.info = true; return undefined;
      case 'l': p.flags.list = true; return undefined;
      case 'c': p.flags.config = true; return undefined;
      case 'd': p.flags.docs = true; return undefined;
      case 's': p.flags.state = true; return undefined;
      case 'R': p.flags.requires = true; return undefined;
      case 'v': case 'h': return undefined;
      default: return `unknown option`;
    }
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      p.operands.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (name === 'qf' || name === 'queryformat') {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++k];
        if (value === undefined) return `--${name}: missing argument`;
        p.format = value;
        continue;
      }
      if (eq >= 0) return `${a}: unknown option`;
      if (name === 'provides') p.flags.provides = true;
      else if (name === 'changelog') p.flags.changelog = true;
      else if (name === 'nodeps') p.nodeps = true;
      else if (name === 'import') p.mode = 'import';
      else if (name === 'whatprovides' || name === 'whatrequires') p.source = name;
      else if (Object.hasOwn(ALIAS_FORMATS, name)) {
        p.format = ALIAS_FORMATS[name];
        if (name === 'last') p.last = true;
      } else if (name === 'version') return 'version';
      else if (name === 'quiet' || name === 'verbose' || name === 'hash') continue;
      else if (Object.hasOwn(LONG, name)) letter(LONG[name]!);
      else return `--${name}: unknown option`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) if (letter(c)) return `-${c}: unknown option`;
    } else p.operands.push(a);
  }
  return p;
}

export default defineProgram({
  name: 'rpm',
  installPath: '/usr/bin/rpm',
  pkg: 'rpm',
  async main(ctx) {
    const p = parse(ctx.argv.slice(1));
    if (p === 'version') {
      await ctx.print(`RPM version ${RPM_VERSION}\n`);
      return 0;
    }
    if (typeof p === 'string') {
      await ctx.err.write(`${ctx.name}: ${p}\n`);
      return 1;
    }
    if (!p.mode) {
      await ctx.err.write(`RPM version ${RPM_VERSION}\nUsage: rpm [-afgpqlsiv?] [-a|--all] [-f|--file] [-q|--query] [-V|--verify] [-e|--erase=<package>+] [--import] [--nodeps]\n`);
      return 1;
    }
    try {
      const db = await readRpmDb(ctx);
      switch (p.mode) {
        case 'query':
        case 'verify':
          return await query(ctx, p, db);
        case 'erase':
          return await erase(ctx, p, db);
        case 'import':
          return await importKey(ctx, p, db);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`error: can't create transaction lock on /var/lib/rpm/.rpm.lock (${e.errno === 'EACCES' ? 'Permission denied' : e.errno})\n`);
      return 1;
    }
  },
});

async function builds(db: readonly InstalledPackage[]): Promise<Map<InstalledPackage, Build>> {
  const catalog = await loadCatalog();
  const byKey = new Map(catalog.builds.map((b) => [nevra(b), b]));
  return new Map(db.map((p) => [p, byKey.get(`${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}.${p.arch}`) ?? unknownBuild(p)]));
}

async function query(ctx: Ctx, p: Parsed, db: InstalledPackage[]): Promise<number> {
  const verify = p.mode === 'verify';
  if (!p.all && p.operands.length === 0) {
    await ctx.err.write(`rpm: no arguments given for ${verify ? 'verify' : 'query'}\n`);
    return 1;
  }
  let format: ReturnType<typeof compileFormat> | string | undefined;
  if (p.format !== undefined && !verify) {
    try {
      format = compileFormat(p.format);
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      format = e.message;
    }
  }
  const info = await builds(db);
  let status = 0;
  /** --last: the formatted lines, sorted once all are in */
  const lines: string[] = [];
  const show = async (pkg: InstalledPackage): Promise<void> => {
    const b = info.get(pkg)!;
    if (verify) {
      if ((await verifyPackage(ctx, pkg, b, db, info)) !== 0) status = 1;
      return;
    }
    if (format !== undefined) {
      // a bad format is reported for each package, and the query still succeeds (rpm's query.c)
      let text: string;
      try {
        if (typeof format === 'string') throw new FormatError(format);
        text = renderFormat(format, headerOf(pkg, b));
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        await ctx.out.flush();
        await ctx.err.write(`error: incorrect format: ${e.message}\n`);
        text = '';
      }
      if (p.last) lines.push(...text.split('\n').filter((l) => l !== ''));
      else await ctx.print(text);
    }
    await queryPackage(ctx, pkg, b, p.flags, format !== undefined);
  };
  const done = async (): Promise<number> => {
    if (p.last) {
      // the alias pipes through `sort -r -n | sed 's,^[0-9]\+ ,,'`
      const key = (l: string): number => Number(/^\d+/.exec(l)?.[0] ?? 0);
      lines.sort((x, y) => key(y) - key(x) || (x < y ? 1 : x > y ? -1 : 0));
      for (const l of lines) await ctx.print(`${l.replace(/^\d+ /, '')}\n`);
    }
    return status;
  };
  if (p.all) {
    // rpm -qa PATTERN...: only the packages whose name matches a glob
    const tests = p.operands.map((o) => compileFnmatch(o));
    for (const pkg of db) if (tests.length === 0 || tests.some((t) => t(pkg.name))) await show(pkg);
    return done();
  }
  for (const arg of p.operands) {
    if (p.source === 'whatrequires' || (p.source === 'whatprovides' && !arg.startsWith('/') && !arg.startsWith('.'))) {
      const hits = db.filter((pkg) => (p.source === 'whatrequires' ? requiresName(info.get(pkg)!, arg) : providesName(pkg, info.get(pkg)!, arg)));
      if (hits.length === 0) {
        await ctx.print(`no package ${p.source === 'whatrequires' ? 'requires' : 'provides'} ${arg}\n`);
        status = 1;
      }
      for (const h of hits) await show(h);
      continue;
    }
    if (p.source === 'file' || p.source === 'whatprovides') {
      const path = arg.startsWith('/') ? arg : `${ctx.sys.getcwd()}/${arg}`;
      let real = path;
      try {
        await ctx.sys.lstat(path);
        const slash = path.lastIndexOf('/');
        real = `${await ctx.sys.realpath(path.slice(0, slash) || '/')}/${path.slice(slash + 1)}`.replace(/^\/\//, '/');
      } catch {
        await ctx.err.write(`error: file ${path}: No such file or directory\n`);
        status = 1;
        continue;
      }
      const owners = db.filter((pkg) => pkg.files.some((f) => f.path === path || f.path === real));
      if (owners.length === 0) {
        await ctx.print(`file ${path} is not owned by any package\n`);
        status = 1;
      }
      for (const o of owners) await show(o);
      continue;
    }
    const hits = db.filter((pkg) => [pkg.name, `${pkg.name}-${pkg.version}`, `${pkg.name}-${pkg.version}-${pkg.release}`, `${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}`].includes(arg));
    if (hits.length === 0) {
      await ctx.print(`package ${arg} is not installed\n`);
      status = 1;
    }
    for (const h of hits) await show(h);
  }
  return done();
}

/** Whether a package provides capability `name`: its own name, name(arch), or a listed provide. */
function providesName(pkg: InstalledPackage, b: Build, name: string): boolean {
  return pkg.name === name || (pkg.arch === 'x86_64' && `${pkg.name}(x86-64)` === name) || b.provides.some((x) => x.trim().split(/\s/)[0] === name);
}

/** Whether a package requires capability `name` (any alternative of a requirement counts). */
function requiresName(b: Build, name: string): boolean {
  return b.requires.some((r) => {
    const req = parseRequirement(r);
    return req.text === name || req.anyOf.some((d) => d.name === name);
  });
}

async function erase(ctx: Ctx, p: Parsed, db: InstalledPackage[]): Promise<number> {
  if (p.operands.length === 0) {
    await ctx.err.write('rpm: no packages given for erase\n');
    return 1;
  }
  const targets: InstalledPackage[] = [];
  for (const arg of p.operands) {
    const hit = db.find((pkg) => pkg.name === arg || `${pkg.name}-${pkg.version}-${pkg.release}` === arg || `${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}` === arg);
    if (!hit) {
      await ctx.err.write(`error: package ${arg} is not installed\n`);
      return 1;
    }
    targets.push(hit);
  }
  const info = await builds(db);
  if (!p.nodeps) {
    // what the remaining packages need that only the erased ones provide
    const gone = new Set(targets);
    const provides = (pkg: InstalledPackage, name: string): boolean => {
      const b = info.get(pkg)!;
      return b.name === name || b.provides.some((x) => x.split(/\s/)[0] === name) || pkg.files.some((f) => f.path === name);
    };
    const problems: string[] = [];
    for (const pkg of db) {
      if (gone.has(pkg)) continue;
      for (const r of info.get(pkg)!.requires) {
        const req = parseRequirement(r);
        const satisfiedBefore = req.anyOf.some((d) => db.some((q) => provides(q, d.name)));
        const satisfiedAfter = req.anyOf.some((d) => db.some((q) => !gone.has(q) && provides(q, d.name)));
        if (satisfiedBefore && !satisfiedAfter) problems.push(`\t${req.text} is needed by (installed) ${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}\n`);
      }
    }
    if (problems.length) {
      await ctx.err.write(`error: Failed dependencies:\n${problems.join('')}`);
      return 1;
    }
  }
  const io: Io = { sys: ctx.sys, env: ctx.env, warn: (t) => ctx.err.write(t), flush: () => ctx.flush() };
  const remaining = new Map(db.map((x) => [x.name, x]));
  for (const t of targets) {
    const units = unitsOf(info.get(t)!).map((u) => u.slice(u.lastIndexOf('/') + 1));
    if (units.length) await scriptlet(io, '/usr/bin/systemctl', ['systemctl', '--no-reload', 'disable', '--now', '--no-warn', ...units]);
    remaining.delete(t.name);
    await removeFiles(io, t.files, ownedElsewhere(remaining, t.name));
  }
  await ctx.sys.writeFile(RPMDB_PATH, serializeRpmDb([...remaining.values()]));
  if (targets.some((t) => unitsOf(info.get(t)!).length)) await ctx.sys.call('systemd', { kind: 'daemon-reload' }).catch(() => undefined);
  return 0;
}

async function importKey(ctx: Ctx, p: Parsed, db: InstalledPackage[]): Promise<number> {
  let status = 0;
  for (const file of p.operands) {
    let text: string;
    try {
      text = new TextDecoder().decode(await ctx.sys.readFile(file));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`error: ${file}: import read failed(${e.errno === 'ENOENT' ? 2 : e.errno === 'EACCES' ? 13 : 5}).\n`);
      status = 1;
      continue;
    }
    if (!text.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) {
      await ctx.err.write(`error: ${file}: import read failed(-1).\n`);
      status = 1;
      continue;
    }
    // rpm keeps imported keys as gpg-pubkey-<key id>-<creation time> headers
    const id = digestText(text).slice(0, 8);
    const release = Math.floor(ctx.sys.now() / 1000).toString(16);
    if (db.some((x) => x.name === 'gpg-pubkey' && x.version === id)) continue;
    db.push({ name: 'gpg-pubkey', epoch: 0, version: id, release, arch: '(none)', installTime: Math.floor(ctx.sys.now() / 1000), from: '', files: [] });
  }
  await ctx.sys.writeFile(RPMDB_PATH, serializeRpmDb(db));
  return status;
}
