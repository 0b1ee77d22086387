// ps L: every format specifier procps-ng knows and its column header, in the order of
// format_array (output.c), printed as "%-12s %-8s" lines (print_format_specifiers).
const SPECIFIERS = [
  '%cpu=%CPU %mem=%MEM _left=LLLLLLLL _left2=L2L2L2L2 _right=RRRRRRRR _right2=R2R2R2R2 _unlimited=U ',
  '_unlimited2=U2 ag_id=AGID ag_nice=AGNI args=COMMAND atime=TIME blocked=BLOCKED bsdstart=START ',
  'bsdtime=TIME c=C caught=CAUGHT cgname=CGNAME cgroup=CGROUP cgroupns=CGROUPNS class=CLS cls=CLS ',
  'cmd=CMD comm=COMMAND command=COMMAND context=CONTEXT cp=CP cpuid=CPUID cputime=TIME ',
  'cputimes=TIME cuc=%CUC cuu=%CUU drs=DRS dsiz=DSIZ egid=EGID egroup=EGROUP eip=EIP esp=ESP ',
  'etime=ELAPSED etimes=ELAPSED euid=EUID euser=EUSER exe=EXE f=F fgid=FGID fgroup=FGROUP flag=F ',
  'flags=F fname=COMMAND fsgid=FSGID fsgroup=FSGROUP fsuid=FSUID fsuser=FSUSER fuid=FUID ',
  'fuser=FUSER gid=GID group=GROUP ignored=IGNORED intpri=PRI ipcns=IPCNS label=LABEL lastcpu=C ',
  'lim=LIM longtname=TTY lsession=SESSION lstart=STARTED luid=LUID lwp=LWP lxc=LXC m_drs=DRS ',
  'm_size=SIZE m_trs=TRS machine=MACHINE maj_flt=MAJFL majflt=MAJFLT min_flt=MINFL minflt=MINFLT ',
  'mntns=MNTNS netns=NETNS ni=NI nice=NI nlwp=NLWP numa=NUMA oom=OOM oomadj=OOMADJ opri=PRI ',
  'ouid=OWNER pagein=PAGEIN pcpu=%CPU pending=PENDING pgid=PGID pgrp=PGRP pid=PID pidns=PIDNS ',
  'pmem=%MEM policy=POL ppid=PPID pri=PRI pri_api=API pri_bar=BAR pri_baz=BAZ pri_foo=FOO ',
  'priority=PRI psr=PSR pss=PSS rbytes=RBYTES rchars=RCHARS rgid=RGID rgroup=RGROUP rops=ROPS ',
  'rss=RSS rssize=RSS rsz=RSZ rtprio=RTPRIO ruid=RUID ruser=RUSER s=S sched=SCH seat=SEAT sess=SESS ',
  'session=SESS sgi_p=P sgi_rss=RSS sgid=SGID sgroup=SGROUP sid=SID sig=PENDING sig_block=BLOCKED ',
  'sig_catch=CATCHED sig_ignore=IGNORED sig_pend=SIGNAL sigcatch=CAUGHT sigignore=IGNORED ',
  'sigmask=BLOCKED size=SIZE slice=SLICE spid=SPID stackp=STACKP start=STARTED start_stack=STACKP ',
  'start_time=START stat=STAT state=S stime=STIME suid=SUID supgid=SUPGID supgrp=SUPGRP suser=SUSER ',
  'svgid=SVGID svgroup=SVGROUP svuid=SVUID svuser=SVUSER sz=SZ tgid=TGID thcount=THCNT tid=TID ',
  'time=TIME timens=TIMENS times=TIME tname=TTY tpgid=TPGID trs=TRS trss=TRSS tsig=PENDING ',
  'tsiz=TSIZ tt=TT tty=TT tty4=TTY tty8=TTY ucmd=CMD ucomm=COMMAND uid=UID uid_hack=UID uname=USER ',
  'unit=UNIT user=USER userns=USERNS uss=USS util=C utsns=UTSNS uunit=UUNIT vsize=VSZ vsz=VSZ ',
  'wbytes=WBYTES wcbytes=WCBYTES wchan=WCHAN wchars=WCHARS wname=WCHAN wops=WOPS zone=ZONE',
].join('');

export function formatSpecifiers(): string {
  return SPECIFIERS.split(' ')
    .map((pair) => {
      const eq = pair.indexOf('=', 1);
      return `${pair.slice(0, eq).padEnd(12)} ${pair.slice(eq + 1).padEnd(8)}\n`;
    })
    .join('');
}
