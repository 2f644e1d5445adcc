import { z } from 'zod';

/** How a connector reaches its server; `auto` tries Streamable HTTP first, then legacy SSE. */
export const TransportKindSchema = z.enum(['auto', 'streamable-http', 'sse']);
/** Which credentials go with each request. The secrets themselves live in storage.local, not here. */
export const AuthKindSchema = z.enum(['none', 'oauth', 'bearer', 'headers']);
/** The auth kind as a type, for code that reads a connector's `auth` without its whole row. */
export type AuthKind = z.infer<typeof AuthKindSchema>;
