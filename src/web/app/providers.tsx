import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import '../ui/i18n';
import { SessionProvider } from '../auth/session';
import { ApiError } from '../lib/http';
import { Toasts } from '../ui/Toasts';
import { followHeadingInTitle } from './headings';
import { cssVariablesResolver, themeFor } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Access errors do not get better by retrying.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  useEffect(followHeadingInTitle, []);
  const scrollRegion = t('common.scrollRegion');
  const close = t('common.close');
  const theme = useMemo(() => themeFor({ scrollRegion, close }), [scrollRegion, close]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Toasts position="top-right" />
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
