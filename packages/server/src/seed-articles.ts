/**
 * Hand-written help articles for the demo knowledge base (in English and German), on the questions
 * portal users actually ask; the relevance test (test/article-search.test.ts) searches them.
 * Written for Portico, under the repository's MIT licence.
 */
import { insertMany, type Queryable } from './db/db.js';
import { newId } from './ids.js';

interface HelpArticle {
  slug: string;
  lang: 'en' | 'de';
  category: string;
  title: string;
  summary: string;
  tags: string[];
  body: string;
  /** Readers in each demo organization who found it helpful (the "popular" list). */
  helpful: number;
}

export const HELP_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'download-an-invoice-as-pdf',
    lang: 'en',
    category: 'billing',
    title: 'Download an invoice as PDF',
    summary: 'Save or print any invoice from the Billing page.',
    tags: ['billing', 'pdf'],
    helpful: 3,
    body: `Every invoice we issue is available as a PDF for as long as your account exists.

1. Open **Billing → Invoices**.
2. Find the invoice by its number or date.
3. Click **Download PDF**. The file opens in a new tab, where you can save or print it.

Your accounts payable team can also receive each invoice by email: add their address under **Billing → Invoice recipients**.`,
  },
  {
    slug: 'update-your-payment-method',
    lang: 'en',
    category: 'billing',
    title: 'Update your payment method',
    summary: 'Replace the credit card or bank account we charge.',
    tags: ['billing', 'card'],
    helpful: 2,
    body: `To charge a different credit card or bank account, open **Billing → Payment method** and choose **Replace**.

The new card is charged from the next invoice on. Cards that expire soon are flagged a month ahead, and we email the billing contact. If a charge fails we retry three times over a week before the invoice becomes overdue.`,
  },
  {
    slug: 'reset-a-forgotten-password',
    lang: 'en',
    category: 'account-security',
    title: 'Reset a forgotten password',
    summary: 'Get a reset link by email and choose a new password.',
    tags: ['login', 'password'],
    helpful: 4,
    body: `On the sign-in page choose **Forgot password?** and enter the email address you sign in with. We send a reset link that works for one hour.

Did not get the email? Check your spam folder, and ask your administrator whether your organization signs in through single sign-on: then your password is managed by your company, not by us.`,
  },
  {
    slug: 'invite-colleagues-to-the-portal',
    lang: 'en',
    category: 'getting-started',
    title: 'Invite colleagues to the portal',
    summary: 'Add team members and choose what each of them may do.',
    tags: ['team', 'users'],
    helpful: 1,
    body: `Administrators can add people under **Settings → Members → Invite**. Enter one or more email addresses and pick a role: *member* (tickets and files), *approver* (can sign off deliverables) or *admin*.

Each invited person receives an email with a link that stays valid for seven days. You can resend or revoke an invitation from the same page.`,
  },
  {
    slug: 'cancel-or-pause-your-subscription',
    lang: 'en',
    category: 'billing',
    title: 'Cancel or pause your subscription',
    summary: 'End your plan at the close of the billing period, or pause it for up to three months.',
    tags: ['billing', 'plan'],
    helpful: 0,
    body: `Open **Billing → Plan** and choose **Cancel subscription**. Your plan stays active until the end of the period you paid for; nothing is charged after that.

Not sure yet? **Pause** keeps your data and stops billing for up to three months.`,
  },
  {
    slug: 'export-your-data-to-csv-or-excel',
    lang: 'en',
    category: 'integrations',
    title: 'Export your data to CSV or Excel',
    summary: 'Download tickets, invoices and projects as a spreadsheet.',
    tags: ['export', 'spreadsheet'],
    helpful: 0,
    body: `Every list in the portal has an **Export** button. Choose CSV for any spreadsheet program, or XLSX to open the file directly in Microsoft Excel.

Exports include the columns you see plus the record IDs. Large exports are prepared in the background and emailed to you when ready.`,
  },
  {
    slug: 'change-your-sign-in-email-address',
    lang: 'en',
    category: 'account-security',
    title: 'Change your sign-in email address',
    summary: 'Move your login to a new email address.',
    tags: ['login', 'profile'],
    helpful: 0,
    body: `Open **Profile → Email** and enter the new address. We send a confirmation link to it; the change takes effect once you click the link, and your old address gets a notice.`,
  },
  {
    slug: 'open-a-support-ticket',
    lang: 'en',
    category: 'getting-started',
    title: 'Open a support ticket',
    summary: 'Describe the problem, attach screenshots and follow our replies.',
    tags: ['support', 'tickets'],
    helpful: 2,
    body: `Choose **Help → New ticket**, give it a short subject and describe what happened. You can drag screenshots, logs or PDFs into the form; each attachment may be up to 25 MB.

You will see our replies in the portal and by email, and you can answer either way.`,
  },
  {
    slug: 'ticket-priorities-and-response-times',
    lang: 'en',
    category: 'troubleshooting',
    title: 'Ticket priorities and response times',
    summary: 'How fast we answer low, normal, high and urgent tickets (our SLA).',
    tags: ['support', 'sla'],
    helpful: 0,
    body: `We reply to **urgent** tickets within 1 hour, around the clock. High priority gets a first response within 4 business hours, normal within one business day and low within three.

Set the priority when you open a ticket; our team may adjust it. A ticket that misses its target is marked as breached and escalated.`,
  },
  {
    slug: 'approve-a-deliverable-or-request-changes',
    lang: 'en',
    category: 'projects',
    title: 'Approve a deliverable or request changes',
    summary: 'Sign off a design, document or build, or send it back with comments.',
    tags: ['approvals', 'review'],
    helpful: 1,
    body: `Open the deliverable from its project and review the latest version. Click **Approve** to sign it off, or **Request changes** and tell us what to fix. Comments can point at an exact spot of an image or a page of a PDF.

Only people with the approver role can approve.`,
  },
  {
    slug: 'add-your-vat-number-to-invoices',
    lang: 'en',
    category: 'billing',
    title: 'Add your VAT number to invoices',
    summary: 'Show your tax ID on invoices and apply the reverse charge.',
    tags: ['billing', 'tax'],
    helpful: 0,
    body: `Enter your VAT ID under **Billing → Company details**. We validate it against the EU VIES service; valid numbers appear on all future invoices and, within the EU, the reverse charge applies so no VAT is added.`,
  },
  {
    slug: 'ask-for-a-refund',
    lang: 'en',
    category: 'billing',
    title: 'Ask for a refund',
    summary: 'When you can get your money back, and how long it takes.',
    tags: ['billing', 'refund'],
    helpful: 0,
    body: `Charged twice, or cancelled within 14 days? Open a ticket in the billing category with the invoice number. Approved refunds go back to the original payment method within five to ten business days.`,
  },
  {
    slug: 'lost-your-phone-recover-two-factor-access',
    lang: 'en',
    category: 'account-security',
    title: 'Lost your phone? Recover two-factor access',
    summary: 'Sign in with a recovery code when your authenticator app is gone.',
    tags: ['2fa', 'login'],
    helpful: 1,
    body: `When you turned on two-factor authentication you received ten recovery codes. On the sign-in page choose **Use a recovery code** and enter one of them; each code works once.

No codes left? An administrator of your organization can reset your second factor under **Settings → Members**.`,
  },
  {
    slug: 'close-your-account-and-delete-your-data',
    lang: 'en',
    category: 'account-security',
    title: 'Close your account and delete your data',
    summary: 'Permanently remove your organization and its data (GDPR erasure).',
    tags: ['privacy', 'gdpr'],
    helpful: 0,
    body: `An administrator can close the account under **Settings → Organization → Close account**. After 30 days we permanently erase tickets, files and members; invoices are kept for as long as tax law requires.

To remove only your own personal data, open a ticket asking for erasure under the GDPR.`,
  },
  {
    slug: 'choose-which-emails-you-receive',
    lang: 'en',
    category: 'getting-started',
    title: 'Choose which emails you receive',
    summary: 'Turn email notifications for replies, approvals and invoices on or off.',
    tags: ['notifications', 'email'],
    helpful: 0,
    body: `Open **Profile → Notifications**. Each kind of message — ticket replies, status changes, new versions to review, invoices — can be switched off separately, or collected into one daily digest. Security messages are always sent.`,
  },
  {
    slug: 'create-and-rotate-api-keys',
    lang: 'en',
    category: 'integrations',
    title: 'Create and rotate API keys',
    summary: 'Give scripts access to the API and replace keys safely.',
    tags: ['api', 'security'],
    helpful: 0,
    body: `Under **Settings → API keys** choose **New key**, name it after the script that uses it and copy the secret: it is shown only once.

To rotate, create a second key, deploy it, then revoke the old one. Revoked keys stop working immediately.`,
  },
  {
    slug: 'connect-okta-or-azure-ad',
    lang: 'en',
    category: 'account-security',
    title: 'Connect Okta or Azure AD',
    summary: 'Let your people sign in with your identity provider (SAML single sign-on).',
    tags: ['sso', 'saml'],
    helpful: 0,
    body: `Under **Settings → Security → Single sign-on** choose your identity provider: Okta, Microsoft Entra ID (Azure AD), Google Workspace or any SAML 2.0 provider. Paste its metadata URL and test the connection before you enforce it.`,
  },
  {
    slug: 'what-happens-when-an-invoice-is-overdue',
    lang: 'en',
    category: 'billing',
    title: 'What happens when an invoice is overdue',
    summary: 'Reminders, late fees and when access is limited.',
    tags: ['billing', 'payment'],
    helpful: 0,
    body: `We send a reminder three days before the due date and on the day itself. Seven days after the due date a late fee of 1 % applies; after thirty days the portal becomes read-only until the balance is paid.`,
  },
  {
    slug: 'file-size-limits-and-accepted-formats',
    lang: 'en',
    category: 'troubleshooting',
    title: 'File size limits and accepted formats',
    summary: 'Which files you can upload, and how large they may be.',
    tags: ['uploads', 'files'],
    helpful: 0,
    body: `Each upload may be up to 25 MB. We accept images (PNG, JPEG, GIF, WebP), PDF, plain text, CSV, ZIP and Office documents. Larger files: share a link to your cloud storage in the ticket instead.`,
  },
  {
    slug: 'change-the-portal-language',
    lang: 'en',
    category: 'getting-started',
    title: 'Change the portal language',
    summary: 'Use the portal in English, German or Arabic.',
    tags: ['language', 'profile'],
    helpful: 0,
    body: `The portal follows your browser's language. To choose another one, open **Profile → Language** and pick English, Deutsch (German) or العربية (Arabic). Dates and amounts follow the language you choose.`,
  },
  {
    slug: 'rechnung-als-pdf-herunterladen',
    lang: 'de',
    category: 'billing',
    title: 'Rechnung als PDF herunterladen',
    summary: 'Jede Rechnung können Sie auf der Abrechnungsseite speichern oder drucken.',
    tags: ['abrechnung', 'pdf'],
    helpful: 1,
    body: `Öffnen Sie **Abrechnung → Rechnungen**, suchen Sie die Rechnung nach Nummer oder Datum und klicken Sie auf **PDF herunterladen**. Ihre Buchhaltung kann die Rechnungen auch per E-Mail erhalten.`,
  },
  {
    slug: 'passwort-zuruecksetzen',
    lang: 'de',
    category: 'account-security',
    title: 'Passwort vergessen? So setzen Sie es zurück',
    summary: 'Per E-Mail einen Link anfordern und ein neues Passwort wählen.',
    tags: ['anmeldung', 'passwort'],
    helpful: 0,
    body: `Wählen Sie auf der Anmeldeseite **Passwort vergessen?** und geben Sie Ihre E-Mail-Adresse ein. Der Link zum Zurücksetzen ist eine Stunde gültig. Meldet sich Ihre Organisation per Single Sign-on an, verwaltet Ihr Unternehmen die Passwörter.`,
  },
  {
    slug: 'zahlungsmethode-aendern',
    lang: 'de',
    category: 'billing',
    title: 'Zahlungsmethode ändern',
    summary: 'Eine andere Kreditkarte oder ein anderes Bankkonto hinterlegen.',
    tags: ['abrechnung', 'kreditkarte'],
    helpful: 0,
    body: `Unter **Abrechnung → Zahlungsmethode** wählen Sie **Ersetzen**. Die neue Kreditkarte wird ab der nächsten Rechnung belastet. Schlägt eine Abbuchung fehl, versuchen wir es innerhalb einer Woche dreimal erneut.`,
  },
];

/** Inserts the help articles (published to everyone) into the seeded categories; returns how many. */
export async function seedHelpArticles(tx: Queryable, now: number): Promise<number> {
  const cats = new Map((await tx.query('SELECT id, slug FROM article_categories')).map((r) => [r.slug as string, r.id as string]));
  const rows = HELP_ARTICLES.map((a, i) => {
    // Updated over the last weeks, the first ones most recently.
    const at = new Date(now - (i + 1) * 3.6e6 * 31);
    return [newId('art'), null, a.slug, a.title, a.summary, a.body, 'markdown', cats.get(a.category) ?? null, a.tags, a.lang, at, at];
  });
  await insertMany(
    tx,
    'articles',
    ['id', 'org_id', 'slug', 'title', 'summary', 'body', 'body_format', 'category_id', 'tags', 'lang', 'created_at', 'updated_at'],
    rows,
  );
  return rows.length;
}

/** Helpful votes on the help articles from an organization's first contacts. */
export async function seedHelpVotes(tx: Queryable, orgId: string, contactIds: string[]): Promise<void> {
  const ids = new Map(
    (await tx.query('SELECT id, slug FROM articles WHERE org_id IS NULL')).map((r) => [r.slug as string, r.id as string]),
  );
  const rows: unknown[][] = [];
  for (const a of HELP_ARTICLES) {
    const id = ids.get(a.slug);
    if (id) for (const c of contactIds.slice(0, a.helpful)) rows.push([id, c, true, orgId]);
  }
  if (rows.length) await insertMany(tx, 'article_votes', ['article_id', 'contact_id', 'helpful', 'org_id'], rows);
}
