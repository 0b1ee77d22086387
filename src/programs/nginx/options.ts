// nginx's command line (ngx_get_options): single-letter flags that may be grouped ("-tq"),
// -p/-e/-c/-g/-s taking the rest of the word or the next argument, and its messages for
// mistakes. The version and configure lines are those of Photon OS 5.0's nginx 1.26.2 build.

export const NGINX_VER = 'nginx/1.26.2';
export const PREFIX = '/etc/nginx/';
export const CONF_PATH = '/etc/nginx/nginx.conf';
export const PID_PATH = '/var/run/nginx.pid';
export const ERROR_LOG_PATH = '/var/log/nginx/error.log';
export const HTTP_LOG_PATH = '/var/log/nginx/access.log';

/** The arguments Photon's nginx.spec passes to ./configure (as -V prints them). */
const CONFIGURE = [
  '--prefix=/etc/nginx', '--sbin-path=/usr/sbin/nginx', '--conf-path=/etc/nginx/nginx.conf',
  '--pid-path=/var/run/nginx.pid', '--lock-path=/var/run/nginx.lock',
  '--error-log-path=/var/log/nginx/error.log', '--http-log-path=/var/log/nginx/access.log',
  '--user=nginx', '--group=nginx', '--add-dynamic-module=njs-0.8.4/nginx',
  '--add-dynamic-module=./headers-more-nginx-module-0.37', '--with-pcre', '--with-compat',
  '--with-http_ssl_module', '--modules-path=/etc/nginx/modules', '--with-http_auth_request_module',
  '--with-http_sub_module', '--with-http_stub_status_module', '--with-http_v2_module',
  '--with-http_realip_module', '--with-http_dav_module=dynamic', '--with-stream=dynamic',
  '--with-stream_ssl_preread_module=dynamic',
];

export interface Options {
  help: boolean;
  version: boolean;
  configure: boolean;
  test: boolean;
  dump: boolean;
  quiet: boolean;
  prefix?: string;
  errorLog?: string;
  confFile?: string;
  params?: string;
  signal?: 'stop' | 'quit' | 'reopen' | 'reload';
}

export type OptionsResult = { ok: true; options: Options } | { ok: false; message: string };

export function parseOptions(argv: readonly string[]): OptionsResult {
  const o: Options = { help: false, version: false, configure: false, test: false, dump: false, quiet: false };
  const fail = (message: string): OptionsResult => ({ ok: false, message });
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) return fail(`invalid option: "${word}"`);
    let j = 1;
    letters: while (j < word.length) {
      const c = word[j++]!;
      const rest = word.slice(j);
      const take = (what: string): string | OptionsResult => {
        if (rest) return rest;
        const next = argv[++i];
        return next !== undefined ? next : fail(`option "-${c}" requires ${what}`);
      };
      switch (c) {
        case '?':
        case 'h':
          o.version = o.help = true;
          break;
        case 'v':
          o.version = true;
          break;
        case 'V':
          o.version = o.configure = true;
          break;
        case 't':
          o.test = true;
          break;
        case 'T':
          o.test = o.dump = true;
          break;
        case 'q':
          o.quiet = true;
          break;
        case 'p':
        case 'e':
        case 'c':
        case 'g':
        case 's': {
          const v = take(c === 'p' ? 'directory name' : c === 'g' || c === 's' ? 'parameter' : 'file name');
          if (typeof v !== 'string') return v;
          if (c === 'p') o.prefix = v;
          else if (c === 'e') o.errorLog = v === 'stderr' ? '' : v;
          else if (c === 'c') o.confFile = v;
          else if (c === 'g') o.params = v;
          else {
            if (v !== 'stop' && v !== 'quit' && v !== 'reopen' && v !== 'reload') return fail(`invalid option: "-s ${v}"`);
            o.signal = v;
          }
          break letters;
        }
        default:
          return fail(`invalid option: "${c}"`);
      }
    }
  }
  return { ok: true, options: o };
}

/** What -v, -V and -h print (to stderr). */
export function versionText(o: Options): string {
  let out = `nginx version: ${NGINX_VER}\n`;
  if (o.help) {
    out += [
      'Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]',
      '             [-e filename] [-c filename] [-g directives]',
      '',
      'Options:',
      '  -?,-h         : print this help',
      '  -v            : print the version, then exit',
      '  -V            : print the version and build options, then exit',
      '  -t            : check the configuration, then exit',
      '  -T            : check the configuration, print it, then exit',
      '  -q            : during the check, print errors only',
      '  -s signal     : tell the running master process to stop, quit, reopen or reload',
      `  -p prefix     : base directory for relative paths (default: ${PREFIX})`,
      `  -e filename   : error log to use before the configuration is read (default: ${ERROR_LOG_PATH})`,
      `  -c filename   : configuration file to read (default: ${CONF_PATH})`,
      '  -g directives : main-context directives to apply on top of the file',
      '',
      '',
    ].join('\n');
  }
  if (o.configure) {
    out += 'built by gcc 12.2.0 (GCC) \n';
    out += 'built with OpenSSL 3.0.16 11 Feb 2025\n';
    out += 'TLS SNI support enabled\n';
    out += `configure arguments: ${CONFIGURE.join(' ')}\n`;
  }
  return out;
}
