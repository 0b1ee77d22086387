// Redirections applied in the shell's own process: each one saves the descriptor it
// replaces (close-on-exec, above 10) so the shell can restore it after a builtin,
// function or compound command; a spawned program simply inherits the result.
import { isSysError, strerror } from '../../shared/errno';
import { encodeText } from '../../shared/bytes';
import type { Redir } from './ast';
import { expandToString, expandWord, ExpansionError, setElement } from './expand';
import type { Interpreter } from './interpreter';
import { makeChild } from './fork';
import { ReadonlyError } from './state';
import { isNetPath, openNetPath } from './net-redirect';

export class RedirectError extends Error {}

/** Saving a descriptor a redirection replaces failed (add_undo_redirect: no descriptor left). */
export class SaveFailed {
  constructor(readonly errno: Parameters<typeof strerror>[0]) {}
}


/** Applies `redirs`; returns a function that undoes them. Throws RedirectError after reporting. */
/**
 * `external`: the redirections are for a program about to be started, which bash applies in
 * the forked child (nothing to save): when saving a descriptor fails here, SaveFailed is
 * thrown unreported so the caller can do just that.
 */
export async function applyRedirs(sh: Interpreter, redirs: Redir[], permanent = false, external = false): Promise<() => void> {
  const sys = sh.sys;
  const saved: { fd: number; copy: number | undefined }[] = [];
  const save = (fd: number): void => {
    if (permanent || saved.some((s) => s.fd === fd)) return;
    let copy: number | undefined;
    if (sys.isOpen(fd)) {
      try {
        copy = sys.dup(fd);
      } catch (e) {
        if (isSysError(e)) throw new SaveFailed(e.errno);
        throw e;
      }
      // move the copy out of the way (>= 10, F_DUPFD 10) and keep it from children; under a
      // low RLIMIT_NOFILE it stays where it is
      if (copy < 10) {
        let high = 10;
        while (sys.isOpen(high)) high++;
        if (high < sys.getrlimit('nofile').soft) {
          sys.dup2(copy, high);
          sys.close(copy);
          copy = high;
        }
      }
      sys.setCloexec(copy, true);
    }
    saved.push({ fd, copy });
  };
  const undo = (): void => {
    for (const s of saved.reverse()) {
      if (s.copy === undefined) {
        if (sys.isOpen(s.fd)) sys.close(s.fd);
      } else if (sys.isOpen(s.copy)) {
        // (after exec replaced this process the close-on-exec copies are gone: nothing to restore)
        sys.dup2(s.copy, s.fd);
        sys.close(s.copy);
      }
    }
  };
  const place = (fd: number, opened: number): void => {
    if (opened === fd) return;
    try {
      save(fd);
    } catch (e) {
      sys.close(opened);
      throw e;
    }
    sys.dup2(opened, fd);
    sys.close(opened);
  };
  // a program's redirections are bash's child's: a process substitution there leaves $! alone
  const bang = sh.state.lastBg;
  try {
    for (const r of redirs) {
      try {
        await applyOne(sh, r, save, place, external, permanent);
        if (external) sh.state.lastBg = bang;
      } catch (e) {
        if (!(e instanceof SaveFailed) || external) throw e;
        // sys_error's line, then redirection_error's about the redirection itself
        await sh.write(2, `${sh.state.arg0}: redirection error: cannot duplicate fd: ${strerror(e.errno)}\n`);
        await sh.error(`${r.target.text}: ${strerror(e.errno)}`);
        throw new RedirectError();
      }
    }
  } catch (e) {
    undo();
    throw e;
  }
  return undo;
}

async function target(sh: Interpreter, r: Redir): Promise<string> {
  const fields = await expandWord(sh, r.target);
  if (fields.length !== 1) {
    await sh.error(`${r.target.text}: ambiguous redirect`);
    throw new RedirectError();
  }
  return fields[0]!;
}

/** {name}> or {name[i]}>: the variable or array element that holds the descriptor. */
function fdVarValue(sh: Interpreter, ref: string): string {
  const m = /^(\w+)\[(.*)\]$/.exec(ref);
  if (!m) return sh.state.get(ref) ?? '';
  const v = sh.state.lookup(m[1]!);
  return (v?.assoc ? v.assoc.get(m[2]!) : v?.array?.get(Number(m[2]))) ?? '';
}

function setFdVar(sh: Interpreter, ref: string, value: string): void {
  const m = /^(\w+)\[(.*)\]$/.exec(ref);
  if (m && !setElement(sh.state, m[1]!, m[2]!, value)) throw new ExpansionError(`${ref}: bad array subscript`);
  else sh.state.set(ref, value);
}

async function applyOne(sh: Interpreter, r: Redir, save: (fd: number) => void, place: (fd: number, opened: number) => void, external: boolean, permanent: boolean): Promise<void> {
  const sys = sh.sys;
  const defaultFd = r.op.startsWith('<') ? 0 : 1;
  let fd = r.fd ?? defaultFd;
  const openFile = async (path: string, flags: Parameters<typeof sys.open>[1]): Promise<number> => {
    // a restricted shell writes to no file by redirection (>, >>, >|, <>, &>, >&file), nor
    // opens network connections
    if (sh.state.restricted && (flags.write || /^\/dev\/(tcp|udp)\//.test(path))) {
      await sh.error(`${path}: restricted: cannot redirect output`);
      throw new RedirectError();
    }
    try {
      // noclobber (bash's noclobber_open): an existing regular file is refused; a name that
      // does not exist is created exclusively (a dangling symlink is refused too)
      if (flags.truncate && sh.state.options.has('noclobber') && r.op !== '>|' && !isNetPath(path)) {
        let kind: string | undefined;
        try {
          kind = (await sys.stat(path)).kind;
        } catch {
          kind = undefined;
        }
        try {
          if (kind === 'file') throw new RedirectError();
          return await sys.open(path, kind === undefined ? { ...flags, exclusive: true } : { ...flags, truncate: false }, 0o666);
        } catch (e) {
          if (!(e instanceof RedirectError) && !(isSysError(e) && e.errno === 'EEXIST')) throw e;
          await sh.error(`${path}: cannot overwrite existing file`);
          throw new RedirectError();
        }
      }
      if (isNetPath(path)) return await openNetPath(sh, path);
      return await sys.open(path, flags, 0o666);
    } catch (e) {
      if (e instanceof RedirectError) throw e;
      if (isSysError(e)) {
        await sh.error(`${path}: ${strerror(e.errno)}`);
        throw new RedirectError();
      }
      throw e;
    }
  };
  const assignVar = async (opened: number): Promise<void> => {
    // {var}> form: the shell picks a descriptor >= 10 and stores it in var
    let high = 10;
    while (sys.isOpen(high)) high++;
    sys.dup2(opened, high);
    sys.close(opened);
    try {
      setFdVar(sh, r.fdVar!, String(high));
    } catch (e) {
      if (!(e instanceof ReadonlyError)) throw e;
      // a readonly variable: the descriptor is closed again and the redirection fails
      sys.close(high);
      await sh.error(e.message);
      await sh.error(`${r.fdVar}: cannot assign fd to variable`);
      throw new RedirectError();
    }
  };
  switch (r.op) {
    case '<':
    case '>':
    case '>|':
    case '>>':
    case '<>': {
      const path = await target(sh, r);
      const flags = r.op === '<' ? { read: true } : r.op === '<>' ? { read: true, write: true, create: true } : { write: true, create: true, truncate: r.op !== '>>', append: r.op === '>>' };
      const opened = await openFile(path, flags);
      if (r.fdVar) await assignVar(opened);
      else place(fd, opened);
      return;
    }
    case '&>':
    case '&>>': {
      const path = await target(sh, r);
      const opened = await openFile(path, { write: true, create: true, truncate: r.op === '&>', append: r.op === '&>>' });
      place(1, opened);
      save(2);
      sys.dup2(1, 2);
      return;
    }
    case '<&':
    case '>&': {
      // (the word expanding to no word, or to several, is ambiguous; to an empty one, it is
      // all digits to bash's all_digits and so no valid descriptor)
      const fields = await expandWord(sh, r.target);
      if (fields.length !== 1) {
        await sh.error(`${r.target.text}: ambiguous redirect`);
        throw new RedirectError();
      }
      const word = fields[0]!;
      if (word === '') {
        // (bash guesses which side is bad: the word for <& on 0 and >& on 1, else the descriptor)
        await sh.error(`${fd === (r.op === '<&' ? 0 : 1) ? r.target.text : fd}: Bad file descriptor`);
        throw new RedirectError();
      }
      if (word === '-' && r.fdVar) {
        // {var}>&-: closes the descriptor the variable holds
        const held = fdVarValue(sh, r.fdVar);
        if (!/^\d+$/.test(held)) {
          await sh.error(`${r.fdVar}: ambiguous redirect`);
          throw new RedirectError();
        }
        if (sys.isOpen(Number(held))) sys.close(Number(held));
        return;
      }
      if (word === '-') {
        save(fd);
        if (sys.isOpen(fd)) sys.close(fd);
        return;
      }
      const move = word.endsWith('-') && /^\d+-$/.test(word);
      if (/^\d+-?$/.test(word)) {
        const from = Number(move ? word.slice(0, -1) : word);
        // (to undo a move bash first copies its source aside, where n is open: failing there
        // is a redirection error of its own)
        if (move && !sys.isOpen(from) && from !== fd && sys.isOpen(fd) && !external && !permanent) await sh.write(2, `${sh.state.arg0}: redirection error: cannot duplicate fd: ${strerror('EBADF')}\n`);
        if (!sys.isOpen(from)) {
          await sh.error(`${from}: Bad file descriptor`);
          throw new RedirectError();
        }
        if (r.fdVar) {
          await assignVar(sys.dup(from));
          return;
        }
        const wasOpen = sys.isOpen(fd);
        if (from !== fd) {
          save(fd);
          sys.dup2(from, fd);
        }
        // n>&m- moves m: for this command only, like the other redirections; but bash sets up
        // the reopening of m only when n was open before (it tests n where it means m), so a
        // builtin's or a group's `3>&1-` leaves the shell's stdout closed (a program's
        // redirections are made in its own process)
        if (move && from !== fd) {
          if (wasOpen || external) save(from);
          sys.close(from);
        }
        return;
      }
      if (r.op === '>&' && r.fd === undefined) {
        // >& word with a file name: both stdout and stderr
        const opened = await openFile(word, { write: true, create: true, truncate: true });
        place(1, opened);
        save(2);
        sys.dup2(1, 2);
        return;
      }
      await sh.error(`${word}: ambiguous redirect`);
      throw new RedirectError();
    }
    case '<<':
    case '<<-':
    case '<<<': {
      let body: string;
      try {
        if (r.op === '<<<') body = `${await expandToString(sh, r.target)}\n`;
        else if (r.heredoc!.quoted) body = r.heredoc!.body;
        else body = await sh.expandHeredoc(r.heredoc!.body);
      } catch (e) {
        // an error expanding the document (even ${x?} or set -u) fails just this command
        if (e instanceof ExpansionError) {
          if (e.raw) await sh.write(2, `${e.message}\n`);
          else await sh.error(e.message);
        } else if (e instanceof ReadonlyError) await sh.error(e.message);
        else throw e;
        throw new RedirectError();
      }
      let rd: number;
      let wr: number;
      try {
        [rd, wr] = sys.pipe();
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sh.error(`cannot create temp file for here-document: ${strerror(e.errno)}`);
        throw new RedirectError();
      }
      const data = encodeText(body);
      if (data.length <= 65536) {
        // fits in the pipe: write it now (bash also uses a pipe for small documents)
        await sys.write(wr, data);
      } else {
        await makeChild(sh, () => sys.fork(async (child) => {
          await child.write(wr, data);
          return 0;
        }, { fds: new Map([[wr, wr]]) }));
      }
      sys.close(wr);
      fd = r.fd ?? 0;
      if (r.fdVar) await assignVar(rd);
      else place(fd, rd);
      return;
    }
  }
}
