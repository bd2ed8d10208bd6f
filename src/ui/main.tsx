import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App, NoToken } from './app/App';
import { viewFromPath } from './app/routes';
import { startView } from './app/start-view';
import './shared/base.css';

await initI18n();
// The access key travels in the fragment, which browsers never send to a server or a log.
const params = new URLSearchParams(window.location.hash.slice(1));
const view = viewFromPath(window.location.pathname);
const token = params.get('token');
createRoot(document.getElementById('root')!).render(
  <StrictMode>{view && token ? <App view={view} ctx={startView(view, token, params.has('preview'))} /> : <NoToken />}</StrictMode>,
);
