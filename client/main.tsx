import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app';
import { startLocale } from './i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = container;
// The stored language's catalog is loaded first, so the first render is already in that language.
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// A public page's first view comes rendered by the server (client/ssr-entry.tsx), in the language of
// <html lang>: take it over as it is.
const serverRendered = root.firstElementChild !== null;
void startLocale(serverRendered ? document.documentElement.lang : undefined).then(() => (serverRendered ? hydrateRoot(root, app) : createRoot(root).render(app)));
