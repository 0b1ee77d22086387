// tdnf's error codes and messages (include/tdnferror.h, client/defines.h TDNF_ERROR_TABLE,
// tools/cli/defines.h): a command fails by throwing TdnfError(code); main prints
// `Error(code) : message` on stderr (or only the message for "Nothing to do." and "No data
// available", which exit 0) and exits with the code truncated to 8 bits.
import { strerror, type Errno } from '../../shared/errno';

export const E = {
  CHECK_UPDATES_AVAILABLE: 100,
  CLI_INVALID_ARGUMENT: 902,
  CLI_CLEAN_REQUIRES_OPTION: 903,
  CLI_NOT_ENOUGH_ARGS: 904,
  CLI_NOTHING_TO_DO: 905,
  CLI_PROVIDES_EXPECT_ARG: 907,
  CLI_OPTION_NAME_INVALID: 908,
  CLI_OPTION_ARG_REQUIRED: 909,
  CLI_SETOPT_NO_EQUALS: 911,
  CLI_NO_SUCH_CMD: 912,
  CLI_DOWNLOADDIR_REQUIRES_DOWNLOADONLY: 913,
  PACKAGE_REQUIRED: 1001,
  INVALID_REPO_FILE: 1004,
  REPO_DIR_OPEN: 1005,
  NO_MATCH: 1011,
  NO_ENABLED_REPOS: 1012,
  CLEAN_UNSUPPORTED: 1016,
  METADATA_EXPIRE_PARSE: 1029,
  PROTECTED: 1030,
  OPERATION_ABORTED: 1032,
  INVALID_INPUT: 1033,
  CACHE_DISABLED: 1034,
  DUPLICATE_REPO_ID: 1037,
  CURL_BASE: 1201,
  SOLV_FAILED: 1301,
  RPMRC_NOKEY: 1474,
  TRANSACTION_FAILED: 1525,
  NO_SEARCH_RESULTS: 1599,
  SYSTEM_BASE: 1600,
  PERM: 1601,
  NO_DATA: 1661,
  HISTORY_NODB: 1802,
} as const;

const MESSAGES: ReadonlyMap<number, string> = new Map([
  [902, 'Invalid argument.'],
  [903, 'Clean requires an option: packages, metadata, dbcache, plugins, expire-cache, all'],
  [904, 'The command line parser could not continue. Expected at least one argument.'],
  [905, 'Nothing to do.'],
  [907, 'Need an item to match.'],
  [908, 'Command line error: option is invalid.'],
  [909, 'Command line error: expected one argument.'],
  [911, 'Missing equal sign in setopt argument. setopt requires an argument of the form key=value.'],
  [912, 'Please check your command'],
  [913, '--downloaddir requires --downloadonly'],
  [1001, 'Package name expected but was not provided'],
  [1004, 'Encountered an invalid repo file'],
  [1005, 'Error opening repo dir. Check if the repodir configured in tdnf.conf exists (usually /etc/yum.repos.d)'],
  [1011, 'No matching packages'],
  [1012, 'There are no enabled repos.\n Run "tdnf repolist all" to see the repos you have.\n You can enable repos by\n 1. by passing in --enablerepo <reponame>\n 2. editing repo files in your repodir(usually /etc/yum.repos.d)'],
  [1016, 'Clean type specified is not supported in this release. Please try clean all.'],
  [1029, 'metadata_expire value could not be parsed. Check your repo files.'],
  [1030, 'The operation would result in removing a protected package.'],
  [1032, 'Operation aborted.'],
  [1033, 'Invalid input.'],
  [1034, 'cache only is set, but no repo data found'],
  [1037, 'Duplicate repo id'],
  [1301, 'Solv general runtime error'],
  [1474, 'public key is unavailable. install public key using rpm --import or use --nogpgcheck to ignore.'],
  [1525, 'rpm transaction failed'],
  [1599, 'No matches found'],
  [1601, 'Operation not permitted. You have to be root.'],
  [1802, 'History database does not exist'],
]);

/** curl_easy_strerror() for the codes a download can end with here. */
const CURL: ReadonlyMap<number, string> = new Map([
  [6, "Couldn't resolve host name"],
  [7, "Couldn't connect to server"],
  [28, 'Timeout was reached'],
  [35, 'SSL connect error'],
  [37, "Couldn't read a file:// file"],
  [56, 'Failure when receiving data from the peer'],
]);

/** errno values by number, for the 1600+errno system errors. */
const ERRNOS: readonly [number, Errno][] = [
  [1, 'EPERM'], [2, 'ENOENT'], [5, 'EIO'], [13, 'EACCES'], [17, 'EEXIST'], [20, 'ENOTDIR'], [21, 'EISDIR'], [22, 'EINVAL'], [28, 'ENOSPC'], [30, 'EROFS'],
];

export function errorMessage(code: number): string {
  const known = MESSAGES.get(code);
  if (known !== undefined) return known;
  if (code === E.NO_DATA) return 'No data available';
  if (code > E.SYSTEM_BASE && code < 1700) {
    const errno = ERRNOS.find(([n]) => n === code - E.SYSTEM_BASE)?.[1];
    if (errno) return strerror(errno);
  }
  if (code >= E.CURL_BASE && code <= 1299) return CURL.get(code - E.CURL_BASE) ?? 'Unknown error';
  return 'Unknown error';
}

export class TdnfError extends Error {
  constructor(readonly code: number) {
    super(errorMessage(code));
  }
}

/** The system error for a failed syscall (1600 + errno). */
export function systemError(errno: Errno): TdnfError {
  const n = ERRNOS.find(([, e]) => e === errno)?.[0] ?? 5;
  return new TdnfError(E.SYSTEM_BASE + n);
}
