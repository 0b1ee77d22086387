// The program's sources: -f files, -e and command-line text, -i includes and @include lines.
// Files are looked for as gawk does: a name with a slash as it is, any other in each AWKPATH
// directory (default .:/usr/share/awk), and if none is there the whole search again with .awk
// added. An included file is read once however often it is named; a file may not be both
// included and a -f program.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import type { Source } from './lexer';
import type { Options } from './options';
import type { Codec } from './records';

type Err = (t: string) => Promise<void>;

export const progName = (ctx: Ctx): string => ctx.name.slice(ctx.name.lastIndexOf('/') + 1);

interface Found {
  path: string;
  /** Device and inode: two names of one file are the same source. */
  id: string;
}

async function lookup(ctx: Ctx, codec: Codec, name: string): Promise<Found | { errno: Errno }> {
  const dirs = name.includes('/') ? [''] : (ctx.env.get('AWKPATH') ?? '.:/usr/share/awk').split(':').map((d) => (d === '' || d === '.' || d === './' ? '' : d.endsWith('/') ? d : `${d}/`));
  let errno: Errno = 'ENOENT';
  for (const dir of dirs) {
    const path = dir + name;
    try {
      const st = await ctx.sys.stat(codec.toHost(path));
      return { path, id: `${st.dev}:${st.ino}` };
    } catch (e) {
      if (!isSysError(e)) throw e;
      errno = e.errno;
    }
  }
  return { errno };
}

/** gawk's find_source: the name, then the name with .awk. */
async function findSource(ctx: Ctx, codec: Codec, name: string): Promise<Found | { errno: Errno }> {
  const found = await lookup(ctx, codec, name);
  if ('path' in found || name.endsWith('.awk')) return found;
  const awk = await lookup(ctx, codec, `${name}.awk`);
  return 'path' in awk ? awk : found;
}

type Read = { text: string } | { errno: Errno };

async function readText(ctx: Ctx, codec: Codec, path: string): Promise<Read> {
  try {
    const decode = codec.decoder();
    return { text: decode(await ctx.sys.readFile(codec.toHost(path))) + decode(null) };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { errno: e.errno };
  }
}

const INCLUDE_RE = /^[ \t]*@include[ \t]+"([^"\n]*)"[ \t]*;?[ \t]*(?:#.*)?$/gm;

/** A source with its `@include "file"` lines: the files come first (each once), the lines go blank. */
async function withIncludes(ctx: Ctx, codec: Codec, err: Err, src: Source, seen: Set<string>, out: Source[]): Promise<boolean> {
  const found: { name: string; line: number }[] = [];
  const text = src.text.replace(INCLUDE_RE, (m: string, name: string, offset: number) => {
    found.push({ name, line: src.text.slice(0, offset).split('\n').length });
    return '';
  });
  for (const inc of found) {
    const where = `${progName(ctx)}: ${src.name}:${inc.line}: error:`;
    const at = await findSource(ctx, codec, inc.name);
    if (!('path' in at)) {
      await err(`${where} cannot open source file \`${inc.name}' for reading: ${strerror(at.errno)}\n`);
      return false;
    }
    if (seen.has(at.id)) continue;
    seen.add(at.id);
    const read = await readText(ctx, codec, at.path);
    if (!('text' in read)) {
      await err(`${progName(ctx)}: ${inc.name}:1: error: cannot read source file \`${inc.name}': ${strerror(read.errno)}\n`);
      return false;
    }
    if (!(await withIncludes(ctx, codec, err, { name: inc.name, text: read.text }, seen, out))) return false;
  }
  out.push(found.length ? { name: src.name, text } : src);
  return true;
}

/** Every source in order, @include lines resolved; a status when one cannot be had. */
export async function loadSources(ctx: Ctx, codec: Codec, err: Err, opts: Options): Promise<Source[] | number> {
  const raw: Source[] = [];
  // sources that open but cannot be read (directories): gawk says so after opening them all
  const unreadable: string[] = [];
  const programs = new Set<string>();
  const included = new Set<string>();
  for (const s of opts.sources) {
    if (s.kind === 'text') {
      raw.push({ name: 'cmd. line', text: s.value });
      continue;
    }
    let path = '/dev/stdin';
    if (s.value !== '-' || s.kind === 'include') {
      const at = await findSource(ctx, codec, s.value);
      // gawk's inplace library, built in (see inplace.ts)
      if (!('path' in at) && s.kind === 'include' && (s.value === 'inplace' || s.value === 'inplace.awk')) {
        opts.flags.add('inplace');
        continue;
      }
      if (!('path' in at)) {
        await err(`${progName(ctx)}: fatal: cannot open source file \`${s.value}' for reading: ${strerror(at.errno)}\n`);
        return 2;
      }
      const clash = s.kind === 'include' ? programs.has(at.id) : included.has(at.id);
      if (clash) {
        await err(`${progName(ctx)}: fatal: cannot include \`${s.value}' and use it as a program file\n`);
        return 2;
      }
      if (s.kind === 'include') {
        if (included.has(at.id)) continue;
        included.add(at.id);
      } else programs.add(at.id);
      path = at.path;
    }
    const read = await readText(ctx, codec, path);
    if ('text' in read) raw.push({ name: s.value, text: read.text });
    else if (read.errno === 'EISDIR') unreadable.push(s.value);
    else {
      await err(`${progName(ctx)}: fatal: cannot open source file \`${s.value}' for reading: ${strerror(read.errno)}\n`);
      return 2;
    }
  }
  for (const name of unreadable) await err(`${progName(ctx)}: ${name}:1: error: cannot read source file \`${name}': Is a directory\n`);
  if (unreadable.length) return 1;
  const sources: Source[] = [];
  for (const src of raw) {
    if (!src.text.includes('@include')) sources.push(src);
    else if (!(await withIncludes(ctx, codec, err, src, included, sources))) return 1;
  }
  return sources;
}
