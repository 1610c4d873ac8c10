import { type RefObject, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const PRODUCT = 'Lotse';

/**
 * Keeps the browser tab's title on the page's heading ("Cases – Lotse", in the interface language),
 * for every page including those whose heading is not a PageHeader (the case file, the login). The
 * heading is read from the document because pages render it only once their data has arrived.
 */
export function followHeadingInTitle(): () => void {
  const update = () => {
    const heading = document.querySelector('h1')?.textContent?.trim();
    const title = heading ? `${heading} – ${PRODUCT}` : PRODUCT;
    if (document.title !== title) document.title = title;
  };
  update();
  const observer = new MutationObserver(update);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

/**
 * After a navigation inside the app (not on the first load), moves the focus to the new page's
 * heading, as a page load would for a screen reader; waits for a page that first shows a loader.
 */
export function useFocusHeadingOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  const navigated = useRef(false);
  useEffect(() => {
    if (!navigated.current && pathname === firstPath.current) return;
    navigated.current = true;
    const container = main.current;
    if (!container) return;
    const focusHeading = () => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(container, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [pathname, main]);
}
