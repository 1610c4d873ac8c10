import { z } from 'zod';
import { idParams, pageOf } from '../../contracts/common';
import { errorBodySchema } from '../../contracts/errors';
import {
  contactPersonBody,
  contactPersonUpdateBody,
  institution,
  institutionBody,
  institutionCase,
  institutionListItem,
  institutionMergeBody,
  institutionQuery,
  institutionUpdateBody,
  opportunity,
  opportunityBody,
  opportunityQuery,
  opportunityUpdateBody,
  sector,
  sectorBody,
} from '../../contracts/network';
import type { AppContext } from '../context';
import { type App, actorOf, uploadedFile } from '../lib/http';
import * as network from './service';

const tags = ['network'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });

export function networkRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/sectors',
    {
      schema: { tags, summary: 'The organisation’s sectors', response: { 200: z.array(sector), ...errors } },
    },
    async (request) => network.listSectors(ctx, actorOf(request)),
  );
  app.post(
    '/api/sectors',
    {
      schema: {
        tags,
        summary: 'Add a sector (admin, lead)',
        body: sectorBody,
        response: { 200: sector, ...errors },
      },
    },
    async (request) => network.saveSector(ctx, actorOf(request), null, request.body),
  );
  app.put(
    '/api/sectors/:id',
    {
      schema: {
        tags,
        summary: 'Rename a sector or set it inactive (admin, lead)',
        params: idParams,
        body: sectorBody,
        response: { 200: sector, ...errors },
      },
    },
    async (request) => network.saveSector(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary:
          'The directory of the network: search by name, city or e-mail; filter by type, sector, district',
        querystring: institutionQuery,
        response: { 200: pageOf(institutionListItem), ...errors },
      },
    },
    async (request) => network.listInstitutions(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Add an institution; 409 "duplicate" lists similar entries unless ignoreDuplicates is set',
        body: institutionBody,
        response: { 200: institution, ...errors },
      },
    },
    async (request) => network.createInstitution(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/institutions/export',
    {
      schema: {
        tags,
        summary:
          'The filtered directory as CSV (one line per contact person who agreed to be contacted; reads back with the import; audited)',
        querystring: institutionQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const file = await network.exportInstitutions(ctx, actorOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/institutions/import',
    {
      schema: {
        tags,
        summary:
          'Import institutions from CSV (Name, Typ/Type, Ort/City, PLZ, Straße, Website, E-Mail, Telefon, Notizen); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number(), skipped: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { data } = await uploadedFile(request, 5 * 1024 * 1024);
      return network.importInstitutions(ctx, actorOf(request), data.toString('utf8'));
    },
  );
  app.get(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'One institution with its contact persons',
        params: idParams,
        response: { 200: institution, ...errors },
      },
    },
    async (request) => network.getInstitution(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/institutions/:id/cases',
    {
      schema: {
        tags,
        summary: 'The caller’s cases this institution is involved in, with its roles (counsellors, leads)',
        params: idParams,
        response: { 200: z.array(institutionCase), ...errors },
      },
    },
    async (request) => network.casesWithInstitution(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Change an institution (version required)',
        params: idParams,
        body: institutionUpdateBody,
        response: { 200: institution, ...errors },
      },
    },
    async (request) => network.updateInstitution(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/institutions/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge this institution (a duplicate) into another: references move over, the duplicate is removed (admin, lead)',
        params: idParams,
        body: institutionMergeBody,
        response: { 200: institution, ...errors },
      },
    },
    async (request) => network.mergeInstitution(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/institutions/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact person',
        params: idParams,
        body: contactPersonBody,
        response: { 200: institution, ...errors },
      },
    },
    async (request) => network.saveContact(ctx, actorOf(request), request.params.id, null, request.body),
  );
  app.patch(
    '/api/institutions/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Change a contact person (version required)',
        params: contactParams,
        body: contactPersonUpdateBody,
        response: { 200: institution, ...errors },
      },
    },
    async (request) =>
      network.saveContact(ctx, actorOf(request), request.params.id, request.params.contactId, request.body),
  );
  app.delete(
    '/api/institutions/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Remove a contact person',
        params: contactParams,
        response: { 200: institution, ...errors },
      },
    },
    async (request) =>
      network.deleteContact(ctx, actorOf(request), request.params.id, request.params.contactId),
  );

  app.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Employers’ offers: internships, jobs, trial work, qualification',
        querystring: opportunityQuery,
        response: { 200: pageOf(opportunity), ...errors },
      },
    },
    async (request) => network.listOpportunities(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Add an offer of a company',
        body: opportunityBody,
        response: { 200: opportunity, ...errors },
      },
    },
    async (request) => network.saveOpportunity(ctx, actorOf(request), null, request.body),
  );
  app.get(
    '/api/opportunities/:id',
    { schema: { tags, summary: 'One offer', params: idParams, response: { 200: opportunity, ...errors } } },
    async (request) => network.getOpportunity(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Change an offer (version required)',
        params: idParams,
        body: opportunityUpdateBody,
        response: { 200: opportunity, ...errors },
      },
    },
    async (request) => network.saveOpportunity(ctx, actorOf(request), request.params.id, request.body),
  );
}
