// A fetch stand-in that answers from a handler and records every request, for driving the client
// and the token source the way Strava would.

interface RecordedCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function fakeFetch(handler: Handler) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const call: RecordedCall = {
      url: new URL(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : '',
    };
    calls.push(call);
    return handler(call);
  };
  return { fetch, calls };
}

// Strava's real error bodies (as recorded in shared/strava/fixtures, error.* and POST_oauth_token.400.*).
export const BODIES = {
  tokenInvalid:
    '{"message":"Authorization Error","errors":[{"resource":"Athlete","field":"access_token","code":"invalid"}]}',
  activityReadMissing:
    '{"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]}',
  rateLimited:
    '{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"rate limit","code":"exceeded"}]}',
  refreshInvalid:
    '{"message":"Bad Request","errors":[{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}',
  clientInvalid:
    '{"message":"Bad Request","errors":[{"resource":"Application","field":"client_id","code":"invalid"}]}',
  codeInvalid:
    '{"message":"Bad Request","errors":[{"resource":"AuthorizationCode","field":"code","code":"invalid"}]}',
  notFound:
    '{"message":"Record Not Found","errors":[{"resource":"Activity","field":"id","code":"invalid"}]}',
} as const;
