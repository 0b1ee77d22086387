// lsb_release on a default machine: the fields of /etc/lsb-release, labelled or bare.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

describe('lsb_release', () => {
  it('reads /etc/lsb-release as Photon\'s script does', async () => {
    const r = await runScript(`lsb_release; lsb_release -sd; lsb_release -s; lsb_release -ir; lsb_release --; echo rc=$?
lsb_release -x 2>/dev/null; echo rc=$?
mv /etc/lsb-release /tmp/; lsb_release; echo rc=$?`);
    expect(r.stdout).toBe('Distributor ID:\tVMware Photon OS\nDescription:\tVMware Photon OS 5.0\nRelease:\t5.0\nCodename:\tPhoton\nVMware Photon OS 5.0\nVMware Photon OS\nVMware Photon OS 5.0\n5.0\nPhoton\nDistributor ID:\tVMware Photon OS\nRelease:\t5.0\nrc=0\nrc=1\nrc=2\n');
    expect(r.stderr).toContain("ERROR: '/etc/lsb-release' does not exist ...\n");
  });
});
