// What Photon's PAM stack does for these tools: prompts read from standard input with echo
// off on a terminal (Linux-PAM misc_conv: the prompt goes to stderr, a newline follows the
// hidden answer), pam_unix password checks against /etc/shadow (sha512), and the
// pam_pwquality rules (libpwquality 1.4.4 defaults plus a small cracklib dictionary).
import type { Ctx } from '../lib/context';
import { makeSalt, sha512Crypt, verifyPassword } from '../lib/sha512-crypt';

const decoder = new TextDecoder();

/** Line reader over stdin that keeps what it read past a newline for the next prompt. */
export class Prompter {
  private pending = '';
  private eof = false;
  /** `outFd`: write prompts there (sudo talks to /dev/tty) instead of stderr. */
  constructor(private readonly ctx: Ctx, private readonly fd = 0, private readonly outFd?: number) {}

  private async say(text: string): Promise<void> {
    if (this.outFd === undefined) {
      await this.ctx.err.write(text);
      await this.ctx.err.flush();
    } else await this.ctx.sys.write(this.outFd, text);
  }

  /** PAM_PROMPT_ECHO_OFF: undefined at end of input (a conversation error). */
  async secret(prompt: string): Promise<string | undefined> {
    return this.ask(prompt, false);
  }

  /** PAM_PROMPT_ECHO_ON (user names, yes/no questions). */
  async visible(prompt: string): Promise<string | undefined> {
    return this.ask(prompt, true);
  }

  private async ask(prompt: string, echo: boolean): Promise<string | undefined> {
    const sys = this.ctx.sys;
    await this.ctx.out.flush();
    await this.say(prompt);
    const tty = sys.isatty(this.fd);
    const saved = tty ? sys.tcgetattr(this.fd) : undefined;
    if (saved && !echo) sys.tcsetattr(this.fd, { ...saved, echo: false });
    let line: string | undefined;
    try {
      line = await this.readLine();
    } finally {
      if (saved && !echo) {
        sys.tcsetattr(this.fd, saved);
        await this.say('\n');
      }
    }
    return line;
  }

  private async readLine(): Promise<string | undefined> {
    for (let guard = 0; guard < 100_000; guard++) {
      const nl = this.pending.indexOf('\n');
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return line;
      }
      if (this.eof) break;
      const chunk = await this.ctx.sys.read(this.fd, 4096);
      if (chunk === null || chunk.length === 0) this.eof = true;
      else this.pending += decoder.decode(chunk);
    }
    if (this.pending === '') return undefined;
    const line = this.pending;
    this.pending = '';
    return line;
  }
}

/** A new `$6$` hash with a salt from the machine's random source. */
export function hashPassword(ctx: Ctx, password: string): string {
  return sha512Crypt(password, `$6$${makeSalt(ctx.sys.randomBytes(16))}$`);
}

export { verifyPassword };

/** pam_unix's failure delay (about two seconds), in the machine's virtual time. */
export async function failDelay(ctx: Ctx): Promise<void> {
  await ctx.sys.sleep(2000);
}

// A few of the words cracklib's dictionary rejects; enough for a course's obvious choices.
const DICTIONARY = new Set([
  'password', 'passw0rd', 'photon', 'vmware', 'changeme', 'welcome', 'letmein', 'qwerty', 'qwertyuiop',
  'admin', 'administrator', 'root', 'secret', 'dragon', 'monkey', 'master', 'shadow', 'sunshine',
  'princess', 'football', 'baseball', 'iloveyou', 'trustno1', 'superman', 'batman', 'computer',
  'internet', 'security', 'linux', 'system', 'server', 'default', 'login', 'hello', 'abc123',
  'michael', 'jennifer', 'charlie', 'chocolate', 'starwars', 'whatever', 'freedom', 'summer',
  'winter', 'spring', 'autumn', 'banana', 'orange', 'purple', 'yellow', 'elephant', 'keyboard',
  'database', 'network', 'firewall', 'docker', 'kubernetes', 'ubuntu', 'debian', 'windows',
]);

const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** cracklib FascistCheck's verdicts that apply to passwords libpwquality lets through. */
function cracklib(pw: string): string | undefined {
  if (pw.length < 4) return 'it is WAY too short';
  if (pw.length < 6) return 'it is too short';
  if (new Set(pw).size < 5) return 'it does not contain enough DIFFERENT characters';
  if (/^\s+$/.test(pw)) return 'it is all whitespace';
  let steps = 0;
  for (let i = 0; i + 1 < pw.length; i++) {
    const d = pw.charCodeAt(i + 1) - pw.charCodeAt(i);
    if (d === 1 || d === -1) steps++;
  }
  if (steps > 4) return 'it is too simplistic/systematic';
  const lower = pw.toLowerCase();
  const stripped = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const leet = [...lower].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]+$/, '');
  for (const w of [lower, stripped, leet]) if (DICTIONARY.has(w)) return 'it is based on a dictionary word';
  const rev = [...lower].reverse().join('');
  for (const w of [rev, rev.replace(/^[^a-z]+|[^a-z]+$/g, '')]) if (DICTIONARY.has(w)) return 'it is based on a (reversed) dictionary word';
  return undefined;
}

/**
 * pwquality_check with Photon's defaults (minlen 8, difok 1, usercheck, dictcheck):
 * the BAD PASSWORD reason, or undefined when the password passes.
 */
export function passwordQuality(pw: string, old: string | undefined, user: string): string | undefined {
  if (pw === '') return 'No password supplied';
  if (old && old === pw) return 'The password is the same as the old one';
  const mono = pw.toLowerCase();
  if ([...mono].reverse().join('') === mono) return 'The password is a palindrome';
  if (old && old.toLowerCase() === mono) return 'The password differs with case changes only';
  if (pw.length < 8) return 'The password is shorter than 8 characters';
  if (old && (old + old).toLowerCase().includes(mono)) return 'The password is just rotated old one';
  const u = user.toLowerCase();
  if (u.length >= 4 && (mono.includes(u) || mono.includes([...u].reverse().join('')))) return 'The password contains the user name in some form';
  const dict = cracklib(pw);
  if (dict) return `The password fails the dictionary check - ${dict}`;
  return undefined;
}
