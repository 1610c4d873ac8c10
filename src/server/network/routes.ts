import { idParams } from '../../contracts/common';
import { errorResponses } from '../../contracts/errors';
import {
  contactParams,
  contactPersonBody,
  contactPersonUpdateBody,
  institution,
  institutionBody,
  institutionCaseList,
  institutionImportResult,
  institutionMergeBody,
  institutionPage,
  institutionQuery,
  institutionUpdateBody,
  opportunity,
  opportunityBody,
  opportunityPage,
  opportunityQuery,
  opportunityUpdateBody,
  sector,
  sectorBody,
  sectorList,
} from '../../contracts/network';
import type { AppContext } from '../context';
import { type App, actorOf, sendFile, uploadedFile } from '../lib/http';
import {
  createInstitution,
  deleteContact,
  getInstitution,
  listInstitutions,
  saveContact,
  updateInstitution,
} from './institutions';
import { casesWithInstitution } from './involved';
import { mergeInstitution } from './merge';
import { getOpportunity, listOpportunities, saveOpportunity } from './opportunities';
import { listSectors, saveSector } from './sectors';
import { exportInstitutions, importInstitutions } from './transfer';

const tags = ['network'];
const errors = errorResponses(400, 403, 404, 409);

export function networkRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/sectors',
    {
      schema: { tags, summary: 'The organisation’s sectors', response: { 200: sectorList, ...errors } },
    },
    async (request) => listSectors(ctx, actorOf(request)),
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
    async (request) => saveSector(ctx, actorOf(request), null, request.body),
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
    async (request) => saveSector(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary:
          'The directory of the network: search by name, city or e-mail; filter by type, sector, district',
        querystring: institutionQuery,
        response: { 200: institutionPage, ...errors },
      },
    },
    async (request) => listInstitutions(ctx, actorOf(request), request.query),
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
    async (request) => createInstitution(ctx, actorOf(request), request.body),
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
    async (request, reply) => sendFile(reply, await exportInstitutions(ctx, actorOf(request), request.query)),
  );
  app.post(
    '/api/institutions/import',
    {
      schema: {
        tags,
        summary:
          'Import institutions from CSV (Name, Typ/Type, Ort/City, PLZ, Straße, Website, E-Mail, Telefon, Notizen); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: institutionImportResult, ...errors },
      },
    },
    async (request) => {
      const { data } = await uploadedFile(request, 5 * 1024 * 1024);
      return importInstitutions(ctx, actorOf(request), data.toString('utf8'));
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
    async (request) => getInstitution(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/institutions/:id/cases',
    {
      schema: {
        tags,
        summary: 'The caller’s cases this institution is involved in, with its roles (counsellors, leads)',
        params: idParams,
        response: { 200: institutionCaseList, ...errors },
      },
    },
    async (request) => casesWithInstitution(ctx, actorOf(request), request.params.id),
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
    async (request) => updateInstitution(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) => mergeInstitution(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) => saveContact(ctx, actorOf(request), request.params.id, null, request.body),
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
      saveContact(ctx, actorOf(request), request.params.id, request.params.contactId, request.body),
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
    async (request) => deleteContact(ctx, actorOf(request), request.params.id, request.params.contactId),
  );

  app.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Employers’ offers: internships, jobs, trial work, qualification',
        querystring: opportunityQuery,
        response: { 200: opportunityPage, ...errors },
      },
    },
    async (request) => listOpportunities(ctx, actorOf(request), request.query),
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
    async (request) => saveOpportunity(ctx, actorOf(request), null, request.body),
  );
  app.get(
    '/api/opportunities/:id',
    { schema: { tags, summary: 'One offer', params: idParams, response: { 200: opportunity, ...errors } } },
    async (request) => getOpportunity(ctx, actorOf(request), request.params.id),
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
    async (request) => saveOpportunity(ctx, actorOf(request), request.params.id, request.body),
  );
}
