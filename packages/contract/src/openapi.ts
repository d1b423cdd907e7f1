/**
 * Builds the OpenAPI 3.1 document from the endpoint table and the zod schemas. Build-time only:
 * the browser never imports this module.
 */
import * as z from 'zod/mini';
import { wireJsonSchema } from './casing.js';
import { endpointDocs } from './docs.js';
import { API_PREFIX, endpointList } from './endpoints.js';
import { ACCESS_LINK_REDEEM_PATH, AccessLinkRedeem, GuestToken } from './schemas/access-link.js';
import * as account from './schemas/account.js';
import * as approval from './schemas/approval.js';
import * as article from './schemas/article.js';
import * as attachment from './schemas/attachment.js';
import * as comment from './schemas/comment.js';
import * as common from './schemas/common.js';
import * as deliverable from './schemas/deliverable.js';
import * as event from './schemas/event.js';
import * as invoice from './schemas/invoice.js';
import * as notification from './schemas/notification.js';
import * as project from './schemas/project.js';
import * as ticket from './schemas/ticket.js';

type Json = Record<string, unknown>;
const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase());

/** Resource schemas that get a name in `components.schemas`. */
const named: Record<string, z.core.$ZodType> = {
  Me: account.Me,
  Ticket: ticket.Ticket,
  TicketStatus: ticket.TicketStatus,
  TicketPriority: ticket.TicketPriority,
  Sla: ticket.Sla,
  TicketMessage: ticket.TicketMessage,
  Attachment: attachment.Attachment,
  ArticleSummary: article.ArticleSummary,
  Article: article.Article,
  ArticleCategory: article.ArticleCategory,
  Highlighted: article.Highlighted,
  SearchHit: article.SearchHit,
  InvoiceStatus: invoice.InvoiceStatus,
  InvoiceLine: invoice.InvoiceLine,
  InvoiceSummary: invoice.InvoiceSummary,
  Invoice: invoice.Invoice,
  InvoiceTotals: invoice.InvoiceTotals,
  Milestone: project.Milestone,
  Project: project.Project,
  ReviewStatus: deliverable.ReviewStatus,
  DeliverableVersion: deliverable.DeliverableVersion,
  DeliverableSummary: deliverable.DeliverableSummary,
  Deliverable: deliverable.Deliverable,
  CommentAnchor: comment.CommentAnchor,
  Comment: comment.Comment,
  Decision: approval.Decision,
  Approval: approval.Approval,
  Notification: notification.Notification,
  PortalEvent: event.PortalEvent,
  StreamControl: event.StreamControl,
  Problem: common.Problem,
};

const errorResponses: Record<string, string> = {
  '400': 'Malformed request or failed validation (`validation_failed` lists the fields)',
  '401': 'Missing, expired or wrongly signed token',
  '403': "The token's roles do not allow this",
  '404': 'No such resource in your organization',
  '409': 'Conflict (`version_conflict`, `already_decided`, `supersede_conflict`, `idempotency_conflict`)',
  '429': 'Too many requests; honour `Retry-After`',
  '503': 'Temporarily unavailable; honour `Retry-After`',
};

function inline(schema: z.core.$ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return wireJsonSchema(rest) as Json;
}

export function buildOpenApi(version = '0.1.0'): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const responseNames = new Map<z.core.$ZodType, string>();
  for (const [id, schema] of Object.entries(named)) responseNames.set(schema, id);
  for (const [group, name, e] of endpointList()) {
    if (typeof e.response === 'object' && !responseNames.has(e.response)) {
      const id = `${pascal(group)}${pascal(name)}Response`;
      registry.add(e.response, { id });
      responseNames.set(e.response, id);
    }
  }
  const generated = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(generated.schemas)) {
    const { $schema: _, $id: __, ...rest } = s;
    schemas[id] = wireJsonSchema(rest);
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [group, name, e] of endpointList()) {
    const parameters: Json[] = [];
    for (const [where, schema] of [
      ['path', e.params],
      ['query', e.query],
    ] as const) {
      if (!schema) continue;
      const js = inline(schema) as { properties?: Record<string, Json>; required?: string[] };
      for (const [prop, sub] of Object.entries(js.properties ?? {})) {
        parameters.push({ name: prop, in: where, required: where === 'path' || (js.required ?? []).includes(prop), schema: sub });
      }
    }
    if (!e.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes a retry safe: a replay within 24 h answers the first response and changes nothing.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const ok = String(e.status ?? 200);
    let content: Json;
    if (e.response === 'binary')
      content = { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } };
    else if (e.response === 'sse')
      content = {
        'text/event-stream': {
          schema: {
            type: 'string',
            description:
              'SSE frames whose `data` is a PortalEvent (JSON), or a StreamControl (`stream.reset`: refetch everything; `stream.token_expired`: the stream ends, reconnect with a fresh token and Last-Event-ID)',
          },
          'x-event-schema': { $ref: '#/components/schemas/PortalEvent' },
          'x-control-schema': { $ref: '#/components/schemas/StreamControl' },
        },
      };
    else content = { 'application/json': { schema: { $ref: `#/components/schemas/${responseNames.get(e.response)}` } } };

    const responses: Json = { [ok]: { description: 'Success', content } };
    for (const [code, description] of Object.entries(errorResponses)) {
      responses[code] = { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    const docs = endpointDocs[`${group}.${name}`];
    if (!docs) throw new Error(`no documentation for ${group}.${name} in docs.ts`);
    const op: Json = {
      operationId: `${group}.${name}`,
      summary: docs.summary,
      tags: [docs.tag],
      parameters,
      responses,
      ...(e.roles ? { 'x-portico-roles': e.roles } : {}),
    };
    if (e.body) {
      op.requestBody = {
        required: true,
        content:
          e.bodyKind === 'multipart'
            ? {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
                    required: ['file'],
                  },
                },
              }
            : { 'application/json': { schema: inline(e.body) } },
      };
    }
    const path = e.path;
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = op;
  }

  // The one endpoint without a portal token: a private client link's token, POSTed for a guest token.
  const problemOf = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  paths[ACCESS_LINK_REDEEM_PATH] = {
    post: {
      operationId: 'accessLinks.redeem',
      summary:
        'Exchange a private client link token (from the URL fragment) for a short-lived guest token scoped to its project. POST only: a GET redeems nothing.',
      tags: ['access-links'],
      security: [],
      requestBody: { required: true, content: { 'application/json': { schema: inline(AccessLinkRedeem) } } },
      responses: {
        '200': { description: 'A guest token', content: { 'application/json': { schema: inline(GuestToken) } } },
        '400': problemOf('Validation failed'),
        '404': problemOf('No such link (`link_invalid`)'),
        '410': problemOf('The link was revoked (`link_revoked`), has expired (`link_expired`) or was already used (`link_used`)'),
        '429': problemOf('Too many attempts from this address or for this link (`rate_limited`, `Retry-After`)'),
      },
    },
  };

  // Responses may gain fields in a minor version; clients ignore fields they do not know.
  const open = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value, (k, v) => (k === 'additionalProperties' && v === false ? undefined : v)));
  return open({
    openapi: '3.1.0',
    info: {
      title: 'Portico portal API',
      version,
      description:
        'The HTTP contract between Portico web components and a portal server. snake_case on the wire; errors are application/problem+json (RFC 9457) with a stable `code`.',
    },
    servers: [{ url: API_PREFIX }],
    security: [{ portalToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        portalToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A short-lived token minted by the host site for its signed-in user: sub, org, roles, features, exp.',
        },
      },
    },
  });
}
