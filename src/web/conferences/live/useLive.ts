import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { LiveState } from '../../../contracts/conferences-live';
import { useUser } from '../../auth/session';
import { ApiError } from '../../lib/http';
import { liveEventsUrl, liveKey, liveQuery } from './api';
import { applyAnswer, send } from './changes';
import { LiveQueue, type Refusal, STORAGE_PREFIX } from './queue';

type StreamStatus = 'open' | 'connecting';

/**
 * The event stream of the conference (server-sent events): `onChange` on every change anyone made,
 * and when the stream (re)opens, as changes may have been missed while it was away. The browser
 * reconnects a lost stream by itself; one the server refused is opened anew, later and later.
 */
function useLiveEvents(conferenceId: string, onChange: () => void, enabled: boolean): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const connect = () => {
      source = new EventSource(liveEventsUrl(conferenceId));
      source.onopen = () => {
        failures = 0;
        setStatus('open');
        latest.current();
      };
      source.addEventListener('change', () => latest.current());
      source.onerror = () => {
        setStatus('connecting');
        if (source?.readyState !== EventSource.CLOSED) return;
        failures += 1;
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [conferenceId, enabled]);
  return status;
}

/** Whether the browser believes it has a network, kept current. */
function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * Live mode's data on the screen: the state as the server has it, the queue of changes made here
 * and not yet sent, what the server refused, and whether the server is reached now.
 */
export function useLive(conferenceId: string) {
  const user = useUser();
  const queryClient = useQueryClient();
  const state = useQuery(liveQuery(conferenceId));
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [queue] = useState(
    () =>
      new LiveQueue(`${STORAGE_PREFIX}${user.id}.${conferenceId}`, {
        send: (c) => send(conferenceId, c),
        sent: (c, answer) =>
          queryClient.setQueryData<LiveState>(liveKey(conferenceId), (s) => s && applyAnswer(s, c, answer)),
        refused: (r) => setRefusals((list) => [...list, r]),
        changed,
      }),
  );
  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: liveKey(conferenceId) });
    void queue.flush();
  }, [queryClient, conferenceId, queue]);
  // Refused (not one who runs live mode, or no such conference): no stream to wait for either.
  const refused =
    state.error instanceof ApiError && (state.error.status === 403 || state.error.status === 404);
  const stream = useLiveEvents(conferenceId, refresh, !refused);
  const online = useOnline();
  useEffect(() => {
    if (online) void queue.flush();
  }, [online, queue]);
  return {
    state,
    queue,
    waiting: queue.waiting,
    refusals,
    dismiss: (r: Refusal) => setRefusals((list) => list.filter((x) => x !== r)),
    connected: online && queue.reachable && stream === 'open',
  };
}
export type Live = ReturnType<typeof useLive>;
