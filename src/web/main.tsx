/**
 * @module The browser entry: mounts the app with its session and messages.
 */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MessagesProvider } from './i18n.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { App } from './app.tsx';
import './styles.css';

function LocalizedApp(): ReactElement {
  const { locale } = useSession();
  return <MessagesProvider locale={locale}><App /></MessagesProvider>;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SessionProvider>
        <LocalizedApp />
      </SessionProvider>
    </StrictMode>,
  );
}
