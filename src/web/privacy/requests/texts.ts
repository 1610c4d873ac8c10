import { useEffect, useState } from 'react';
import { loadAdminTexts } from '../../ui/i18n';

/**
 * The privacy texts travel with the administration's pages; the start page's requests and the
 * case page's hold banner show outside them, so they fetch that chunk when they first render.
 */
export function usePrivacyTexts(needed = true): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Fetched only when something is to be shown: the start page and the case page stay light.
    if (!needed) return;
    let live = true;
    loadAdminTexts().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [needed]);
  return ready;
}
