// PS1/PS2 decoding (bash manual, PROMPTING): backslash escapes first, then parameter and
// command expansion of the result (promptvars). \[ \] mark text that takes no columns.
import type { Interpreter } from './interpreter';
import { expandHeredocLike } from './prompt-expand';

export interface Prompt {
  text: string;
  /** Columns the last line of the prompt occupies. */
  width: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const START = '\u0001';
const END = '\u0002';

/** `shellName`: what \s shows (bash's shell_name); by default $0 (an interactive shell's). */
export async function decodePrompt(sh: Interpreter, ps: string, commandNumber: number, shellName = sh.state.arg0): Promise<Prompt> {
  const sys = sh.sys;
  const now = new Date(sys.now());
  const two = (n: number): string => String(n).padStart(2, '0');
  const host = sys.uname().nodename;
  // bash abbreviates to ~ only a HOME longer than "/" (polite_directory_format)
  const home = (sh.state.get('HOME')?.length ?? 0) > 1 ? sh.state.get('HOME') : undefined;
  const pwd = sh.state.get('PWD') ?? sys.getcwd();
  let out = '';
  // with promptvars the result is expanded next: what an escape gives is protected from that
  const vars = sh.state.shopts.has('promptvars');
  const q = (s: string): string => (vars ? s.replace(/[\\$`]/g, '\\$&') : s);
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const n = ps[++i]!;
    switch (n) {
      case 'u': out += q((await sh.userName(sys.geteuid())) ?? String(sys.geteuid())); break;
      case 'h': out += q(host.split('.')[0]!); break;
      case 'H': out += q(host); break;
      case 'w': out += q(home && (pwd === home || pwd.startsWith(`${home}/`)) ? `~${pwd.slice(home.length)}` : pwd); break;
      case 'W': out += q(home && pwd === home ? '~' : pwd === '/' ? '/' : pwd.slice(pwd.lastIndexOf('/') + 1)); break;
      case '$': out += sys.geteuid() === 0 ? '#' : q('$'); break;
      case 's': out += q(shellName.replace(/^-/, '').replace(/^.*\//, '')); break;
      case 'v': out += '5.2'; break;
      case 'V': out += '5.2.15'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case '[': out += START; break;
      case ']': out += END; break;
      case 'd': out += `${DAYS[now.getUTCDay()]} ${MONTHS[now.getUTCMonth()]} ${two(now.getUTCDate())}`; break;
      case 't': out += `${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`; break;
      case 'T': out += `${two(now.getUTCHours() % 12 || 12)}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`; break;
      case '@': out += `${two(now.getUTCHours() % 12 || 12)}:${two(now.getUTCMinutes())} ${now.getUTCHours() < 12 ? 'AM' : 'PM'}`; break;
      case 'A': out += `${two(now.getUTCHours())}:${two(now.getUTCMinutes())}`; break;
      case 'j': out += String(sh.state.jobs.length); break;
      case 'l': out += (sys.ttyname(0) ?? 'tty').replace(/^\/dev\//, '').replace(/^.*\//, ''); break;
      case '#': out += String(commandNumber); break;
      case '!': out += String(sh.state.history.length + 1); break;
      default:
        if (/[0-7]/.test(n)) {
          let digits = n;
          while (digits.length < 3 && /[0-7]/.test(ps[i + 1] ?? '')) digits += ps[++i];
          out += String.fromCharCode(parseInt(digits, 8));
        } else out += `\\${n}`;
    }
  }
  // (a prompt with no $, ` or \ left is its own expansion: no parser needed for it)
  if (sh.state.shopts.has('promptvars') && /[$`\\]/.test(out)) out = await expandHeredocLike(sh, out);
  const lastLine = out.slice(out.lastIndexOf('\n') + 1);
  const visible = lastLine.replace(/\u0001[^\u0002]*\u0002/g, '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  return { text: out.replace(/[\u0001\u0002]/g, ''), width: [...visible].length };
}
