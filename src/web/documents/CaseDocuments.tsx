import {
  ActionIcon,
  Anchor,
  Button,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { documentCategories } from '../../contracts/documents';
import { useRefreshCase } from '../casefile/api';
import { ConfirmModal } from '../ui/ConfirmModal';
import { DataTable } from '../ui/DataTable';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { deleteDocument, documentUrl, uploadDocument } from './api';

const sizeText = (bytes: number) =>
  bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;

export function CaseDocuments({ file }: { file: CaseFile }) {
  const { t } = useTranslation('documents');
  const id = file.client.id;
  const refresh = useRefreshCase(id);
  const [picked, setPicked] = useState<File | null>(null);
  const [category, setCategory] = useState<string | null>('certificate');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  const send = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      await uploadDocument(id, picked, { category: category ?? 'other', description });
      notifySaved(t, t('documents.uploaded'));
      setPicked(null);
      setDescription('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('documents.upload')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('documents.accepted')}
        </Text>
        <ErrorAlert error={error} />
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('documents.file')}
            placeholder={t('documents.choose')}
            value={picked}
            onChange={setPicked}
            clearable
            w={{ base: '100%', sm: 260 }}
            accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.odt,.ods"
          />
          <Select
            label={t('documents.category')}
            data={enumOptions(t, 'documentCategory', documentCategories)}
            value={category}
            onChange={setCategory}
            w={{ base: '100%', sm: 200 }}
          />
          <TextInput
            label={t('documents.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            w={{ base: '100%', sm: 240 }}
          />
          <Button leftSection={<IconUpload size={16} />} onClick={send} loading={busy} disabled={!picked}>
            {t('documents.uploadButton')}
          </Button>
        </Group>
      </Stack>
      {/* A click on a card would download the file: only the file's own link does. */}
      <DataTable
        items={file.documents}
        rowKey={(d) => d.id}
        testId="documents-table"
        minWidth={640}
        striped={false}
        plainTitle
        columns={[
          {
            head: t('documents.file'),
            card: 'title',
            cell: (d) => (
              <>
                <Anchor
                  href={documentUrl(id, d.id)}
                  download={d.filename}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {d.filename}
                </Anchor>
                {d.description && (
                  <Text size="xs" c="dimmed">
                    {d.description}
                  </Text>
                )}
              </>
            ),
          },
          {
            head: t('documents.category'),
            card: 'fact',
            cell: (d) => enumLabel(t, 'documentCategory', d.category),
          },
          { head: t('documents.size'), cell: (d) => sizeText(d.sizeBytes) },
          {
            head: t('documents.uploadedBy'),
            card: 'fact',
            cell: (d) => (
              <>
                <Text size="sm">{d.uploadedBy ?? '–'}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(d.uploadedAt)}
                </Text>
              </>
            ),
          },
          {
            head: '',
            card: 'action',
            cell: (d) => (
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  component="a"
                  href={documentUrl(id, d.id)}
                  download={d.filename}
                  variant="subtle"
                  aria-label={t('documents.download')}
                >
                  <IconDownload size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => setDeleting(d.id)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ),
          },
        ]}
      />
      {file.documents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('common.confirmDelete')}
        text={t('documents.deleteText')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          try {
            if (deleting) await deleteDocument(id, deleting);
            await refresh();
          } catch (e) {
            notifyError(t, e);
          }
        }}
      />
    </Stack>
  );
}
