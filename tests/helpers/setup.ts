// Tests never read a developer's .env: every server they start gets its environment explicitly.
process.env.NEXT_TELEMETRY_DISABLED = '1'
