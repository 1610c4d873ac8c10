import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
import { languageReady } from './ui/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The language's texts come as a chunk of their own; rendering before would show their keys.
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <AppRouter />
      </Providers>
    </StrictMode>,
  ),
);
