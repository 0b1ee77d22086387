// Explanations journalctl -x adds under catalogued messages (MESSAGE_ID), written in our own
// words; the layout (lines prefixed "░░ ") is journalctl's.
import type { JournalEntry } from '../../../shared/services/journal';

export const MESSAGE_IDS = {
  unitStarted: '39f53479d3a045ac8e11786248231fbf',
  unitFailed: 'be02cf6855d2428ba40df7e9d022f03d',
  unitStopped: '9d1aaa27d60140bd96365438aad20286',
  unitResult: '7ad2d189f7e94e70a38c781354912448',
} as const;

const TEXT: Record<string, (unit: string) => string[]> = {
  [MESSAGE_IDS.unitStarted]: (u) => ['Subject: A start job for unit UNIT has finished successfully', '', `The start job for unit ${u} has completed and the unit is now running.`],
  [MESSAGE_IDS.unitFailed]: (u) => ['Subject: A start job for unit UNIT has failed', '', `The start job for unit ${u} did not succeed; the unit's state is now "failed".`, 'Its log lines above usually say why.'],
  [MESSAGE_IDS.unitStopped]: (u) => ['Subject: A stop job for unit UNIT has finished', '', `Unit ${u} was stopped and is no longer running.`],
  [MESSAGE_IDS.unitResult]: (u) => ['Subject: Unit failed', '', `Unit ${u} went into the "failed" state.`],
};

export function explain(e: JournalEntry): string[] {
  const text = e.messageId ? TEXT[e.messageId] : undefined;
  if (!text) return [];
  const unit = e.aboutUnit ?? e.unit ?? 'UNIT';
  return ['░░ Support: https://github.com/vmware/photon/issues', ...text(unit).map((l) => l.replace('UNIT', unit))].map((l) => (l === '' ? '░░' : `░░ ${l}`));
}
