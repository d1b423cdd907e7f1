// Concurrent writes in ONE organization: 50 writers, each replying to a ticket of its own
// (POST /portal/v1/tickets/{id}/messages, an Idempotency-Key each), for `seconds`; then the same
// with ticket creation (POST /portal/v1/tickets). Every write appends to the organization's event
// log, which is what serialised them before issue 16 (the organization's row lock held to COMMIT).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/server/writes.mjs [seconds=10] [writers=50]
//
// The server runs in a child process (serve.mjs, fresh database, seeded); the writers run here
// (keep-alive agent, one request in flight per writer). Prints one JSON line per kind of write.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cpuMs, postgresCpuMs } from './lib.mjs';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const pg = require('pg');
const serveScript = fileURLToPath(new URL('./serve.mjs', import.meta.url));
const seconds = Number(process.argv[2] ?? 10);
const writers = Number(process.argv[3] ?? 50);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is needed (PostgreSQL)');

const agent = new http.Agent({ keepAlive: true, maxSockets: writers + 5 });
function post(url, token, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          'idempotency-key': `w-${process.hrtime.bigint()}-${Math.random()}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
};

// What the bench database's backends are doing, sampled every 50 ms while writes run: the share
// of busy backends waiting for a lock (the organization's row, before) says whether writes are
// serialised, whatever the machine's load does to the writes/s.
let sampler = null;
async function sample(until) {
  const counts = { busy: 0, lock: 0, io: 0, cpu: 0, other: 0, samples: 0 };
  while (Date.now() < until) {
    const { rows } = await sampler.query(
      `SELECT wait_event_type AS t FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
      [name],
    );
    counts.samples++;
    for (const r of rows) {
      counts.busy++;
      if (r.t === 'Lock') counts.lock++;
      else if (r.t === 'IO' || r.t === 'LWLock') counts.io++;
      else if (r.t === null) counts.cpu++;
      else counts.other++;
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  const per = (n) => Math.round((n / Math.max(1, counts.samples)) * 10) / 10;
  return {
    busy: per(counts.busy),
    waiting_lock: per(counts.lock),
    io_or_lwlock: per(counts.io),
    on_cpu: per(counts.cpu),
    other: per(counts.other),
  };
}

async function run(label, target, secs = seconds) {
  const sampling = sampler ? sample(Date.now() + secs * 1000 - 200) : null;
  const latencies = [];
  const cpu0 = cpuMs(child.pid);
  const pg0 = postgresCpuMs(name);
  let failed = 0;
  const statuses = {};
  const end = Date.now() + secs * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (Date.now() < end) {
        const s = performance.now();
        const r = await post(...target(w));
        latencies.push(performance.now() - s);
        if (r.status >= 300) {
          failed++;
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  const n = Math.max(1, latencies.length);
  const serverUs = Math.round(((cpuMs(child.pid) - cpu0) * 1000) / n);
  const postgresUs = Math.round(((postgresCpuMs(name) - pg0) * 1000) / n);
  return {
    write: label,
    writers,
    seconds: secs,
    writes_per_s: Math.round(((latencies.length - failed) / elapsed) * 10) / 10,
    p50_ms: Math.round(pct(latencies, 50)),
    p99_ms: Math.round(pct(latencies, 99)),
    failed,
    statuses,
    // CPU per write: what bounds writes/s once nothing waits for a lock (2 cores ≈ 2e6 µs/s).
    server_cpu_us_per_write: serverUs,
    postgres_cpu_us_per_write: postgresUs,
    db_delay_ms: delay,
    loadavg: loadavg().map((x) => Math.round(x * 10) / 10),
    // Mean number of the bench database's active backends per sample, by what they wait for.
    backends: await sampling,
  };
}

const name = `portico_writes_${Date.now()}`;
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const u = new URL(process.env.DATABASE_URL);
u.pathname = `/${name}`;
// BENCH_DB_DELAY_MS=1: the server reaches PostgreSQL through a proxy here that holds every chunk
// that long in each direction — a database on another host (≈ 2 ms round trip) rather than on
// loopback. Work done under a lock then includes round trips, as in production.
const delay = Number(process.env.BENCH_DB_DELAY_MS ?? 0);
let proxy = null;
if (delay > 0) {
  const target = { host: u.hostname, port: Number(u.port || 5432) };
  proxy = net.createServer((client) => {
    const server = net.connect(target);
    const pipe = (from, to) => {
      from.on('data', (d) => setTimeout(() => to.write(d), delay));
      from.on('close', () => setTimeout(() => to.destroy(), delay));
      from.on('error', () => {});
    };
    pipe(client, server);
    pipe(server, client);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  u.hostname = '127.0.0.1';
  u.port = String(proxy.address().port);
}
const child = spawn(process.execPath, [serveScript], {
  env: { ...process.env, BENCH_DATABASE_URL: u.toString() },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  const { list, token } = JSON.parse(line);
  const base = new URL(list).origin;
  sampler = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sampler.connect();
  const tickets = [];
  for (let i = 0; i < writers; i++) {
    const r = await post(`${base}/portal/v1/tickets`, token, { subject: `Writer ${i}`, body: 'x' });
    tickets.push(JSON.parse(r.text).id);
  }
  const reply = (w) => [`${base}/portal/v1/tickets/${tickets[w]}/messages`, token, { body: 'A reply from a concurrent writer.' }];
  const create = (w) => [`${base}/portal/v1/tickets`, token, { subject: `Load ${w}`, body: 'x' }];
  await run('warm-up', reply, 3);
  console.log(JSON.stringify(await run('reply', reply)));
  console.log(JSON.stringify(await run('create', create)));
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit').catch(() => {});
  agent.destroy();
  await sampler?.end();
  proxy?.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
