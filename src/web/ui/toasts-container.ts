// The lazily loaded half of Toasts.tsx: a module of its own, so that it is a chunk of its own.
export { Notifications as default } from '@mantine/notifications';
