// Turns every failure into `{ error: { code, message } }` with a code from errors.ts: our own
// ApiErrors, fastify's schema validation and body-parsing errors, store query errors, unknown
// routes. Errors are logged here, once; 5xx details stay in the log, not in the response.
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errorBody, type ApiErrorCode } from './errors.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const CONTEXT_NAMES: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body property',
  headers: 'header',
};

function pointerToName(pointer: string): string {
  return pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/** One validation failure, said plainly and naming the input. */
export function describeValidation(context: string, e: AjvError): string {
  const what = CONTEXT_NAMES[context] ?? context;
  const name = pointerToName(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown ${what} "${String(e.params.additionalProperty)}"`;
    case 'required':
      return `missing ${what} "${[name, String(e.params.missingProperty)].filter(Boolean).join('.')}"`;
    case 'enum':
      return `${what} "${name}" must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return name ? `${what} "${name}" ${e.message ?? 'is not valid'}` : `${context} ${e.message ?? 'is not valid'}`;
  }
}

function classify(err: FastifyError): { code: ApiErrorCode; message: string } {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  if (err.validation) {
    const context = err.validationContext ?? 'request';
    const message = describeValidation(context, err.validation[0] as AjvError);
    return { code: context === 'querystring' ? 'XDR_BAD_QUERY' : 'XDR_BAD_REQUEST', message };
  }
  // The store rejects a filter value it cannot compare with the field (StoreError STORE_BAD_QUERY).
  if (err.name === 'StoreError' && (err as { code?: string }).code === 'STORE_BAD_QUERY') {
    return { code: 'XDR_BAD_QUERY', message: err.message };
  }
  // A write the store could not take (locked past its busy timeout, disk full).
  if (err.name === 'StoreError' && (err as { code?: string }).code === 'STORE_WRITE_FAILED') {
    return { code: 'XDR_STORE_UNAVAILABLE', message: `${err.message}; retry later` };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return { code: 'XDR_BODY_TOO_LARGE', message: err.message };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return { code: 'XDR_UNSUPPORTED_MEDIA_TYPE', message: err.message };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return { code: 'XDR_BAD_REQUEST', message: err.message };
  return { code: 'XDR_INTERNAL', message: '' };
}

function statusOf(code: ApiErrorCode, err: FastifyError): number {
  if (err instanceof ApiError) return err.statusCode;
  if (code === 'XDR_BAD_REQUEST' && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return err.statusCode;
  return { XDR_BODY_TOO_LARGE: 413, XDR_UNSUPPORTED_MEDIA_TYPE: 415, XDR_INTERNAL: 500, XDR_STORE_UNAVAILABLE: 503 }[code as string] ?? 400;
}

const errorHandlerPlugin: FastifyPluginAsync = async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { code, message } = classify(err);
    const status = statusOf(code, err);
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return reply.code(status).send(errorBody(code, message || `internal error; the collector log has the details under request id ${request.id}`));
    }
    request.log.info({ code, reason: message }, 'request refused');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(status).send(errorBody(code, message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('XDR_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}; the routes are listed in /api/v1/openapi.json`));
  });
};

(errorHandlerPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default errorHandlerPlugin;
