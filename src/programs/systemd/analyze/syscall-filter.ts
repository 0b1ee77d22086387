// systemd-analyze syscall-filter [@GROUP...] (src/analyze/analyze-syscall-filter.c): the groups
// of system calls that SystemCallFilter= takes, each with its description and members. With no
// names, every group, then the calls known but in no group but @known, then those the running
// kernel offers (its tracing events) that no group lists.
import { SYSCALL_FILTER_SETS, syscallFilterSetFind } from '../../../shared/systemd/syscall-sets';
import type { Ctx } from '../../lib/context';

const dump = (name: string, help: string, members: string[]): string => `${name}\n    # ${help}\n${members.map((m) => `    ${m}\n`).join('')}`;

/** The system calls the kernel traces (load_kernel_syscalls()), or the reason there are none. */
async function kernelSyscalls(ctx: Ctx): Promise<Set<string> | string> {
  let text: string | undefined;
  for (const path of ['/sys/kernel/tracing/available_events', '/sys/kernel/debug/tracing/available_events']) {
    try {
      text = new TextDecoder().decode(await ctx.sys.readFile(path));
      break;
    } catch {
      // the next place, then "No such file or directory"
    }
  }
  if (text === undefined) return 'No such file or directory';
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('syscalls:sys_enter_')) continue;
    const name = line.slice('syscalls:sys_enter_'.length);
    // named otherwise inside the kernel
    if (!['newuname', 'newfstat', 'newstat', 'newlstat', 'sysctl'].includes(name)) out.add(name);
  }
  return out;
}

export async function verbSyscallFilter(ctx: Ctx, names: string[], quiet: boolean): Promise<number> {
  if (names.length > 0) {
    let out = '';
    for (const [i, name] of names.entries()) {
      if (i > 0) out += '\n';
      const set = syscallFilterSetFind(name);
      if (!set) {
        // the listing so far comes first (stdout is flushed)
        await ctx.out.write(out);
        await ctx.out.flush();
        await ctx.err.write(`Filter set "${name}" not found.\n`);
        return 1;
      }
      out += dump(set.name, set.help, set.members);
    }
    await ctx.print(out);
    return 0;
  }
  const kernel = quiet ? undefined : await kernelSyscalls(ctx);
  const known = new Set(SYSCALL_FILTER_SETS[SYSCALL_FILTER_SETS.length - 1]![2].split(' ').filter((m) => !m.startsWith('@')));
  const parts: string[] = [];
  for (const [name, help, members] of SYSCALL_FILTER_SETS) {
    const list = members.split(' ');
    parts.push(dump(name, help, list));
    for (const m of list) {
      if (typeof kernel === 'object') kernel.delete(m);
      if (name !== '@known') known.delete(m);
    }
  }
  let out = parts.join('\n');
  if (quiet) {
    await ctx.print(out);
    return 0;
  }
  const listing = (set: Set<string>): string => [...set].sort().map((m) => `#   ${m}\n`).join('');
  if (known.size > 0) out += `\n# Ungrouped System Calls (known but not included in any of the groups except @known):\n${listing(known)}`;
  if (typeof kernel === 'string') {
    await ctx.print(`${out}\n`);
    await ctx.out.flush();
    await ctx.err.write(`# Not showing unlisted system calls, couldn't retrieve kernel system call list: ${kernel}\n`);
    return 0;
  }
  if (kernel !== undefined && kernel.size > 0) out += `\n# Unlisted System Calls (supported by the local kernel, but not included in any of the groups listed above):\n${listing(kernel)}`;
  await ctx.print(out);
  return 0;
}
