import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert icon={<IconLock />} color="gray" title={t('errors.forbidden')} maw={600}>
      {t('common.noAccess')}
    </Alert>
  );
}
