// Maps a contract method to its service after validating the arguments. Both hosts (IPC and
// HTTP) call dispatch(); neither knows any method by name.
import { isApiMethod, type ApiArgs, type ApiMethod, type ApiResult } from '../../../shared/api/contract';
import { AppError, StaleWriteError, type Result } from '../../../shared/api/result';
import { argSchemas } from '../../../shared/api/schemas';
import { findLoneSurrogate } from '../../../shared/text';

export type Handlers = {
  [M in ApiMethod]: (args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

export interface Router {
  dispatch(method: string, args: unknown): Promise<Result<unknown>>;
}

export function createRouter(handlers: Handlers, onInternalError: (err: unknown) => void = console.error): Router {
  return {
    async dispatch(method, args) {
      if (!isApiMethod(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 80)}` } };
      }
      // Before the schema (which may trim or normalize): a lone surrogate is never valid text,
      // and stored it would come back as U+FFFD.
      const broken = findLoneSurrogate(args);
      if (broken) {
        const where = broken.path || 'arguments';
        return {
          ok: false,
          error: {
            code: 'BAD_REQUEST',
            message: `${method}: ${where} contains a lone UTF-16 surrogate (${broken.code}); text must be valid Unicode.`,
          },
        };
      }
      const parsed = argSchemas[method].safeParse(args ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path.length ? issue.path.join('.') : 'arguments';
        return { ok: false, error: { code: 'BAD_REQUEST', message: `${method}: ${where} ${issue.message}` } };
      }
      try {
        const handler = handlers[method] as (a: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        if (err instanceof StaleWriteError) {
          return { ok: false, error: { code: err.code, message: err.message, current: err.current } };
        }
        if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
        onInternalError(err);
        return { ok: false, error: { code: 'INTERNAL', message: `${method} failed unexpectedly; nothing was changed.` } };
      }
    },
  };
}
