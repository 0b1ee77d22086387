// The shell's engine: the parser, the expansions, the compound commands, jobs and the
// builtins, everything a shell needs once it runs a command. It is a chunk of its own, loaded
// by loadEngine() (interpreter.ts): an interactive login shell prints its first prompt without
// it (its profile is replayed, login-checkpoint.ts) and loads it while the learner types; any
// other shell loads it before it starts. Code reaches these through `E` (interpreter.ts).
export { CondStatus, evalCond } from './cond';
export { expandParts, expandToString, ExpansionError } from './expand';
export { drive } from './steps';
export { andOrSteps, caseSteps, forSteps, ifSteps, runSelect, singleSteps } from './compound';
export { ARITH_FAILED, guardedArith, runArithFor, runWhile } from './loops';
export { traceLines } from './xtrace';
export { commandText } from './unparse';
export { currentText } from './command-text';
export { dropReportedJobs, reapJobs, runPipelineStages, startBackground, startCoproc, waitForeground } from './jobs';
export { CondSyntaxError, Parser } from './parser';
export { applyRedirs, RedirectError } from './redirect';
export { runSimple } from './simple';
export { oneshotCandidate, runParenBody } from './nofork';
export { IncompleteInput, ShellSyntaxError } from './lexer';
export { EventNotFound, expandHistory } from './history';
export { set, SET_OPTIONS } from './builtins/vars';
export { shopt, SHOPT_NAMES } from './builtins/shopt';
export { source } from './builtins/io';
