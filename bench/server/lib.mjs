// Shared by run.mjs (one node, list vs bare) and nodes.mjs (one node vs two): CPU counters from
// /proc and the autocannon CLI in a process of its own.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const autocannonBin = fileURLToPath(new URL('../../node_modules/.bin/autocannon', import.meta.url));

// CPU time (user + system) the server process spent, ms: robust against other load on the machine.
const TICK_MS = 10; // USER_HZ = 100 on Linux
export function cpuMs(pid, withChildren = false) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0)) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

// CPU of the PostgreSQL backends serving the bench database (their process title names it), so
// that other databases' work on a shared server (other test runs) is not counted. The total never
// goes down: a backend that ended since the last call keeps the CPU it had then (before, its CPU
// left the sum and a round could come out negative when the pool closed idle connections); what it
// spent after that last call is not counted.
const seen = new Map(); // `${benchDb}:${pid}:${starttime}` → CPU ms at the last call
export function postgresCpuMs(benchDb) {
  if (!benchDb) return 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres:') || !title.includes(` ${benchDb} `)) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      seen.set(`${benchDb}:${pid}:${f[19]}`, (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {}
  }
  let total = 0;
  for (const [key, ms] of seen) if (key.startsWith(`${benchDb}:`)) total += ms;
  return total;
}

export function autocannon(url, seconds, headers = {}, connections = 50) {
  const args = ['-c', String(connections), '-d', String(seconds), '--json'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const p = spawn(autocannonBin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    // The load generator's own CPU, sampled until it exits (its children included).
    let loadCpu = 0;
    const poll = setInterval(() => {
      const v = cpuMs(p.pid, true);
      if (!Number.isNaN(v)) loadCpu = v;
    }, 250);
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      clearInterval(poll);
      try {
        const r = JSON.parse(out.trim().split('\n').pop());
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors + r.timeouts,
          requests: r.requests.total,
          loadCpuMs: loadCpu,
        });
      } catch (err) {
        reject(new Error(`autocannon exited ${code}: ${out.slice(0, 500)} (${err})`));
      }
    });
  });
}
