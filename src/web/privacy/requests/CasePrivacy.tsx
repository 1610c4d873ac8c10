import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { applyFieldErrors, ErrorAlert, notifyError } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { formatDate } from '../../ui/format';
import { HoldDialog } from '../HoldDialog';
import { type CasePrivacyState, casePrivacyQuery, liftLegalHold, requestKeys, setLegalHold } from './api';
import { usePrivacyTexts } from './texts';

/**
 * On the case page, for everyone who may open the case: a legal hold with its reason, a
 * restriction (the case then answers 423 and this is what remains to see), an announced deletion.
 * Leads (privacy.holds) place, change and lift the hold here.
 */
export function CasePrivacyBanner({ clientId }: { clientId: string }) {
  const { t } = useTranslation('privacy');
  const state = useQuery(casePrivacyQuery(clientId));
  const canHold = useCan('privacy.holds');
  const shown = Boolean(state.data && (canHold || state.data.legalHold || state.data.restrictedSince));
  const ready = usePrivacyTexts(shown);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [lifting, setLifting] = useState(false);
  const s = state.data;
  if (!ready || !s || !shown) return null;
  const hold = s.legalHold;
  const saved = (next: CasePrivacyState) => queryClient.setQueryData(requestKeys.casePrivacy(clientId), next);
  return (
    <Stack gap="xs" data-testid="case-privacy">
      {s.restrictedSince && (
        <Alert color="grape" variant="light" icon={<IconLock size={18} />}>
          {t('requests.hold.restricted', { date: formatDate(s.restrictedSince) })}
        </Alert>
      )}
      {hold && (
        <Alert color="yellow" variant="light" title={t('requests.hold.title')} data-testid="legal-hold">
          <Stack gap="xs">
            <Text size="sm">
              {t('requests.hold.since', { date: formatDate(hold.since), name: hold.by, reason: hold.reason })}
            </Text>
            {canHold && (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                  {t('requests.hold.change')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setLifting(true)}>
                  {t('requests.hold.lift')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {s.deletionAnnouncedFor && !hold && (
        <Alert color="orange" variant="light">
          {t('requests.hold.deletion', { date: formatDate(s.deletionAnnouncedFor) })}
        </Alert>
      )}
      {!hold && canHold && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconLock size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('requests.hold.set')}
          </Button>
        </Group>
      )}
      {editing && (
        <HoldDialog
          clientId={clientId}
          title={t('requests.hold.title')}
          reason={hold?.reason ?? ''}
          submitLabel={t('requests.hold.set')}
          onClose={() => setEditing(false)}
          onSaved={saved}
        />
      )}
      <ConfirmModal
        opened={lifting}
        title={t('requests.hold.lift')}
        text={t('requests.hold.liftConfirm')}
        confirmLabel={t('requests.hold.lift')}
        onClose={() => setLifting(false)}
        onConfirm={async () => {
          try {
            saved(await liftLegalHold(clientId));
          } catch (e) {
            notifyError(t, e);
          }
          setLifting(false);
        }}
      />
    </Stack>
  );
}
