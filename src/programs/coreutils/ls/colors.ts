// ls --color: the built-in colours (used when LS_COLORS is unset, as on a stock Photon
// install), LS_COLORS parsing (coreutils parse_ls_color and get_funky_string), and the
// choice of colour for one file (get_color_indicator).
import type { Ctx } from '../../lib/context';

export const INDICATORS = ['lc', 'rc', 'ec', 'rs', 'no', 'fi', 'di', 'ln', 'pi', 'so', 'bd', 'cd', 'mi', 'or', 'ex', 'do', 'su', 'sg', 'st', 'ow', 'tw', 'ca', 'mh', 'cl'] as const;
export type Indicator = (typeof INDICATORS)[number];

const DEFAULTS: Partial<Record<Indicator, string>> = {
  lc: '\x1b[', rc: 'm', rs: '0', di: '01;34', ln: '01;36', pi: '33', so: '01;35', bd: '01;33', cd: '01;33',
  ex: '01;32', do: '01;35', su: '37;41', sg: '30;43', st: '37;44', ow: '34;42', tw: '30;42', cl: '\x1b[K',
};

/** TERM patterns of dircolors' built-in database: colour only for these without LS_COLORS. */
const KNOWN_TERMS = ['Eterm', 'ansi', '*color*', 'con[0-9]*x[0-9]*', 'cons25', 'console', 'cygwin', '*direct*', 'dtterm', 'gnome', 'hurd', 'jfbterm', 'konsole', 'kterm', 'linux', 'linux-c', 'mlterm', 'putty', 'rxvt*', 'screen*', 'st', 'terminator', 'tmux*', 'vt100', 'xterm*'];

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/** fnmatch(3) without flags, enough for ls's --ignore/--hide and the TERM list. */
export function fnmatch(pattern: string, name: string, period = false): boolean {
  if (period && name.startsWith('.') && !pattern.startsWith('.')) return false;
  return globToRegExp(pattern).test(name);
}

export class Colors {
  readonly seq = new Map<Indicator, string>();
  /** Suffix rules, latest first. */
  readonly ext: { suffix: string; seq: string }[] = [];
  symlinkAsTarget = false;

  isColored(i: Indicator): boolean {
    const s = this.seq.get(i);
    return !(s === undefined || s === '' || s === '0' || s === '00');
  }

  /**
   * The colours to use, or undefined when colour must be off (unknown terminal without
   * LS_COLORS, or an LS_COLORS value ls cannot parse, which it reports).
   */
  static async load(ctx: Ctx): Promise<Colors | undefined> {
    const c = new Colors();
    for (const [k, v] of Object.entries(DEFAULTS)) c.seq.set(k as Indicator, v);
    const env = ctx.env.get('LS_COLORS');
    if (!env) {
      const term = ctx.env.get('TERM');
      if (!ctx.env.get('COLORTERM') && !(term && KNOWN_TERMS.some((p) => fnmatch(p, term)))) return undefined;
      return c;
    }
    if (!(await c.parse(ctx, env))) {
      await ctx.error('unparsable value for LS_COLORS environment variable');
      return undefined;
    }
    c.symlinkAsTarget = c.seq.get('ln') === 'target';
    return c;
  }

  private async parse(ctx: Ctx, text: string): Promise<boolean> {
    let p = 0;
    // get_funky_string: escapes and ^X notation, up to ':' (or '=' for a suffix)
    const funky = (equalsEnd: boolean): string | undefined => {
      let out = '';
      for (;;) {
        const c = text[p];
        if (c === undefined || c === ':' || (equalsEnd && c === '=')) return out;
        p++;
        if (c === '\\') {
          const e = text[p++];
          if (e === undefined) return undefined;
          if (/[0-7]/.test(e)) {
            let v = Number(e);
            for (let k = 0; k < 2 && /[0-7]/.test(text[p] ?? ''); k++) v = v * 8 + Number(text[p++]);
            out += String.fromCharCode(v & 0xff);
          } else if (e === 'x' || e === 'X') {
            let v = 0;
            let n = 0;
            while (n < 2 && /[0-9a-f]/i.test(text[p] ?? '')) {
              v = v * 16 + parseInt(text[p++]!, 16);
              n++;
            }
            out += String.fromCharCode(v);
          } else {
            const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '?': '\x7f', _: ' ' };
            out += map[e] ?? e;
          }
        } else if (c === '^') {
          const e = text[p++];
          if (e === undefined) return undefined;
          if (e === '?') out += '\x7f';
          else if (e >= '@' && e <= '~') out += String.fromCharCode(e.charCodeAt(0) & 0x1f);
          else return undefined;
        } else out += c;
      }
    };
    for (;;) {
      const c = text[p];
      if (c === undefined) return true;
      if (c === ':') {
        p++;
        continue;
      }
      if (c === '*') {
        p++;
        const suffix = funky(true);
        if (suffix === undefined || text[p++] !== '=') return false;
        const seq = funky(false);
        if (seq === undefined) return false;
        this.ext.unshift({ suffix, seq });
        continue;
      }
      const label = text.slice(p, p + 2);
      if (label.length < 2) return false;
      p += 2;
      if (text[p++] !== '=') return false;
      if (!(INDICATORS as readonly string[]).includes(label)) {
        await ctx.error(`unrecognized prefix: ${label.includes("'") ? `"${label}"` : `'${label}'`}`);
        return false;
      }
      const seq = funky(false);
      if (seq === undefined) return false;
      this.seq.set(label as Indicator, seq);
    }
  }

  /** The escape sequence that opens the colour `code`. */
  open(code: string): string {
    return `${this.seq.get('lc') ?? ''}${code}${this.seq.get('rc') ?? ''}`;
  }

  /** prep_non_filename_text: back to ordinary colours after a name. */
  reset(): string {
    const ec = this.seq.get('ec');
    if (ec !== undefined) return ec;
    return `${this.seq.get('lc') ?? ''}${this.seq.get('rs') ?? ''}${this.seq.get('rc') ?? ''}`;
  }
}

export interface ColorSubject {
  name: string;
  /** lstat/stat result mode; undefined when stat failed. */
  mode: number | undefined;
  nlink: number;
  /** For a symlink: whether its target exists, and the target's mode. */
  linkOk: boolean;
  linkMode: number;
  /** The file type letter known without stat (from the listing). */
  fallback: Indicator;
}

const S_IFMT = 0o170000;

/** get_color_indicator: the sequence for a file (or, with `target`, for a symlink's target). */
export function colorFor(colors: Colors, f: ColorSubject, target: boolean, targetName?: string): string | undefined {
  const name = target ? (targetName ?? '') : f.name;
  const mode = target ? f.linkMode : (f.mode !== undefined && (f.mode & S_IFMT) === 0o120000 && f.linkOk && colors.symlinkAsTarget ? f.linkMode : f.mode);
  const linkOk = target ? (f.linkOk ? 0 : -1) : f.linkOk ? 1 : 0;
  let type: Indicator;
  if (linkOk === -1 && colors.isColored('mi')) type = 'mi';
  else if (f.mode === undefined) type = f.fallback;
  else {
    const m = mode ?? 0;
    switch (m & S_IFMT) {
      case 0o100000:
        type = 'fi';
        if (m & 0o4000 && colors.isColored('su')) type = 'su';
        else if (m & 0o2000 && colors.isColored('sg')) type = 'sg';
        else if (m & 0o111 && colors.isColored('ex')) type = 'ex';
        else if (f.nlink > 1 && colors.isColored('mh')) type = 'mh';
        break;
      case 0o040000:
        type = 'di';
        if (m & 0o1000 && m & 0o002 && colors.isColored('tw')) type = 'tw';
        else if (m & 0o002 && colors.isColored('ow')) type = 'ow';
        else if (m & 0o1000 && colors.isColored('st')) type = 'st';
        break;
      case 0o120000: type = 'ln'; break;
      case 0o010000: type = 'pi'; break;
      case 0o140000: type = 'so'; break;
      case 0o060000: type = 'bd'; break;
      case 0o020000: type = 'cd'; break;
      default: type = 'or';
    }
  }
  if (type === 'fi') {
    const lower = name.toLowerCase();
    const rule = colors.ext.find((e) => lower.endsWith(e.suffix.toLowerCase()));
    if (rule) return rule.seq;
  }
  if (type === 'ln' && !linkOk && (colors.symlinkAsTarget || colors.isColored('or'))) type = 'or';
  const seq = colors.seq.get(type);
  return seq === undefined ? undefined : seq;
}
