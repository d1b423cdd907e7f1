// Acme Cloud's front end: wires the Portico provider and turns the components' events into page
// navigation. No inline script or style anywhere (strict CSP with Trusted Types).
import './setup.js';
import type { PorticoProvider } from '@portico/elements';
import '@portico/elements/define';
import type {} from '@portico/elements/components/payment-methods/payment-methods.events';
import type {} from '@portico/elements/components/subscription/subscription.events';
// The form's event types are not reachable from `define`'s declarations yet: import them explicitly.
import type {} from '@portico/elements/components/ticket-form/ticket-form.events';

const go = (path: string) => location.assign(path);

// The bell in the header sits outside the page's provider: give it the same client (one token,
// one event stream for the whole page).
const provider = document.querySelector<PorticoProvider>('main portico-provider');
// After its first update: the properties setup.ts set before the element upgraded apply then.
void provider?.updateComplete.then(() => {
  for (const bell of document.querySelectorAll('portico-notification-bell')) bell.client = provider.effectiveClient;
});

// Support: the list opens a ticket on its own page; a new ticket opens once created.
document.addEventListener('portico-ticket-select', (e) => go(`/support/tickets/${encodeURIComponent(e.detail.ticket.id)}`));
document.addEventListener('portico-ticket-create', (e) => go(`/support/tickets/${encodeURIComponent(e.detail.ticket.id)}`));

// Projects: a deliverable opens in the viewer page (the list carries the URL template).
document.addEventListener('portico-deliverable-select', (e) => {
  const list = e.target as HTMLElement;
  const href = list.dataset.href;
  if (href) go(href.replace('{id}', encodeURIComponent(e.detail.deliverable.id)));
});

// Billing: an invoice's PDF opens in a new tab, so the portal stays where it was.
document.addEventListener('portico-invoice-download', (e) => {
  e.preventDefault();
  window.open(e.detail.url, '_blank', 'noopener');
});

// Help: "All topics" goes back to the help home (topics open at /help?topic=…, see server.mjs).
document.addEventListener('portico-category-select', (e) => {
  if (e.detail.slug) return;
  e.preventDefault();
  go('/help');
});

// DEMO ONLY: the "agent side" form posts through Acme's backend to Portico's staff API.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-staff-reply]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = form.querySelector<HTMLElement>('[data-staff-reply-status]');
    const button = form.querySelector('button');
    const data = new FormData(form);
    if (button) button.disabled = true;
    if (status) status.textContent = 'Sending…';
    try {
      const res = await fetch('/demo/staff-reply', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portico-csrf': '1' },
        body: JSON.stringify({ ticketId: data.get('ticketId'), body: data.get('body') }),
      });
      if (status) status.textContent = res.ok ? 'Sent: watch the conversation above update by itself.' : `Failed (HTTP ${res.status}).`;
    } catch {
      if (status) status.textContent = 'Failed (network).';
    } finally {
      if (button) button.disabled = false;
    }
  });
}

// Billing: the invoice table opens an invoice in place (no new tab, no page load); ?invoice=<id>
// keeps it on reload. Adding a card, changing the plan and cancelling are Acme's own flows: the
// components hand them over as events (Portico never sees card numbers).
const detail = document.querySelector<HTMLElement>('#invoice-detail');
const showInvoice = (id: string) => {
  if (!detail) return;
  detail.querySelector('portico-invoice-detail')?.setAttribute('invoice-id', id);
  detail.hidden = !id;
  const url = new URL(location.href);
  if (id) url.searchParams.set('invoice', id);
  else url.searchParams.delete('invoice');
  history.replaceState(null, '', url);
  if (id) detail.scrollIntoView({ block: 'start' });
};
document.addEventListener('portico-invoice-select', (e) => {
  if (!detail) return;
  showInvoice(e.detail.invoice.id);
  detail.focus();
});
detail?.querySelector('[data-close-invoice]')?.addEventListener('click', () => showInvoice(''));
const notice = document.querySelector<HTMLElement>('[data-billing-notice]');
const say = (text: string) => {
  if (notice) notice.textContent = text;
};
document.addEventListener('portico-payment-method-add', (e) => {
  if (!e.detail.hosted) say('Demo: Acme would open its own payment form here (its payment provider collects the card).');
});
document.addEventListener('portico-payment-method-update', (e) => {
  if (!e.detail.hosted) say(`Demo: Acme would open its payment form to replace card •••• ${e.detail.method.last4}.`);
});
document.addEventListener('portico-subscription-change', (e) => {
  if (!e.detail.hosted) say(`Demo: Acme would show its plan picker (current plan: ${e.detail.subscription.plan.name}).`);
});
document.addEventListener('portico-subscription-cancel', (e) => {
  if (!e.detail.hosted) say('Demo: Acme would confirm the cancellation with its billing team.');
});

// DEMO ONLY: Acme Studio's tools (studio staff on a project page) post through Acme's backend to
// Portico's staff API. The shared link opens the same project in a private window, without an account.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-studio-form]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = form.querySelector<HTMLElement>('[data-studio-status]');
    const button = form.querySelector('button');
    const say = (text: string) => {
      if (status) status.textContent = text;
    };
    if (button) button.disabled = true;
    say('Sending…');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portico-csrf': '1' },
        body: JSON.stringify(Object.fromEntries(new FormData(form))),
      });
      const body = (await res.json().catch(() => ({}))) as { url?: string; expires_at?: string };
      if (!res.ok) say(`Failed (HTTP ${res.status}).`);
      else if (form.dataset.studioForm === 'share' && body.url) {
        const holder = form.querySelector<HTMLElement>('[data-share-link]');
        const a = holder?.querySelector('a');
        if (holder && a) {
          a.href = body.url;
          a.textContent = 'Private link for the client (copy it, or open it in a private window)';
          holder.hidden = false;
        }
        const until = body.expires_at ? new Date(body.expires_at).toLocaleDateString(document.documentElement.lang) : '';
        say(`Link made${until ? `, valid until ${until}` : ''}. It is shown only now.`);
      } else say(form.dataset.studioForm === 'request' ? 'Request sent: it appears in the list.' : 'Sent: it appears in the conversation.');
    } catch {
      say('Failed: the network request did not complete.');
    } finally {
      if (button) button.disabled = false;
    }
  });
}
