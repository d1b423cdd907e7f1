import { createHmac, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  port: number;
  /** PGlite data directory ('memory://' for in-memory). Ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Most connections of the PostgreSQL pool that runs transactions (PORTICO_DB_POOL_SIZE). */
  databasePoolSize: number;
  /** Pipelined PostgreSQL connections for statements outside transactions (PORTICO_DB_PIPELINES; 0: the pool). */
  databasePipelines: number;
  filesDir: string;
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
  /** SSE heartbeat interval, ms. */
  heartbeatMs: number;
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
    filesDir: resolve(env.PORTICO_FILES_DIR || '.portico/files'),
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
  };
  return { ...cfg, ...overrides };
}
