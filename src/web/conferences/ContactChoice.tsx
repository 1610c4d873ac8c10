import { Checkbox, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Institution } from '../../contracts/network';
import { institutionDetailQuery } from '../network/api';

/** One institution's contact persons as checkboxes, each with the address the invitation goes to. */
function ContactsOf({ institution: i, showName }: { institution: Institution; showName: boolean }) {
  const { t } = useTranslation('conferences');
  return (
    <Stack gap={4}>
      {showName && (
        <Text size="sm" fw={500}>
          {i.name}
        </Text>
      )}
      {i.contacts.length === 0 && (
        <Text size="xs" c="dimmed" pl={showName ? 'md' : 0}>
          {t('invite.noContacts', { email: i.email ?? t('invite.noEmail') })}
        </Text>
      )}
      {i.contacts.map((c) => (
        <Checkbox
          key={c.id}
          value={c.id}
          pl={showName ? 'md' : 0}
          label={`${c.name}${c.function ? ` · ${c.function}` : ''}`}
          description={c.email ?? t('invite.noEmail')}
        />
      ))}
    </Stack>
  );
}

/**
 * The contact persons of the chosen institutions, to tick: each ticked one gets the invitation;
 * an institution with none ticked is invited at its own address.
 */
export function ContactChoice(p: {
  institutionIds: string[];
  value: string[];
  onChange(v: string[]): void;
  error?: ReactNode;
}) {
  const { t } = useTranslation('conferences');
  const details = useQueries({ queries: p.institutionIds.map((id) => institutionDetailQuery(id)) });
  if (p.institutionIds.length === 0) return null;
  return (
    <Checkbox.Group
      label={t('invite.contacts')}
      description={t('invite.contactsHelp')}
      value={p.value}
      onChange={p.onChange}
      error={p.error}
    >
      <Stack gap="sm" mt={6} data-testid="contact-choice">
        {details.map(({ data }) =>
          data ? (
            <ContactsOf key={data.id} institution={data} showName={p.institutionIds.length > 1} />
          ) : null,
        )}
      </Stack>
    </Checkbox.Group>
  );
}
