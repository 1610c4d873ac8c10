import { Text, Timeline } from '@mantine/core';
import {
  IconBriefcase,
  IconCalendarEvent,
  IconCheck,
  IconClipboardCheck,
  IconFile,
  IconFlag,
  IconGavel,
  IconMessage,
  IconPresentation,
  IconScale,
  IconSchool,
  IconSend,
  IconShieldCheck,
  IconShieldX,
  IconUsers,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import type { TimelineEntry } from '../../contracts/clients';
import { formatDate, formatDateTime } from '../ui/format';
import { loadConferenceTexts } from '../ui/i18n';
import { enumLabel } from '../ui/labels';

const icons: Record<string, typeof IconFlag> = {
  stage: IconFlag,
  session: IconMessage,
  coordination: IconUsers,
  procedure_submitted: IconScale,
  procedure_complete: IconScale,
  procedure_decided: IconScale,
  step_done: IconCheck,
  consent_given: IconShieldCheck,
  consent_withdrawn: IconShieldX,
  document: IconFile,
  measure: IconSchool,
  opportunity: IconBriefcase,
  disclosure: IconSend,
  conference: IconPresentation,
  decision: IconGavel,
  commitment: IconClipboardCheck,
};

/**
 * Kinds from the conferences, whose words are the commitments' texts: they come with the
 * conference texts, fetched when a timeline has such entries (the start page stays light).
 */
const conferenceKinds = new Set(['conference', 'decision', 'commitment']);

/** Entries that carry a date, not a time of day. */
const dateOnly = new Set([
  'session',
  'coordination',
  'procedure_submitted',
  'procedure_complete',
  'procedure_decided',
  'consent_given',
]);

function title(t: TFunction, e: TimelineEntry): string {
  const [a = '', b = '', c = ''] = e.codes;
  switch (e.kind) {
    case 'stage':
      return a
        ? t('timeline.stage', { from: enumLabel(t, 'stage', a), to: enumLabel(t, 'stage', b) })
        : t('timeline.opened');
    case 'session':
      return t('timeline.session', {
        type: enumLabel(t, 'sessionType', a || 'follow_up'),
        channel: b ? enumLabel(t, 'channel', b) : '',
      });
    case 'coordination':
      return t('timeline.coordination', { institution: e.title });
    case 'procedure_submitted':
    case 'procedure_complete':
      return t(`timeline.${e.kind}`, { what: e.title || enumLabel(t, 'procedureType', a) });
    case 'procedure_decided':
      return t('timeline.procedure_decided', {
        what: e.title || enumLabel(t, 'procedureType', a),
        outcome: enumLabel(t, 'outcome', b),
      });
    case 'consent_given':
    case 'consent_withdrawn':
      return t(`timeline.${e.kind}`, { purposes: e.codes.map((p) => enumLabel(t, 'purpose', p)).join(', ') });
    case 'document':
      return t('timeline.document', { name: e.title, category: enumLabel(t, 'documentCategory', a) });
    case 'step_done':
      return t('timeline.step_done', { text: e.title });
    case 'measure':
      return t('timeline.measure', { title: e.title, status: enumLabel(t, 'acquisitionStatus', a) });
    case 'opportunity':
      return t('timeline.opportunity', {
        title: e.title,
        kind: enumLabel(t, 'opportunityKind', b),
        status: enumLabel(t, 'placementStatus', a),
      });
    case 'disclosure':
      return t('timeline.disclosure', {
        recipient: e.title,
        categories: e.codes
          .slice(1)
          .map((x) => enumLabel(t, 'dataCategory', x))
          .join(', '),
      });
    case 'conference':
      return t(`commitments:timeline.conference.${a}`, { title: e.title, defaultValue: e.title });
    case 'decision':
      return t('commitments:timeline.decision', { title: e.title, defaultValue: e.title });
    case 'commitment':
      return t(`commitments:timeline.commitment.${a}`, {
        institution: e.title,
        date: formatDate(b),
        defaultValue: e.title,
      });
    default:
      return c || e.title;
  }
}

/** Whether an entry carries a date only (a report "on" a day), not a time of day. */
const isDateOnly = (e: TimelineEntry) =>
  dateOnly.has(e.kind) || (e.kind === 'commitment' && e.codes[0] !== 'made');

/** The conference texts, fetched when `needed`; the answer says when they are in. */
function useConferenceTexts(needed: boolean) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (needed) void loadConferenceTexts().then(() => setReady(true));
  }, [needed]);
  return ready;
}

export function CaseTimeline({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  useConferenceTexts(file.timeline.some((e) => conferenceKinds.has(e.kind)));
  if (file.timeline.length === 0) return <Text c="dimmed">{t('common.nothingFound')}</Text>;
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid="timeline">
      {file.timeline.map((e, i) => {
        const Icon = icons[e.kind] ?? IconCalendarEvent;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are derived and ordered; the index is stable for one render
          <Timeline.Item key={i} bullet={<Icon size={14} />} title={title(t, e)}>
            {e.detail && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.detail}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {isDateOnly(e) ? formatDate(e.at) : formatDateTime(e.at)}
              {e.by ? ` · ${e.by}` : ''}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
