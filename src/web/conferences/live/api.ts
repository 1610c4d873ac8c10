import { queryOptions } from '@tanstack/react-query';
import type { commitment } from '../../../contracts/commitments';
import type { okSchema } from '../../../contracts/common';
import type {
  LiveCommitmentBody,
  LiveCommitmentEditBody,
  LiveEntryBody,
  LiveEntryEditBody,
  LiveItemBody,
  liveEntrySaved,
  liveState,
} from '../../../contracts/conferences-live';
import { deleteJson, getJson, patchJson, postJson } from '../../lib/http';
import { livePath as path } from '../api';

/** Live mode of a conference: its state, its event stream, and the changes the queue sends. */

export const liveKey = (id: string) => ['conference-live', id] as const;
export const liveQuery = (id: string) =>
  queryOptions({
    queryKey: liveKey(id),
    queryFn: () => getJson<typeof liveState>(path(id)),
    // Fresh through the event stream; a failed read is tried again by the stream's next event.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
export const liveEventsUrl = (id: string) => `${path(id)}/events`;

export const moveToItem = (id: string, body: LiveItemBody) =>
  postJson<typeof liveState>(`${path(id)}/item`, body);
export const addEntry = (id: string, body: LiveEntryBody) =>
  postJson<typeof liveEntrySaved>(`${path(id)}/entries`, body);
export const editEntry = (id: string, entryId: string, body: LiveEntryEditBody) =>
  patchJson<typeof liveEntrySaved>(`${path(id)}/entries/${entryId}`, body);
export const removeEntry = (id: string, entryId: string) =>
  deleteJson<typeof okSchema>(`${path(id)}/entries/${entryId}`);
export const makeCommitment = (id: string, body: LiveCommitmentBody) =>
  postJson<typeof commitment>(`${path(id)}/commitments`, body);
export const changeCommitment = (id: string, commitmentId: string, body: LiveCommitmentEditBody) =>
  patchJson<typeof commitment>(`${path(id)}/commitments/${commitmentId}`, body);
