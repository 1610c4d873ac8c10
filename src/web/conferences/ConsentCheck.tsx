import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentCheck as Check } from '../../contracts/conferences';
import { LevelBadge } from './badges';

type Item = Check['institutions'][number];

/** Why an institution may receive nothing, in words. */
export function ReasonText({ reason }: { reason: Item['reason'] }) {
  const { t } = useTranslation('conferences');
  if (!reason) return null;
  return (
    <Text size="xs" c="red.9">
      {t(`nominations.reason.${reason}`)}
    </Text>
  );
}

/**
 * The consent check of a case against every invited institution, as checkboxes of the
 * institutions the case needs. Those the consent does not allow are marked; the counsellor drops
 * them ("nominate for fewer institutions") or anonymises the case.
 */
export function ConsentCheckChoice(p: {
  check: Check;
  value: string[];
  onChange(ids: string[]): void;
  anonymised: boolean;
  error?: ReactNode;
}) {
  const { t } = useTranslation('conferences');
  const blocked = p.check.institutions.filter(
    (i) => i.level === 'none' && p.value.includes(i.institution.id),
  );
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label={t('nominations.needed')}
        description={t('nominations.neededHelp')}
        required
        value={p.value}
        onChange={p.onChange}
        error={p.error}
      >
        <Stack gap="xs" mt="xs" data-testid="consent-check">
          {p.check.institutions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('nominations.noInvitees')}
            </Text>
          )}
          {p.check.institutions.map((i) => (
            <Group key={i.institution.id} gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox value={i.institution.id} label={i.institution.name} />
              <Stack gap={2}>
                <LevelBadge level={p.anonymised ? 'anonymised' : i.level} />
                {!p.anonymised && <ReasonText reason={i.reason} />}
              </Stack>
            </Group>
          ))}
        </Stack>
      </Checkbox.Group>
      {blocked.length > 0 && !p.anonymised && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="held-back">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('nominations.heldBack', { names: blocked.map((b) => b.institution.name).join(', ') })}
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                p.onChange(p.value.filter((id) => !blocked.some((b) => b.institution.id === id)))
              }
            >
              {t('nominations.fewer')}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
