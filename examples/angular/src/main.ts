import { bootstrapApplication } from '@angular/platform-browser';
// Register the Portico elements this app uses (each module defines its tag, and brings the tag's
// type and its events' types: Angular's template checker reads them, see app.ts).
import '@portico/elements/components/provider/provider';
import '@portico/elements/components/ticket-list/ticket-list';
import '@portico/elements/components/ticket-detail/ticket-detail';
import '@portico/elements/components/kb-search/kb-search';
import { PortalComponent } from './app.js';

// Angular 22 is zoneless by default: no zone.js; signals and template events drive rendering.
await bootstrapApplication(PortalComponent);

// Defined only after Angular has rendered the page: <portico-invoice-table> upgrades in place and
// keeps the `invoices` property that `[invoices]` set on it before it was defined.
await import('@portico/elements/components/invoice-table/invoice-table');
