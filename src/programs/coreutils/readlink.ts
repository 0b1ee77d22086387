import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { canonicalize, type CanMode } from '../lib/canonicalize';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quotef } from '../lib/quote';

const spec = {
  name: 'readlink',
  installPath: '/usr/bin/readlink',
  pkg: 'coreutils',
  usage: 'readlink [OPTION]... FILE...',
  help: `Print what each symbolic link FILE points to, or with -f, -e or -m the
canonical name of FILE.

  -f, --canonicalize            follow every symlink; all components but the
                                last must exist
  -e, --canonicalize-existing   like -f, but every component must exist
  -m, --canonicalize-missing    like -f, but no component needs to exist
  -n, --no-newline              print no newline after the name
  -q, --quiet, -s, --silent     do not report errors (the default)
  -v, --verbose                 report errors
  -z, --zero                    end each name with NUL, not newline
${HELP_LINES}
${coreutilsHelpFooter('readlink')}`,
  version: coreutilsVersion('readlink', ['Dmitry V. Levin']),
  options: [
    { key: 'e', short: 'e', long: 'canonicalize-existing' },
    { key: 'f', short: 'f', long: 'canonicalize' },
    { key: 'm', short: 'm', long: 'canonicalize-missing' },
    { key: 'n', short: 'n', long: 'no-newline' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'q', short: 's', long: 'silent' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let mode: CanMode | undefined;
    let noNewline = false;
    let verbose = false;
    let nul = false;
    for (const { key } of args.order) {
      if (key === 'e') mode = 'existing';
      else if (key === 'f') mode = 'all-but-last';
      else if (key === 'm') mode = 'missing';
      else if (key === 'n') noNewline = true;
      else if (key === 'q') verbose = false;
      else if (key === 'v') verbose = true;
      else if (key === 'z') nul = true;
    }
    const files = args.operands;
    if (files.length === 0) return usageError(ctx, spec, 'missing operand');
    if (files.length > 1) {
      if (noNewline) await ctx.error('ignoring --no-newline with multiple arguments');
      noNewline = false;
    }
    let status = 0;
    for (const name of files) {
      await ctx.tick();
      let value: string | undefined;
      let err: unknown;
      if (mode !== undefined) {
        const r = await canonicalize(ctx.sys, name, mode);
        if (typeof r === 'string') value = r;
        else err = r;
      } else {
        try {
          value = await ctx.sys.readlink(name);
        } catch (e) {
          if (!isSysError(e)) throw e;
          err = e;
        }
      }
      if (value !== undefined) await ctx.print(value + (noNewline ? '' : nul ? '\0' : '\n'));
      else {
        status = 1;
        if (verbose) await ctx.perror(err, quotef(name));
      }
    }
    return status;
  },
});
