// Readline's state as bash 5.2 starts it for a shell without a line editor: the emacs keymap's
// bindings (each function with its key sequences, in inputrc notation, a space written \040;
// printable and eight-bit characters insert themselves) and the variables.

/** Each bound function, then the key sequences it is on. */
export const EMACS_BINDINGS = String.raw`abort \C-g \C-x\C-g \M-\C-g
accept-line \C-j \C-m
backward-char \C-b \M-OD \M-[D
backward-delete-char \C-h \C-?
backward-kill-line \C-x\C-?
backward-kill-word \M-\C-h \M-\C-?
backward-word \M-[1;3D \M-[1;5D \M-b
beginning-of-history \M-<
beginning-of-line \C-a \M-OH \M-[H
bracketed-paste-begin \M-[200~
call-last-kbd-macro \C-xe
capitalize-word \M-c
character-search \C-]
character-search-backward \M-\C-]
clear-display \M-\C-l
clear-screen \C-l
complete \C-i \M-\e
complete-command \M-!
complete-filename \M-/
complete-hostname \M-@
complete-into-braces \M-{
complete-username \M-~
complete-variable \M-$
delete-char \C-d
delete-horizontal-space \M-\\
digit-argument \M-- \M-0 \M-1 \M-2 \M-3 \M-4 \M-5 \M-6 \M-7 \M-8 \M-9
display-shell-version \C-x\C-v
do-lowercase-version \C-xA \C-xB \C-xC \C-xD \C-xE \C-xF \C-xG \C-xH \C-xI \C-xJ \C-xK \C-xL \C-xM \C-xN \C-xO \C-xP \C-xQ \C-xR \C-xS \C-xT \C-xU \C-xV \C-xW \C-xX \C-xY \C-xZ \M-A \M-B \M-C \M-D \M-E \M-F \M-G \M-H \M-I \M-J \M-K \M-L \M-M \M-N \M-P \M-Q \M-R \M-S \M-T \M-U \M-V \M-W \M-X \M-Y \M-Z
downcase-word \M-l
dynamic-complete-history \M-\C-i
edit-and-execute-command \C-x\C-e
end-kbd-macro \C-x)
end-of-history \M->
end-of-line \C-e \M-OF \M-[F
exchange-point-and-mark \C-x\C-x
forward-char \C-f \M-OC \M-[C
forward-search-history \C-s
forward-word \M-[1;3C \M-[1;5C \M-f
glob-complete-word \M-g
glob-expand-word \C-x*
glob-list-expansions \C-xg
history-expand-line \M-^
insert-comment \M-#
insert-completions \M-*
kill-line \C-k
kill-word \M-[3;5~ \M-d
next-history \C-n \M-OB \M-[B
non-incremental-forward-search-history \M-n
non-incremental-reverse-search-history \M-p
operate-and-get-next \C-o
possible-command-completions \C-x!
possible-completions \M-= \M-?
possible-filename-completions \C-x/
possible-hostname-completions \C-x@
possible-username-completions \C-x~
possible-variable-completions \C-x$
previous-history \C-p \M-OA \M-[A
quoted-insert \C-q \C-v
re-read-init-file \C-x\C-r
reverse-search-history \C-r
revert-line \M-\C-r \M-r
set-mark \C-@ \M-\040
shell-backward-word \M-\C-b
shell-expand-line \M-\C-e
shell-forward-word \M-\C-f
shell-kill-word \M-\C-d
shell-transpose-words \M-\C-t
spell-correct-word \C-xs
start-kbd-macro \C-x(
tilde-expand \M-&
transpose-chars \C-t
transpose-words \M-t
undo \C-x\C-u \C-_
unix-line-discard \C-u
unix-word-rubout \C-w
upcase-word \M-u
yank \C-y
yank-last-arg \M-. \M-_
yank-nth-arg \M-\C-y
yank-pop \M-y`;

/** The boolean variables, in the order bind -v lists them, and those that start on. */
export const BOOLEAN_VARIABLES = 'bind-tty-special-chars blink-matching-paren byte-oriented colored-completion-prefix colored-stats completion-ignore-case completion-map-case convert-meta disable-completion echo-control-characters enable-active-region enable-bracketed-paste enable-keypad enable-meta-key expand-tilde history-preserve-point horizontal-scroll-mode input-meta mark-directories mark-modified-lines mark-symlinked-directories match-hidden-files menu-complete-display-prefix meta-flag output-meta page-completions prefer-visible-bell print-completions-horizontally revert-all-at-newline show-all-if-ambiguous show-all-if-unmodified show-mode-in-prompt skip-completed-text visible-stats'.split(' ');
export const BOOLEANS_ON = new Set('bind-tty-special-chars convert-meta echo-control-characters enable-meta-key mark-directories match-hidden-files page-completions prefer-visible-bell'.split(' '));

/** The other variables with their first values, in bind -v's order. */
export const STRING_VARIABLES: [string, string][] = [['bell-style', 'audible'], ['comment-begin', '#'], ['completion-display-width', '-1'], ['completion-prefix-display-length', '0'], ['completion-query-items', '100'], ['editing-mode', 'emacs'], ['emacs-mode-string', '@'], ['history-size', '0'], ['keymap', 'emacs'], ['keyseq-timeout', '500'], ['vi-cmd-mode-string', '(cmd)'], ['vi-ins-mode-string', '(ins)']];
