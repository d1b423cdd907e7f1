// The @portico/react wrappers' page (see wrappers-app.tsx). build.mjs bundles this entry twice:
// as it is (React 19), and with `react` → react18 and `react-dom` → react-dom18 (npm aliases),
// so that every import of React in it, the wrappers' included, is React 18.
import { version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { noteDefinitions, probe } from './host.js';
import { WrappersApp } from './wrappers-app.js';

probe(version);
const root = createRoot(document.getElementById('app')!);
flushSync(() => root.render(<WrappersApp />));
// <portico-ticket-detail> is written as a plain tag and registered only now, after the first render.
noteDefinitions(['portico-ticket-detail']);
await import('@portico/elements/components/ticket-detail/ticket-detail');
