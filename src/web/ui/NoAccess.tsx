import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.forbidden')} />
      <Alert icon={<IconLock />} color="gray" maw={600}>
        {t('common.noAccess')}
      </Alert>
    </>
  );
}
