import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listHref } from './list';

/** The head of a record's page: the way back to its list (as it was left), its name, its badges and an edit button. */
export function DetailHeader(p: {
  back: { to: string; label: string };
  title: string;
  testId: string;
  badges: ReactNode;
  onEdit(): void;
  /** Further actions beside the edit button. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={listHref(p.back.to)} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {p.back.label}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid={p.testId}>
            {p.title}
          </Title>
          <Group gap="xs">{p.badges}</Group>
        </Stack>
        <Group gap="xs" data-page-actions>
          {p.actions}
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={p.onEdit}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
