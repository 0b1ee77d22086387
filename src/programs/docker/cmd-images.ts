// The image commands: pull, images (image ls), rmi (image rm), tag, history, image prune.
import { humanDuration, humanSizeWithPrecision } from '../../shared/docker-units';
import type { Ctx } from '../lib/context';
import { readLine } from '../lib/yesno';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, list, str } from './flags';
import { ellipsis, formatRows, IMAGES_TABLE, imageRows, shortId } from './format';
import { pullImage } from './pull';

export async function pull(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const ref = p.args[0]!;
  const quiet = bool(p, 'quiet');
  const tagged = /:[^/]*$/.test(ref) || ref.includes('@');
  if (!tagged && !quiet) await ctx.print('Using default tag: latest\n');
  const full = await pullImage(ctx, ref, true, quiet);
  await ctx.print(`${full}\n`);
  return 0;
}

export async function images(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const r = await expect(ctx, { kind: 'images' }, 'images');
  const now = ctx.sys.now();
  const trunc = !bool(p, 'no-trunc');
  let rows = imageRows(r.images, now, trunc);
  const repo = p.args[0];
  if (repo !== undefined) {
    const [name, tag] = repo.includes(':') ? [repo.slice(0, repo.lastIndexOf(':')), repo.slice(repo.lastIndexOf(':') + 1)] : [repo, undefined];
    rows = rows.filter((x) => x.Repository === name && (tag === undefined || x.Tag === tag));
  }
  for (const f of list(p, 'filter')) {
    if (f === 'dangling=true') rows = rows.filter((x) => x.Repository === '<none>');
    else if (f === 'dangling=false') rows = rows.filter((x) => x.Repository !== '<none>');
    else if (f.startsWith('reference=')) {
      const pat = new RegExp(`^${f.slice(10).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`);
      rows = rows.filter((x) => pat.test(x.Repository) || pat.test(`${x.Repository}:${x.Tag}`));
    }
  }
  if (!bool(p, 'all')) {
    // intermediate images (an untagged parent of another image) show only with -a
    const parents = new Set(r.images.map((i) => i.parent).filter(Boolean));
    const hidden = new Set(r.images.filter((i) => i.repoTags.length === 0 && parents.has(i.id)).map((i) => (trunc ? shortId(i.id) : i.id)));
    rows = rows.filter((x) => !(x.Repository === '<none>' && hidden.has(x.ID)));
  }
  if (bool(p, 'quiet')) {
    const seen = new Set<string>();
    for (const x of rows) if (!seen.has(x.ID)) { seen.add(x.ID); await ctx.print(`${x.ID}\n`); }
    return 0;
  }
  let format = str(p, 'format') || IMAGES_TABLE;
  if (bool(p, 'digests') && !str(p, 'format')) format = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
  await ctx.print(formatRows(format, rows, 'IMAGE ID'));
  return 0;
}

export async function rmi(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const errors: string[] = [];
  for (const a of p.args) {
    try {
      const r = await expect(ctx, { kind: 'rmi', ref: a, force: bool(p, 'force') }, 'removed');
      for (const l of r.lines) await ctx.print(`${l}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) await ctx.err.write(`${errors.join('\n')}\n`);
  return errors.length ? 1 : 0;
}

export async function tag(ctx: Ctx, p: ParsedCommand): Promise<number> {
  await call(ctx, { kind: 'tag', source: p.args[0]!, target: p.args[1]! });
  return 0;
}

export async function history(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const r = await expect(ctx, { kind: 'image-inspect', ref: p.args[0]! }, 'image');
  const now = ctx.sys.now();
  const trunc = !bool(p, 'no-trunc');
  const h = [...r.image.history].reverse();
  const rows = h.map((e, i) => ({
    ID: i === 0 ? shortId(r.image.id) : '<missing>',
    CreatedSince: `${humanDuration(now - Date.parse(e.created))} ago`,
    CreatedBy: trunc ? ellipsis(e.created_by, 45) : e.created_by,
    Size: bool(p, 'human') || !p.changed.has('human') ? humanSizeWithPrecision(e.size, 3) : String(e.size),
    Comment: e.comment ?? '',
  }));
  if (bool(p, 'quiet')) {
    await ctx.print(`${shortId(r.image.id)}\n`);
    return 0;
  }
  await ctx.print(formatRows(str(p, 'format') || 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}', rows, 'IMAGE'));
  return 0;
}

export async function imagePrune(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const all = bool(p, 'all');
  if (!bool(p, 'force')) {
    await ctx.print(all ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ' : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ');
    await ctx.out.flush();
    const answer = (await readLine(ctx, 0)) ?? '';
    if (!/^y(es)?$/i.test(answer.trim())) return 0;
  }
  const r = await expect(ctx, { kind: 'prune', what: 'images', all }, 'pruned');
  if (r.deleted.length) await ctx.print(`Deleted Images:\n${r.deleted.map((d) => `${d}\n`).join('')}\n`);
  await ctx.print(`Total reclaimed space: ${humanSizeWithPrecision(r.reclaimed, 3)}\n`);
  return 0;
}
