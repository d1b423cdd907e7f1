-- Billing beyond the invoice list (contract: schemas/billing.ts): invoices in full (customer, line
-- tax and discounts, what was applied to them), payment methods, auto-pay, the subscription and
-- metered usage. The database billing provider (src/billing/database.ts) reads them; the staff API
-- writes them (src/billing/staff.ts). Every table is a tenant table: row-level security as in
-- 003_tenancy.sql, and listed in src/db/tenancy.ts.

ALTER TABLE invoices
  ADD COLUMN customer_name    text,
  ADD COLUMN customer_email   text,
  ADD COLUMN customer_address text,
  ADD COLUMN customer_tax_id  text,
  ADD COLUMN discount         bigint NOT NULL DEFAULT 0,
  ADD COLUMN memo             text;

ALTER TABLE invoice_lines
  ADD COLUMN discount_amount bigint NOT NULL DEFAULT 0,
  ADD COLUMN tax_rate        double precision,
  ADD COLUMN tax_amount      bigint NOT NULL DEFAULT 0,
  ADD COLUMN period_start    timestamptz(3),
  ADD COLUMN period_end      timestamptz(3);

-- Payments, refunds and credit notes applied to an invoice. invoices.amount_paid stays what the
-- list shows as settled: payments + credit notes - refunds.
CREATE TABLE invoice_applications (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  invoice_id  text NOT NULL REFERENCES invoices(id),
  kind        text NOT NULL CHECK (kind IN ('payment', 'refund', 'credit_note')),
  number      text,
  amount      bigint NOT NULL CHECK (amount > 0),
  description text,
  applied_at  timestamptz(3) NOT NULL
);
CREATE INDEX invoice_applications_invoice ON invoice_applications (invoice_id, applied_at, id);

CREATE TABLE payment_methods (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  external_id text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('card', 'bank_account')),
  brand       text NOT NULL,
  last4       text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month   integer CHECK (exp_month BETWEEN 1 AND 12),
  exp_year    integer,
  holder_name text,
  is_default  boolean NOT NULL DEFAULT false,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, external_id)
);
-- One default per organization.
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (org_id) WHERE is_default;

CREATE TABLE billing_accounts (
  org_id   text PRIMARY KEY REFERENCES organizations(id),
  auto_pay boolean NOT NULL DEFAULT false
);

CREATE TABLE subscriptions (
  id                   text PRIMARY KEY,
  org_id               text NOT NULL UNIQUE REFERENCES organizations(id),
  status               text NOT NULL,
  plan                 jsonb NOT NULL,
  quantity             integer NOT NULL CHECK (quantity >= 0),
  current_period_start timestamptz(3) NOT NULL,
  current_period_end   timestamptz(3) NOT NULL,
  trial_end            timestamptz(3),
  cancel_at            timestamptz(3),
  canceled_at          timestamptz(3),
  scheduled_change     jsonb,
  updated_at           timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE usage_meters (
  id                text PRIMARY KEY,
  org_id            text NOT NULL REFERENCES organizations(id),
  key               text NOT NULL,
  name              text NOT NULL,
  unit              text NOT NULL,
  unit_label        text,
  usage_limit       double precision,
  soft_limit        boolean NOT NULL DEFAULT false,
  warning_threshold double precision NOT NULL DEFAULT 0.8,
  reset_interval    text NOT NULL,
  period_start      timestamptz(3) NOT NULL,
  period_end        timestamptz(3) NOT NULL CHECK (period_end > period_start),
  position          integer NOT NULL DEFAULT 0,
  UNIQUE (org_id, key)
);

CREATE TABLE usage_records (
  id       text PRIMARY KEY,
  org_id   text NOT NULL REFERENCES organizations(id),
  meter_id text NOT NULL REFERENCES usage_meters(id),
  at       timestamptz(3) NOT NULL,
  quantity double precision NOT NULL CHECK (quantity >= 0)
);
CREATE INDEX usage_records_meter ON usage_records (meter_id, at);

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('invoice_applications', 'SELECT'),
    ('payment_methods', 'SELECT, UPDATE, DELETE'),
    ('billing_accounts', 'SELECT, INSERT, UPDATE'),
    ('subscriptions', 'SELECT'),
    ('usage_meters', 'SELECT'),
    ('usage_records', 'SELECT')
  ) AS v(name, privileges) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO portico_tenant USING (org_id = current_setting(%L, true)) WITH CHECK (org_id = current_setting(%L, true))',
      t.name, 'portico.org_id', 'portico.org_id');
    EXECUTE format('GRANT %s ON %I TO portico_tenant', t.privileges, t.name);
  END LOOP;
END
$$;
