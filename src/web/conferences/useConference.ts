import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { notifyError, notifySaved } from '../ui/errors';
import { conferenceKeys } from './api';

/** Every change of a conference answers with its page: that is shown at once, and the lists follow. */
export function useConferenceCache(id: string) {
  const queryClient = useQueryClient();
  return {
    show(c: Conference) {
      queryClient.setQueryData(conferenceKeys.detail(id), c);
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.lists });
    },
    /** After a refusal (someone else changed it meanwhile): the page as it is now. */
    refresh: () => queryClient.invalidateQueries({ queryKey: conferenceKeys.detail(id) }),
  };
}

/**
 * An action without a form (send, fix, move, remove): its answer shown, a refusal said in a
 * notice (translated by its code) and the page read again. Returns whether it went through.
 */
export function useConferenceAction(id: string) {
  const { t } = useTranslation('conferences');
  const cache = useConferenceCache(id);
  return async (call: () => Promise<Conference>, message?: string) => {
    try {
      cache.show(await call());
      notifySaved(t, message);
      return true;
    } catch (e) {
      notifyError(t, e);
      await cache.refresh();
      return false;
    }
  };
}
