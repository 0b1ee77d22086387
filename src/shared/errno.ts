// Linux errno values and their strerror() texts (glibc wording), so a program's
// message for a failed syscall is never hand-written.

export const ERRNO = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  ERANGE: [34, 'Numerical result out of range'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENODATA: [61, 'No data available'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  EDESTADDRREQ: [89, 'Destination address required'],
  EPROTONOSUPPORT: [93, 'Protocol not supported'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENETDOWN: [100, 'Network is down'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
  ETIMEDOUT: [110, 'Connection timed out'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTUNREACH: [113, 'No route to host'],
} as const;

export type Errno = keyof typeof ERRNO;

export function strerror(code: Errno): string {
  return ERRNO[code][1];
}

/** The one error type every syscall rejects with. Serialisable: plain fields only. */
export class SysError extends Error {
  readonly errno: Errno;
  readonly syscall: string;
  readonly path: string | undefined;
  /**
   * A write that failed part way (a disk filling up, RLIMIT_FSIZE): the bytes that were
   * written before it, which write(2) would have returned as a short count.
   */
  written?: number;
  constructor(errno: Errno, syscall: string, path?: string) {
    // an expected failure needs no stack trace, and capturing one made every ENOENT probe
    // (PATH lookups, unit file search) cost microseconds; V8 reads this limit in Error()
    const ctor = Error as { stackTraceLimit?: number };
    const limit = ctor.stackTraceLimit;
    ctor.stackTraceLimit = 0;
    super(`${syscall}${path !== undefined ? ` ${path}` : ''}: ${strerror(errno)}`);
    ctor.stackTraceLimit = limit;
    this.name = 'SysError';
    this.errno = errno;
    this.syscall = syscall;
    this.path = path;
  }
}

export function isSysError(e: unknown): e is SysError {
  return e instanceof SysError;
}
