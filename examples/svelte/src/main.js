import { mount } from 'svelte';
// Register the Portico elements this app uses (each module defines its tag).
import '@portico/elements/components/provider/provider';
import '@portico/elements/components/ticket-list/ticket-list';
import '@portico/elements/components/ticket-detail/ticket-detail';
import '@portico/elements/components/kb-search/kb-search';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') });

// Defined only after Svelte has rendered it: <portico-invoice-table> upgrades in place and keeps the
// `invoices` property Svelte set on it before it was defined.
import('@portico/elements/components/invoice-table/invoice-table');
