import { Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pathway } from '../../contracts/pathways';
import { useCan } from '../auth/session';
import { ConfirmAction } from '../conferences/ConfirmAction';
import { notifyError } from '../ui/errors';
import { formatDate } from '../ui/format';
import { sectorLabel } from '../ui/pickers';
import { changePathway, pathwayKeys } from './api';
import { PathwaySteps } from './PathwaySteps';

/** Where a pathway comes from: the conference that adopted it, linked, and when. */
export function AdoptedAt({ pathway: p }: { pathway: Pathway }) {
  const { t } = useTranslation('pathways');
  if (!p.conference) return <>–</>;
  return (
    <Anchor component={Link} to={`/conferences/${p.conference.id}?tab=pathways`} size="sm">
      {t('pathways.adoptedAt', { conference: p.conference.title, date: formatDate(p.adoptedAt) })}
    </Anchor>
  );
}

/** A pathway to read: what it is for, its steps; leads edit or archive it from here. */
export function PathwayView({
  pathway: p,
  onEdit,
  onClose,
}: {
  pathway: Pathway;
  onEdit(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('pathways');
  const queryClient = useQueryClient();
  const manage = useCan('pathways.manage');
  const [archiving, setArchiving] = useState(false);
  const archive = async () => {
    try {
      await changePathway(p.id, { version: p.version, archived: !p.archivedAt });
      await queryClient.invalidateQueries({ queryKey: pathwayKeys.lists });
      onClose();
    } catch (e) {
      notifyError(t, e);
    }
  };
  return (
    <>
      <Modal opened={!archiving} onClose={onClose} title={p.title} size="lg">
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{sectorLabel(t, p.sector.name)}</Badge>
            {p.archivedAt && <Badge color="gray">{t('pathways.archived')}</Badge>}
            <Text size="sm" c="dimmed">
              {t('pathways.followers', { count: p.followers })}
            </Text>
          </Group>
          <Text size="sm">{p.occupationGroup}</Text>
          <Text size="sm" c="dimmed">
            {t('fields.occupations')}: {p.occupations.map((o) => o.title).join('; ')}
          </Text>
          {p.conference && <AdoptedAt pathway={p} />}
          {p.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Text>
          )}
          <PathwaySteps steps={p.steps} />
          <Group justify="flex-end">
            {manage && (
              <>
                <Button
                  variant="subtle"
                  color={p.archivedAt ? undefined : 'red'}
                  onClick={() => setArchiving(true)}
                >
                  {p.archivedAt ? t('pathways.restore') : t('pathways.archive')}
                </Button>
                <Button variant="light" onClick={onEdit}>
                  {t('common.edit')}
                </Button>
              </>
            )}
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      </Modal>
      {archiving && (
        <ConfirmAction
          title={p.archivedAt ? t('pathways.restore') : t('pathways.archive')}
          text={p.archivedAt ? t('pathways.restoreText') : t('pathways.archiveText')}
          confirmLabel={p.archivedAt ? t('pathways.restore') : t('pathways.archive')}
          onConfirm={archive}
          onClose={() => setArchiving(false)}
        />
      )}
    </>
  );
}
