import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The counsellor team of a user (free text, at most 80 characters; empty is none). */
export function TeamInput(props: TextInputProps) {
  const { t } = useTranslation('users');
  return <TextInput label={t('users.team')} description={t('users.teamHelp')} maxLength={80} {...props} />;
}
