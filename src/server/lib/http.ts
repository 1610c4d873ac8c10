import '@fastify/multipart';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../contracts/errors';
import { errorStatus } from '../../contracts/errors';
import type { RequestMeta } from '../context';
import type { Actor } from './actor';
import { AppError } from './errors';
import type { RouteTable } from './route-table';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, setup, invitation links). Default: login required. */
    public?: boolean;
    /**
     * Usable while the user must still enrol a second factor or (a partner of several
     * organisations) pick the organisation: the account's own routes, which touch no organisation's data.
     */
    allowDuringTotpEnrolment?: boolean;
    /**
     * A route of the partner portal. Partners reach only these (and their account's own routes):
     * every other route answers them 404, as if it did not exist (auth/hook.ts).
     */
    portal?: boolean;
    /** A file of the web client: public, cacheable, with the web security headers. */
    web?: boolean;
  }
  interface FastifyInstance {
    routeTable: RouteTable;
  }
}

/** The actor of an authenticated route; the session hook has already refused anonymous calls. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Please log in');
  return request.actor;
}

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

function body(
  code: ErrorCode,
  message: string,
  fields?: FieldError[],
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) } };
}

const postgresInputErrors: Record<string, string> = {
  '22P02': 'a value has the wrong format',
  '22001': 'a value is too long',
  '22003': 'a number is out of range',
  '22007': 'a date is not valid',
  '22008': 'a date is out of range',
  '22021': 'a text contains a character that cannot be stored (such as a NUL byte)',
  '22P05': 'a text contains a character that cannot be stored (such as a NUL byte)',
  '23502': 'a required value is missing',
  '23514': 'a value is not allowed',
  '54000': 'a value is too long',
};

/** What the framework answers by status alone, in the API's words. */
const statusErrors: Partial<Record<number, [ErrorCode, string]>> = {
  403: ['forbidden', 'You may not do this'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'This method is not allowed here'],
  406: ['not_acceptable', 'This cannot be answered in a form the request accepts'],
  409: ['conflict', 'This conflicts with existing data'],
  408: ['request_timeout', 'The request did not arrive in time'],
  413: ['payload_too_large', 'The request is too large'],
  414: ['uri_too_long', 'The address is too long'],
  415: ['unsupported_media_type', 'Unsupported content type'],
  429: ['rate_limited', 'Too many requests'],
  431: ['header_too_large', 'The request headers are too large'],
};

/** Answers a status the framework decides (404, 405, …) in the API's words. */
export function sendStatusError(reply: FastifyReply, status: number) {
  const [code, message] = statusErrors[status] ?? ['internal', 'Something went wrong on our side'];
  return reply.status(status).send(body(code, message));
}

/**
 * Errors the router raises before any route or hook runs (a URL that cannot be decoded, a path
 * parameter over the length limit): the same shape and the API's security headers.
 */
export function frameworkErrorHandler(apiHeaders: Record<string, string>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const [code, message] =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? (['uri_too_long', 'The address is too long'] as const)
        : (['bad_request', 'The address cannot be read'] as const);
    reply.headers(apiHeaders).status(errorStatus[code]).send(body(code, message));
  };
}

/**
 * Errors on the socket before a request exists (broken HTTP, headers too large, a request that
 * does not arrive in time): written raw, as nothing else can answer there, in the same shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // An answer already under way on this connection must not get a second one in its middle.
  const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (answering?.headersSent) {
    socket.destroy(error);
    return;
  }
  const [code, message]: [ErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['header_too_large', 'The request headers are too large']
        : ['bad_request', 'The request is not valid HTTP'];
  const status = errorStatus[code];
  const json = JSON.stringify(body(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}

/** Maps every error to `{error:{code,message,fields?}}`; bad input is never a 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.status).send(body(error.code, error.message, error.fields, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const fields = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
      message: v.message ?? 'is not valid',
    }));
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return reply.status(400).send(body('validation_failed', `Invalid ${where}: ${summary}`, fields));
  }
  const pgCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (pgCode && pgCode in postgresInputErrors) {
    return reply.status(400).send(body('validation_failed', `Invalid input: ${postgresInputErrors[pgCode]}`));
  }
  if (pgCode === '23505' || pgCode === '23503') {
    return reply.status(409).send(body('conflict', 'This conflicts with existing data'));
  }
  if (error.code === 'FST_ERR_HANDLER_TIMEOUT') {
    return reply.status(503).send(body('timeout', 'The server took too long to answer'));
  }
  const status = error.statusCode ?? 500;
  if (statusErrors[status]) return sendStatusError(reply, status);
  if (status >= 400 && status < 500) {
    const code: ErrorCode =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'invalid_json'
        : 'validation_failed';
    return reply.status(400).send(body(code, error.message || 'Bad request'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(errorStatus.internal)
    .send(body('internal', 'Something went wrong on our side; nothing was saved'));
}

/** The one file of a multipart request; every upload goes through here, so that the content
 * type, the size limit and a missing file are answered the same way everywhere. */
async function multipartFile(request: FastifyRequest, limit: number) {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
  const file = await request.file({ limits: { fileSize: limit, files: 1 } });
  if (!file)
    throw new AppError('validation_failed', 'No file', {
      fields: [{ path: 'file', message: 'is required' }],
    });
  return file;
}

/** The uploaded file as a stream (documents go straight to disk), with the form's text fields. */
export async function uploadedStream(request: FastifyRequest, limit: number) {
  const file = await multipartFile(request, limit);
  /** A text field sent before the file, trimmed; empty when absent. */
  const field = (name: string) => {
    const f = file.fields[name];
    const v = f && !Array.isArray(f) && 'value' in f ? String(f.value) : '';
    return v.trim();
  };
  return { filename: file.filename, stream: file.file, field };
}

/** Reads the one uploaded file of a multipart request into memory (imports are small). */
export async function uploadedFile(request: FastifyRequest, limit: number) {
  const file = await multipartFile(request, limit);
  const data = await file.toBuffer().catch(() => {
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(limit / 1048576)} MB`);
  });
  return { filename: file.filename, data };
}

function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends a file as a download, its name safe for every browser (RFC 6266). */
export function sendFile(
  reply: FastifyReply,
  file: { content: NodeJS.ReadableStream | Buffer; filename: string; mimeType: string; size?: number },
) {
  reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file.filename));
  if (file.size) reply.header('content-length', file.size);
  return reply.send(file.content);
}
