import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { ListFilters, useList } from '../ui/list';
import { commitmentListQuery } from './api';
import { CommitmentsTable, StatusFilter } from './CommitmentsTable';

/** The conference page's tab: the commitments made at this conference, followed up like on /commitments. */
export function ConferenceCommitments({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('commitments');
  const list = useList({
    query: commitmentListQuery,
    filters: (get) => ({ conferenceId: c.id, status: get('status') }),
  });
  return (
    <Stack>
      <ListFilters list={list} search={list.searchBox(t('page.search'), { label: t('page.search') })}>
        <StatusFilter lp={list.params} />
      </ListFilters>
      <CommitmentsTable list={list} withConference={false} testId="conference-commitments" />
    </Stack>
  );
}
