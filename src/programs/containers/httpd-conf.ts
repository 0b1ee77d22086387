// What httpd reads from httpd.conf: the directives the simulated server acts on (Listen,
// DocumentRoot, DirectoryIndex, ServerName, ErrorLog, CustomLog with its LogFormat, PidFile,
// TypesConfig, Options Indexes); everything else is accepted and ignored. IfModule sections
// count as present (the image loads those modules).

export const HTTPD_ROOT = '/usr/local/apache2';
export const APACHE = 'Apache/2.4.62 (Unix)';
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface HttpdConf {
  serverRoot: string;
  listen: { address: string; port: number }[];
  documentRoot: string;
  directoryIndex: string[];
  serverName?: string;
  errorLog: string;
  customLog?: { path: string; format: string };
  pidFile: string;
  typesConfig?: string;
  indexes: boolean;
}

const DEFAULT_FORMATS: Record<string, string> = {
  common: '%h %l %u %t "%r" %>s %b',
  combined: '%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"',
};

/** Splits a directive line into words, honouring "double quotes" and backslash escapes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/** Parses httpd.conf; a string is the error message httpd prints (AH00526 style). */
export function parseConf(text: string, file: string, serverRoot: string): HttpdConf | string {
  const conf: HttpdConf = {
    serverRoot, listen: [], documentRoot: `${serverRoot}/htdocs`, directoryIndex: ['index.html'], errorLog: 'logs/error_log', pidFile: 'logs/httpd.pid', indexes: false,
  };
  const formats: Record<string, string> = { ...DEFAULT_FORMATS };
  let customLog: [string, string] | undefined;
  let inDocRoot = false;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line || line.startsWith('#')) continue;
    const w = words(line);
    const name = w[0]!.toLowerCase();
    if (name.startsWith('</')) {
      if (name === '</directory>') inDocRoot = false;
      continue;
    }
    if (name === '<directory') {
      const dir = (w[1] ?? '').replace(/>$/, '');
      inDocRoot = dir === conf.documentRoot;
      continue;
    }
    if (name.startsWith('<')) continue;
    const args = w.slice(1);
    const bad = (): string => `AH00526: Syntax error on line ${n + 1} of ${file}:\n${w[0]} takes one argument, ${name === 'listen' ? 'A port number or a numeric IP address and a port number, plus an optional protocol' : 'an argument'}`;
    switch (name) {
      case 'serverroot': conf.serverRoot = args[0] ?? conf.serverRoot; break;
      case 'listen': {
        const a = args[0];
        if (!a) return bad();
        const m = /^(?:\[?([0-9a-fA-F:.]+?)\]?:)?(\d+)$/.exec(a);
        if (!m || Number(m[2]) > 65535) return `AH00526: Syntax error on line ${n + 1} of ${file}:\nPort must be specified`;
        conf.listen.push({ address: m[1] ?? '', port: Number(m[2]) });
        break;
      }
      case 'documentroot': if (args[0]) conf.documentRoot = args[0].replace(/\/$/, ''); break;
      case 'directoryindex': conf.directoryIndex = args; break;
      case 'servername': if (args[0]) conf.serverName = args[0]; break;
      case 'errorlog': if (args[0]) conf.errorLog = args[0]; break;
      case 'logformat': if (args.length >= 2) formats[args[1]!] = args[0]!; else if (args[0]) formats['\0'] = args[0]; break;
      case 'customlog': if (args.length >= 2) customLog = [args[0]!, args[1]!]; break;
      case 'transferlog': if (args[0]) customLog = [args[0], '\0']; break;
      case 'pidfile': if (args[0]) conf.pidFile = args[0]; break;
      case 'typesconfig': if (args[0]) conf.typesConfig = args[0]; break;
      case 'options': if (inDocRoot) conf.indexes = args.some((a) => /^\+?Indexes$/i.test(a)); break;
    }
  }
  if (conf.listen.length === 0) return 'no listening sockets available, shutting down\nAH00015: Unable to open logs';
  if (customLog) conf.customLog = { path: customLog[0], format: formats[customLog[1]] ?? (customLog[1].includes('%') ? customLog[1] : DEFAULT_FORMATS.common!) };
  return conf;
}

/** A path of the configuration, relative to ServerRoot unless absolute. */
export function underRoot(conf: HttpdConf, path: string): string {
  return path.startsWith('/') ? path : `${conf.serverRoot.replace(/\/$/, '')}/${path}`;
}

const BUILTIN_TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', txt: 'text/plain', js: 'text/javascript', json: 'application/json',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/vnd.microsoft.icon', xml: 'application/xml', pdf: 'application/pdf',
};

/** Extension -> type from a mime.types text (`type ext ext...` lines), over the built-in few. */
export function mimeTypes(text: string | undefined): Map<string, string> {
  const map = new Map(Object.entries(BUILTIN_TYPES));
  for (const line of (text ?? '').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!f[0] || f[0].startsWith('#')) continue;
    for (const ext of f.slice(1)) map.set(ext.toLowerCase(), f[0]);
  }
  return map;
}
