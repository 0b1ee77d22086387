// Image references as docker parses them: github.com/distribution/reference v0.6 (normalize.go,
// reference.go, regexp.go) with go-digest's checks, so `nginx` becomes
// docker.io/library/nginx:latest and a bad name gets the message docker prints.
//
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain '/'] remote-name
//   domain    := host [':' port-number]

export interface ImageReference {
  /** Registry host (and port): `docker.io`, `localhost:5000`. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`, `user/app`. */
  path: string;
  /** The tag as written (undefined when the reference had none). */
  tag?: string;
  /** `sha256:<64 hex>` as written. */
  digest?: string;
  /** `domain/path` (reference.Named's Name()). */
  name: string;
  /** The repository as `docker images` shows it: `nginx`, `user/app`, `localhost:5000/x`. */
  familiar: string;
  /** The normalized reference, `:latest` added when neither tag nor digest was given. */
  full: string;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; message: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
const NAME_MAX = 255;

// regexp.go, piece by piece (Go's RE2 and JS agree on these: no backreferences, and the
// submatches are leftmost-first in both)
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const OPTIONAL_PORT = '(?::[0-9]+)?';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_AND_PORT = HOST + OPTIONAL_PORT;
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;

const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const TAG_RE = new RegExp(`^${TAG}$`);

// go-digest: the algorithms docker registers, and the pattern of any well-formed digest
const DIGEST_ALGORITHMS: ReadonlyMap<string, number> = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);
const GO_DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** go-digest's Digest.Validate: undefined when valid, else its error text. */
function validateDigest(d: string): string | undefined {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format';
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const length = DIGEST_ALGORITHMS.get(algorithm);
  if (length === undefined) return GO_DIGEST_RE.test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  if (encoded.length !== length) return 'invalid checksum digest length';
  return new RegExp(`^[a-f0-9]{${length}}$`).test(encoded) ? undefined : 'invalid checksum digest format';
}

/** normalize.go splitDockerDomain: the registry and the remote name (with any tag/digest). */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  // uppercase is not allowed in a namespace, so an uppercase first element is a host name
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

/** The repository name docker shows: Docker Hub's domain and `library/` left out. */
function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.slice(OFFICIAL_PREFIX.length).includes('/')) return path.slice(OFFICIAL_PREFIX.length);
  return path;
}

function build(domain: string, path: string, tag: string | undefined, digest: string | undefined): ImageReference {
  const name = `${domain}/${path}`;
  const shownTag = tag ?? (digest === undefined ? DEFAULT_TAG : undefined);
  return {
    domain,
    path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    name,
    familiar: familiarName(domain, path),
    full: name + (shownTag !== undefined ? `:${shownTag}` : '') + (digest !== undefined ? `@${digest}` : ''),
  };
}

/** reference.Parse on an already normalized string. */
function parseCanonical(s: string): ParsedReference {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    if (lower !== s && REFERENCE_RE.test(lower)) return { ok: false, message: 'repository name must be lowercase' };
    return { ok: false, message: 'invalid reference format' };
  }
  const nm = ANCHORED_NAME_RE.exec(m[1]!);
  const domain = nm?.[1] ?? '';
  const path = nm ? nm[2]! : m[1]!;
  if (path.length > NAME_MAX) return { ok: false, message: `repository name must not be more than ${NAME_MAX} characters` };
  const digest = m[3];
  if (digest !== undefined) {
    const bad = validateDigest(digest);
    if (bad) return { ok: false, message: bad };
  }
  return { ok: true, ref: build(domain, path, m[2], digest) };
}

/**
 * reference.ParseNormalizedNamed: a name as a user types it (`nginx`, `user/app:1`,
 * `localhost:5000/x@sha256:...`) to its full form, or the error text docker prints.
 */
export function parseReference(s: string): ParsedReference {
  if (IDENTIFIER_RE.test(s)) return { ok: false, message: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return { ok: false, message: `invalid reference format: repository name (${remote}) must be lowercase` };
  return parseCanonical(`${domain}/${remainder}`);
}

/** reference.FamiliarString: `nginx`, `nginx:1.27`, `user/app@sha256:...` (only what was given). */
export function familiarString(ref: Pick<ImageReference, 'familiar' | 'tag' | 'digest'>): string {
  return ref.familiar + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** reference.TagNameOnly: `latest` for a reference with neither tag nor digest. */
export function withDefaultTag(ref: ImageReference): ImageReference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** A tag on its own (`docker tag SRC nginx:<tag>`): reference's anchored tag pattern. */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/** A 64-hex image ID (or a full `sha256:` digest of one), as docker accepts it in place of a name. */
export function isImageId(s: string): boolean {
  return IDENTIFIER_RE.test(s.startsWith('sha256:') ? s.slice(7) : s);
}
