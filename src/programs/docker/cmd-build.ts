// docker build with the legacy builder (Photon's docker-cli has no buildx): the Dockerfile read
// and parsed here, each step sent to the engine (FROM, RUN in an intermediate container, COPY and
// ADD from the context, the metadata instructions), with the builder's "Step N/M" output.
import { humanSizeWithPrecision } from '../../shared/docker-units';
import type { ImageConfig } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, list, str } from './flags';
import { shortId } from './format';
import { pullImage } from './pull';

interface Instruction {
  line: number;
  cmd: string;
  args: string;
  /** JSON (exec) form */
  json?: string[];
}

export class BuildError extends Error {}

/** The history line the legacy builder records for a metadata instruction (dispatchers.go). */
function nopLine(s: Instruction, args: string): string {
  const goList = (xs: string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
  switch (s.cmd) {
    case 'CMD': case 'ENTRYPOINT': return `/bin/sh -c #(nop)  ${s.cmd} ${goList(s.json ?? ['/bin/sh', '-c', args])}`;
    case 'ENV': case 'LABEL': return `/bin/sh -c #(nop)  ${s.cmd} ${pairs(args).map(([k, v]) => `${k}=${v}`).join(' ')}`;
    case 'EXPOSE': return `/bin/sh -c #(nop)  EXPOSE ${args.split(/\s+/).map((x) => (x.includes('/') ? x : `${x}/tcp`)).join(' ')}`;
    case 'VOLUME': return `/bin/sh -c #(nop)  VOLUME ${goList(s.json ?? args.split(/\s+/))}`;
    default: return `/bin/sh -c #(nop) ${s.cmd} ${args}`;
  }
}

/** Dockerfile lines: comments, continuations, instruction words. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r$/, '');
    const start = i + 1;
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.replace(/\r$/, '');
      if (/^\s*#/.test(next)) continue;
      line = `${line.replace(/\\\s*$/, '')}${next}`;
    }
    const m = /^\s*(\S+)\s*(.*)$/.exec(line)!;
    const cmd = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (!KNOWN.has(cmd)) throw new BuildError(`dockerfile parse error line ${start}: unknown instruction: ${m[1]!}`);
    let json: string[] | undefined;
    if (args.startsWith('[')) {
      try {
        const v: unknown = JSON.parse(args);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) json = v as string[];
      } catch {
        // not JSON: the shell form
      }
    }
    out.push({ line: start, cmd, args, ...(json ? { json } : {}) });
  }
  if (!out.length) throw new BuildError('the Dockerfile (Dockerfile) cannot be empty');
  if (out.find((x) => x.cmd !== 'ARG')?.cmd !== 'FROM') throw new BuildError('Please provide a source image with `from` prior to commit');
  return out;
}

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

function substitute(text: string, vars: Map<string, string>): string {
  return text.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (_, a: string | undefined, def: string | undefined, b: string | undefined) => vars.get(a ?? b!) ?? def ?? '');
}

/** ENV/LABEL pairs: "k=v k2=v2" or the old "k v" form. */
function pairs(args: string): [string, string][] {
  if (!/^[^\s=]+=/.test(args)) {
    const m = /^(\S+)\s+(.*)$/.exec(args);
    return m ? [[m[1]!, m[2]!]] : [];
  }
  const out: [string, string][] = [];
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (let m = re.exec(args); m; m = re.exec(args)) {
    let v = m[2]!;
    if (v.startsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (v.startsWith("'")) v = v.slice(1, -1);
    out.push([m[1]!, v]);
  }
  return out;
}

async function readTree(ctx: Ctx, root: string, rel: string): Promise<{ path: string; data: string; mode: number; dir?: boolean }[]> {
  const abs = `${root}/${rel}`.replace(/\/+/g, '/').replace(/\/$/, '');
  const st = await ctx.sys.stat(abs);
  if (st.kind === 'dir') {
    const out: { path: string; data: string; mode: number; dir?: boolean }[] = [{ path: '', data: '', mode: st.mode & 0o7777, dir: true }];
    for (const name of await ctx.sys.readdir(abs)) {
      for (const f of await readTree(ctx, root, `${rel}/${name}`)) out.push({ ...f, path: `/${name}${f.path}` });
    }
    return out;
  }
  return [{ path: '', data: new TextDecoder().decode(await ctx.sys.readFile(abs)), mode: st.mode & 0o7777 }];
}

async function contextSize(ctx: Ctx, dir: string): Promise<number> {
  let total = 0;
  for (const name of await ctx.sys.readdir(dir)) {
    const st = await ctx.sys.lstat(`${dir}/${name}`);
    total += st.kind === 'dir' ? await contextSize(ctx, `${dir}/${name}`) : st.size;
  }
  return total;
}

export async function build(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const dir = (p.args[0] ?? '.').replace(/\/$/, '') || '/';
  const quiet = bool(p, 'quiet');
  const out = (text: string): Promise<void> => (quiet ? Promise.resolve() : ctx.print(text));
  const fileArg = str(p, 'file');
  const dockerfile = fileArg ? (fileArg.startsWith('/') ? fileArg : `${ctx.sys.getcwd()}/${fileArg}`) : `${dir.startsWith('/') ? dir : `${ctx.sys.getcwd()}/${dir}`}/Dockerfile`;
  let text: string;
  try {
    await ctx.sys.stat(dir);
  } catch {
    await ctx.err.write(`unable to prepare context: path "${p.args[0]}" not found\n`);
    return 1;
  }
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(dockerfile));
  } catch {
    await ctx.err.write(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfile.replace(/\/\.\//g, '/')}: no such file or directory\n`);
    return 1;
  }
  await call(ctx, { kind: 'connect' });
  await out(`Sending build context to Docker daemon  ${humanSizeWithPrecision(await contextSize(ctx, dir), 4)}\n`);
  let steps: Instruction[];
  try {
    steps = parseDockerfile(text);
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    await ctx.out.flush();
    await ctx.err.write(`Error response from daemon: ${e.message}\n`);
    return 1;
  }
  const vars = new Map<string, string>();
  for (const a of list(p, 'build-arg')) vars.set(a.split('=')[0]!, a.includes('=') ? a.slice(a.indexOf('=') + 1) : ctx.env.get(a) ?? '');
  let image = '';
  let workdir = '/';
  const n = steps.length;
  try {
    for (const [i, s] of steps.entries()) {
      const shown = `${s.cmd} ${s.args}`.trimEnd();
      await out(`Step ${i + 1}/${n} : ${shown}\n`);
      const args = s.cmd === 'RUN' || s.cmd === 'CMD' || s.cmd === 'ENTRYPOINT' ? s.args : substitute(s.args, vars);
      if (s.cmd === 'FROM') {
        const ref = args.split(/\s+/)[0]!;
        let r = (await ctx.sys.call('docker', { kind: 'build-step', build: { op: 'from', ref } })) as { kind: string; id?: string; message?: string };
        if (r.kind === 'error') {
          await pullImage(ctx, ref, true, quiet);
          r = await expect(ctx, { kind: 'build-step', build: { op: 'from', ref } }, 'built');
        }
        image = r.id!;
        const info = await expect(ctx, { kind: 'image-inspect', ref: image }, 'image');
        workdir = info.image.config.WorkingDir || '/';
        for (const e of info.image.config.Env) vars.set(e.split('=')[0]!, e.slice(e.indexOf('=') + 1));
        await out(` ---> ${shortId(image)}\n`);
        continue;
      }
      if (s.cmd === 'ARG') {
        const [k, v] = args.split('=');
        if (!vars.has(k!)) vars.set(k!, v ?? '');
        await out(` ---> Running in ${ctx.sys.randomBytes(6).reduce((a, b) => a + b.toString(16).padStart(2, '0'), '')}\n`);
        await out(` ---> ${shortId(image)}\n`);
        continue;
      }
      if (s.cmd === 'COPY' || s.cmd === 'ADD') {
        const parts = s.json ?? args.split(/\s+/).filter((x) => !x.startsWith('--'));
        const dest = parts[parts.length - 1]!;
        const sources = parts.slice(0, -1);
        const files: { path: string; data: string; mode: number; dir?: boolean }[] = [];
        const target = dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest}`;
        for (const src of sources) {
          let tree;
          try {
            tree = await readTree(ctx, dir, src);
          } catch {
            throw new BuildError(`${s.cmd} failed: file not found in build context or excluded by .dockerignore: stat ${src}: file does not exist`);
          }
          const isDir = tree[0]?.dir === true;
          const base = dest.endsWith('/') || sources.length > 1 ? `${target.replace(/\/$/, '')}/${isDir ? '' : src.split('/').pop()}` : target;
          for (const f of tree) files.push({ ...f, path: `${base.replace(/\/$/, '')}${f.path}` || '/' });
        }
        const r = await expect(ctx, { kind: 'build-step', build: { op: 'copy', image, files, createdBy: `/bin/sh -c #(nop) ${s.cmd} ${args}` } }, 'built');
        image = r.id;
        await out(` ---> ${shortId(image)}\n`);
        continue;
      }
      if (s.cmd === 'RUN') {
        const cmd = s.json ?? ['/bin/sh', '-c', substitute(args, vars)];
        // the step's own output (and the daemon's "Running in" line) comes straight to this terminal
        await ctx.out.flush();
        const r = (await ctx.sys.call('docker', { kind: 'build-step', build: { op: 'run', image, cmd, createdBy: s.json ? s.json.join(' ') : `/bin/sh -c ${args}` } })) as { kind: string; id?: string; container?: string; message?: string; status?: number };
        if (r.kind === 'error') throw new BuildError(r.message ?? 'build failed');
        await out(` ---> Removed intermediate container ${(r.container ?? '').slice(0, 12)}\n`);
        image = r.id!;
        await out(` ---> ${shortId(image)}\n`);
        continue;
      }
      // the metadata instructions: a new image with a changed config
      const info = await expect(ctx, { kind: 'image-inspect', ref: image }, 'image');
      const cfg = info.image.config;
      const change: Partial<ImageConfig> = {};
      const shellForm = (x: string): string[] => ['/bin/sh', '-c', x];
      switch (s.cmd) {
        case 'ENV': {
          const env = [...cfg.Env];
          for (const [k, v] of pairs(args)) {
            vars.set(k, v);
            const idx = env.findIndex((e) => e.split('=')[0] === k);
            if (idx >= 0) env[idx] = `${k}=${v}`;
            else env.push(`${k}=${v}`);
          }
          change.Env = env;
          break;
        }
        case 'LABEL': change.Labels = { ...(cfg.Labels ?? {}), ...Object.fromEntries(pairs(args)) }; break;
        case 'MAINTAINER': break;
        case 'WORKDIR': workdir = args.startsWith('/') ? args : `${workdir.replace(/\/$/, '')}/${args}`; change.WorkingDir = workdir; break;
        case 'EXPOSE': change.ExposedPorts = { ...(cfg.ExposedPorts ?? {}), ...Object.fromEntries(args.split(/\s+/).map((x) => [x.includes('/') ? x : `${x}/tcp`, {}])) }; break;
        case 'CMD': change.Cmd = s.json ?? shellForm(args); break;
        case 'ENTRYPOINT': change.Entrypoint = s.json ?? shellForm(args); change.Cmd = undefined; break;
        case 'USER': change.User = args; break;
        case 'STOPSIGNAL': change.StopSignal = args; break;
        case 'VOLUME': change.Volumes = { ...(cfg.Volumes ?? {}), ...Object.fromEntries((s.json ?? args.split(/\s+/)).map((x) => [x, {}])) }; break;
        default: break;
      }
      const tmp = ctx.sys.randomBytes(6).reduce((a, b) => a + b.toString(16).padStart(2, '0'), '');
      await out(` ---> Running in ${tmp}\n`);
      const r = await expect(ctx, { kind: 'build-step', build: { op: 'config', image, change, createdBy: nopLine(s, args) } }, 'built');
      image = r.id;
      await out(` ---> Removed intermediate container ${tmp}\n ---> ${shortId(image)}\n`);
    }
  } catch (e) {
    await ctx.out.flush();
    if (e instanceof BuildError) {
      await ctx.err.write(`${e.message}\n`);
      return 1;
    }
    if (e instanceof DaemonError && /returned a non-zero code/.test(e.message)) {
      const code = Number(/code: (\d+)/.exec(e.message)?.[1] ?? 1);
      await ctx.err.write(`${e.message.replace(/^Error response from daemon: /, '')}\n`);
      return code;
    }
    throw e;
  }
  await out(`Successfully built ${shortId(image)}\n`);
  for (const t of list(p, 'tag')) {
    const ref = t.includes(':') ? t : `${t}:latest`;
    await call(ctx, { kind: 'build-step', build: { op: 'tag', image, ref } });
    await out(`Successfully tagged ${ref}\n`);
  }
  if (quiet) await ctx.print(`${image}\n`);
  return 0;
}
