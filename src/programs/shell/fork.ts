// make_child's fork (bash 5.2 jobs.c): when fork fails with EAGAIN (too many processes) bash
// says `fork: retry: Resource temporarily unavailable` and sleeps 1, 2, 4 and 8 seconds
// between tries (doubling while below FORKSLEEP_MAX, 16); then it gives up with
// `fork: Resource temporarily unavailable`. Those are sys_error() messages: the shell's name
// and no line number. Giving up is throw_to_top_level(): $? becomes 254 (EX_NOEXEC | 128); a
// non-interactive shell exits with it, an interactive one abandons the command line.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { TopLevelAbort, Interrupted, ShellExit } from './control';
import type { Interpreter } from './interpreter';

const FORKSLEEP_MAX = 16;

/** Runs `fork` (a sys.fork or sys.spawn) as make_child does; other errors pass through. */
export async function makeChild<T>(sh: Interpreter, fork: () => Promise<T>): Promise<T> {
  // (jobs that ended and were listed go first: bash's cleanup_dead_jobs)
  if (sh.state.jobs.length > 0) sh.dropReportedJobs();
  let forksleep = 1;
  let errno: Errno;
  for (;;) {
    try {
      return await fork();
    } catch (e) {
      if (!isSysError(e) || e.syscall !== 'fork') throw e;
      errno = e.errno;
      if (errno !== 'EAGAIN' || forksleep >= FORKSLEEP_MAX) break;
    }
    await sh.write(2, `${sh.state.arg0}: fork: retry: ${strerror('EAGAIN')}\n`);
    try {
      await sh.sys.sleep(forksleep * 1000);
    } catch (e) {
      // a signal cut the sleep short (^C): bash stops retrying, and errno is sleep's EINTR
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
      errno = 'EINTR';
      break;
    }
    forksleep <<= 1;
    if (sh.interrupted) break;
  }
  await sh.write(2, `${sh.state.arg0}: fork: ${strerror(errno)}\n`);
  sh.state.status = 254;
  if (sh.state.interactive) {
    if (errno === 'EINTR' || sh.interrupted) {
      sh.interrupted = false;
      throw new Interrupted();
    }
    throw new TopLevelAbort(254);
  }
  throw new ShellExit(254);
}

/**
 * pipe(2) for a pipeline; when none can be made, execute_pipeline's sys_error ("pipe error")
 * and throw_to_top_level() with $? 129 (EXECUTION_FAILURE | 128).
 */
export async function pipelinePipe(sh: Interpreter): Promise<[number, number]> {
  try {
    return sh.sys.pipe();
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sh.write(2, `${sh.state.arg0}: pipe error: ${strerror(e.errno)}\n`);
    sh.state.status = 129;
    if (sh.state.interactive) throw new TopLevelAbort(129);
    throw new ShellExit(129);
  }
}
