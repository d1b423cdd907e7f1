// Finds the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth) for the server's
// second test pass, starting the cluster when it is installed but stopped.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

const reachable = () =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 5432 });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

export async function ensurePostgres() {
  const url = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable()) return url;
  if (existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) {
      try {
        execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
      } catch {
        // not ours to start (not root, or no such cluster)
      }
    }
    for (let i = 0; i < 20; i++) {
      if (await reachable()) return url;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return null;
}
