import { Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Conference } from '../../contracts/conferences';
import { ConferenceCommitments } from '../commitments/ConferenceCommitments';
import { ConferencePathways } from '../pathways/ConferencePathways';
import { ErrorAlert } from '../ui/errors';
import { PageLoader } from '../ui/PageLoader';
import { AgendaPanel } from './AgendaPanel';
import { conferenceQuery } from './api';
import { ConferenceHeader } from './ConferenceHeader';
import { Invitations } from './Invitations';
import { hasMinutes, MinutesPanel } from './minutes/MinutesPanel';
import { Nominations } from './Nominations';
import { Packs } from './Packs';
import { ReportPanel } from './report/ReportPanel';

const panels = {
  invitations: Invitations,
  cases: Nominations,
  agenda: AgendaPanel,
  packs: Packs,
  minutes: MinutesPanel,
  commitments: ConferenceCommitments,
  pathways: ConferencePathways,
  report: ReportPanel,
} as const;
type Tab = keyof typeof panels;

/** Tabs for leads only: the packs go out under their hand; the report is theirs. */
const leadsOnly: Tab[] = ['packs', 'report'];
/** The tabs this viewer has: the minutes once the conference has begun. */
const tabsFor = (c: Conference) =>
  (Object.keys(panels) as Tab[]).filter(
    (k) => (!leadsOnly.includes(k) || c.may.manage) && (k !== 'minutes' || hasMinutes(c)),
  );
/** A tab's name; the minutes and the report keep their texts under their own keys. */
const tabLabel = (t: TFunction, k: Tab) =>
  k === 'minutes' || k === 'report' ? t(`${k}.tab`) : t(`tabs.${k}`);

/** A conference: its head, then the invitations, the nominated cases, the agenda, the packs, the minutes, the commitments made and the report. */
export function ConferencePage() {
  const { t } = useTranslation('conferences');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const conference = useQuery(conferenceQuery(id));
  if (conference.isPending) return <PageLoader />;
  if (!conference.data) return <ErrorAlert error={conference.error} />;
  const c = conference.data;
  const tabs = tabsFor(c);
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'invitations';
  const counts: Partial<Record<Tab, number>> = {
    invitations: new Set(c.invitations.map((i) => i.institution.id)).size,
    cases: c.nominations.length,
  };
  return (
    <Stack gap="md">
      <ConferenceHeader conference={c} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'invitations' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {counts[k] === undefined ? tabLabel(t, k) : `${tabLabel(t, k)} (${counts[k]})`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((k) => {
          const Panel = panels[k];
          return (
            <Tabs.Panel key={k} value={k} pt="md">
              <Panel conference={c} />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
