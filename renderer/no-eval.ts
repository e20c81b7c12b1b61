/**
 * The kiosk page's CSP forbids eval. zod compiles fast object parsers with `Function` when it can,
 * and finds out by trying `Function('')` as each object schema is built, which the page reports
 * as a CSP violation. Telling it up front that there is no JIT means it never tries.
 */
import { z } from 'zod';

z.config({ jitless: true });
