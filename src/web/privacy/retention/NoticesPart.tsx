import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ClassEnd, RetentionRunResult, retentionNotice } from '../../../contracts/privacy';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useWideScreen } from '../../ui/DataTable';
import { ErrorAlert, notifySaved } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { ListTable, useList } from '../../ui/list';
import { HoldDialog } from '../HoldDialog';
import { liftLegalHold } from '../requests/api';
import { noticesQuery, privacySettingsQuery, retentionKeys, runRetentionNow } from './api';
import { periodLabel } from './SettingsPart';

type Notice = z.infer<typeof retentionNotice>;

/** "Counselling records: 3 years from the last contact (12 Mar 2023), ended 12 Mar 2026". */
const ruleText = (t: TFunction, c: ClassEnd) =>
  t('retention.notices.rule', {
    name: t(`retention.classes.${c.class}.name`),
    period: periodLabel(t, c.months),
    event: t(`retention.startEvents.${c.startEvent}`),
    started: formatDate(c.startedOn),
    ended: formatDate(c.endsOn),
  });

/**
 * The dpo's deletion list: the closed cases whose retention ran out, each with the rules that ran
 * out and the day the job anonymises it; a legal hold keeps one. The job can be run at once.
 */
export function NoticesPart() {
  const { t } = useTranslation('privacy');
  const list = useList({ query: noticesQuery, pageSize: 25 });
  const [holding, setHolding] = useState<Notice | null>(null);
  const [lifting, setLifting] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const wide = useWideScreen();
  return (
    <Stack>
      <RunJob />
      <ErrorAlert error={error} />
      <ListTable
        list={list}
        minWidth={1000}
        rowKey={(n) => n.id}
        plainTitle
        highlightOnHover={false}
        testId="retention-notices"
        columns={[
          { head: t('retention.notices.case'), card: 'title', nowrap: true, cell: (n) => n.caseCode },
          {
            head: t('retention.notices.legalHold'),
            card: 'badge',
            cell: (n) => (n.legalHold ? <Badge color="orange">{t('retention.notices.held')}</Badge> : '–'),
          },
          { head: t('retention.notices.owner'), card: 'fact', cell: (n) => n.owner },
          {
            head: t('retention.notices.endedOn'),
            card: 'fact',
            nowrap: true,
            cell: (n) => formatDate(n.retentionEndedOn),
          },
          {
            head: t('retention.notices.classes'),
            card: 'fact',
            cell: (n) => (
              <Stack gap={2}>
                {n.classes.map((c) => (
                  <Text key={c.class} size="sm">
                    {ruleText(t, c)}
                  </Text>
                ))}
              </Stack>
            ),
          },
          {
            head: t('retention.notices.deleteAfter'),
            card: 'fact',
            nowrap: true,
            cell: (n) => formatDate(n.deleteAfter),
          },
          {
            head: '',
            // On a phone the button goes under the facts: beside them it leaves them too narrow.
            card: wide ? 'action' : 'fact',
            cell: (n) =>
              n.legalHold ? (
                <Button size="xs" variant="default" onClick={() => setLifting(n)}>
                  {t('retention.hold.lift')}
                </Button>
              ) : (
                <Button size="xs" variant="light" onClick={() => setHolding(n)}>
                  {t('retention.hold.place')}
                </Button>
              ),
          },
        ]}
      />
      {holding && (
        <HoldDialog
          clientId={holding.clientId}
          title={t('retention.hold.title', { code: holding.caseCode })}
          text={t('retention.hold.text')}
          submitLabel={t('retention.hold.place')}
          onClose={() => setHolding(null)}
          onSaved={async () => {
            await queryClient.invalidateQueries({ queryKey: retentionKeys.allNotices });
            notifySaved(t, t('retention.hold.placed', { code: holding.caseCode }));
          }}
        />
      )}
      <ConfirmModal
        opened={lifting !== null}
        title={t('retention.hold.liftTitle', { code: lifting?.caseCode ?? '' })}
        text={t('retention.hold.liftText')}
        confirmLabel={t('retention.hold.lift')}
        onConfirm={async () => {
          if (!lifting) return;
          setError(null);
          try {
            await liftLegalHold(lifting.clientId);
            await queryClient.invalidateQueries({ queryKey: retentionKeys.allNotices });
            notifySaved(t, t('retention.hold.lifted', { code: lifting.caseCode }));
          } catch (e) {
            setError(e);
          }
        }}
        onClose={() => setLifting(null)}
      />
    </Stack>
  );
}

/** What the job does, in two sentences, and "run it now" with a confirmation and its result. */
function RunJob() {
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const settings = useQuery(privacySettingsQuery);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<RetentionRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setError(null);
    setResult(null);
    try {
      setResult(await runRetentionNow());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: retentionKeys.allNotices }),
        queryClient.invalidateQueries({ queryKey: retentionKeys.allProofs }),
      ]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('retention.job.explain', { days: settings.data?.noticeDays ?? 14 })}</Text>
      <Group>
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          variant="default"
          onClick={() => setAsking(true)}
          data-testid="retention-run"
        >
          {t('retention.job.run')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Alert color="green" title={t('retention.job.done')} role="status" data-testid="retention-run-result">
          {t('retention.job.result', {
            announced: result.announced,
            withdrawn: result.withdrawn,
            anonymised: result.anonymised,
            files: result.filesRemoved,
          })}
          {result.finishedFromEarlierRun > 0 &&
            ` ${t('retention.job.finished', { count: result.finishedFromEarlierRun })}`}
        </Alert>
      )}
      <ConfirmModal
        opened={asking}
        title={t('retention.job.confirmTitle')}
        text={t('retention.job.confirmText')}
        confirmLabel={t('retention.job.run')}
        onConfirm={run}
        onClose={() => setAsking(false)}
      />
    </Stack>
  );
}
