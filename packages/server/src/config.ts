import { createHmac, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { type ConnectorsConfig, connectorsConfig } from './connectors/config.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Where file bytes live (`PORTICO_STORAGE`, `PORTICO_S3_*`); see the README's "File storage". */
export interface StorageConfig {
  kind: 'disk' | 'postgres' | 's3';
  s3?: {
    bucket: string;
    endpoint?: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
    prefix?: string;
    /** Multipart part size in bytes (PORTICO_S3_PART_SIZE_MB). */
    partSize: number;
  };
  /** Downloads redirect to a presigned S3 URL instead of passing through the server (PORTICO_S3_PRESIGN). */
  presign: boolean;
  /** Lifetime of a presigned URL, seconds (PORTICO_S3_PRESIGN_TTL). */
  presignTtlSeconds: number;
}

export interface Config {
  port: number;
  /** PGlite data directory ('memory://' for in-memory). Ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Most connections of the PostgreSQL pool that runs transactions (PORTICO_DB_POOL_SIZE). */
  databasePoolSize: number;
  /** Pipelined PostgreSQL connections for statements outside transactions (PORTICO_DB_PIPELINES; 0: the pool). */
  databasePipelines: number;
  /**
   * Named prepared statements (PORTICO_DB_PREPARE, default 1). 0 for a pooler in transaction mode
   * that does not track them (PgBouncer before 1.21, or without max_prepared_statements).
   */
  databasePrepare: boolean;
  /**
   * A direct connection for LISTEN (DATABASE_LISTEN_URL) when DATABASE_URL goes through a pooler in
   * transaction mode, which cannot hold a LISTEN; default DATABASE_URL.
   */
  databaseListenUrl?: string;
  filesDir: string;
  storage: StorageConfig;
  /** HS256 secret for portal tokens. */
  jwtSecret?: string;
  /** JWKS URL for portal tokens signed with asymmetric keys. */
  jwksUrl?: string;
  /** Expected `iss` / `aud` of portal tokens, when set. */
  jwtIssuer?: string;
  jwtAudience?: string;
  /** Longest accepted token lifetime (exp − iat, or exp − now without iat), seconds. */
  maxTokenLifetimeSeconds: number;
  staffKey?: string;
  allowedOrigins: string[];
  maxUploadBytes: number;
  logLevel: LogLevel;
  /** Absolute base URL for links in responses (files); default: the request's own origin. */
  publicUrl?: string;
  /** Key of the HMAC that signs file URLs. */
  fileUrlSecret: string;
  fileUrlTtlSeconds: number;
  /** Validate every response against the contract (tests): a mismatch answers 500. */
  validateResponses: boolean;
  /** How long a stopping process waits for in-flight requests, ms (PORTICO_SHUTDOWN_TIMEOUT_SECONDS). */
  shutdownTimeoutMs: number;
  /** SSE heartbeat interval, ms. */
  heartbeatMs: number;
  /** How often the retention job runs, ms (PORTICO_RETENTION_INTERVAL_SECONDS; 0: never). */
  retentionIntervalMs: number;
  /** Events are kept this many hours (PORTICO_EVENT_RETENTION_HOURS); older `Last-Event-ID`s get `stream.reset`. */
  eventRetentionHours: number;
  /** Profile fields a contact may change in the portal (PORTICO_PROFILE_EDITABLE: `language`, `time_zone`; default both). */
  profileEditable: Array<'language' | 'timeZone'>;
  /** The host's own page for the contact's account (PORTICO_PROFILE_URL): where the rest is changed. */
  profileManageUrl?: string;
  /**
   * The billing page the database billing provider sends users to for adding or updating a payment
   * method and changing or cancelling the plan (PORTICO_BILLING_PORTAL_URL); unset: none, and the
   * components leave those actions to the host (events).
   */
  billingPortalUrl?: string;
  /** Which system serves each resource group, and how to reach it (connectors/config.ts, docs/connectors.md). */
  connectors: ConnectorsConfig;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const jwtSecret = env.PORTICO_JWT_SECRET || undefined;
  const staffKey = env.PORTICO_STAFF_KEY || undefined;
  // File links must verify on every process behind a load balancer: derive the key from a
  // shared secret unless one is given; a random key only suits a single process.
  const fileUrlSecret =
    env.PORTICO_FILE_URL_SECRET ||
    (jwtSecret || staffKey
      ? createHmac('sha256', `${jwtSecret ?? ''}\u0000${staffKey ?? ''}`)
          .update('portico file urls')
          .digest('base64url')
      : randomBytes(32).toString('base64url'));
  const cfg: Config = {
    port: Number(env.PORT ?? 4010),
    dataDir: env.PORTICO_DATA_DIR === 'memory://' ? 'memory://' : resolve(env.PORTICO_DATA_DIR || '.portico/data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: Number(env.PORTICO_DB_POOL_SIZE ?? 20),
    databasePipelines: Number(env.PORTICO_DB_PIPELINES ?? 4),
    databasePrepare:
      env.PORTICO_DB_PREPARE === undefined || env.PORTICO_DB_PREPARE === '' ? true : flag('PORTICO_DB_PREPARE', env.PORTICO_DB_PREPARE),
    databaseListenUrl: env.DATABASE_LISTEN_URL || undefined,
    filesDir: resolve(env.PORTICO_FILES_DIR || '.portico/files'),
    storage: storageConfig(env),
    jwtSecret,
    jwksUrl: env.PORTICO_JWKS_URL || undefined,
    jwtIssuer: env.PORTICO_JWT_ISSUER || undefined,
    jwtAudience: env.PORTICO_JWT_AUDIENCE || undefined,
    maxTokenLifetimeSeconds: Number(env.PORTICO_MAX_TOKEN_LIFETIME ?? 86400),
    staffKey,
    allowedOrigins: (env.PORTICO_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    maxUploadBytes: Math.round(Number(env.PORTICO_MAX_UPLOAD_MB ?? 25) * 1024 * 1024),
    logLevel: (env.LOG_LEVEL as LogLevel) || 'info',
    publicUrl: env.PORTICO_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    fileUrlSecret,
    fileUrlTtlSeconds: Number(env.PORTICO_FILE_URL_TTL ?? 900),
    validateResponses: env.PORTICO_VALIDATE_RESPONSES === '1',
    heartbeatMs: 15000,
    shutdownTimeoutMs: bounded('PORTICO_SHUTDOWN_TIMEOUT_SECONDS', env.PORTICO_SHUTDOWN_TIMEOUT_SECONDS, 10, 0, 3600) * 1000,
    retentionIntervalMs: bounded('PORTICO_RETENTION_INTERVAL_SECONDS', env.PORTICO_RETENTION_INTERVAL_SECONDS, 600, 0, 86400) * 1000,
    eventRetentionHours: bounded('PORTICO_EVENT_RETENTION_HOURS', env.PORTICO_EVENT_RETENTION_HOURS, 72, 1, 87600),
    profileEditable: profileFields(env.PORTICO_PROFILE_EDITABLE),
    profileManageUrl: profileUrl(env.PORTICO_PROFILE_URL),
    billingPortalUrl: env.PORTICO_BILLING_PORTAL_URL || undefined,
    connectors: connectorsConfig(env),
  };
  return { ...cfg, ...overrides };
}

const flag = (name: string, v: string | undefined): boolean => {
  if (v === undefined || v === '' || /^(0|false|no)$/i.test(v)) return false;
  if (/^(1|true|yes)$/i.test(v)) return true;
  throw new Error(`${name} must be 1 or 0 (got "${v}").`);
};

const bounded = (name: string, v: string | undefined, fallback: number, min: number, max: number): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max} (got "${v}").`);
  return n;
};

/**
 * PORTICO_STORAGE=disk|postgres|s3; without it, s3 when PORTICO_S3_BUCKET is set, else disk.
 * Inconsistent settings fail at start rather than storing files somewhere unexpected.
 */
function storageConfig(env: Env): StorageConfig {
  const bucket = env.PORTICO_S3_BUCKET || undefined;
  const named = env.PORTICO_STORAGE || undefined;
  const kind = named ?? (bucket ? 's3' : 'disk');
  if (kind !== 'disk' && kind !== 'postgres' && kind !== 's3')
    throw new Error(`PORTICO_STORAGE must be disk, postgres or s3 (got "${kind}").`);
  const presign = flag('PORTICO_S3_PRESIGN', env.PORTICO_S3_PRESIGN);
  const presignTtlSeconds = bounded('PORTICO_S3_PRESIGN_TTL', env.PORTICO_S3_PRESIGN_TTL, 300, 1, 604800);
  if (kind !== 's3') {
    if (presign) throw new Error('PORTICO_S3_PRESIGN=1 needs the s3 storage (PORTICO_STORAGE=s3 or PORTICO_S3_BUCKET).');
    return { kind, presign, presignTtlSeconds };
  }
  if (!bucket) throw new Error('PORTICO_STORAGE=s3 needs PORTICO_S3_BUCKET.');
  const accessKeyId = env.PORTICO_S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.PORTICO_S3_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId !== !secretAccessKey)
    throw new Error('Set both PORTICO_S3_ACCESS_KEY_ID and PORTICO_S3_SECRET_ACCESS_KEY, or neither (the AWS default credentials).');
  return {
    kind,
    s3: {
      bucket,
      endpoint: env.PORTICO_S3_ENDPOINT || undefined,
      region: env.PORTICO_S3_REGION || 'us-east-1',
      accessKeyId,
      secretAccessKey,
      forcePathStyle: flag('PORTICO_S3_FORCE_PATH_STYLE', env.PORTICO_S3_FORCE_PATH_STYLE),
      prefix: env.PORTICO_S3_PREFIX || undefined,
      partSize: Math.round(bounded('PORTICO_S3_PART_SIZE_MB', env.PORTICO_S3_PART_SIZE_MB, 8, 5, 5120) * 1024 * 1024),
    },
    presign,
    presignTtlSeconds,
  };
}

/** PORTICO_PROFILE_EDITABLE: a comma list of `language`, `time_zone` (empty or `none`: nothing). */
function profileFields(v: string | undefined): Array<'language' | 'timeZone'> {
  if (v === undefined) return ['language', 'timeZone'];
  const out: Array<'language' | 'timeZone'> = [];
  for (const f of v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none')) {
    if (f === 'language') out.push('language');
    else if (f === 'time_zone') out.push('timeZone');
    else throw new Error(`PORTICO_PROFILE_EDITABLE lists language and time_zone only (got "${f}").`);
  }
  return [...new Set(out)];
}

/** PORTICO_PROFILE_URL: an absolute http(s) URL or a path of the host's site. */
function profileUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  if (!/^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*)$/i.test(v))
    throw new Error(`PORTICO_PROFILE_URL must be an http(s) URL or a path (got "${v}").`);
  return v;
}
