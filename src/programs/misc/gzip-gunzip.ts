// gunzip: gzip -d (on Photon a script that runs gzip, hence gzip's name in messages).
import { defineProgram } from '../define';
import { run } from './gzip';

export default defineProgram({ name: 'gunzip', installPath: '/usr/bin/gunzip', pkg: 'gzip', main: (ctx) => run(ctx, 'gunzip') });
