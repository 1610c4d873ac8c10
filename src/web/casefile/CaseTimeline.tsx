import { Text, Timeline } from '@mantine/core';
import {
  IconBriefcase,
  IconCalendarEvent,
  IconCheck,
  IconFile,
  IconFlag,
  IconMessage,
  IconScale,
  IconSchool,
  IconSend,
  IconShieldCheck,
  IconShieldX,
  IconUsers,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import type { TimelineEntry } from '../../contracts/clients';
import { formatDate, formatDateTime } from '../ui/format';
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
};

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
    default:
      return c || e.title;
  }
}

export function CaseTimeline({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
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
              {dateOnly.has(e.kind) ? formatDate(e.at) : formatDateTime(e.at)}
              {e.by ? ` · ${e.by}` : ''}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
