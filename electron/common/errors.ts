// Errors every service may throw on purpose. The code travels to the caller unchanged over IPC, the
// WebSocket and HTTP (where it becomes a status: see HTTP_STATUS), so a refusal reads the same everywhere.
import type { RpcErrorCode } from './rpc/protocol';

export class ServiceError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The HTTP status a service error answers with. */
export const HTTP_STATUS: Record<RpcErrorCode, number> = {
  'bad-request': 400,
  'unknown-channel': 404,
  'not-found': 404,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 503,
  conflict: 409,
  rejected: 422,
  internal: 500,
};

/** The field a bad-request error names, when it names one. */
export function fieldOf(e: ServiceError): string | undefined {
  const d = e.details as { field?: unknown } | undefined;
  return typeof d?.field === 'string' ? d.field : undefined;
}
