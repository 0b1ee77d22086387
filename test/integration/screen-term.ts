// The console as a learner sees it, for tests of full-screen programs (less, man, vim, top,
// nano): keys go into the machine's terminal, and the screen (test/unit/man/screen.ts applies
// the bytes) is read back, with reverse video as [brackets] and bold as *stars* in view().
// Every wait is for a condition on the screen or the shell's prompt, never a fixed delay.
import { expect } from 'vitest';
import { Screen } from '../unit/man/screen';
import { ConsoleSession } from './machine-helpers';

export class ScreenTerm {
  readonly session: ConsoleSession;
  readonly screen: Screen;
  private fed = 0;
  /** prompts the shell has printed so far (what the next wait counts up to) */
  protected prompts = 1;

  constructor(
    public cols: number,
    public rows: number,
  ) {
    this.session = new ConsoleSession({ cols, rows });
    this.screen = new Screen(cols, rows);
  }

  protected sync(): Screen {
    this.screen.write(this.session.output.slice(this.fed));
    this.fed = this.session.output.length;
    return this.screen;
  }

  /** The screen, one row per line, with styles marked. */
  view(): string[] {
    this.sync();
    return this.screen.lines().map((_, r) => this.screen.styled(r));
  }

  /** The screen as plain text, one row per line, trailing blanks cut. */
  plain(): string[] {
    return this.sync().lines().map((l) => l.trimEnd());
  }

  /** Waits until `pred` holds for the styled screen, for `ms` at most; says whether it did. */
  async until(pred: (lines: string[]) => boolean, ms = 10_000): Promise<boolean> {
    const start = Date.now();
    while (!pred(this.view())) {
      if (Date.now() - start > ms) return false;
      await new Promise((r) => setTimeout(r, 2));
    }
    return true;
  }

  /** Types keys, then waits until the screen shows `want` (and fails with a diff if it never does). */
  async keys(keys: string, want: string[], ms?: number): Promise<void> {
    this.session.type(keys);
    await this.until((lines) => lines.join('\n') === want.join('\n'), ms);
    expect(this.view()).toEqual(want);
  }

  /** Runs a shell command line to completion. */
  async shell(line: string, ms = 10_000): Promise<void> {
    await this.session.waitForPrompts(this.prompts, ms);
    this.session.type(`${line}\r`);
    this.prompts++;
    await this.session.waitForPrompts(this.prompts, ms);
  }

  /** Types a command line that starts a full-screen program (its end is waited for with finish). */
  async begin(line: string): Promise<void> {
    await this.session.waitForPrompts(this.prompts);
    this.prompts++;
    this.session.type(`${line}\r`);
  }

  /** Sends keys that end the full-screen program, and waits for the shell's next prompt. */
  async finish(keys: string, ms = 10_000): Promise<void> {
    this.session.type(keys);
    await this.session.waitForPrompts(this.prompts, ms);
  }

  resize(cols: number, rows: number): void {
    this.sync();
    this.cols = cols;
    this.rows = rows;
    this.screen.resize(cols, rows);
    this.session.machine.resize({ cols, rows });
  }

  /** The last `n` rows of the screen that are not empty. */
  tail(n: number): string[] {
    const lines = this.view();
    while (lines.length && lines.at(-1) === '') lines.pop();
    return lines.slice(-n);
  }
}
