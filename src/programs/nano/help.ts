// The text of nano's ^G help viewer for the main menu (help.c help_init): the introduction,
// hard-wrapped, then each function with its first two keys and its description.

const INTRO = [
  'The nano editor is designed to emulate the functionality and ease-of-use of the UW Pico text editor.  There are four main sections of the editor.  The top line shows the program version, the current filename being edited, and whether or not the file has been modified.  Next is the main editor window showing the file being edited.  The status line is the third line from the bottom and shows important messages.  The bottom two lines show the most commonly used shortcuts in the editor.',
  "Shortcuts are written as follows: Control-key sequences are notated with a '^' and can be entered either by using the Ctrl key or pressing the Esc key twice.  Meta-key sequences are notated with 'M-' and can be entered using either the Alt, Cmd, or Esc key, depending on your keyboard setup.  Also, pressing Esc twice and then typing a three-digit decimal number from 000 to 255 will enter the character with the corresponding value.  The following keystrokes are available in the main editor window.  Alternative keys are shown in parentheses:",
];

// [first key, second key, description, blank line after]
const KEYS: [string, string, string, boolean][] = [
  ['^G', 'F1', 'Display this help text', false],
  ['^X', 'F2', 'Close the current buffer / Exit from nano', false],
  ['^O', 'F3', 'Write the current buffer (or the marked region) to disk', false],
  ['^R', 'Ins', 'Insert another file into current buffer (or into new buffer)', true],
  ['^F', '^W', 'Search forward for a string or a regular expression', false],
  ['^\\', 'M-R', 'Replace a string or a regular expression', false],
  ['^K', 'F9', 'Cut current line (or marked region) and store it in cutbuffer', false],
  ['^U', 'F10', 'Paste the contents of cutbuffer at current cursor position', true],
  ['^T', '', 'Execute a function or an external command', false],
  ['^J', 'F4', 'Justify the current paragraph', true],
  ['^C', 'F11', 'Display the position of the cursor', false],
  ['^/', 'M-G', 'Go to line and column number', true],
  ['M-U', '', 'Undo the last operation', false],
  ['M-E', '', 'Redo the last undone operation', true],
  ['M-A', '^6', 'Mark text starting from the cursor position', false],
  ['M-6', 'M-^', 'Copy current line (or marked region) and store it in cutbuffer', true],
  ['M-]', '', 'Go to the matching bracket', false],
  ['^B', '^Q', 'Search backward for a string or a regular expression', false],
  ['M-B', 'M-Q', 'Search next occurrence backward', false],
  ['M-F', 'M-W', 'Search next occurrence forward', true],
  ['\u25c2', '', 'Go back one character', false],
  ['\u25b8', '', 'Go forward one character', false],
  ['^\u25c2', 'M-Space', 'Go back one word', false],
  ['^\u25b8', '^Space', 'Go forward one word', false],
  ['^A', 'Home', 'Go to beginning of current line', false],
  ['^E', 'End', 'Go to end of current line', true],
  ['^P', '\u25b4', 'Go to previous line', false],
  ['^N', '\u25be', 'Go to next line', false],
  ['^Y', 'PgUp', 'Go one screenful up', false],
  ['^V', 'PgDn', 'Go one screenful down', false],
  ['M-\\', '^Home', 'Go to the first line of the file', false],
  ['M-/', '^End', 'Go to the last line of the file', true],
  ['^I', 'Tab', 'Insert a tab at the cursor position (or indent marked lines)', false],
  ['^M', 'Enter', 'Insert a newline at the cursor position', false],
  ['^H', 'Bsp', 'Delete the character to the left of the cursor', false],
  ['^D', 'Del', 'Delete the character under the cursor', true],
  ['^L', '', 'Push the cursor line to the center, then top, then bottom', false],
  ['^Z', '', 'Suspend the editor (return to the shell)', false],
];

/** break_line: the longest start of `text` that fits in `width` columns, broken at a blank. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).replace(/ +$/, ''));
    rest = rest.slice(cut).replace(/^ +/, '');
  }
  out.push(rest);
  return out;
}

/** The help text's lines for a screen `cols` wide (tabs expanded as nano draws them). */
export function helpText(cols: number): string[] {
  const lines = [' '];
  const introWidth = Math.min(74, Math.max(40, cols));
  for (const para of INTRO) {
    lines.push(...wrap(` ${para}`, introWidth));
    lines.push('');
  }
  const descWidth = cols < 40 ? 22 : cols - 18;
  for (const [k1, k2, desc, blank] of KEYS) {
    const head = `${k1.padEnd(7)}${k2 ? `(${k2})`.padEnd(10) : ' '.repeat(10)}`;
    const parts = wrap(desc, descWidth);
    lines.push(`${head}${parts[0]}`);
    for (const p of parts.slice(1)) lines.push(`${' '.repeat(18)}${p}`);
    if (blank) lines.push('');
  }
  return lines;
}
