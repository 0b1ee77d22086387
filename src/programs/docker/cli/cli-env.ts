// The client's surroundings that change what docker prints: its environment
// variables (defaults of some flags), the terminal, the installed plugins, and
// what the daemon reports (features are hidden or refused accordingly,
// cmd/docker/docker.go hideUnsupportedFeatures / isSupported).

import { DOCKER_API_VERSION } from './commands';
import type { EnvDefault, FeatureAnnotations, FlagSpec } from './commands-spec';

/** What the CLI learns from the daemon (ServerInfo / ping). */
export interface DaemonInfo {
  /** "linux"; '' when unknown. */
  readonly osType: string;
  readonly experimental: boolean;
  /** Negotiated API version. */
  readonly apiVersion: string;
  /** null when the daemon did not report a swarm status. */
  readonly swarm: { readonly nodeState: string; readonly controlAvailable: boolean } | null;
}

/** A running Photon daemon: linux, not experimental, swarm inactive. */
export const DEFAULT_DAEMON: DaemonInfo = {
  osType: 'linux',
  experimental: false,
  apiVersion: DOCKER_API_VERSION,
  swarm: { nodeState: 'inactive', controlAvailable: false },
};

/** What docker knows when the daemon cannot be reached: nothing. */
export const UNREACHABLE_DAEMON: DaemonInfo = {
  osType: '',
  experimental: false,
  apiVersion: DOCKER_API_VERSION,
  swarm: null,
};

/** An installed CLI plugin (docker-buildx, docker-compose); Photon ships none by default. */
export interface PluginInfo {
  readonly name: string;
  readonly short: string;
}

export interface CliEnv {
  /** The client's environment variables (HOME, DOCKER_CONFIG, DOCKER_BUILDKIT, ...). */
  readonly environ?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Columns of the terminal on stdin, or 80 when stdin is not a terminal. */
  readonly width?: number;
  readonly stdoutIsTerminal?: boolean;
  readonly stderrIsTerminal?: boolean;
  /** null: the daemon cannot be reached. Default: DEFAULT_DAEMON. */
  readonly daemon?: DaemonInfo | null;
  readonly plugins?: readonly PluginInfo[];
}

export function environOf(env: CliEnv): ReadonlyMap<string, string> {
  const e = env.environ;
  if (e === undefined) return new Map();
  if (e instanceof Map) return e;
  return new Map(Object.entries(e as Readonly<Record<string, string>>));
}

export function daemonOf(env: CliEnv): DaemonInfo {
  return env.daemon === undefined ? DEFAULT_DAEMON : env.daemon === null ? UNREACHABLE_DAEMON : env.daemon;
}

function joinPath(dir: string, file: string): string {
  const d = dir.replace(/\/+$/, '');
  return `${d === '' && dir.startsWith('/') ? '' : d}/${file}`;
}

/** config.Dir(): $DOCKER_CONFIG, else $HOME/.docker. */
export function configDir(environ: ReadonlyMap<string, string>): string {
  const over = environ.get('DOCKER_CONFIG');
  if (over !== undefined && over !== '') return over;
  return joinPath(environ.get('HOME') || '/root', '.docker');
}

/** The DefValue docker gives a flag, with environment-dependent defaults resolved. */
export function flagDefault(spec: FlagSpec, environ: ReadonlyMap<string, string>): string {
  const kind: EnvDefault | undefined = spec.envDefault;
  if (kind === undefined) return spec.defValue;
  const certPath = environ.get('DOCKER_CERT_PATH') || configDir(environ);
  switch (kind) {
    case 'platform':
      return environ.get('DOCKER_DEFAULT_PLATFORM') ?? '';
    case 'contentTrust': {
      const e = environ.get('DOCKER_CONTENT_TRUST') ?? '';
      // any value other than a false boolean enables content trust
      const enabled = e !== '' && !['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(e);
      return enabled ? 'false' : 'true';
    }
    case 'configDir':
      return configDir(environ);
    case 'tls':
      return (environ.get('DOCKER_TLS') ?? '') !== '' ? 'true' : 'false';
    case 'tlsverify':
      return (environ.get('DOCKER_TLS_VERIFY') ?? '') !== '' ? 'true' : 'false';
    case 'tlscacert':
      return joinPath(certPath, 'ca.pem');
    case 'tlscert':
      return joinPath(certPath, 'cert.pem');
    case 'tlskey':
      return joinPath(certPath, 'key.pem');
  }
}

// ---------------------------------------------------------------------------
// Feature hiding (cmd/docker/docker.go hideUnsupportedFeatures)

/** Docker API version comparison (api/types/versions LessThan). */
export function versionLess(a: string, b: string): boolean {
  const pa = a.split('.').map((x) => Number(x) || 0);
  const pb = b.split('.').map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** Whether docker hides a flag or command with these annotations for this daemon. */
export function hiddenByDaemon(ann: FeatureAnnotations | undefined, daemon: DaemonInfo): boolean {
  if (ann === undefined) return false;
  if (ann.experimental === true && !daemon.experimental) return true;
  if (ann.ostype !== undefined && daemon.osType !== '' && ann.ostype !== daemon.osType) return true;
  if (ann.swarm !== undefined && daemon.swarm !== null) {
    if (ann.swarm === 'manager' && !daemon.swarm.controlAvailable) return true;
    if (ann.swarm === 'active' && daemon.swarm.nodeState === 'inactive') return true;
  }
  if (ann.version !== undefined && versionLess(daemon.apiVersion, ann.version)) return true;
  return false;
}
