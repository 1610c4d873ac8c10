import {
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetupResponse } from '../../contracts/auth';
import { ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { disableTotp, enableTotp, startTotp } from './api';
import { useSession, useUser } from './session';

/** Enrol (QR code, confirm a code, keep the recovery codes) or remove the second factor. */
export function TwoFactorCard() {
  const { t } = useTranslation('auth');
  const user = useUser();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('profile.totp')}
          </Title>
          <TwoFactorBadge enabled={user.totpEnabled} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('profile.totpIntro')}
        </Text>
        <ErrorAlert error={error} />

        {codes && (
          <Stack gap="xs">
            <Text fw={500}>{t('profile.recoveryCodes')}</Text>
            <Text size="sm">{t('profile.recoveryCodesHelp')}</Text>
            <Code block data-testid="recovery-codes">
              {codes.join('\n')}
            </Code>
            <Group>
              <CopyButton value={codes.join('\n')}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setCodes(null)}>{t('profile.recoveryCodesSaved')}</Button>
            </Group>
          </Stack>
        )}

        {!user.totpEnabled && !setup && !codes && (
          <Group>
            <Button loading={busy} onClick={() => run(async () => setSetup(await startTotp()))}>
              {t('profile.totpStart')}
            </Button>
          </Group>
        )}

        {setup && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('profile.totpScan')}</Text>
              <Image src={setup.qrCodeDataUrl} alt={t('profile.totpQrAlt')} w={200} h={200} />
              <Text size="xs" c="dimmed">
                {t('profile.totpManual')}
              </Text>
              <Code>{setup.secret}</Code>
            </Stack>
            <Form
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  const result = await enableTotp(code);
                  setSetup(null);
                  setCode('');
                  setCodes(result.recoveryCodes);
                  await refresh();
                  notifySaved(t, t('profile.totpEnabled'));
                });
              }}
            >
              <Stack>
                <TextInput
                  label={t('profile.totpCode')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  required
                />
                <Group>
                  <Button type="submit" loading={busy}>
                    {t('profile.totpConfirm')}
                  </Button>
                  <Button variant="subtle" onClick={() => setSetup(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Form>
          </SimpleGrid>
        )}

        {user.totpEnabled && !codes && (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await disableTotp(password);
                setPassword('');
                await refresh();
                notifySaved(t, t('profile.totpDisabled'));
              });
            }}
          >
            <Group align="flex-end">
              <PasswordInput
                label={t('profile.currentPassword')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" color="red" variant="light" loading={busy}>
                {t('profile.totpDisable')}
              </Button>
            </Group>
          </Form>
        )}
      </Stack>
    </Card>
  );
}

export function TwoFactorBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('auth');
  return (
    <Badge color={enabled ? 'green' : 'gray'}>{enabled ? t('profile.totpOn') : t('profile.totpOff')}</Badge>
  );
}
