import { type NotificationsProps, useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useRef } from 'react';

// Mantine's container (its transitions and scroll lock, about 10 kB) is fetched with the first
// message: most page loads show none. `notifications.show()` only needs the store, which is here.
const Container = lazy(() => import('./toasts-container'));

/** Mantine's `<Notifications />`, mounted once there is something to show, and kept from then on. */
export function Toasts(props: NotificationsProps) {
  const { notifications, queue } = useNotifications();
  const needed = useRef(false);
  if (notifications.length + queue.length > 0) needed.current = true;
  if (!needed.current) return null;
  return (
    <Suspense fallback={null}>
      <Container {...props} />
    </Suspense>
  );
}
