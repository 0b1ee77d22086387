// The settings the service manager knows, by section (src/core/load-fragment-gperf.gperf.in):
// anything else is "Unknown key" when a unit file is loaded. The execution, cgroup and kill
// settings are shared by the unit types that run processes.

const words = (s: string): string[] => s.split(' ');

const EXEC = words(
  'AmbientCapabilities AppArmorProfile BindPaths BindReadOnlyPaths CPUAffinity CPUSchedulingPolicy ' +
  'CPUSchedulingPriority CPUSchedulingResetOnFork CacheDirectory CacheDirectoryMode Capabilities ' +
  'CapabilityBoundingSet ConfigurationDirectory ConfigurationDirectoryMode CoredumpFilter ' +
  'DynamicUser Environment EnvironmentFile ExecPaths ExecSearchPath ExtensionDirectories ' +
  'ExtensionImages Group IOSchedulingClass IOSchedulingPriority IPCNamespacePath IgnoreSIGPIPE ' +
  'InaccessibleDirectories InaccessiblePaths KeyringMode LimitAS LimitCORE LimitCPU LimitDATA ' +
  'LimitFSIZE LimitLOCKS LimitMEMLOCK LimitMSGQUEUE LimitNICE LimitNOFILE LimitNPROC LimitRSS ' +
  'LimitRTPRIO LimitRTTIME LimitSIGPENDING LimitSTACK LoadCredential LoadCredentialEncrypted ' +
  'LockPersonality LogExtraFields LogFilterPatterns LogLevelMax LogNamespace LogRateLimitBurst ' +
  'LogRateLimitIntervalSec LogsDirectory LogsDirectoryMode MemoryDenyWriteExecute MountAPIVFS ' +
  'MountFlags MountImages NUMAMask NUMAPolicy NetworkNamespacePath Nice NoExecPaths NoNewPrivileges ' +
  'OOMScoreAdjust PAMName PassEnvironment Personality PrivateDevices PrivateIPC PrivateMounts ' +
  'PrivateNetwork PrivateTmp PrivateUsers ProcSubset ProtectClock ProtectControlGroups ProtectHome ' +
  'ProtectHostname ProtectKernelLogs ProtectKernelModules ProtectKernelTunables ProtectProc ' +
  'ProtectSystem ReadOnlyDirectories ReadOnlyPaths ReadWriteDirectories ReadWritePaths RemoveIPC ' +
  'RestrictAddressFamilies RestrictFileSystems RestrictNamespaces RestrictRealtime RestrictSUIDSGID ' +
  'RootDirectory RootHash RootHashSignature RootImage RootImageOptions RootVerity RuntimeDirectory ' +
  'RuntimeDirectoryMode RuntimeDirectoryPreserve SELinuxContext SecureBits SetCredential ' +
  'SetCredentialEncrypted SmackProcessLabel StandardError StandardInput StandardInputData ' +
  'StandardInputText StandardOutput StateDirectory StateDirectoryMode SupplementaryGroups ' +
  'SyslogFacility SyslogIdentifier SyslogLevel SyslogLevelPrefix SystemCallArchitectures ' +
  'SystemCallErrorNumber SystemCallFilter SystemCallLog TTYColumns TTYPath TTYReset TTYRows ' +
  'TTYVHangup TTYVTDisallocate TemporaryFileSystem TimeoutCleanSec TimerSlackNSec UMask ' +
  'UnsetEnvironment User UtmpIdentifier UtmpMode WorkingDirectory',
);

const CGROUP = words(
  'AllowedCPUs AllowedMemoryNodes BPFProgram BlockIOAccounting BlockIODeviceWeight ' +
  'BlockIOReadBandwidth BlockIOWeight BlockIOWriteBandwidth CPUAccounting CPUQuota ' +
  'CPUQuotaPeriodSec CPUShares CPUWeight DefaultMemoryLow DefaultMemoryMin Delegate DeviceAllow ' +
  'DevicePolicy DisableControllers IOAccounting IODeviceLatencyTargetSec IODeviceWeight ' +
  'IOReadBandwidthMax IOReadIOPSMax IOWeight IOWriteBandwidthMax IOWriteIOPSMax IPAccounting ' +
  'IPAddressAllow IPAddressDeny IPEgressFilterPath IPIngressFilterPath ManagedOOMMemoryPressure ' +
  'ManagedOOMMemoryPressureLimit ManagedOOMPreference ManagedOOMSwap MemoryAccounting MemoryHigh ' +
  'MemoryLimit MemoryLow MemoryMax MemoryMin MemorySwapMax MemoryZSwapMax NetClass ' +
  'RestrictNetworkInterfaces Slice SocketBindAllow SocketBindDeny StartupAllowedCPUs ' +
  'StartupAllowedMemoryNodes StartupBlockIOWeight StartupCPUShares StartupCPUWeight StartupIOWeight ' +
  'TasksAccounting TasksMax',
);

const KILL = words(
  'FinalKillSignal KillMode KillSignal RestartKillSignal SendSIGHUP SendSIGKILL WatchdogSignal',
);

export const UNIT_SECTION_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Unit', new Set([...words(
    'Description Documentation SourcePath Requires Requisite Wants BindsTo BindTo Upholds Conflicts ' +
    'Before After OnSuccess OnFailure PropagatesReloadTo PropagateReloadTo ReloadPropagatedFrom ' +
    'PropagateReloadFrom PropagatesStopTo StopPropagatedFrom PartOf JoinsNamespaceOf ' +
    'RequiresOverridable RequisiteOverridable RequiresMountsFor StopWhenUnneeded RefuseManualStart ' +
    'RefuseManualStop AllowIsolate DefaultDependencies OnSuccessJobMode OnFailureJobMode ' +
    'OnFailureIsolate IgnoreOnIsolate IgnoreOnSnapshot JobTimeoutSec JobRunningTimeoutSec ' +
    'JobTimeoutAction JobTimeoutRebootArgument StartLimitIntervalSec StartLimitInterval ' +
    'StartLimitBurst StartLimitAction FailureAction SuccessAction FailureActionExitStatus ' +
    'SuccessActionExitStatus RebootArgument ConditionPathExists ConditionPathExistsGlob ' +
    'ConditionPathIsDirectory ConditionPathIsSymbolicLink ConditionPathIsMountPoint ' +
    'ConditionPathIsReadWrite ConditionPathIsEncrypted ConditionDirectoryNotEmpty ' +
    'ConditionFileNotEmpty ConditionFileIsExecutable ConditionNeedsUpdate ConditionFirstBoot ' +
    'ConditionArchitecture ConditionFirmware ConditionVirtualization ConditionHost ' +
    'ConditionKernelCommandLine ConditionKernelVersion ConditionCredential ConditionSecurity ' +
    'ConditionCapability ConditionACPower ConditionMemory ConditionCPUFeature ConditionCPUs ' +
    'ConditionEnvironment ConditionUser ConditionGroup ConditionControlGroupController ' +
    'ConditionOSRelease ConditionMemoryPressure ConditionCPUPressure ConditionIOPressure ' +
    'AssertPathExists AssertPathExistsGlob AssertPathIsDirectory AssertPathIsSymbolicLink ' +
    'AssertPathIsMountPoint AssertPathIsReadWrite AssertPathIsEncrypted AssertDirectoryNotEmpty ' +
    'AssertFileNotEmpty AssertFileIsExecutable AssertNeedsUpdate AssertFirstBoot AssertArchitecture ' +
    'AssertVirtualization AssertHost AssertKernelCommandLine AssertKernelVersion AssertCredential ' +
    'AssertSecurity AssertCapability AssertACPower AssertMemory AssertCPUFeature AssertCPUs ' +
    'AssertEnvironment AssertUser AssertGroup AssertControlGroupController AssertOSRelease ' +
    'AssertMemoryPressure AssertCPUPressure AssertIOPressure CollectMode',
  )])],
  ['Service', new Set([...EXEC, ...CGROUP, ...KILL, ...words(
    'PIDFile ExecCondition ExecStartPre ExecStart ExecStartPost ExecReload ExecStop ExecStopPost ' +
    'RestartSec TimeoutSec TimeoutStartSec TimeoutStopSec TimeoutAbortSec TimeoutStartFailureMode ' +
    'TimeoutStopFailureMode RuntimeMaxSec RuntimeRandomizedExtraSec WatchdogSec StartLimitInterval ' +
    'StartLimitBurst StartLimitAction FailureAction RebootArgument Type ExitType Restart ' +
    'PermissionsStartOnly RootDirectoryStartOnly RemainAfterExit GuessMainPID ' +
    'RestartPreventExitStatus RestartForceExitStatus SuccessExitStatus SysVStartPriority ' +
    'NonBlocking BusName FileDescriptorStoreMax NotifyAccess Sockets BusPolicy ' +
    'USBFunctionDescriptors USBFunctionStrings OOMPolicy OpenFile ReloadSignal',
  )])],
  ['Socket', new Set([...EXEC, ...CGROUP, ...KILL, ...words(
    'ListenStream ListenDatagram ListenSequentialPacket ListenFIFO ListenNetlink ListenSpecial ' +
    'ListenMessageQueue ListenUSBFunction SocketProtocol BindIPv6Only Backlog BindToDevice ' +
    'ExecStartPre ExecStartPost ExecStopPre ExecStopPost TimeoutSec SocketUser SocketGroup ' +
    'SocketMode DirectoryMode Accept FlushPending Writable MaxConnections MaxConnectionsPerSource ' +
    'KeepAlive KeepAliveTimeSec KeepAliveIntervalSec KeepAliveProbes DeferAcceptSec NoDelay ' +
    'Priority ReceiveBuffer SendBuffer IPTOS IPTTL Mark PipeSize FreeBind Transparent Broadcast ' +
    'PassCredentials PassSecurity PassPacketInfo Timestamping TCPCongestion ReusePort ' +
    'MessageQueueMaxMessages MessageQueueMessageSize RemoveOnStop Symlinks FileDescriptorName ' +
    'Service TriggerLimitIntervalSec TriggerLimitBurst SmackLabel SmackLabelIPIn SmackLabelIPOut ' +
    'SELinuxContextFromNet',
  )])],
  ['Mount', new Set([...EXEC, ...CGROUP, ...KILL, ...words(
    'What Where Options Type TimeoutSec DirectoryMode SloppyOptions LazyUnmount ForceUnmount ' +
    'ReadWriteOnly',
  )])],
  ['Automount', new Set([...words(
    'Where ExtraOptions DirectoryMode TimeoutIdleSec',
  )])],
  ['Swap', new Set([...EXEC, ...CGROUP, ...KILL, ...words(
    'What Priority Options TimeoutSec',
  )])],
  ['Timer', new Set([...words(
    'OnCalendar OnActiveSec OnBootSec OnStartupSec OnUnitActiveSec OnUnitInactiveSec OnClockChange ' +
    'OnTimezoneChange Persistent WakeSystem RemainAfterElapse FixedRandomDelay AccuracySec ' +
    'RandomizedDelaySec Unit',
  )])],
  ['Path', new Set([...words(
    'PathExists PathExistsGlob PathChanged PathModified DirectoryNotEmpty Unit MakeDirectory ' +
    'DirectoryMode TriggerLimitIntervalSec TriggerLimitBurst',
  )])],
  ['Slice', new Set([...CGROUP, ...words(
    '',
  )])],
  ['Scope', new Set([...CGROUP, ...KILL, ...words(
    'RuntimeMaxSec RuntimeRandomizedExtraSec TimeoutStopSec OOMPolicy',
  )])],
  // a target's own section exists but takes no settings
  ['Target', new Set<string>()],
  ['Install', new Set([...words(
    'Alias WantedBy RequiredBy Also DefaultInstance',
  )])],
]);
