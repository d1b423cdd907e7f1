// Importing the package's classes registers nothing: no element, no message, no endpoint group.
// A class registers what it needs when its first element is constructed — also under a tag of
// the host's own choosing. This file imports nothing else of the package (each test file runs in
// a page of its own).
import { expect } from '@open-wc/testing';
import { endpointRegistry } from '@portico/client';
import * as portico from './index.js';

const TAGS = [
  'portico-provider',
  'portico-ticket-list',
  'portico-ticket-detail',
  'portico-ticket-form',
  'portico-kb-search',
  'portico-kb-article',
  'portico-invoice-table',
  'portico-deliverable-list',
  'portico-deliverable-viewer',
  'portico-comment-thread',
  'portico-approval-button',
  'portico-approval-history',
  'portico-project-timeline',
];

describe('modules without side effects', () => {
  it('importing @portico/elements defines no element and registers no message or endpoint group', () => {
    expect(TAGS.filter((tag) => customElements.get(tag))).to.deep.equal([]);
    expect(Object.keys(endpointRegistry)).to.deep.equal([]);
    const { t } = portico.translator('en');
    expect(t('ticketList.label')).to.equal('ticketList.label');
    expect(t('ticketForm.submit')).to.equal('ticketForm.submit');
    expect(t('upload.attach')).to.equal('upload.attach');
    // The shared catalog is part of the i18n module itself.
    expect(t('state.retry')).to.equal('Retry');
  });

  it('the first element of a class registers its messages and endpoints, also under a tag of the host', () => {
    portico.PorticoTicketForm.define('acme-ticket-form');
    expect(Object.keys(endpointRegistry)).to.deep.equal([]);
    const el = document.createElement('acme-ticket-form');
    expect(el).to.be.instanceOf(portico.PorticoTicketForm);
    expect(Object.keys(endpointRegistry).sort()).to.deep.equal(['articles', 'attachments', 'tickets']);
    const { t } = portico.translator('en');
    expect(t('ticketForm.submit')).to.equal('Send ticket');
    expect(t('upload.attach')).to.equal('Attach files');
    expect(t('ticketList.label')).to.equal('ticketList.label');
    expect(customElements.get('portico-ticket-form')).to.equal(undefined);
  });
});
