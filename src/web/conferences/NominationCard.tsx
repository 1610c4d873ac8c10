import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconMessagePlus,
  IconPencil,
  IconPhonePlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Nomination } from '../../contracts/conferences';
import { formatDate, formatDateTime } from '../ui/format';
import { LevelBadge } from './badges';
import { ReasonText } from './ConsentCheck';

/** The case, or its code only where the viewer may not open it. */
function CaseName({ n }: { n: Nomination }) {
  return n.client.visible ? (
    <Anchor component={Link} to={`/cases/${n.client.id}`}>
      {n.client.label}
    </Anchor>
  ) : (
    <span>{n.client.label}</span>
  );
}

/** What each needed institution receives of the case now, and why nothing where nothing. */
function Recipients({ n }: { n: Nomination }) {
  const { t } = useTranslation('conferences');
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('nominations.receives')}
      </Text>
      <Group gap="md" align="flex-start">
        {n.recipients.map((r) => (
          <Stack key={r.institution.id} gap={2} data-testid="recipient">
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{r.institution.name}</Text>
              {/* An anonymised case goes to every invitee without anything that names the person,
                  whatever the consent says: "held back" would tell the reader the opposite. */}
              <LevelBadge level={n.anonymised ? 'anonymised' : r.level} />
            </Group>
            {!n.anonymised && r.level === 'none' && <ReasonText reason={r.reason} />}
          </Stack>
        ))}
      </Group>
    </Stack>
  );
}

/** One nominated case: the question, what each institution receives, talks and written input. */
export function NominationCard(p: {
  n: Nomination;
  minutesPerCase: number;
  onEdit?(): void;
  onWithdraw?(): void;
  onInput?(): void;
  /** Record a talk with an institution about this case before the conference. */
  onAgreed?(): void;
}) {
  const { t } = useTranslation('conferences');
  const { n } = p;
  const label = n.client.label;
  return (
    <Paper withBorder p="md" component="li" data-testid="nomination">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={3} size="h5">
              <CaseName n={n} />
            </Title>
            <Group gap={6}>
              {n.anonymised && (
                <Badge color="indigo" variant="light">
                  {t('nominations.anonymised')}
                </Badge>
              )}
              <Badge color="gray" variant="outline">
                {t('agenda.minutes', { count: n.minutes ?? p.minutesPerCase })}
              </Badge>
              {n.nominatedBy && (
                <Text size="xs" c="dimmed">
                  {t('nominations.by', { name: n.nominatedBy.name })}
                </Text>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {p.onAgreed && (
              <Tooltip label={t('agreed.add')}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('agreed.titleFor', { label })}
                  onClick={p.onAgreed}
                >
                  <IconPhonePlus size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {p.onInput && (
              <Tooltip label={t('nominations.addInput')}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('nominations.addInputFor', { label })}
                  onClick={p.onInput}
                >
                  <IconMessagePlus size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {p.onEdit && (
              <Tooltip label={t('common.edit')}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('nominations.editOf', { label })}
                  onClick={p.onEdit}
                >
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {p.onWithdraw && (
              <Tooltip label={t('nominations.withdraw')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('nominations.withdrawOf', { label })}
                  onClick={p.onWithdraw}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        {n.rare && (
          <Alert color="orange" icon={<IconAlertTriangle />} p="xs" data-testid="rare-warning">
            {t('nominations.rare')}
          </Alert>
        )}
        <div>
          <Text size="xs" c="dimmed">
            {t('nominations.question')}
          </Text>
          <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
            {n.question}
          </Text>
        </div>
        {n.brief && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.brief}
          </Text>
        )}
        <Recipients n={n} />
        {n.agreedBeforehand.length > 0 && (
          <div data-testid="agreed-beforehand">
            <Text size="xs" c="dimmed">
              {t('nominations.agreedBeforehand')}
            </Text>
            <List size="sm">
              {n.agreedBeforehand.map((a) => (
                <List.Item key={a.contactId}>
                  {t('nominations.agreedWith', {
                    institution: a.institution.name,
                    date: formatDate(a.occurredOn),
                  })}
                  {a.topic ? `: ${a.topic}` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {n.writtenInputs.length > 0 && (
          <div data-testid="written-inputs">
            <Text size="xs" c="dimmed">
              {t('nominations.inputs')}
            </Text>
            <Stack gap={6}>
              {n.writtenInputs.map((w) => (
                <Paper key={w.id} bg="gray.0" p="xs">
                  <Text size="xs" c="dimmed">
                    {w.institution.name} · {formatDateTime(w.at)}
                    {w.by ? ` · ${w.by}` : ''}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {w.text}
                  </Text>
                </Paper>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
