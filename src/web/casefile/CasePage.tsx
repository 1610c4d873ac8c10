import { Alert, Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CaseTeam } from '../clients/CaseTeam';
import { fullName, originalName } from '../clients/names';
import { StageControl } from '../clients/StageControl';
import { CaseConsent } from '../consent/CaseConsent';
import { CaseDocuments } from '../documents/CaseDocuments';
import { CaseNetwork } from '../measures/CaseNetwork';
import { CasePrivacyBanner } from '../privacy/requests/CasePrivacy';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { listHref } from '../ui/list';
import { PageLoader } from '../ui/PageLoader';
import { useCaseFile } from './api';
import { CaseContacts } from './CaseContacts';
import { CaseOverview } from './CaseOverview';
import { CasePlan } from './CasePlan';
import { CaseProfile } from './CaseProfile';
import { CaseRecognition } from './CaseRecognition';
import { CaseTimeline } from './CaseTimeline';

const panels = {
  overview: CaseOverview,
  profile: CaseProfile,
  recognition: CaseRecognition,
  plan: CasePlan,
  network: CaseNetwork,
  contacts: CaseContacts,
  consent: CaseConsent,
  documents: CaseDocuments,
  timeline: CaseTimeline,
} as const;
const tabs = Object.keys(panels) as (keyof typeof panels)[];

export function CasePage() {
  const { t } = useTranslation('casefile');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'overview';
  const file = useCaseFile(id);

  if (file.isPending) return <PageLoader />;
  // A restricted case answers 423: the banner still says since when, and a hold if there is one.
  if (file.error || !file.data)
    return (
      <Stack>
        <ErrorAlert error={file.error} />
        <CasePrivacyBanner clientId={id} />
      </Stack>
    );
  const c = file.data.client;
  const overdueSteps = file.data.plan.steps.filter((s) => s.overdue).length;
  const overdueProcedures = file.data.procedures.filter((p) => p.overdue).length;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={listHref('/cases')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('clients:cases.title')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2" data-testid="case-name">
            {fullName(c)}
          </Title>
          {originalName(c) && (
            <Text size="lg" c="dimmed">
              <bdi>{originalName(c)}</bdi>
            </Text>
          )}
          <Group gap="xs">
            <Badge variant="outline">{c.caseCode}</Badge>
            <Badge data-testid="case-stage">{enumLabel(t, 'stage', c.stage)}</Badge>
            {c.closingOutcome && (
              <Badge color="gray">{enumLabel(t, 'closingOutcome', c.closingOutcome)}</Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('case.intakeOn', { date: formatDate(c.intakeDate) })}
            </Text>
          </Group>
        </Stack>
        <CaseTeam client={c} />
      </Group>
      <StageControl client={c} history={file.data.stageHistory} />
      <CasePrivacyBanner clientId={id} />
      {(overdueSteps > 0 || overdueProcedures > 0) && (
        <Alert color="orange" variant="light">
          {[
            overdueSteps ? t('case.overdueSteps', { count: overdueSteps }) : null,
            overdueProcedures ? t('case.overdueDecisions', { count: overdueProcedures }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(v) => setParams({ tab: v ?? 'overview' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`case.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((k) => {
          const Panel = panels[k];
          return (
            <Tabs.Panel key={k} value={k} pt="md">
              <Panel file={file.data} />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
