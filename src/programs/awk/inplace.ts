// gawk -i inplace: its library (inplace.awk and the inplace extension) done natively. At each
// file's BEGINFILE the edit of the file before is finished and standard output (descriptor 1,
// so commands started meanwhile too) goes to a new file beside the next one; at END the last
// edit is finished: the new file replaces the old, which is kept as FILE+suffix when
// inplace::suffix (or INPLACE_SUFFIX) is set. inplace::enable=0 turns it off.
import { isSysError, strerror } from '../../shared/errno';
import { G } from './ast';
import { toBool } from './values';
import type { Runtime } from './runtime';

/** The lines of inplace.awk that call begin() and end(), which gawk's warnings name. */
const BEGIN_LINE = 59;
const END_IN_BEGINFILE = 57;
const END_IN_END = 66;

export class Inplace {
  /** FILENAME of the file being edited (or whose edit was refused); "" for none. */
  private filename = '';
  private active: { temp: string; saved: number } | undefined;

  constructor(
    private readonly rt: Runtime,
    /** The index of the library among the sources (gawk's messages name it). */
    private readonly src: number,
  ) {}

  /** The library's statement just run, as the place later messages name. */
  private at(line: number): void {
    this.rt.src = this.src;
    this.rt.line = line;
  }

  private setting(name: string): string {
    const v = this.rt.cmdVars.get(name);
    return v === undefined ? '' : this.rt.str(v);
  }

  private suffix(): string {
    const own = this.setting('inplace::suffix');
    if (own !== '' && own !== '0') return own;
    const slot = this.rt.prog.globals.indexOf('INPLACE_SUFFIX');
    return slot >= 0 ? this.rt.str(this.rt.globals[slot]!.v) : this.setting('INPLACE_SUFFIX');
  }

  private async warn(line: number, message: string): Promise<void> {
    this.at(line);
    await this.rt.io.stdout.flush();
    await this.rt.io.stderr.write(`${this.rt.name}: inplace:${line}: warning: ${message}\n`);
  }

  /** Before the program's BEGINFILE rules. */
  async beginFile(): Promise<void> {
    if (this.filename !== '') await this.end(END_IN_BEGINFILE);
    // its BEGIN rule set it to 1: only an assignment among the files changes it
    const enable = this.rt.cmdVars.get('inplace::enable');
    if (enable === undefined || toBool(enable)) {
      this.filename = this.rt.str(this.rt.globals[G.FILENAME]!.v);
      await this.begin();
      this.at(BEGIN_LINE);
    } else this.filename = '';
  }

  /** Before the program's END rules. */
  async atEnd(): Promise<void> {
    if (this.filename !== '') await this.end(END_IN_END);
  }

  /** The -v assignments came before the library's BEGIN rule. */
  forgetOptions(): void {
    this.rt.cmdVars.delete('inplace::enable');
  }

  private async begin(): Promise<void> {
    const name = this.filename;
    const sys = this.rt.ctx.sys;
    if (name === '' || name === '-' || name === '/dev/stdin') {
      await this.warn(BEGIN_LINE, `inplace::begin: disabling in-place editing for invalid FILENAME \`${name}'`);
      return;
    }
    const host = this.rt.codec.toHost(name);
    let st: Awaited<ReturnType<typeof sys.stat>>;
    try {
      st = await sys.stat(host);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.warn(BEGIN_LINE, `inplace::begin: Cannot stat \`${name}' (${strerror(e.errno)})`);
      return;
    }
    if (st.kind !== 'file') {
      await this.warn(BEGIN_LINE, `inplace::begin: \`${name}' is not a regular file`);
      return;
    }
    const temp = `${host}.gawk.${sys.pid}`;
    const fd = await sys.open(temp, { write: true, create: true, truncate: true, exclusive: true }, 0o600);
    await sys.chmod(temp, st.mode & 0o7777);
    await sys.chown(temp, st.uid, st.gid).catch(() => undefined);
    await this.rt.io.stdout.flush();
    const saved = sys.dup(1);
    sys.setCloexec(saved, true);
    sys.dup2(fd, 1);
    sys.close(fd);
    this.active = { temp, saved };
  }

  private async end(line: number): Promise<void> {
    const name = this.filename;
    this.filename = '';
    const a = this.active;
    if (!a) {
      if (name !== '' && name !== '-' && name !== '/dev/stdin') await this.warn(line, 'inplace::end: in-place editing not active');
      return;
    }
    this.active = undefined;
    const sys = this.rt.ctx.sys;
    await this.rt.io.stdout.flush();
    sys.dup2(a.saved, 1);
    sys.close(a.saved);
    const host = this.rt.codec.toHost(name);
    const suffix = this.suffix();
    if (suffix !== '') {
      const backup = `${host}${this.rt.codec.toHost(suffix)}`;
      await sys.unlink(backup).catch(() => undefined);
      await sys.link(host, backup);
    }
    await sys.rename(a.temp, host);
  }
}
