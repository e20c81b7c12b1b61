/** An expected failure a service reports to the renderer with a contract error code. */
import type { ErrorCode } from '../../preload/contract/envelope.ts';

export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServiceError';
    this.code = code;
  }
}
