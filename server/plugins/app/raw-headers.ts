/**
 * Headers for the few responses written outside fastify's hooks (so helmet never sees them): requests Node rejects
 * before routing (client-errors.ts) and URLs the router cannot decode (app.ts `frameworkErrors`). They carry a JSON
 * error body only, so the policy allows nothing at all.
 */
export const RAW_ERROR_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
