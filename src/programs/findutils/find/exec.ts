// -exec, -execdir, -ok and -okdir: `{}` replaced in every argument with `;`, or names
// collected into batches with `{} +` (per directory for -execdir), as findutils does it.
import { strerror } from '../../../shared/errno';
import { yesno } from '../../lib/yesno';
import { runCommand } from '../run';
import { q, type Parser, type ParserEntry } from './parse';
import { baseName } from './tests';
import { FindExit, type Entry, type FindState, type Pred } from './types';

/** Roughly what findutils allows for one command line (bc_use_sensible_arg_max). */
const ARG_BUDGET = 128 * 1024 - 2048;

interface Batch {
  dir: string | undefined;
  args: string[];
  size: number;
}

function checkPathSafety(action: string, path: string | undefined): void {
  if (path === undefined) return;
  for (const part of path.split(':')) {
    if (part === '' || part === '.') {
      throw new FindExit(
        1,
        `The current directory is included in the PATH environment variable, which is insecure in combination with the ${action} action of find.  Please remove the current directory from your $PATH (that is, remove ".", doubled colons, or leading or trailing colons)`,
      );
    }
    if (!part.startsWith('/')) {
      throw new FindExit(1, `The relative path ${q(part)} is included in the PATH environment variable, which is insecure in combination with the ${action} action of find.  Please remove that entry from $PATH`);
    }
  }
}

/** The directory a file lives in and the name -execdir passes for it. */
function localTarget(path: string): { dir: string; target: string } {
  const base = baseName(path);
  const trimmed = path.replace(/\/+$/, '') || '/';
  const slash = trimmed.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : trimmed.slice(0, slash);
  return { dir, target: base.startsWith('/') ? base : `./${base}` };
}

async function launch(s: FindState, argv: string[], cwd: string | undefined, stdinNull: boolean): Promise<boolean> {
  const r = await runCommand(s.ctx, argv, { cwd, stdinNull });
  if (r.execError) {
    if (r.stage === 'chdir') await s.ctx.error(`Failed to change directory: ${strerror(r.execError.errno)}`);
    else await s.ctx.error(`${q(argv[0]!)}: ${strerror(r.execError.errno)}`);
    return false;
  }
  if (r.status.kind === 'signaled') {
    await s.ctx.error(`${q(argv[0]!)} terminated by signal ${r.status.signal}`);
    return false;
  }
  return r.status.kind === 'exited' && r.status.code === 0;
}

function execParser(action: '-exec' | '-execdir' | '-ok' | '-okdir'): ParserEntry {
  const local = action === '-execdir' || action === '-okdir';
  const ok = action === '-ok' || action === '-okdir';
  return {
    kind: 'action',
    parse(p: Parser, name: string) {
      if (p.i >= p.args.length) return false;
      if (local) checkPathSafety(action, p.s.ctx.env.get('PATH'));
      if (ok) p.s.opts.prompts = true;
      const start = p.i;
      let end = start;
      let sawBraces = false;
      let braces = 0;
      let braceArg = '';
      let multiple = false;
      for (; end < p.args.length && p.args[end] !== ';'; end++) {
        const a = p.args[end]!;
        if (!ok && a === '+' && sawBraces) {
          multiple = true;
          break;
        }
        sawBraces = false;
        if (a.includes('{}')) {
          sawBraces = true;
          braceArg = a;
          braces++;
        }
      }
      if (end === start || end >= p.args.length) {
        p.i = end;
        return false;
      }
      const words = p.args.slice(start, end);
      p.i = end + 1;
      if (multiple) {
        const suffix = action === '-execdir' ? 'dir' : '';
        if (braces > 1) throw new FindExit(1, `Only one instance of {} is supported with -exec${suffix} ... +`);
        if (braceArg.length !== 2) throw new FindExit(1, `In ${q(`-exec${suffix} ... {} +`)} the ${q('{}')} must appear by itself, but you specified ${q(braceArg)}`);
        const initial = words.slice(0, -1);
        const initialSize = initial.reduce((n, w) => n + w.length + 1, 0);
        let batch: Batch | undefined;
        const pred: Pred = p.primary(name, async (e: Entry, s: FindState) => {
          const { dir, target } = local ? localTarget(e.path) : { dir: undefined, target: e.path };
          if (batch && (batch.dir !== dir || batch.size + target.length + 1 > ARG_BUDGET)) await flush(s);
          batch ??= { dir, args: [], size: initialSize };
          batch.args.push(target);
          batch.size += target.length + 1;
          return true;
        }, { noDefaultPrint: true });
        const flush = async (s: FindState): Promise<void> => {
          const b = batch;
          batch = undefined;
          if (!b || !b.args.length) return;
          const r = await runCommand(s.ctx, [...initial, ...b.args], { cwd: b.dir });
          if (r.execError) {
            if (r.stage === 'chdir') await s.ctx.error(`Failed to change directory: ${strerror(r.execError.errno)}`);
            else await s.ctx.error(`${q(initial[0]!)}: ${strerror(r.execError.errno)}`);
            s.status = 1;
          } else if (r.status.kind === 'signaled') {
            await s.ctx.error(`${q(initial[0]!)} terminated by signal ${r.status.signal}`);
            s.status = 1;
          } else if (r.status.kind === 'exited' && r.status.code !== 0) {
            s.status = 1;
          }
        };
        pred.finish = flush;
        return true;
      }
      p.primary(name, async (e: Entry, s: FindState) => {
        const { dir, target } = local ? localTarget(e.path) : { dir: undefined, target: e.path };
        if (ok) {
          await s.ctx.out.flush();
          if (!(await yesno(s.ctx, `< ${words[0]} ... ${e.path} > ? `))) return false;
        }
        const argv = words.map((w) => w.split('{}').join(target));
        return launch(s, argv, dir, ok);
      }, { noDefaultPrint: true });
      return true;
    },
  };
}

export const execParsers: Record<string, ParserEntry> = {
  exec: execParser('-exec'),
  execdir: execParser('-execdir'),
  ok: execParser('-ok'),
  okdir: execParser('-okdir'),
};
