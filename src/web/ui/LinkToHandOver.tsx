import { Button, Code, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A one-time link shown to hand over when no mail server is set up (an invitation), with a copy button. */
export function LinkToHandOver({ link }: { link: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Code block data-testid="invite-link" style={{ wordBreak: 'break-all' }}>
        {link}
      </Code>
      <Group>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
          )}
        </CopyButton>
      </Group>
    </>
  );
}
