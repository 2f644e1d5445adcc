import { z } from 'zod';
import { AUTH_KINDS, TRANSPORT_KINDS } from './connector-kind-names';

/** How a connector reaches its server; `auto` tries Streamable HTTP first, then legacy SSE. */
export const TransportKindSchema = z.enum(TRANSPORT_KINDS);
/** Which credentials go with each request. The secrets themselves live in storage.local, not here. */
export const AuthKindSchema = z.enum(AUTH_KINDS);
/** The auth kind as a type, for code that reads a connector's `auth` without its whole row. */
export type AuthKind = z.infer<typeof AuthKindSchema>;
