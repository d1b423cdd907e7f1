// DEMO ONLY: `PORTICO_DEMO_CONNECTORS=zendesk` serves the portal's tickets from an in-process fake
// of Zendesk (@portico/server/zendesk-fake, built from Zendesk's published API shapes — not a real
// account), so a reader sees the same ticket components fed by "Zendesk". The fake is started and
// filled before Portico starts (Portico reads PORTICO_SUPPORT_PROVIDER / ZENDESK_* from the
// environment), and Acme's contacts are mapped to its users through Portico's staff API once the
// demo data is seeded. docs/connectors.md explains the real configuration.

/** The connectors `PORTICO_DEMO_CONNECTORS` names (comma-separated), e.g. `zendesk` or `stripe,zendesk`. */
export const demoConnectors = (env) =>
  new Set(
    (env.PORTICO_DEMO_CONNECTORS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Starts the Zendesk fake with Acme's requests and points Portico's support at it (through `env`). */
export async function startZendeskDemo(env) {
  const { startZendeskFake } = await import('@portico/server/zendesk-fake');
  const fake = await startZendeskFake();
  const ACME = 7001;
  const alice = fake.addUser({ name: 'Alice Anders', email: 'alice@acme.example', role: 'end-user', organization_id: ACME });
  const bob = fake.addUser({ name: 'Bob Brown', email: 'bob@acme.example', role: 'end-user', organization_id: ACME });
  const day = (n) => new Date(Date.now() - n * 86400e3).toISOString();
  const r1 = fake.addRequest({
    requester_id: alice.id,
    subject: 'Export to CSV drops the last column',
    body: 'Exporting the usage report to CSV loses the "Region" column.',
    status: 'open',
    priority: 'high',
    assignee_id: 1,
    created_at: day(3),
  });
  fake.addComment(r1.id, {
    author_id: 1,
    body: 'Internal: known bug ENG-4411, fix ships Friday. Do not promise a date.',
    public: false,
    at: new Date(Date.now() - 2 * 86400e3),
  });
  fake.addComment(r1.id, {
    author_id: 1,
    body: 'Thanks Alice — we reproduced it and a fix is on its way.',
    public: true,
    at: new Date(Date.now() - 2 * 86400e3 + 60e3),
  });
  fake.addRequest({
    requester_id: alice.id,
    subject: 'Invoice address needs our VAT number',
    body: 'Please add DE123456789 to our invoices.',
    status: 'hold',
    priority: 'normal',
    created_at: day(6),
  });
  fake.addRequest({
    requester_id: alice.id,
    subject: 'SSO login loops back to the sign-in page',
    body: 'Since this morning SSO redirects in a loop.',
    status: 'new',
    priority: 'urgent',
    created_at: day(1),
  });
  fake.addRequest({
    requester_id: bob.id,
    subject: 'Cannot invite a colleague',
    body: 'The invite button is greyed out.',
    status: 'pending',
    created_at: day(2),
  });
  Object.assign(env, {
    PORTICO_SUPPORT_PROVIDER: 'zendesk',
    ZENDESK_API_BASE: fake.url,
    ZENDESK_EMAIL: fake.agentEmail,
    ZENDESK_API_TOKEN: fake.apiToken,
  });
  return {
    fake,
    /** Maps acme and its contacts to the fake's organization and users (the staff API; after the seed created them). */
    async map(porticoUrl, staffKey) {
      const set = async (body) => {
        const r = await fetch(`${porticoUrl}/staff/v1/orgs/acme/external-accounts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ system: 'zendesk', ...body }),
        });
        if (!r.ok) throw new Error(`zendesk demo mapping: ${r.status} ${await r.text()}`);
      };
      await set({ kind: 'organization', external_id: String(ACME) });
      await set({ kind: 'user', contact: 'alice', external_id: String(alice.id) });
      await set({ kind: 'user', contact: 'bob', external_id: String(bob.id) });
    },
  };
}
