import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBriefcase, IconLanguage, IconRefresh, IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Measure } from '../../contracts/measures';
import type { Opportunity } from '../../contracts/network';
import { openOfferSearchQuery } from '../network/api';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { SearchSelect } from '../ui/pickers';
import { measureSearchQuery, proposeMeasure, suggestionsQuery, suggestOffer } from './api';
import { type Reason, Reasons } from './Reasons';

const measureLine = (t: TFunction, m: Measure) =>
  [
    enumLabel(t, 'measureType', m.type),
    m.provider?.name,
    m.online ? t('measures.online') : m.place,
    m.startDates[0] && t('measures.nextStart', { date: formatDate(m.startDates[0]) }),
  ]
    .filter(Boolean)
    .join(' · ');

const opportunityLine = (t: TFunction, o: Opportunity) =>
  [
    enumLabel(t, 'opportunityKind', o.kind),
    o.employer.name,
    o.district && enumLabel(t, 'district', o.district),
    o.startDate && t('network:offers.from', { date: formatDate(o.startDate) }),
  ]
    .filter(Boolean)
    .join(' · ');

interface SuggestionItem {
  id: string;
  title: string;
  line: string;
  reasons: Reason[];
  warnings: Reason[];
  add(): void;
}

/** One column of suggestions: what it is, why it fits, and the button that takes it up. */
function SuggestionList(p: {
  testId: string;
  icon: ReactNode;
  title: string;
  empty: string;
  action: string | null;
  busy: string | null;
  items: SuggestionItem[];
}) {
  return (
    <Stack gap="xs" data-testid={p.testId}>
      <Text fw={600}>
        {p.icon} {p.title}
      </Text>
      {p.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {p.empty}
        </Text>
      )}
      {p.items.map((s) => (
        <Paper key={s.id} withBorder p="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fw={500}>{s.title}</Text>
              <Text size="xs" c="dimmed">
                {s.line}
              </Text>
              <Reasons reasons={s.reasons} warnings={s.warnings} />
            </div>
            {p.action && (
              <Button
                size="xs"
                variant="light"
                style={{ flexShrink: 0 }}
                loading={p.busy === s.id}
                onClick={s.add}
              >
                {p.action}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** Ranked measures and offers for the case, each with why it fits, to take up in one click. */
export function Suggested({
  clientId,
  readOnly,
  onAdded,
}: {
  clientId: string;
  readOnly: boolean;
  onAdded(): Promise<void>;
}) {
  const { t } = useTranslation('measures');
  const suggestions = useQuery(suggestionsQuery(clientId));
  const [busy, setBusy] = useState<string | null>(null);
  const add = async (take: () => Promise<unknown>, key: string) => {
    setBusy(key);
    try {
      await take();
      notifySaved(t);
      await onAdded();
      await suggestions.refetch();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('match.title')}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} />}
          onClick={() => suggestions.refetch()}
          loading={suggestions.isFetching}
        >
          {t('match.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('match.help')}
      </Text>
      <ErrorAlert error={suggestions.error} />
      {suggestions.data?.germanLevelKnown === false && (
        <Alert color="yellow" variant="light" icon={<IconLanguage />} data-testid="german-unknown">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('match.germanUnknown')}</Text>
            {/* Languages are recorded with the qualifications, on the case's profile tab. */}
            <Button component={Link} to="?tab=profile" size="xs" variant="light">
              {t('match.recordGerman')}
            </Button>
          </Group>
        </Alert>
      )}
      {suggestions.isPending ? (
        <Loader size="sm" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SuggestionList
            testId="suggested-measures"
            icon={<IconSchool size={16} style={{ verticalAlign: 'text-bottom' }} />}
            title={t('match.measures')}
            empty={t('match.noMeasures')}
            action={readOnly ? null : t('match.propose')}
            busy={busy}
            items={(suggestions.data?.measures ?? []).map((s) => ({
              ...s,
              id: s.measure.id,
              title: s.measure.title,
              line: measureLine(t, s.measure),
              add: () => add(() => proposeMeasure(clientId, s.measure.id), s.measure.id),
            }))}
          />
          <SuggestionList
            testId="suggested-offers"
            icon={<IconBriefcase size={16} style={{ verticalAlign: 'text-bottom' }} />}
            title={t('match.offers')}
            empty={t('match.noOffers')}
            action={readOnly ? null : t('match.suggest')}
            busy={busy}
            items={(suggestions.data?.opportunities ?? []).map((s) => ({
              ...s,
              id: s.opportunity.id,
              title: s.opportunity.title,
              line: opportunityLine(t, s.opportunity),
              add: () => add(() => suggestOffer(clientId, s.opportunity.id), s.opportunity.id),
            }))}
          />
        </SimpleGrid>
      )}
      {!readOnly && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SearchSelect
            label={t('match.otherMeasure')}
            value={null}
            find={{
              query: measureSearchQuery,
              option: (m: Measure) => ({ value: m.id, label: `${m.title} · ${measureLine(t, m)}` }),
            }}
            onChange={(v) => v && add(() => proposeMeasure(clientId, v), v)}
          />
          <SearchSelect
            label={t('match.otherOffer')}
            value={null}
            find={{
              query: openOfferSearchQuery,
              option: (o: Opportunity) => ({ value: o.id, label: `${o.title} · ${opportunityLine(t, o)}` }),
            }}
            onChange={(v) => v && add(() => suggestOffer(clientId, v), v)}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
