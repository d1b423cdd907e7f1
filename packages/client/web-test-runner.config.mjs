import { porticoWtrConfig } from '@portico/tooling/wtr';

/**
 * A real HTTP endpoint for the upload-progress tests (XMLHttpRequest in Chromium):
 * `POST /__upload/portal/v1/attachments` reads the whole body and answers an attachment, or 401
 * for the token `expired`, or 503 for the idempotency key `fail-once` the first time it comes with a valid token;
 * `GET /__upload/received` lists what was received (and forgets it).
 */
function uploadEndpoint() {
  let received = [];
  return async (ctx, next) => {
    if (ctx.path === '/__upload/received') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(received);
      received = [];
      return;
    }
    if (ctx.path !== '/__upload/portal/v1/attachments' || ctx.method !== 'POST') return next();
    let size = 0;
    for await (const chunk of ctx.req) size += chunk.length;
    const key = ctx.get('idempotency-key');
    const auth = ctx.get('authorization');
    received.push({ size, key, auth, type: ctx.get('content-type') });
    const problem = (status, code) => {
      ctx.status = status;
      ctx.type = 'application/problem+json';
      ctx.body = JSON.stringify({ type: 'about:blank', title: code, status, code });
    };
    if (auth === 'Bearer expired') return problem(401, 'token_expired');
    if (key === 'fail-once' && received.filter((r) => r.key === key && r.auth === auth).length === 1) return problem(503, 'unavailable');
    ctx.status = 201;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ id: 'att_1', file_name: 'big.bin', media_type: 'application/zip', size, url: '/f/att_1' });
  };
}

export default porticoWtrConfig({
  files: 'test/**/*.browser.test.ts',
  label: '@portico/client browser tests',
  middleware: [uploadEndpoint()],
});
