import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('errors.not_found')} maw={600}>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </Alert>
  );
}
