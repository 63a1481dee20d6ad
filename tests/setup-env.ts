// Runs before each test file. Databases are created per file by tests/test-db.ts.
const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ??= "test";
env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
