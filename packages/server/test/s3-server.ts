import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-protocol server (s3rver 3.7.1, file-backed, V4 signatures checked) started here on a
 * free port in a temporary directory; the AWS SDK talks HTTP to it. Nothing is mocked.
 */
export async function startS3rver() {
  const directory = await mkdtemp(join(tmpdir(), 'portico-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: 'portico-test' }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
