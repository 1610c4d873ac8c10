import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { chooseOrganisation } from '../auth/api';
import { PublicFrame } from '../auth/PublicFrame';
import { useSession, useUser } from '../auth/session';
import { ErrorAlert } from '../ui/errors';

/**
 * After the login of a partner of several organisations (and whenever they want to switch): one
 * large button per organisation, naming the institution they act for there. Built for a phone.
 */
export function ChooseOrganisationPage() {
  const { t } = useTranslation('portal');
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const current = user.organisationChoiceRequired ? null : user.organisation.id;
  const pick = async (id: string) => {
    setError(null);
    setBusy(id);
    try {
      await chooseOrganisation(id);
      // The app loads afresh in the organisation chosen: nothing kept of another one survives.
      window.location.assign(from);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };
  return (
    <PublicFrame title={t('organisation.title')}>
      <Stack>
        <Text size="sm">{t('organisation.intro')}</Text>
        <ErrorAlert error={error} />
        {user.organisations.map((o) => (
          <Button
            key={o.id}
            variant={o.id === current ? 'light' : 'default'}
            size="lg"
            h="auto"
            py="sm"
            fullWidth
            justify="flex-start"
            loading={busy === o.id}
            disabled={busy !== null && busy !== o.id}
            onClick={() => void pick(o.id)}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
            data-testid="organisation-choice"
          >
            <Stack gap={2} align="flex-start">
              <Text fw={600}>{o.name}</Text>
              {o.institutionName && (
                <Text size="sm">{t('organisation.for', { institution: o.institutionName })}</Text>
              )}
              {o.id === current && <Text size="xs">{t('organisation.current')}</Text>}
            </Stack>
          </Button>
        ))}
        <Button
          variant="subtle"
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {t('auth:auth.logout')}
        </Button>
      </Stack>
    </PublicFrame>
  );
}
