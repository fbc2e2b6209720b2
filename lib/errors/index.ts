export { AppError, STATUS_OF, type TErrorBody, type TErrorCode, type TFieldErrors, type TResult } from './app-error';
export { appErrorOf, isRetryable, pgError, toErrorBody } from './map-error';
