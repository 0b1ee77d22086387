// zcat: gzip -dc (on Photon a script that runs gzip, hence gzip's name in messages).
import { defineProgram } from '../define';
import { run } from './gzip';

export default defineProgram({ name: 'zcat', installPath: '/usr/bin/zcat', pkg: 'gzip', main: (ctx) => run(ctx, 'zcat') });
