import { z } from 'zod';

// The MV3 CSP forbids `new Function`; zod would probe for it (a CSP violation in the console)
// and fall back anyway. Saying so up front keeps extension pages and the worker quiet.
z.config({ jitless: true });
