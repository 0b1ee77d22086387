// hostname: the running host name and /etc/hostname; command: a command line the checker runs.
import { list } from '../host';
import type { CommandCheck, HostnameCheck } from '../types';
import { failed, pass, type EvalContext, type Outcome } from './outcome';

export function evaluateHostname(ctx: EvalContext, c: HostnameCheck): Outcome {
  const running = ctx.host.hostname();
  const file = (ctx.host.readFile('/etc/hostname') ?? '').trim();
  if (running !== c.name) {
    const disk = file === c.name ? ` (/etc/hostname already says ${c.name}: it takes effect at the next boot, or with hostnamectl set-hostname)` : '';
    return failed(`the hostname is ${running}; the lesson wants ${c.name}${disk}`);
  }
  if ((c.persistent ?? true) && file !== c.name) return failed(`the hostname is ${c.name} until the next boot, but /etc/hostname says ${file || 'nothing'}`);
  return pass(`the hostname is ${c.name}`);
}

/** A command's output, shortened for a message: its first line, at most 80 characters. */
function excerpt(text: string): string {
  const t = text.trim();
  if (t === '') return 'nothing';
  const first = t.split('\n')[0]!;
  const cut = first.length > 80 ? `${first.slice(0, 77)}...` : first;
  return JSON.stringify(t.includes('\n') || first.length > 80 ? `${cut} ...` : cut);
}

export async function evaluateCommand(ctx: EvalContext, c: CommandCheck): Promise<Outcome> {
  const r = await ctx.host.run(c.run);
  const checksOutput = c.stdoutContains !== undefined || c.stdoutMatches !== undefined;
  const wantCode = c.exitCode ?? (checksOutput ? undefined : 0);
  const reasons: string[] = [];
  if (wantCode !== undefined && r.code !== wantCode) {
    const err = r.stderr.trim() ? `: ${excerpt(r.stderr)}` : '';
    reasons.push(`\`${c.run}\` exits with status ${r.code}; the lesson wants ${wantCode}${err}`);
  }
  // what the command printed instead: its output, or what it said on stderr, and how it ended
  const printed = (): string => {
    const status = r.code !== 0 && (wantCode === undefined || r.code === wantCode) ? ` (exit status ${r.code})` : '';
    if (r.stdout.trim() === '' && r.stderr.trim() !== '') return `it printed nothing, and on stderr ${excerpt(r.stderr)}${status}`;
    return `it printed ${excerpt(r.stdout)}${status}`;
  };
  const missing = list(c.stdoutContains).filter((s) => !r.stdout.includes(s));
  if (missing.length) reasons.push(`the output of \`${c.run}\` does not contain ${missing.map((s) => JSON.stringify(s)).join(' or ')}; ${printed()}`);
  if (c.stdoutMatches !== undefined && !new RegExp(c.stdoutMatches, 'm').test(r.stdout)) {
    reasons.push(`the output of \`${c.run}\` does not match /${c.stdoutMatches}/; ${printed()}`);
  }
  if (reasons.length) return failed(reasons.join('; '));
  return pass(`\`${c.run}\` gives what the lesson wants`);
}
