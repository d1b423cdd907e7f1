// The seed's project conversations: a believable thread per demo project between the client's
// contacts and the studio's staff (Markdown bodies, a few days apart, the newest within the last
// day), and read markers that leave each contact the studio's latest messages unread. Called by
// seed.ts inside its transaction, after the projects exist.
import { insertMany, type Queryable } from './db/db.js';
import { newId } from './ids.js';
import { agentId } from './routes/staff.js';

const hour = 3600e3;

type Line = [who: 'client' | 'client2' | 'staff' | 'staff2', body: string];

const STAFF = ['Dana Whitfield', 'Jonas Berger'] as const;

/** One script per project, by the project's name; the fallback fits any project. */
const SCRIPTS: Record<string, Line[]> = {
  'Website relaunch': [
    ['staff', 'Hi all! Kick-off notes are up: we agreed on **four templates** (home, product, pricing, blog) and a launch in week 12.'],
    ['client', 'Thanks Dana. Could the pricing page show annual *and* monthly prices side by side?'],
    ['staff', 'Yes — a toggle above the plans, annual selected by default. I added it to the design brief.'],
    ['client2', 'Our legal team needs the cookie banner to offer **Reject all** on the first layer. Is that in scope?'],
    ['staff2', 'It is. We use the consent manager you already license; the banner follows your colours.'],
    ['client', 'Great. When can we see the first homepage draft?'],
    ['staff', 'Friday. It will be in *Deliverables* as "Homepage — desktop", with a mobile version the week after.'],
    [
      'staff',
      'The homepage draft is up for review. Three things to look at:\n\n1. the hero copy length\n2. the customer logos row\n3. the footer navigation',
    ],
    ['client', 'Looks sharp! Logos row: can we drop the grey filter so they show in colour?'],
    ['staff', 'Done in version 2. Also tightened the hero copy to two lines at 1280 px.'],
    ['client2', 'Approved from our side. Next up: product pages?'],
    ['staff2', 'Product pages go out on Monday. We will need the final screenshots by Thursday — a shared folder link is fine.'],
  ],
  'Brand refresh': [
    ['staff', 'Welcome to the brand refresh thread. The mood boards are attached to the first deliverable.'],
    ['client', 'We like board B best: warmer, less corporate. Board A feels like a bank.'],
    ['staff2', 'Noted. We will develop B into two logo routes and a colour system (with **AA contrast** for text).'],
    ['client', 'Please keep the wordmark readable at favicon size.'],
    ['staff', 'Agreed — we test every route at 16 px. Routes arrive next Wednesday.'],
    ['staff', 'Both logo routes are ready for review. Route 2 keeps the original icon shape; route 1 is a fresh start.'],
    ['client2', 'Route 2 for us. Can the green be a touch less saturated?'],
    ['staff2', 'Sure, version 3 uses `#2F7D5B` instead of `#1FA36B`. Side-by-side comparison is in the viewer.'],
  ],
  'Annual report 2026': [
    ['staff', 'We are on hold until the audited figures arrive — ping us here when they do.'],
    ['client', 'Audit is running late; we expect the figures end of next month.'],
    ['staff', 'No problem. Meanwhile we drafted the **chairman’s letter** layout and the chart style.'],
    ['client2', 'The chart style is great. Please use our fiscal-year labels (FY25/26).'],
    ['staff2', 'Will do. We paused the project timeline so no milestone shows as late.'],
  ],
};
const FALLBACK: Line[] = [
  ['staff', 'Hi! This is the place for questions about the project — we usually answer within a working day.'],
  ['client', 'Thanks! Could you share the timeline for the next milestone?'],
  ['staff', 'Of course: the next review is planned for next week; details are in *Deliverables*.'],
];

export interface SeedMessageRefs {
  orgId: string;
  contacts: Array<{ id: string; name: string }>;
}

/** Seeds every project of the organization; returns the number of messages. */
export async function seedMessages(tx: Queryable, r: SeedMessageRefs, now: number): Promise<number> {
  const projects = await tx.query<{ id: string; name: string }>('SELECT id, name FROM projects WHERE org_id = $1 ORDER BY created_at, id', [
    r.orgId,
  ]);
  const client = r.contacts[0];
  if (!client) return 0;
  const client2 = r.contacts[1] ?? client;
  const rows: unknown[][] = [];
  const reads: unknown[][] = [];
  for (const [pi, p] of projects.entries()) {
    const script = SCRIPTS[p.name] ?? FALLBACK;
    // Spread over the last weeks, the newest message 2 h (+ an hour per project) ago.
    const ids: Array<{ id: string; at: Date; staff: boolean }> = [];
    script.forEach(([who, body], i) => {
      const at = new Date(now - (2 + pi) * hour - (script.length - 1 - i) * 29 * hour);
      const staff = who.startsWith('staff');
      const name = who === 'staff' ? STAFF[0] : who === 'staff2' ? STAFF[1] : who === 'client' ? client.name : client2.name;
      const author = staff ? agentId(name) : who === 'client' ? client.id : client2.id;
      const id = newId('pmsg');
      ids.push({ id, at, staff });
      rows.push([id, r.orgId, p.id, staff ? 'agent' : 'contact', author, name, body, 'markdown', at]);
    });
    // Each contact has read up to their own last message: the studio's answers after it are unread.
    for (const c of new Set([client, client2])) {
      const own = ids.filter((m, i) => !m.staff && script[i]![0] === (c === client ? 'client' : 'client2')).at(-1);
      if (own) reads.push([r.orgId, p.id, c.id, own.id, own.at, own.at]);
    }
  }
  await insertMany(
    tx,
    'project_messages',
    ['id', 'org_id', 'project_id', 'author_kind', 'author_id', 'author_name', 'body', 'body_format', 'created_at'],
    rows,
  );
  await insertMany(
    tx,
    'project_message_reads',
    ['org_id', 'project_id', 'contact_id', 'last_message_id', 'last_created_at', 'read_at'],
    reads,
  );
  return rows.length;
}
