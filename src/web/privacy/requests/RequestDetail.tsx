import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestItem, RequestStatus } from '../../../contracts/privacy-requests';
import { useCan } from '../../auth/session';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { DownloadLink } from '../../ui/DownloadLink';
import { applyFieldErrors, ErrorAlert } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { formatDate, formatDateTime } from '../../ui/format';
import {
  type ErasureAnswer,
  eraseRequest,
  exportHref,
  exportJsonHref,
  requestKeys,
  requestQuery,
  restrictCase,
  updateRequest,
} from './api';
import { RequestStatusBadge as StatusBadge } from './DueBadge';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" component="div">
      {children || '–'}
    </Text>
  </Stack>
);

/** One request: its facts, what its kind needs done, and closing it (a refusal with its reason). */
export function RequestDetail({ id, onBack }: { id: string; onBack(): void }) {
  const { t } = useTranslation('privacy');
  const request = useQuery(requestQuery(id));
  const r = request.data;
  return (
    <Stack>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t('requests.back')}
        </Button>
      </Group>
      <ErrorAlert error={request.error} />
      {r && (
        <Paper withBorder p="md">
          <Stack>
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h3">
                {t(`requests.kind.${r.kind}`)}
                {r.person ? ` · ${r.person.name}` : ''}
              </Title>
              <StatusBadge request={r} />
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Fact label={t('requests.fields.person')}>
                {r.person
                  ? `${r.person.name} · ${r.person.caseCode}${r.person.birthDate ? ` · ${formatDate(r.person.birthDate)}` : ''}`
                  : t('requests.erasedPerson')}
              </Fact>
              <Fact label={t('requests.fields.receivedOn')}>{formatDate(r.receivedOn)}</Fact>
              <Fact label={t('requests.fields.dueOn')}>{formatDate(r.dueOn)}</Fact>
              <Fact label={t('requests.fields.createdBy')}>
                {r.createdBy} · {formatDateTime(r.createdAt)}
              </Fact>
            </SimpleGrid>
            {r.person?.restricted && <Badge color="grape">{t('requests.restricted')}</Badge>}
            {r.person?.legalHold && (
              <Alert color="yellow" variant="light" title={t('requests.legalHold')}>
                {r.person.legalHold}
              </Alert>
            )}
            {r.note && <Fact label={t('requests.fields.note')}>{r.note}</Fact>}
            {r.outcome && <Fact label={t('requests.fields.outcome')}>{r.outcome}</Fact>}
            {r.closedAt && (
              <Fact label={t('requests.fields.closed')}>
                {r.closedBy} · {formatDateTime(r.closedAt)}
              </Fact>
            )}
            {r.person && <KindActions request={r} />}
            {r.status === 'open' && <CloseActions request={r} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** Why an erasure was refused, in the interface's words where the kind is known. */
function refusalText(t: (key: string, o?: Record<string, string>) => string, e: ErasureAnswer) {
  const r = e.refusal;
  if (!r) return e.reason ?? '';
  if (r.kind === 'legal_hold') return t('requests.refusal.legal_hold', { reason: r.holdReason ?? '' });
  if (r.kind === 'retention_duty')
    return t('requests.refusal.retention_duty', { class: r.class ?? '', date: formatDate(r.endsOn) });
  return t('requests.refusal.open_case');
}

/** What the request's kind asks for: the export, the erasure, the restriction, the case to correct. */
function KindActions({ request: r }: { request: RequestItem }) {
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const canOpenCases = useCan('cases.work');
  const [language, setLanguage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [erasure, setErasure] = useState<ErasureAnswer | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: requestKeys.all });
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const person = r.person;
  if (!person) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('requests.actions')}
      </Title>
      <ErrorAlert error={error} />
      {(r.kind === 'access' || r.kind === 'restriction') && (
        <Stack gap="xs">
          <Text size="sm">{t('requests.exportHelp')}</Text>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('requests.exportLanguage')}
              placeholder={t('requests.formLanguage')}
              clearable
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              onChange={setLanguage}
              w={200}
            />
            <DownloadLink href={exportHref(r.id, (language ?? undefined) as 'de' | 'en' | undefined)}>
              {t('requests.exportZip')}
            </DownloadLink>
            <DownloadLink href={exportJsonHref(r.id)}>{t('requests.exportJson')}</DownloadLink>
          </Group>
        </Stack>
      )}
      {r.kind === 'erasure' && r.status === 'open' && (
        <Group>
          <Button color="red" onClick={() => setConfirmErase(true)}>
            {t('requests.erase')}
          </Button>
        </Group>
      )}
      {erasure && (
        <Alert color={erasure.outcome === 'erased' ? 'green' : 'orange'} role="status">
          {erasure.outcome === 'erased'
            ? t('requests.erased')
            : t('requests.erasureRefused', { reason: refusalText(t, erasure) })}
        </Alert>
      )}
      {r.kind === 'restriction' && (
        <Group>
          <Button
            variant={person.restricted ? 'default' : 'filled'}
            onClick={() => act(() => restrictCase(r.id, r.version, !person.restricted))}
          >
            {person.restricted ? t('requests.liftRestriction') : t('requests.restrict')}
          </Button>
        </Group>
      )}
      {r.kind === 'rectification' && (
        <Text size="sm">
          {t('requests.rectificationHelp')}{' '}
          {canOpenCases && (
            <Anchor component={Link} to={`/cases/${person.clientId}`}>
              {t('requests.openCase')}
            </Anchor>
          )}
        </Text>
      )}
      <ConfirmModal
        opened={confirmErase}
        title={t('requests.erase')}
        text={t('requests.eraseConfirm', { name: person.name })}
        confirmLabel={t('requests.erase')}
        onClose={() => setConfirmErase(false)}
        onConfirm={async () => {
          setConfirmErase(false);
          setError(null);
          try {
            setErasure(await eraseRequest(r.id));
            await refresh();
          } catch (e) {
            setError(e);
          }
        }}
      />
    </Stack>
  );
}

/** Closing: done, refused (the reason is required, Art. 12(4)) or withdrawn. */
function CloseActions({ request: r }: { request: RequestItem }) {
  const { t } = useTranslation('privacy');
  const [closing, setClosing] = useState<RequestStatus | null>(null);
  return (
    <Group>
      <Button onClick={() => setClosing('done')}>{t('requests.markDone')}</Button>
      <Button variant="default" onClick={() => setClosing('refused')}>
        {t('requests.refuse')}
      </Button>
      <Button variant="subtle" onClick={() => setClosing('withdrawn')}>
        {t('requests.withdrawn')}
      </Button>
      {closing && <CloseDialog request={r} status={closing} onClose={() => setClosing(null)} />}
    </Group>
  );
}

function CloseDialog({
  request: r,
  status,
  onClose,
}: {
  request: RequestItem;
  status: RequestStatus;
  onClose(): void;
}) {
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { outcome: r.outcome ?? '' },
    validate: { outcome: (v) => (status === 'refused' && !v.trim() ? t('requests.reasonRequired') : null) },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await updateRequest(r.id, { status, outcome: v.outcome || null, version: r.version });
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog title={t(`requests.close.${status}`)} form={form} onSubmit={submit} onClose={onClose}>
      {(cancel) => (
        <Stack>
          <ErrorAlert error={error} />
          <Textarea
            label={status === 'refused' ? t('requests.reason') : t('requests.fields.outcome')}
            description={status === 'refused' ? t('requests.reasonHelp') : undefined}
            required={status === 'refused'}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('outcome')}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t(`requests.close.${status}`)}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
