import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../ui/i18n';
import { updateMe } from './api';
import { useSession } from './session';

/** Switches the interface language; a logged-in user's choice is kept in the profile. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('auth');
  const { user, updateUser } = useSession();
  const change = async (value: string) => {
    const language = value as Language;
    setLanguage(language);
    if (user) updateUser(await updateMe({ language }));
  };
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language.startsWith('de') ? 'de' : 'en'}
      onChange={(v) => void change(v)}
      aria-label={t('language.label')}
      data-testid="language-switch"
      data={[
        { value: 'de', label: 'DE' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
