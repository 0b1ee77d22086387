// gawk -p (--profile): how often each statement ran, each pattern was tried and each rule's
// action and each function were entered, counted while the program runs; pretty.ts prints the
// program with them in the left margin.
import { strftime } from '../lib/strftime';
import type { Rule, Stmt } from './ast';
import { OutStream } from './io';
import { PrettyPrinter } from './pretty';
import type { Runtime } from './runtime';

export class Profile {
  readonly stmts = new Map<Stmt, number>();
  readonly patterns = new Map<Rule, number>();
  readonly actions = new Map<Rule, number>();
  readonly calls = new Map<string, number>();

  static bump<K>(m: Map<K, number>, k: K): void {
    m.set(k, (m.get(k) ?? 0) + 1);
  }
}

/** Writes the profile where -p said (awkprof.out by default, `-` for standard output). */
export async function writeProfile(rt: Runtime, profile: Profile, target: string | undefined): Promise<void> {
  // the header's date is ctime()'s, in the local zone
  const created = strftime('%a %b %e %H:%M:%S %Y', Math.floor(rt.ctx.sys.now() / 1000) * 1000, undefined, rt.localZone());
  const text = `\t# gawk profile, created ${created}\n\n${new PrettyPrinter(rt.prog, (s) => rt.codec.encode(s), profile).print()}`;
  if (target === '-') {
    await rt.io.stdout.write(text);
    await rt.io.stdout.flush();
    return;
  }
  const fd = await rt.ctx.sys.open(rt.codec.toHost(target ?? 'awkprof.out'), { write: true, create: true, truncate: true }, 0o666);
  const out = new OutStream(rt.ctx.sys, fd, rt.codec, false, target ?? 'awkprof.out');
  await out.write(text);
  await out.flush();
  rt.ctx.sys.close(fd);
}
