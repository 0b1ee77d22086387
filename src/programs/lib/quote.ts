// The three ways coreutils quotes an argument in a message, all built on the quotearg port:
//   quote()   locale style ('...' with C escapes in the C locale): option values, operands
//   quoteaf() shell-escape-always: file names in the middle of a message
//   quotef()  shell-escape with ':' also quoted: a file name that starts a message
import { quotearg } from './quotearg';

export { quoteaf } from './quotearg';

/** Locale style: "extra operand 'x'", "invalid number 'x'" ('a\'b', 'a\nb' in the C locale). */
export function quote(s: string): string {
  return quotearg(s, { style: 'locale' });
}

/** Shell-escape style with ':' forced: bare when the name is a safe shell word (cat: x: ...). */
export function quotef(s: string): string {
  return quotearg(s, { style: 'shell-escape', quoteToo: ':' });
}
