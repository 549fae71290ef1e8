// Unwrapping the API's Result envelope in tests: a value where one is expected (an error fails
// the test with its code and message), an error where one is expected (a value fails it).
import type { ApiError, Result } from '../../shared/api/result';

/** The result's value; throws with the error's code and message when it is an error. */
export function value<T>(result: Result<T>): T;
/** The same for an untyped result (the router's dispatch), read as T. */
export function value<T>(result: Result<unknown>): T;
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The result's error; throws, naming the value, when it is not one. */
export function error(result: Result<unknown>): ApiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
