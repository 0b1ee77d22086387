// The http{} directives that change what nginx serves (http, server, location, if and
// limit_except levels), with the checks their handlers make: duplicates, values, contexts.
import type { ConfBuilder, NgxCtx } from './conf-build';
import { ConfError, type Directive } from './conf-parse';
import { newLoc, type AccessRule, type LocConf, type ServerConf } from './conf-model';
import { atoi, parseFlag, parseSize, parseTime, slotError } from './conf-values';
import { directiveSpecs } from './directives';
import { addListen, parseListen } from './conf-listen';
import { compileRegex, parseAccessRule } from './conf-regex';
import { errorPage, ifBlock, location, proxyPass, returnOp, root, serverNames, uses } from './conf-http-handlers';
import { finishServer, sslListens } from './conf-http-finish';

export { finishHttp, type ListenPlan } from './conf-http-finish';

function once(d: Directive, loc: LocConf): void {
  if (loc.seen.has(d.name)) throw slotError(d.name, 'is duplicate');
  loc.seen.add(d.name);
}

function isFlag(name: string): boolean {
  return directiveSpecs(name)?.some((s) => s.args === 'f') ?? false;
}

export async function httpDirective(b: ConfBuilder, d: Directive, ctx: NgxCtx, _block: boolean): Promise<NgxCtx | undefined> {
  const a = d.args;
  const http = b.core.http!;
  if (ctx.letter === 'u') {
    if (d.name === 'server') http.upstreams.get(ctx.upstream!)?.push(a[0]!);
    return undefined;
  }
  const loc = ctx.loc!;
  switch (d.name) {
    case 'server': {
      const sloc = newLoc(loc, d.file, d.line);
      const server: ServerConf = { file: d.file, line: d.line, names: [], primaryName: '', listens: [], loc: sloc };
      http.servers.push(server);
      return { letter: 's', loc: sloc, server, script: sloc.script, done: () => finishServer(b, server) };
    }
    case 'listen': {
      const p = await parseListen(b.env, a);
      if (p.http2) b.warnAt(d, 'the "listen ... http2" directive is deprecated, use the "http2" directive instead');
      for (const addr of p.addrs) addListen(http.servers, ctx.server!, addr);
      if (p.ssl) sslListens.set(ctx.server!, { file: d.file, line: d.line });
      return undefined;
    }
    case 'server_name':
      serverNames(b, d, ctx.server!);
      return undefined;
    case 'location':
      return location(d, ctx);
    case 'if':
      return ifBlock(b, d, ctx);
    case 'limit_except': {
      const methods = new Set<string>();
      for (const m of a) {
        if (!/^(GET|HEAD|POST|PUT|DELETE|MKCOL|COPY|MOVE|OPTIONS|PROPFIND|PROPPATCH|LOCK|UNLOCK|PATCH)$/.test(m)) throw new ConfError(`invalid method "${m}"`);
        methods.add(m);
        if (m === 'GET') methods.add('HEAD');
      }
      const rules: AccessRule[] = [];
      loc.limitExcept = { methods, rules };
      return { letter: 'x', loc: newLoc(loc, d.file, d.line), rules };
    }
    case 'upstream':
      if (http.upstreams.has(a[0]!)) throw new ConfError(`duplicate upstream "${a[0]}"`);
      b.upstreams.add(a[0]!);
      http.upstreams.set(a[0]!, []);
      return { letter: 'u', upstream: a[0]! };
    case 'proxy_set_header':
      uses(b, a[1]!);
      (loc.proxySetHeaders ??= []).push([a[0]!, a[1]!]);
      return undefined;
    case 'types': {
      const types = (loc.types ??= new Map());
      return {
        letter: ctx.letter,
        rawInclude: true,
        raw: (args, rd) => {
          const type = args[0]!;
          for (const ext of args.slice(1)) {
            const e = ext.toLowerCase();
            const prev = types.get(e);
            if (prev !== undefined && prev !== type) b.warnAt(rd, `duplicate extension "${e}", content type: "${type}", previous content type: "${prev}"`);
            types.set(e, type);
          }
        },
      };
    }
    case 'map':
    case 'split_clients':
    case 'geo': {
      const v = a[a.length - 1]!;
      if (!v.startsWith('$')) throw new ConfError(`invalid variable name "${v}"`);
      b.definedVariables.add(v.slice(1));
      return { letter: ctx.letter, raw: () => undefined };
    }
    case 'charset_map':
      return { letter: ctx.letter, raw: () => undefined };
    case 'root':
    case 'alias':
      return root(d, loc);
    case 'index':
      for (const [i, v] of a.entries()) {
        if (v === '') throw new ConfError('index "" in "index" directive is invalid');
        if (v.startsWith('/') && i !== a.length - 1) throw new ConfError(`only the last index in "index" directive should be absolute`);
        uses(b, v);
      }
      loc.index = [...(loc.seen.has('index') ? loc.index ?? [] : []), ...a];
      loc.seen.add('index');
      return undefined;
    case 'default_type':
      once(d, loc);
      loc.defaultType = a[0];
      return undefined;
    case 'error_page':
      errorPage(b, d, loc);
      return undefined;
    case 'try_files': {
      if (loc.tryFiles) throw slotError(d.name, 'is duplicate');
      const last = a[a.length - 1]!;
      if (last.startsWith('=')) {
        const code = atoi(last.slice(1));
        if (code === undefined || code > 999) throw new ConfError(`invalid code "${last.slice(1)}"`);
      }
      a.forEach((v) => uses(b, v));
      loc.tryFiles = [...a];
      return undefined;
    }
    case 'return':
      ctx.script!.push(returnOp(b, a));
      return undefined;
    case 'rewrite': {
      const flagArg = a[2];
      if (flagArg !== undefined && !['last', 'break', 'redirect', 'permanent'].includes(flagArg)) throw new ConfError(`invalid parameter "${flagArg}"`);
      uses(b, a[1]!);
      ctx.script!.push({ kind: 'rewrite', re: compileRegex(a[0]!, false), replacement: a[1]!, flag: flagArg as 'last' | undefined });
      return undefined;
    }
    case 'set': {
      if (!a[0]!.startsWith('$')) throw new ConfError(`invalid variable name "${a[0]}"`);
      b.definedVariables.add(a[0]!.slice(1));
      uses(b, a[1]!);
      ctx.script!.push({ kind: 'set', name: a[0]!.slice(1), value: a[1]! });
      return undefined;
    }
    case 'break':
      ctx.script!.push({ kind: 'break' });
      return undefined;
    case 'access_log': {
      if (a[0] === 'off') {
        loc.accessLogs = 'off';
        return undefined;
      }
      const format = a[1] && !a[1].includes('=') ? a[1] : 'combined';
      if (format !== 'combined' && !http.logFormats.has(format)) throw new ConfError(`unknown log format "${format}"`);
      uses(b, a[0]!);
      const list = Array.isArray(loc.accessLogs) ? loc.accessLogs : (loc.accessLogs = []);
      list.push({ path: b.full(a[0]!), format });
      return undefined;
    }
    case 'log_format': {
      const name = a[0]!;
      if (name === 'combined' || http.logFormats.has(name)) throw new ConfError(`duplicate "log_format" name "${name}"`);
      const parts = a.slice(1).filter((p, i) => !(i === 0 && p.startsWith('escape=')));
      const fmt = parts.join('');
      uses(b, fmt);
      http.logFormats.set(name, fmt);
      return undefined;
    }
    case 'error_log':
      (loc.errorLogs ??= []).push(b.errorLog(d));
      return undefined;
    case 'add_header':
      if (a[2] !== undefined && a[2] !== 'always') throw new ConfError(`invalid parameter "${a[2]}"`);
      uses(b, a[1]!);
      (loc.addHeaders ??= []).push({ name: a[0]!, value: a[1]!, always: a[2] === 'always' });
      return undefined;
    case 'keepalive_timeout': {
      once(d, loc);
      const t = parseTime(a[0]!);
      const h = a[1] === undefined ? undefined : parseTime(a[1]);
      if (t === undefined || (a[1] !== undefined && h === undefined)) throw slotError(d.name, 'invalid value');
      loc.keepaliveTimeout = t;
      if (h !== undefined) loc.keepaliveHeader = Math.floor(h / 1000);
      return undefined;
    }
    case 'keepalive_requests': {
      once(d, loc);
      const n = atoi(a[0]!);
      if (n === undefined) throw slotError(d.name, 'invalid number');
      loc.keepaliveRequests = n;
      return undefined;
    }
    case 'server_tokens':
      once(d, loc);
      if (!['on', 'off', 'build'].includes(a[0]!)) throw new ConfError(`invalid value "${a[0]}"`);
      loc.serverTokens = a[0] as 'on';
      return undefined;
    case 'charset':
      once(d, loc);
      loc.charset = a[0];
      return undefined;
    case 'client_max_body_size': {
      once(d, loc);
      const n = parseSize(a[0]!);
      if (n === undefined) throw slotError(d.name, 'invalid value');
      loc.clientMaxBodySize = n;
      return undefined;
    }
    case 'allow':
    case 'deny': {
      const rule = parseAccessRule(d.name === 'allow', a[0]!);
      if (ctx.rules) ctx.rules.push(rule);
      else (loc.rules ??= []).push(rule);
      return undefined;
    }
    case 'proxy_pass':
      return proxyPass(b, d, loc);
    case 'internal':
      loc.internal = true;
      return undefined;
    case 'autoindex_format':
      once(d, loc);
      if (!['html', 'xml', 'json', 'jsonp'].includes(a[0]!)) throw new ConfError(`invalid value "${a[0]}"`);
      loc.autoindexFormat = a[0];
      return undefined;
    default:
      if (isFlag(d.name)) {
        once(d, loc);
        loc.flags.set(d.name, parseFlag(d.name, a[0]!));
      }
      if (d.name === 'ssl_certificate') loc.seen.add(d.name);
      return undefined;
  }
}

