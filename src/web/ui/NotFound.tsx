import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.not_found')} />
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </>
  );
}
