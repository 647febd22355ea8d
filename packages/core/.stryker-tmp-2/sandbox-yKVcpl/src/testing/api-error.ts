/** An error the local endpoint answers, in the service's `Response.Error` shape. */
// @ts-nocheck

export class MockApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
