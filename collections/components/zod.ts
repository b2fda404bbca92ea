import { z } from 'zod'

// The admin runs under a nonce Content-Security-Policy without 'unsafe-eval'. zod compiles fast
// parsers with `new Function` when it may, and merely probing for that is reported by the browser
// as a policy violation; the interpreted parsers are plenty for the admin's small responses.
z.config({ jitless: true })

/** zod for the admin's client components: import it from here, not from 'zod'. */
export { z }
