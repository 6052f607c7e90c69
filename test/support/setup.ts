/**
 * Runs before every test file. Any unhandled rejection or uncaught exception fails the suite
 * instead of being swallowed by jest (issue 7, item 7).
 */
const failures: unknown[] = [];
const onRejection = (reason: unknown) => failures.push(reason);
const onException = (error: unknown) => failures.push(error);

beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
});

afterAll(() => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  if (failures.length > 0) {
    const first = failures[0];
    throw new Error(
      `${failures.length} unhandled rejection(s)/exception(s) during this file; first: ${
        first instanceof Error ? first.stack : String(first)
      }`,
    );
  }
});
