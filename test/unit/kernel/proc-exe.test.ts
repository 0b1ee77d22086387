// /proc/PID/exe names the file a process runs: the canonical path of its program (symlinks such
// as /bin -> usr/bin resolved), a script's interpreter, the parent's until a child execs; and
// /proc/self is whoever reads it, and kill(2) refuses a signal number Linux does not have.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from '../programs/helpers';

describe('/proc/PID/exe and kill(2)', () => {
  it('is the canonical path of the running program, or of a script\'s interpreter', async () => {
    const r = await sh(newMachine(), 'readlink /proc/$$/exe; /bin/ls -l /proc/self/exe | sed "s/.*-> //"; printf "#!/bin/sh\\nreadlink /proc/\\$\\$/exe\\n" > s; chmod +x s; ./s; (readlink /proc/$BASHPID/exe; true); (readlink /proc/$BASHPID/exe); readlink /proc/1/exe');
    // a subshell runs as bash until it execs its last simple command (bash's own does the same)
    expect(r).toEqual({ stdout: '/usr/bin/bash\n/usr/bin/ls\n/usr/bin/bash\n/usr/bin/bash\n/usr/bin/readlink\n/usr/lib/systemd/systemd\n', stderr: '', exit: 0 });
  });

  it('/proc/self is the reading process, also when the program was loaded before', async () => {
    const r = await sh(newMachine(), 'for i in 1 2 3; do readlink /proc/self; done | sort -u | grep -cv "^$$\\$"');
    expect(r.stdout).toBe('3\n');
  });

  it('kill with a signal number past 64 is EINVAL', async () => {
    const r = await sh(newMachine(), '/usr/bin/kill -s 65 $$; echo "rc=$?"');
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toContain('65');
  });
});
