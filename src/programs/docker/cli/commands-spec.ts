// Types and small builders for the docker CLI command table.
//
// The table mirrors the cobra command tree of docker/cli v27.3.1: each command's
// `Use` line, aliases, argument validator, interspersed setting and pflag flags
// (name, shorthand, Value type, Go default value, hidden, annotations). Those are
// interface facts. Summaries and flag descriptions are written for this project.

/** How a flag's value is stored and parsed; mirrors the pflag.Value type docker uses. */
export type FlagKind =
  | 'bool'
  | 'string'
  | 'quotedString' // opts.QuotedString: a string with surrounding quotes removed
  | 'int' // pflag IntVar (Go int, 64-bit)
  | 'int64'
  | 'uint16'
  | 'uint64'
  | 'duration' // time.Duration (value kept in milliseconds)
  | 'stringSlice' // comma-separated, accumulating
  | 'stringArray' // accumulating, no splitting
  | 'stringToString' // key=value pairs, comma-separated
  | 'list' // opts.ListOpts, accumulating, optional validator
  | 'map' // opts.MapOpts, key=value, optional validator
  | 'bytes' // opts.MemBytes (units.RAMInBytes)
  | 'swapBytes' // opts.MemSwapBytes ("-1" = unlimited)
  | 'decimal' // opts.NanoCPUs
  | 'filter' // opts.FilterOpt (name=value)
  | 'ulimit' // opts.UlimitOpt
  | 'throttleBps' // opts.ThrottledeviceOpt with a byte rate
  | 'throttleIops' // opts.ThrottledeviceOpt with an IO rate
  | 'weightDevice' // opts.WeightdeviceOpt
  | 'mount' // opts.MountOpt (kept raw)
  | 'network' // opts.NetworkOpt (kept raw)
  | 'gpus'; // opts.GpuOpts (kept raw)

/** Validators docker attaches to ListOpts/MapOpts values (opts/*.go). */
export type ValidatorName =
  | 'env' // opts.ValidateEnv
  | 'label' // opts.ValidateLabel
  | 'ip' // opts.ValidateIPAddress
  | 'dnsSearch' // opts.ValidateDNSSearch
  | 'extraHost' // opts.ValidateExtraHost
  | 'link' // opts.ValidateLink
  | 'attach' // container validateAttach
  | 'deviceCgroupRule' // container validateDeviceCgroupRule
  | 'sysctl' // opts.ValidateSysctl
  | 'tag'; // image build validateTag (reference.ParseNormalizedNamed)

/** Annotations docker reads to hide or refuse features (cmd/docker/docker.go). */
export interface FeatureAnnotations {
  /** Minimum daemon API version. */
  readonly version?: string;
  /** Only on a daemon of this OS type. */
  readonly ostype?: string;
  /** Needs a daemon with experimental features. */
  readonly experimental?: true;
  /** Swarm requirement: 'manager', 'active' or '' (swarm related). */
  readonly swarm?: string;
}

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** pflag's DefValue: the default as Go prints it ("false", "0", "map[]", "[]", ...). */
  readonly defValue: string;
  readonly description: string;
  readonly hidden?: boolean;
  /** pflag ShorthandDeprecated: the shorthand still works but is not listed. */
  readonly shorthandDeprecated?: string;
  readonly validator?: ValidatorName;
  readonly annotations?: FeatureAnnotations;
  /** This flag writes into the value of another flag (--net → --network). */
  readonly storedIn?: string;
  /** The default comes from the client environment (see parse.ts flagDefault). */
  readonly envDefault?: EnvDefault;
}

/** Defaults docker computes from its environment when it defines the flag. */
export type EnvDefault =
  | 'platform' // $DOCKER_DEFAULT_PLATFORM
  | 'contentTrust' // !$DOCKER_CONTENT_TRUST
  | 'configDir' // $DOCKER_CONFIG or ~/.docker
  | 'tls' // $DOCKER_TLS set
  | 'tlsverify' // $DOCKER_TLS_VERIFY set
  | 'tlscacert' // <cert path>/ca.pem
  | 'tlscert' // <cert path>/cert.pem
  | 'tlskey'; // <cert path>/key.pem

/** cobra positional-argument validators used by docker (cli/required.go, cobra args.go). */
export type ArgsRule =
  | { readonly kind: 'any' } // Args == nil
  | { readonly kind: 'none' } // cli.NoArgs
  | { readonly kind: 'min'; readonly n: number } // cli.RequiresMinArgs
  | { readonly kind: 'max'; readonly n: number } // cli.RequiresMaxArgs
  | { readonly kind: 'range'; readonly min: number; readonly max: number } // cli.RequiresRangeArgs
  | { readonly kind: 'exact'; readonly n: number } // cli.ExactArgs
  | { readonly kind: 'cobraExact'; readonly n: number }; // cobra.ExactArgs

export interface CommandAnnotations extends FeatureAnnotations {
  /** "experimentalCLI": the usage text carries the EXPERIMENTAL block. */
  readonly experimentalCLI?: true;
}

export interface CommandSpec {
  /** cobra Use: the name followed by the argument synopsis. */
  readonly use: string;
  readonly short: string;
  /** cobra Long: replaces the summary in the usage text when set. */
  readonly long?: string;
  /** cobra Example: printed under "Examples:". */
  readonly example?: string;
  /** cobra Aliases (other names accepted under the same parent). */
  readonly aliases?: readonly string[];
  /** The "aliases" annotation: the text shown under "Aliases:". */
  readonly aliasesText?: string;
  readonly args: ArgsRule;
  /** false for commands that stop parsing flags at the first argument (run, exec, ...). */
  readonly interspersed?: boolean;
  readonly flags?: readonly FlagSpec[];
  /** The command defines its own --help without -h (run/create, where -h is --hostname). */
  readonly localHelp?: boolean;
  readonly subcommands?: readonly CommandSpec[];
  /** "category-top" annotation: listed under "Common Commands" at the root. */
  readonly categoryTop?: string;
  readonly hidden?: boolean;
  readonly annotations?: CommandAnnotations;
  /**
   * Only the command's place in the tree is modelled (swarm, plugin, trust, ...):
   * its options are not, so its arguments are passed through unparsed.
   */
  readonly outline?: boolean;
}

/** The command's name: the first word of its Use line (cobra Command.Name). */
export function commandName(spec: CommandSpec): string {
  const m = /^\S+/.exec(spec.use);
  return m ? m[0] : spec.use;
}

// ---------------------------------------------------------------------------
// Builders

type FlagExtras = Partial<Omit<FlagSpec, 'name' | 'kind' | 'description'>>;

const ZERO_DEFAULTS: Readonly<Record<FlagKind, string>> = {
  bool: 'false',
  string: '',
  quotedString: '',
  int: '0',
  int64: '0',
  uint16: '0',
  uint64: '0',
  duration: '0s',
  stringSlice: '[]',
  stringArray: '[]',
  stringToString: '[]',
  list: '',
  map: 'map[]',
  bytes: '0',
  swapBytes: '0',
  decimal: '',
  filter: '',
  ulimit: '[]',
  throttleBps: '[]',
  throttleIops: '[]',
  weightDevice: '[]',
  mount: '',
  network: '',
  gpus: '',
};

export function flag(kind: FlagKind, name: string, description: string, extras: FlagExtras = {}): FlagSpec {
  return { name, kind, description, ...extras, defValue: extras.defValue ?? ZERO_DEFAULTS[kind] };
}

export const boolF = (name: string, description: string, extras: FlagExtras = {}): FlagSpec =>
  flag('bool', name, description, extras);
export const stringF = (name: string, description: string, extras: FlagExtras = {}): FlagSpec =>
  flag('string', name, description, extras);
export const listF = (name: string, description: string, extras: FlagExtras = {}): FlagSpec =>
  flag('list', name, description, extras);

export const NONE: ArgsRule = { kind: 'none' };
export const ANY: ArgsRule = { kind: 'any' };
export const min = (n: number): ArgsRule => ({ kind: 'min', n });
export const max = (n: number): ArgsRule => ({ kind: 'max', n });
export const exact = (n: number): ArgsRule => ({ kind: 'exact', n });
export const range = (lo: number, hi: number): ArgsRule => ({ kind: 'range', min: lo, max: hi });

// Descriptions shared by many commands (flagsHelper.FormatHelp / InspectFormatHelp),
// reworded; the line layout follows the original.
export const FORMAT_HELP = `Format the output with a template:
'table':            Print a table with column headers (default)
'table TEMPLATE':   Print a table using the given Go template
'json':             Print as JSON
'TEMPLATE':         Print using the given Go template.
See https://docs.docker.com/go/formatting/ to learn about output templates`;

export const INSPECT_FORMAT_HELP = `Format the output with a template:
'json':             Print as JSON
'TEMPLATE':         Print using the given Go template.
See https://docs.docker.com/go/formatting/ to learn about output templates`;

export const formatF = (): FlagSpec => stringF('format', FORMAT_HELP);
export const inspectFormatF = (): FlagSpec => stringF('format', INSPECT_FORMAT_HELP, { short: 'f' });
export const filterF = (description: string, short?: string): FlagSpec =>
  flag('filter', 'filter', description, short === undefined ? {} : { short });
export const detachKeysF = (): FlagSpec => stringF('detach-keys', 'Key sequence that detaches from the container');
export const forceNoPromptF = (): FlagSpec => boolF('force', 'Skip the confirmation prompt', { short: 'f' });

/** command.AddPlatformFlag: defaults to $DOCKER_DEFAULT_PLATFORM (resolved when parsing). */
export const platformF = (version: string): FlagSpec =>
  stringF('platform', 'Platform to use when the server supports several', {
    annotations: { version },
    envDefault: 'platform',
  });

/** command.AddTrustVerificationFlags / AddTrustSigningFlags: default true unless DOCKER_CONTENT_TRUST. */
export const contentTrustF = (signing: boolean): FlagSpec =>
  boolF('disable-content-trust', signing ? 'Do not sign the image' : 'Do not verify the image signature', {
    defValue: 'true',
    envDefault: 'contentTrust',
  });
