// man, whatis, apropos, less and more when standard output is not a terminal: man writes
// plain text (man-db's messages and exit statuses), the pagers copy their input like cat.
// Each case runs on a fresh machine with files f ("a\nb\n") and g ("c\n") in the work dir.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from '../programs/helpers';

const TRUE_PAGE = `TRUE(1)                          User Commands                         TRUE(1)

NAME
       true - do nothing, successfully

SYNOPSIS
       true [ignored command line arguments]
       true OPTION

DESCRIPTION
       true  does  nothing  and  exits  with  status  0.  Scripts use it as an
       always-true condition,  for  example  in  while  true.   Arguments  are
       ignored, except that a lone --help or --version is answered.

       Most shells have a builtin true that runs instead of this program.

OPTIONS
       --help Print a short help text and exit.

       --version
              Print the version and exit.

EXIT STATUS
       Always 0.

EXAMPLES
       while true; do date; sleep 60; done
              Prints the time every minute until interrupted with Ctrl-C.

SEE ALSO
       false(1), test(1)

GNU coreutils 9.1                 April 2022                           TRUE(1)
`;

const FALSE_SGR_60 = `FALSE(1)               User Commands              FALSE(1)

\x1b[1mNAME\x1b[0m
       false - do nothing, unsuccessfully

\x1b[1mSYNOPSIS\x1b[0m
       \x1b[1mfalse \x1b[22m[\x1b[4mignored\x1b[24m \x1b[4mcommand\x1b[24m \x1b[4mline\x1b[24m \x1b[4marguments\x1b[24m]
       \x1b[1mfalse \x1b[4m\x1b[22mOPTION\x1b[0m
`;

const CASES: [string, { stdout: string; stderr: string; exit: number }][] = [
  ['man true', { stdout: TRUE_PAGE, stderr: '', exit: 0 }],
  ['MAN_KEEP_FORMATTING=1 MANWIDTH=60 man false | head -8', { stdout: FALSE_SGR_60, stderr: '', exit: 0 }],
  ['man', { stdout: '', stderr: "What manual page do you want?\nFor example, try 'man man'.\n", exit: 1 }],
  ['man 1', { stdout: '', stderr: "No manual entry for 1\n(Alternatively, what manual page do you want from section 1?)\nFor example, try 'man man'.\n", exit: 1 }],
  ['man nosuch', { stdout: '', stderr: 'No manual entry for nosuch\n', exit: 16 }],
  ['man 8 ls', { stdout: '', stderr: 'No manual entry for ls in section 8\n', exit: 16 }],
  ['man -S 8 ls', { stdout: '', stderr: 'No manual entry for ls\n', exit: 16 }],
  ['man true nosuch >/dev/null', { stdout: '', stderr: 'No manual entry for nosuch\n', exit: 16 }],
  ['man -w ls cat', { stdout: '/usr/share/man/man1/ls.1.gz\n/usr/share/man/man1/cat.1.gz\n', stderr: '', exit: 0 }],
  ['man -w [ nosuch', { stdout: '/usr/share/man/man1/[.1.gz\n', stderr: 'No manual entry for nosuch\n', exit: 16 }],
  ['man 5 passwd | head -1', { stdout: 'PASSWD(5)            File Formats and Configuration Files            PASSWD(5)\n', stderr: '', exit: 0 }],
  ['man passwd | head -1', { stdout: 'PASSWD(1)                        User Commands                       PASSWD(1)\n', stderr: '', exit: 0 }],
  ['man -a passwd | grep -c "^NAME"', { stdout: '2\n', stderr: '', exit: 0 }],
  ['man -f ls [', { stdout: 'ls (1)               - list directory contents\n[ (1)                - check file types and compare values\n', stderr: '', exit: 0 }],
  ['whatis ls nosuch', { stdout: 'ls (1)               - list directory contents\n', stderr: 'nosuch: nothing appropriate.\n', exit: 0 }],
  ['whatis nosuch', { stdout: '', stderr: 'nosuch: nothing appropriate.\n', exit: 16 }],
  ['man -k "list dir"', { stdout: 'dir (1)              - list directory contents\nls (1)               - list directory contents\nvdir (1)             - list directory contents\n', stderr: '', exit: 0 }],
  ['apropos "^mk"', { stdout: 'mkdir (1)            - make directories\nmke2fs (8)           - make an ext2, ext3 or ext4 filesystem\nmkfifo (1)           - make FIFOs (named pipes)\nmknod (1)            - make block or character special files, or FIFOs\nmkswap (8)           - set up a Linux swap area\nmktemp (1)           - create a temporary file or directory\n', stderr: '', exit: 0 }],
  ['apropos zzz', { stdout: '', stderr: 'zzz: nothing appropriate.\n', exit: 16 }],
  ['man -k', { stdout: 'apropos what?\n', stderr: '', exit: 1 }],
  ['man -f', { stdout: 'whatis what?\n', stderr: '', exit: 1 }],
  ['man --bogus', { stdout: '', stderr: "man: unrecognized option '--bogus'\nTry 'man --help' or 'man --usage' for more information.\n", exit: 1 }],
  ['man -P', { stdout: '', stderr: "man: option requires an argument -- 'P'\nTry 'man --help' or 'man --usage' for more information.\n", exit: 1 }],
  ['man -V; whatis -V; apropos --version', { stdout: 'man 2.11.1\nwhatis 2.11.1\napropos 2.11.1\n', stderr: '', exit: 0 }],
  ['rm /usr/bin/ls /usr/bin/dir /usr/bin/vdir; man ls; whatis ls; man -k "list dir"', { stdout: '', stderr: 'No manual entry for ls\nls: nothing appropriate.\nlist dir: nothing appropriate.\n', exit: 16 }],
  ['man -l f', { stdout: 'a b\n\n', stderr: '', exit: 0 }],
  ['man -l nosuch', { stdout: '', stderr: 'man: nosuch: No such file or directory\n', exit: 16 }],
  ['man -l /tmp', { stdout: '', stderr: 'man: /tmp: Is a directory\n', exit: 16 }],
  ['less f g nosuch', { stdout: 'a\nb\nc\n', stderr: 'nosuch: No such file or directory\n', exit: 0 }],
  ['cat f | less -N', { stdout: 'a\nb\n', stderr: '', exit: 0 }],
  ['less /tmp; echo $?', { stdout: '0\n', stderr: '/tmp is a directory\n', exit: 0 }],
  ['less --bogus -Z f', { stdout: 'a\nb\n', stderr: 'There is no bogus option ("less --help" for help)\nThere is no -Z option ("less --help" for help)\n', exit: 0 }],
  ['less -V | head -1', { stdout: 'less 608 (POSIX regular expressions)\n', stderr: '', exit: 0 }],
  ['more f g', { stdout: '::::::::::::::\nf\n::::::::::::::\na\nb\n::::::::::::::\ng\n::::::::::::::\nc\n', stderr: '', exit: 0 }],
  ['more nosuch f', { stdout: '::::::::::::::\nf\n::::::::::::::\na\nb\n', stderr: 'more: cannot open nosuch: No such file or directory\n', exit: 0 }],
  ['more /tmp', { stdout: '\n*** /tmp: directory ***\n\n', stderr: '', exit: 0 }],
  ['cat f | more', { stdout: 'a\nb\n', stderr: '', exit: 0 }],
  ['more --bogus', { stdout: '', stderr: "more: unrecognized option '--bogus'\nTry 'more --help' for more information.\n", exit: 1 }],
  ['more -n x f', { stdout: '', stderr: "more: failed to parse number: 'x'\n", exit: 1 }],
  ['more -V', { stdout: 'more from util-linux 2.38\n', stderr: '', exit: 0 }],
];

describe('man, whatis, apropos, less and more without a terminal', () => {
  it.each(CASES)('%s', async (script, want) => {
    const r = await sh(newMachine({ f: 'a\nb\n', g: 'c\n' }), script);
    expect(r).toEqual(want);
  });
});
