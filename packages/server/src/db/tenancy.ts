/**
 * Which tables hold an organization's data, and the names both walls of tenancy use.
 *
 * - Wall 1, in the application: statements run through an organization-bound handle
 *   (`db.forOrg(orgId)`, db/tenant.ts) are rewritten by `bindStatement` (db/bind.ts) so that every
 *   reference to a table below reads only that organization's rows and every write is bound to it.
 * - Wall 2, in PostgreSQL: row-level security on the same tables (migrations/003_tenancy.sql),
 *   for the role `TENANT_ROLE`, from the setting `ORG_SETTING`; the handle runs its statements as
 *   that role with that setting, transaction-locally.
 *
 * test/tenancy.test.ts checks that this list, the tables that have an organization column and the
 * tables with a policy are the same set.
 */
export interface TenantTable {
  /** The column that names the organization. */
  org: string;
  /** Rows whose organization is NULL belong to every organization (read-only for them). */
  shared?: boolean;
}

export const TENANT_TABLES: Readonly<Record<string, TenantTable>> = Object.freeze({
  organizations: { org: 'id' },
  contacts: { org: 'org_id' },
  files: { org: 'org_id' },
  tickets: { org: 'org_id' },
  ticket_messages: { org: 'org_id' },
  articles: { org: 'org_id', shared: true },
  article_votes: { org: 'org_id' },
  invoices: { org: 'org_id' },
  invoice_lines: { org: 'org_id' },
  projects: { org: 'org_id' },
  milestones: { org: 'org_id' },
  deliverables: { org: 'org_id' },
  deliverable_versions: { org: 'org_id' },
  comments: { org: 'org_id' },
  approvals: { org: 'org_id' },
  notifications: { org: 'org_id' },
  events: { org: 'org_id' },
  idempotency_keys: { org: 'scope' },
  article_words: { org: 'org_id', shared: true },
  notification_preferences: { org: 'org_id' },
  contact_settings: { org: 'org_id' },
  // Billing (migrations/040_billing.sql).
  invoice_applications: { org: 'org_id' },
  payment_methods: { org: 'org_id' },
  billing_accounts: { org: 'org_id' },
  subscriptions: { org: 'org_id' },
  usage_meters: { org: 'org_id' },
  usage_records: { org: 'org_id' },
  // Private client links (migrations/065_access_links.sql).
  access_links: { org: 'org_id' },
  // Connectors (migrations/090_connectors.sql).
  external_accounts: { org: 'org_id' },
  // Document requests (migrations/050_document_requests.sql).
  document_requests: { org: 'org_id' },
  document_request_items: { org: 'org_id' },
  document_request_files: { org: 'org_id' },
  document_request_reminders: { org: 'org_id' },
  // Project messages (migrations/060_project_messages.sql).
  project_messages: { org: 'org_id' },
  project_message_reads: { org: 'org_id' },
});

/** Tables without an organization that the tenant role may read (the same for everyone). */
export const GLOBAL_TABLES: readonly string[] = Object.freeze(['article_categories']);

/** The PostgreSQL role tenant statements run as (created by migrations/003_tenancy.sql). */
export const TENANT_ROLE = 'portico_tenant';

/** The setting the row-level security policies read: `current_setting('portico.org_id', true)`. */
export const ORG_SETTING = 'portico.org_id';

/**
 * Puts a transaction (or the implicit transaction of one statement) into an organization's tenant
 * context: the tenant role and the organization setting, both transaction-local (`is_local` true:
 * they end with the transaction, so a pooled or pipelined connection carries nothing over, and a
 * transaction-mode pooler such as PgBouncer may hand the next transaction to another backend).
 */
export const TENANT_CONTEXT_SQL = `SELECT set_config('role', '${TENANT_ROLE}', true), set_config('${ORG_SETTING}', $1, true)`;
