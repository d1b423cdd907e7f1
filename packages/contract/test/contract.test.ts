import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import * as fixtures from '../src/fixtures.js';
import {
  API_PREFIX,
  ApprovalCreate,
  Article,
  Comment,
  Deliverable,
  endpointList,
  fillPath,
  fromWire,
  Invoice,
  Me,
  Notification,
  Project,
  SafeUrl,
  SearchHit,
  Ticket,
  TicketMessage,
  toWire,
} from '../src/index.js';
import { buildOpenApi } from '../src/openapi.js';

describe('openapi.json', () => {
  it('matches what the schemas generate (run `pnpm --filter @portico/contract openapi` when this fails)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi(pkg.version))));
  });

  it('documents every endpoint of the table under its wire path, with snake_case properties', () => {
    const doc = buildOpenApi() as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { schemas: Record<string, { properties?: object }> };
    };
    for (const [group, name, e] of endpointList()) {
      expect(doc.paths[e.path]?.[e.method.toLowerCase()]?.operationId).toBe(`${group}.${name}`);
    }
    const ticketProps = Object.keys(doc.components.schemas.Ticket?.properties ?? {});
    expect(ticketProps).toContain('assignee_name');
    expect(ticketProps).not.toContain('assigneeName');
  });
});

describe('endpoint table', () => {
  it('names each path parameter in its params schema, and no key twice across params, query and body', () => {
    for (const [group, name, e] of endpointList()) {
      const pathParams = [...e.path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
      const paramKeys = e.params ? Object.keys(e.params.def.shape) : [];
      expect(paramKeys.sort(), `${group}.${name}`).toEqual(pathParams.sort());
      const keys = [
        paramKeys,
        e.query ? Object.keys(e.query.def.shape) : [],
        e.body && 'shape' in (e.body as z.ZodMiniObject).def ? Object.keys((e.body as z.ZodMiniObject).def.shape) : [],
      ].flat();
      expect(new Set(keys).size, `${group}.${name}`).toBe(keys.length);
    }
  });

  it('fills path templates with URI-encoded values and refuses a missing one', () => {
    expect(fillPath('/deliverables/{id}/versions/{version}/comments', { id: 'a/b', version: 2 })).toBe(
      '/deliverables/a%2Fb/versions/2/comments',
    );
    expect(fillPath('/projects/{project_id}/deliverables', { projectId: 'p1' })).toBe('/projects/p1/deliverables');
    expect(() => fillPath('/tickets/{id}', {})).toThrow(/missing path parameter id/);
    expect(API_PREFIX).toBe('/portal/v1');
  });
});

describe('wire casing', () => {
  it('round-trips every fixture through snake_case and back', () => {
    const samples = [fixtures.ticket(1), fixtures.deliverable(1), fixtures.invoice(2), fixtures.comment(1)];
    for (const s of samples) {
      const wire = toWire(s) as Record<string, unknown>;
      expect(JSON.stringify(wire)).not.toMatch(/"[a-z]+[A-Z]/);
      expect(fromWire(JSON.parse(JSON.stringify(wire)))).toEqual(s);
    }
    expect(toWire({ sla: { firstResponseDueAt: 'x' } })).toEqual({ sla: { first_response_due_at: 'x' } });
  });

  it('drops __proto__ and constructor keys instead of reaching the prototype', () => {
    const out = fromWire(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"x":1},"a_b":1}')) as Record<string, unknown>;
    expect(out).toEqual({ aB: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary JSON, and leaves values that are not keys untouched', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const camel = fromWire(v);
        expect(JSON.stringify(camel).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('schemas', () => {
  it('accept every fixture', () => {
    const pairs: Array<[z.ZodMiniType, unknown]> = [
      [Me, fixtures.me()],
      [Ticket, fixtures.ticket(3)],
      [TicketMessage, fixtures.ticketMessage(2)],
      [Article, fixtures.article(1)],
      [SearchHit, fixtures.searchHit(1)],
      [Invoice, fixtures.invoice(4)],
      [Project, fixtures.project(1)],
      [Deliverable, fixtures.deliverable(1)],
      [Comment, fixtures.comment(1)],
      [Notification, fixtures.notification(1)],
    ];
    for (const [schema, value] of pairs) expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
  });

  it('reject links a renderer must never follow', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.test/x', '/\\evil.test', 'vbscript:x']) {
      expect(SafeUrl.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ['https://pay.example.test/x', '/portal/v1/files/a?sig=1']) expect(SafeUrl.safeParse(good).success, good).toBe(true);
  });

  it('require a comment when a decision requests changes, and report it on the comment field', () => {
    const r = ApprovalCreate.safeParse({ version: 2, decision: 'changes_requested' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['comment']);
    expect(ApprovalCreate.safeParse({ version: 2, decision: 'approved' }).success).toBe(true);
  });
});
