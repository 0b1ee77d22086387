// Typical footprints of Photon 5.0's programs on x86_64: [VSZ, RSS] in KiB, their mappings
// before they allocate anything. The kernel's memory accounting (/proc/<pid>/status, the OOM
// killer's report) and procps (ps, top) start from the same figures.
export const FOOTPRINT_KB: Readonly<Record<string, readonly [number, number]>> = {
  systemd: [167_764, 11_972], bash: [8_164, 4_992], sh: [8_164, 4_904], su: [10_996, 4_420], sudo: [12_208, 5_596],
  login: [9_864, 4_712], ps: [9_412, 3_584], top: [10_900, 4_300], sleep: [5_456, 1_004], sshd: [14_384, 8_996],
  'systemd-journal': [41_876, 14_200], 'systemd-network': [18_612, 8_460], 'systemd-resolve': [21_208, 12_640],
  'systemd-timesyn': [86_768, 6_612], 'systemd-udevd': [21_680, 5_600], 'systemd-logind': [16_484, 7_228],
  'dbus-daemon': [8_580, 4_368], dockerd: [1_467_332, 78_400], containerd: [1_330_008, 44_816], agetty: [5_952, 1_748],
  vi: [11_952, 6_648], vim: [11_952, 6_648], less: [6_024, 2_432], tail: [5_484, 1_012], cat: [5_488, 1_004],
  yes: [5_484, 1_008], find: [6_568, 2_636], grep: [6_444, 2_148], awk: [9_112, 3_064], python3: [17_924, 11_292],
  sort: [5_560, 1_880], tac: [5_484, 1_036], head: [5_488, 1_004], dd: [5_496, 1_012],
};
