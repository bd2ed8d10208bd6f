import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { Root, pageKey } from './app/Root';
import { viewFromPath } from './app/routes';
import { loadChimes, mayRing, startView } from './app/start-view';
import './shared/base.css';

await initI18n();
// The access key travels in the fragment, which browsers never send to a server or a log.
const params = new URLSearchParams(window.location.hash.slice(1));
const view = viewFromPath(window.location.pathname);
const key = view && pageKey(view, params.get('token'));
const preview = params.has('preview');
const chimes = view && key && mayRing(view, preview) ? await loadChimes() : null;
// Started once per page load, outside React, so nothing reconnects on a re-render.
const started = view && key ? { ctx: startView(view, key, preview, chimes), token: key } : null;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root view={view} started={started} />
  </StrictMode>,
);
