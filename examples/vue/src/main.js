import { createApp } from 'vue';
// Register the Portico elements this app uses (each module defines its tag).
import '@portico/elements/components/provider/provider';
import '@portico/elements/components/ticket-list/ticket-list';
import '@portico/elements/components/ticket-detail/ticket-detail';
import '@portico/elements/components/kb-search/kb-search';
import App from './App.vue';

createApp(App).mount('#app');

// Defined only after Vue has rendered it: <portico-invoice-table> upgrades in place and keeps the
// `.invoices` property Vue set on it before it was defined.
import('@portico/elements/components/invoice-table/invoice-table');
