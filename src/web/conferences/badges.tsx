import { Anchor, Badge, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConferenceStatus, RsvpAnswer, ShareLevel } from '../../contracts/conferences';
import { listHref } from '../ui/list';

const statusColours: Record<ConferenceStatus, string> = {
  planned: 'gray',
  invited: 'blue',
  agenda_fixed: 'teal',
  held: 'green',
  minutes_published: 'violet',
  closed: 'gray',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: ConferenceStatus }) {
  const { t } = useTranslation('conferences');
  return (
    <Badge color={statusColours[status]} variant="light" data-testid="conference-status">
      {t(`conferences.status.${status}`)}
    </Badge>
  );
}

const answerColours: Record<RsvpAnswer, string> = {
  pending: 'gray',
  attending: 'green',
  declined: 'red',
  deputy: 'teal',
};

/** An invitee's answer; a deputy's name beside it. */
export function AnswerBadge({ answer, deputyName }: { answer: RsvpAnswer; deputyName?: string | null }) {
  const { t } = useTranslation('conferences');
  return (
    <Badge color={answerColours[answer]} variant="light" data-testid="answer">
      {answer === 'deputy' && deputyName
        ? t('conferences.answerDeputyNamed', { name: deputyName })
        : t(`conferences.answer.${answer}`)}
    </Badge>
  );
}

const levelColours: Record<ShareLevel | 'anonymised', string> = {
  identified: 'green',
  pseudonymised: 'blue',
  anonymised: 'indigo',
  none: 'red',
};

/** What an institution receives of a case: with name, pseudonymised, anonymised, or nothing. */
export function LevelBadge({ level }: { level: ShareLevel | 'anonymised' }) {
  const { t } = useTranslation('conferences');
  return (
    <Badge color={levelColours[level]} variant={level === 'none' ? 'outline' : 'light'}>
      {t(`conferences.level.${level}`)}
    </Badge>
  );
}

/** The way back to the list of conferences, as it was left. */
export function BackToConferences() {
  const { t } = useTranslation('conferences');
  return (
    <Anchor component={Link} to={listHref('/conferences')} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('conferences.title')}
      </Group>
    </Anchor>
  );
}
