// The shortcut lists nano 8.2 shows in its two help lines, per menu, in the order of
// global.c's function list with the first key bound to each (with ^F before ^W since 8.0).
// Go To Line shows as ^/ on a terminal emulator (^- only on a Linux virtual console).
import type { Menu } from './rows';

export const MAIN: Menu = [
  ['^G', 'Help'], ['^X', 'Exit'], ['^O', 'Write Out'], ['^R', 'Read File'], ['^F', 'Where Is'], ['^\\', 'Replace'],
  ['^K', 'Cut'], ['^U', 'Paste'], ['^T', 'Execute'], ['^J', 'Justify'], ['^C', 'Location'], ['^/', 'Go To Line'],
  ['M-U', 'Undo'], ['M-E', 'Redo'], ['M-A', 'Set Mark'], ['M-6', 'Copy'], ['M-]', 'To Bracket'], ['^B', 'Where Was'],
  ['M-B', 'Previous'], ['M-F', 'Next'],
];

export const WRITE_FILE: Menu = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-D', 'DOS Format'], ['M-M', 'Mac Format'], ['M-A', 'Append'], ['M-P', 'Prepend'],
  ['M-B', 'Backup File'], ['^T', 'Browse'],
];

export const WHERE_IS: Menu = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-C', 'Case Sens'], ['M-R', 'Reg.exp.'], ['M-B', 'Backwards'], ['^R', 'Replace'],
  ['^P', 'Older'], ['^N', 'Newer'], ['^T', 'Go To Line'],
];

export const REPLACE: Menu = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-C', 'Case Sens'], ['M-R', 'Reg.exp.'], ['M-B', 'Backwards'], ['^R', 'No Replace'],
  ['^P', 'Older'], ['^N', 'Newer'],
];

export const REPLACE_WITH: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['^P', 'Older'], ['^N', 'Newer']];

export const GOTO_LINE: Menu = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['^W', 'Begin of Paragr.'], ['^O', 'End of Paragraph'], ['^Y', 'First Line'],
  ['^V', 'Last Line'], ['^T', 'Go To Text'],
];

export const INSERT_FILE: Menu = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-F', 'New Buffer'], ['M-N', 'No Conversion'], ['^X', 'Execute Command'], ['^T', 'Browse'],
];

export const EXECUTE: Menu = [['^G', 'Help'], ['^C', 'Cancel'], ['^P', 'Older'], ['^N', 'Newer']];

export const HELP_VIEW: Menu = [
  ['^L', 'Refresh'], ['^X', 'Close'], ['^F', 'Where Is'], ['^B', 'Where Was'], ['M-B', 'Previous'], ['M-F', 'Next'],
  ['^P', 'Prev Line'], ['^N', 'Next Line'], ['^Y', 'Prev Page'], ['^V', 'Next Page'], ['M-\\', 'First Line'], ['M-/', 'Last Line'],
];
