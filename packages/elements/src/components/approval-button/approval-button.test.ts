import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { approval, deliverable, deliverableVersion, me } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoApprovalButton } from './approval-button.component.js';
import './approval-button.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoApprovalButton;
const $ = (el: El, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const part = (el: El, name: string) => $(el, `[part~="${name}"]`);
const text = (el: El, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const dialog = (el: El) => $(el, 'dialog') as HTMLDialogElement;
const active = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
const NONE = json({ data: [], nextCursor: null });

const settled = async (el: El, name = 'status') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !$(el, '[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};

type Setup = (api: MockApi) => void;
async function mount(setup: Setup = (api) => api.use('approvals.list', NONE), attrs = '') {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<portico-approval-button deliverable-id="dlv_1" ${attrs}></portico-approval-button>`}></div>`,
  );
  const el = wrapper.querySelector('portico-approval-button')!;
  el.client = mock.client;
  return { ...mock, el };
}

/** Opens the dialog with a click on `approve` or `request-changes`. */
async function openDialog(el: El, which = 'approve') {
  part(el, which)!.click();
  await waitUntil(() => dialog(el).open, 'dialog did not open');
}

async function confirm(el: El, comment?: string) {
  if (comment !== undefined) {
    const field = part(el, 'comment') as HTMLTextAreaElement;
    field.value = comment;
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }
  part(el, 'confirm')!.click();
}

describe('<portico-approval-button>', () => {
  describe('defaults', () => {
    it('renders nothing and requests nothing without a deliverable id', async () => {
      const mock = createMockClient();
      const el = await fixture<El>(html`<portico-approval-button .client=${mock.client}></portico-approval-button>`);
      await aTimeout(50);
      expect(el.deliverableId).to.equal('');
      expect(el.version).to.equal(0);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(mock.api.calls.filter((c) => c.key !== 'events.stream').length).to.equal(0);
      expect(dialog(el).open).to.equal(false);
    });

    it('undecided: the current version awaits a decision, two enabled buttons', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect(text(el, 'status')).to.equal('Version 2 is waiting for your decision.');
      expect(el.targetVersion).to.equal(2);
      expect(part(el, 'approve')!.getAttribute('aria-disabled')).to.equal('false');
      expect(part(el, 'request-changes')!.getAttribute('aria-disabled')).to.equal('false');
      expect(text(el, 'approve')).to.equal('Approve');
      expect(text(el, 'request-changes')).to.equal('Request changes');
      expect(part(el, 'actions')!.getAttribute('role')).to.equal('group');
      expect(part(el, 'reason')).to.equal(null);
      expect(calls(api, 'me.get').length).to.equal(1);
      await expect(el).to.be.accessible(AXE);
    });

    it('decided: who approved which version, and when', async () => {
      const { el } = await mount(() => {});
      await settled(el);
      const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(approval(2).decidedAt));
      expect(text(el, 'status')).to.equal(`Version 2 approved by Alice Example on ${when}.`);
      expect(part(el, 'status')!.dataset.decision).to.equal('approved');
      expect(part(el, 'approve')).to.equal(null);
      expect(el.approval!.id).to.equal('apr_2');
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('attributes and properties', () => {
    it('version picks the version: changes requested on version 1', async () => {
      const { el } = await mount(() => {}, 'version="1"');
      await settled(el);
      expect(el.version).to.equal(1);
      expect(part(el, 'status')!.dataset.decision).to.equal('changes_requested');
      expect(text(el, 'status')).to.match(/^Changes to version 1 requested by Alice Example on /);
    });

    it('reflects deliverable-id and version; a new id reloads', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.version = 2;
      el.deliverableId = 'dlv_2';
      await el.updateComplete;
      expect(el.getAttribute('version')).to.equal('2');
      expect(el.getAttribute('deliverable-id')).to.equal('dlv_2');
      await settled(el);
      expect(calls(api, 'deliverables.get').at(-1)!.url.pathname).to.match(/\/deliverables\/dlv_2$/);
    });

    it('falls back to the deliverable’s last action when the trail has no entry', async () => {
      const { el } = await mount((api) => {
        api.use('approvals.list', NONE);
        api.use(
          'deliverables.get',
          json(
            deliverable(1, {
              reviewStatus: 'changes_requested',
              lastAction: { kind: 'changes_requested', by: { id: 'ct_bob', name: 'Bob Client' }, at: approval(2).decidedAt, version: 2 },
            }),
          ),
        );
      });
      await settled(el);
      expect(text(el, 'status')).to.match(/^Changes to version 2 requested by Bob Client on /);
    });
  });

  describe('slots', () => {
    it('button labels and the no-role reason can be replaced', async () => {
      const mock = createMockClient();
      mock.api.use('approvals.list', NONE);
      mock.api.use('me.get', json(me({ roles: ['member'] })));
      const el = await fixture<El>(html`<portico-approval-button .client=${mock.client} deliverable-id="dlv_1">
        <span slot="approve-label">Sign off</span><span slot="reason">Ask Dana for sign-off rights.</span>
      </portico-approval-button>`);
      await settled(el);
      const slot = (name: string) => $(el, `slot[name="${name}"]`) as HTMLSlotElement;
      expect(slot('approve-label').assignedNodes()[0]!.textContent).to.equal('Sign off');
      expect(slot('reason').assignedNodes()[0]!.textContent).to.equal('Ask Dana for sign-off rights.');
    });
  });

  describe('events and deciding', () => {
    it('approve: dialog, portico-approve-request, one request, portico-approve, decided', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', json(approval(2, { id: 'apr_3' }), 201));
      await settled(el);
      await openDialog(el);
      expect(text(el, 'dialog-title')).to.equal('Approve version 2?');
      expect(text(el, 'confirm')).to.equal('Approve version 2');
      const request = oneEvent(el, 'portico-approve-request');
      const done = oneEvent(el, 'portico-approve');
      await confirm(el);
      const r = (await request).detail;
      expect([r.deliverableId, r.version, r.decision, r.comment]).to.deep.equal(['dlv_1', 2, 'approved', '']);
      expect((await done).detail.approval.id).to.equal('apr_3');
      await el.updateComplete;
      const create = calls(api, 'approvals.create');
      expect(create.length).to.equal(1);
      expect(create[0]!.url.pathname).to.match(/\/deliverables\/dlv_1\/approvals$/);
      expect((create[0]!.headers.get('idempotency-key') ?? '').length).to.be.greaterThan(8);
      expect(dialog(el).open).to.equal(false);
      expect(part(el, 'status')!.dataset.decision).to.equal('approved');
    });

    it('sends version and comment in the body', async () => {
      const { el, api } = await mount();
      let body: unknown;
      api.use('approvals.create', (req) => {
        body = req.body;
        return json(approval(2, { comment: 'ok' }), 201);
      });
      await settled(el);
      await openDialog(el);
      await confirm(el, '  Looks great  ');
      await waitUntil(() => body, 'no request');
      expect(body).to.deep.equal({ version: 2, decision: 'approved', comment: 'Looks great' });
      expect(calls(api, 'approvals.create').length).to.equal(1);
    });

    it('portico-approve-request is cancelable: nothing is sent', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.addEventListener('portico-approve-request', (e) => e.preventDefault(), { once: true });
      await openDialog(el);
      await confirm(el);
      await aTimeout(50);
      expect(calls(api, 'approvals.create').length).to.equal(0);
      expect(text(el, 'status')).to.equal('Version 2 is waiting for your decision.');
    });

    it('request changes requires a comment', async () => {
      const { el, api } = await mount();
      await settled(el);
      await openDialog(el, 'request-changes');
      expect(text(el, 'dialog-title')).to.equal('Request changes to version 2?');
      expect((part(el, 'comment') as HTMLTextAreaElement).required).to.equal(true);
      await confirm(el, '   ');
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
      expect(text(el, 'comment-error')).to.equal('Describe the changes you need.');
      expect(part(el, 'comment')!.getAttribute('aria-invalid')).to.equal('true');
      expect(part(el, 'comment')!.getAttribute('aria-describedby')).to.equal('comment-error');
      expect(active(el) === part(el, 'comment')).to.equal(true);
      expect(calls(api, 'approvals.create').length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      const request = oneEvent(el, 'portico-approve-request');
      await confirm(el, 'Bigger logo');
      const r = (await request).detail;
      expect([r.decision, r.comment]).to.deep.equal(['changes_requested', 'Bigger logo']);
      expect(await el.decide('changes_requested', ' ')).to.equal(undefined);
    });

    it('a double click on confirm sends exactly one request with one key', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', { ...json(approval(2), 201), delayMs: 100 });
      await settled(el);
      await openDialog(el);
      part(el, 'confirm')!.click();
      part(el, 'confirm')!.click();
      // Clicking the (busy) opener again does nothing either.
      part(el, 'approve')?.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      await waitUntil(() => part(el, 'status')?.dataset.decision === 'approved', 'not decided');
      expect(calls(api, 'approvals.create').length).to.equal(1);
    });

    it('concurrent decide() calls send one request', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', { ...json(approval(2), 201), delayMs: 50 });
      await settled(el);
      const [a, b] = await Promise.all([el.decide('approved'), el.decide('approved')]);
      expect(a!.id).to.equal('apr_2');
      expect(b).to.equal(undefined);
      expect(calls(api, 'approvals.create').length).to.equal(1);
    });
  });

  describe('states', () => {
    it('loading: a status message, accessible', async () => {
      const { el } = await mount((api) => api.delay(10_000));
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
    });

    it('slow network: loading, then the decision', async () => {
      const { el } = await mount((api) => {
        api.use('approvals.list', NONE);
        api.delay(300);
      });
      await el.updateComplete;
      expect(part(el, 'loading')).to.not.equal(null);
      await settled(el);
      expect(text(el, 'status')).to.equal('Version 2 is waiting for your decision.');
    });

    it('deciding: aria-busy, buttons aria-disabled, a status message, accessible', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', { ...json(approval(2), 201), delayMs: 400 });
      await settled(el);
      await openDialog(el);
      await confirm(el);
      await el.updateComplete;
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'approve')!.getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, 'request-changes')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'status')).to.equal('Recording your decision…');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await waitUntil(() => part(el, 'base')!.getAttribute('aria-busy') === 'false', 'still busy');
    });

    it('a network failure shows Retry, which reuses the same idempotency key', async () => {
      const { el, api } = await mount();
      let n = 0;
      api.use('approvals.create', () => {
        if (n++ === 0) throw new TypeError('Failed to fetch');
        return json(approval(2), 201);
      });
      await settled(el);
      const error = oneEvent(el, 'portico-error');
      await openDialog(el);
      await confirm(el, 'fine');
      expect((await error).detail.code).to.equal('network');
      await el.updateComplete;
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'error')).to.match(/^Can’t reach the server/);
      await expect(el).to.be.accessible(AXE);
      part(el, 'retry')!.click();
      await waitUntil(() => part(el, 'status')?.dataset.decision === 'approved', 'not decided after retry');
      const keys = calls(api, 'approvals.create').map((c) => c.headers.get('idempotency-key'));
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    it('a new decision after a failure uses a new key', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', problem(503, 'unavailable'));
      await settled(el);
      await el.decide('approved');
      await el.updateComplete;
      expect(text(el, 'error')).to.match(/unavailable/);
      api.use('approvals.create', json(approval(1), 201));
      await el.decide('changes_requested', 'other');
      const keys = calls(api, 'approvals.create').map((c) => c.headers.get('idempotency-key'));
      expect(keys.length).to.equal(2);
      expect(keys[0] === keys[1]).to.equal(false);
    });

    it('409 already_decided (decided meanwhile, e.g. in another tab): shows that decision, no error, no retry', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('approvals.create', problem(409, 'already_decided'));
      const error = oneEvent(el, 'portico-error');
      await openDialog(el);
      api.use('approvals.list', json({ data: [approval(2)], nextCursor: null }));
      await confirm(el);
      expect((await error).detail.code).to.equal('already_decided');
      await waitUntil(() => part(el, 'status')?.dataset.decision === 'approved', 'the existing decision is not shown');
      await settled(el);
      expect(text(el, 'status')).to.match(/^Version 2 approved by Alice Example on /);
      expect(part(el, 'error')).to.equal(null);
      expect(part(el, 'approve')).to.equal(null);
      expect(calls(api, 'approvals.create').length).to.equal(1);
      await expect(el).to.be.accessible(AXE);
    });

    it('409 version_conflict: says a newer version exists and offers to open it', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('approvals.create', problem(409, 'version_conflict'));
      const v3 = deliverableVersion(3);
      api.use(
        'deliverables.get',
        json(deliverable(1, { currentVersion: v3, versions: [v3, deliverableVersion(2), deliverableVersion(1)] })),
      );
      const error = oneEvent(el, 'portico-error');
      await openDialog(el);
      await confirm(el);
      expect((await error).detail.code).to.equal('version_conflict');
      await waitUntil(() => text(el, 'conflict').includes('version 3'), 'no conflict');
      await settled(el, 'conflict');
      expect(part(el, 'conflict')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'conflict')).to.equal(
        'A newer version (version 3) was uploaded, so version 2 can no longer be decided on. Open version 3',
      );
      await expect(el).to.be.accessible(AXE);
      // A host may veto, then accept.
      el.addEventListener('portico-version-open', (e) => e.preventDefault(), { once: true });
      part(el, 'open-version')!.click();
      expect(el.version).to.equal(2);
      const open = oneEvent(el, 'portico-version-open');
      part(el, 'open-version')!.click();
      const d = (await open).detail;
      expect([d.deliverableId, d.version]).to.deep.equal(['dlv_1', 3]);
      await el.updateComplete;
      expect(el.version).to.equal(3);
      expect(text(el, 'status')).to.equal('Version 3 is waiting for your decision.');
    });

    it('an older version than the current one shows the conflict without a request', async () => {
      const { el, api } = await mount(undefined, 'version="1"');
      await settled(el, 'conflict');
      expect(text(el, 'conflict')).to.match(/^A newer version \(version 2\)/);
      expect(calls(api, 'approvals.create').length).to.equal(0);
    });

    it('no approver role (me.get): buttons aria-disabled with a visible reason, no dialog', async () => {
      const { el, api } = await mount((api) => {
        api.use('approvals.list', NONE);
        api.use('me.get', json(me({ roles: ['member'] })));
      });
      await settled(el);
      const approve = part(el, 'approve')!;
      expect(approve.getAttribute('aria-disabled')).to.equal('true');
      expect((approve as HTMLButtonElement).disabled).to.equal(false);
      expect(approve.getAttribute('aria-describedby')).to.equal('reason');
      expect(part(el, 'reason')!.id).to.equal('reason');
      expect(text(el, 'reason')).to.match(/^Only contacts with the approver role/);
      // Not "your decision" beside buttons this contact cannot use: who it waits for.
      expect(text(el, 'status')).to.equal('Version 2 is waiting for a decision by an approver.');
      expect(el.disabledReason).to.equal('role');
      approve.click();
      await aTimeout(20);
      expect(dialog(el).open).to.equal(false);
      expect(await el.decide('approved')).to.equal(undefined);
      expect(calls(api, 'approvals.create').length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('a 403 answer disables the buttons and explains why', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', problem(403, 'forbidden'));
      await settled(el);
      await el.decide('approved');
      await el.updateComplete;
      expect(part(el, 'approve')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'reason')).to.match(/approver role/);
      expect(text(el, 'status')).to.equal('Version 2 is waiting for a decision by an approver.');
      expect(part(el, 'error')).to.equal(null);
    });

    it('me.get failing still lets the server decide', async () => {
      const { el } = await mount((api) => {
        api.use('approvals.list', NONE);
        api.use('me.get', problem(503, 'unavailable'));
      });
      await settled(el);
      expect(part(el, 'approve')!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('load error: an alert, Retry recovers', async () => {
      const { el, api } = await mount((api) => api.use('deliverables.get', problem(503, 'unavailable')));
      await settled(el, 'error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      api.use('approvals.list', NONE);
      api.use('deliverables.get', json(deliverable(1)));
      part(el, 'retry')!.click();
      await settled(el);
      expect(text(el, 'status')).to.equal('Version 2 is waiting for your decision.');
    });

    it('malformed data: an error state', async () => {
      const { el } = await mount((api) => api.use('deliverables.get', malformedJson()));
      await settled(el, 'error');
      expect(text(el, 'error')).to.match(/couldn’t be read/);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('keyboard and dialog', () => {
    it('Enter opens the dialog, focus stays inside, Escape closes and focus returns', async () => {
      const { el } = await mount();
      await settled(el);
      part(el, 'approve')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open, 'not open');
      expect(dialog(el).contains(active(el))).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        expect(active(el) === null || dialog(el).contains(active(el))).to.equal(true);
        expect(document.activeElement === document.body || document.activeElement === el).to.equal(true);
      }
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open, 'not closed');
      expect(active(el) === part(el, 'approve')).to.equal(true);
    });

    it('Cancel closes and returns focus to Request changes', async () => {
      const { el, api } = await mount();
      await settled(el);
      part(el, 'request-changes')!.focus();
      await openDialog(el, 'request-changes');
      part(el, 'cancel')!.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(active(el) === part(el, 'request-changes')).to.equal(true);
      expect(calls(api, 'approvals.create').length).to.equal(0);
    });

    it('after a decision, focus moves to the new status', async () => {
      const { el, api } = await mount();
      api.use('approvals.create', json(approval(2), 201));
      await settled(el);
      part(el, 'approve')!.focus();
      await openDialog(el);
      await confirm(el);
      await waitUntil(() => part(el, 'status')?.dataset.decision, 'not decided');
      await el.updateComplete;
      expect(active(el) === part(el, 'status')).to.equal(true);
    });
  });

  describe('right-to-left and languages', () => {
    it('Arabic, right-to-left, accessible with the dialog open', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      mock.api.use('approvals.list', NONE);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-approval-button .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button></div>`,
      );
      const el = wrapper.querySelector('portico-approval-button')!;
      await settled(el);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(el, 'approve')).to.equal('اعتماد');
      expect(text(el, 'status')).to.equal('الإصدار 2 بانتظار قرارك.');
      await openDialog(el);
      expect(getComputedStyle(dialog(el)).direction).to.equal('rtl');
      await expect(el).to.be.accessible(AXE);
      dialog(el).close();
    });

    it('German', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      mock.api.use('approvals.list', NONE);
      const el = await fixture<El>(
        html`<portico-approval-button lang="de" .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button>`,
      );
      await settled(el);
      expect(text(el, 'request-changes')).to.equal('Änderungen anfordern');
      expect(text(el, 'status')).to.equal('Version 2 wartet auf Ihre Entscheidung.');
    });

    it('a contact without the approver role is told who decides, in en, de and ar', async () => {
      await Promise.all([loadLocale('de'), loadLocale('ar')]);
      const expected = {
        en: 'Version 2 is waiting for a decision by an approver.',
        de: 'Version 2 wartet auf die Entscheidung einer Person mit Freigaberecht.',
        ar: 'الإصدار 2 بانتظار قرار من أحد المعتمِدين.',
      };
      for (const [lang, status] of Object.entries(expected)) {
        const mock = createMockClient();
        mock.api.use('approvals.list', NONE);
        mock.api.use('me.get', json(me({ roles: ['member', 'admin'] })));
        const el = await fixture<El>(
          html`<portico-approval-button lang=${lang} .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button>`,
        );
        await settled(el);
        expect(text(el, 'status'), lang).to.equal(status);
        expect(text(el, 'status'), lang).to.not.match(/your|Ihre|قرارك/);
      }
    });
  });

  describe('dark theme', () => {
    it('uses other colours and stays accessible, dialog included', async () => {
      const mock = createMockClient();
      mock.api.use('approvals.list', NONE);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-approval-button theme="light" .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button>
        <portico-approval-button theme="dark" style="background: #0d1117" .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-approval-button')] as El[];
      await settled(light!);
      await settled(dark!);
      expect(getComputedStyle(dark!).color).to.not.equal(getComputedStyle(light!).color);
      await expect(dark).to.be.accessible(AXE);
      await openDialog(dark!);
      await expect(dark).to.be.accessible(AXE);
      dialog(dark!).close();
    });
  });

  describe('narrow (320 px)', () => {
    it('has no horizontal overflow, no-role reason and dialog included', async () => {
      const mock = createMockClient();
      mock.api.use('approvals.list', NONE);
      mock.api.use('me.get', json(me({ roles: ['member'] })));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-approval-button .client=${mock.client} deliverable-id="dlv_1"></portico-approval-button></div>`,
      );
      const el = wrapper.querySelector('portico-approval-button')!;
      await settled(el);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
