// gnulib xstrtol_fatal: the message for a bad numeric option argument. The argument is put
// between plain quotes, not quoted with quote(): -B "a'b" gives 'a'b'.

export type XstrtolFailure = 'invalid' | 'suffix' | 'suffix-overflow' | 'overflow';

/** `invalid -B argument 'x'`, `invalid suffix in -B argument '1x'`, `-B argument '9...' too large`. */
export function xstrtolFatalMessage(failure: XstrtolFailure, option: string, arg: string): string {
  if (failure === 'invalid') return `invalid ${option} argument '${arg}'`;
  if (failure === 'overflow') return `${option} argument '${arg}' too large`;
  return `invalid suffix in ${option} argument '${arg}'`;
}

/** The option as the user spelled it: -B, or --block-size for any prefix of the long name. */
export function optionSpelling(argv: readonly string[], short: string | undefined, long: string): string {
  const usedLong = argv.some((a) => a.startsWith('--') && a.length > 2 && long.startsWith(a.slice(2).split('=')[0]!));
  return usedLong || short === undefined ? `--${long}` : `-${short}`;
}
