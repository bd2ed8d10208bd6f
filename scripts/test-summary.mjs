// Prints one closing line, "N passed, N failed", over every test runner's JSON report, so CI
// (and a person) reads one verdict for unit, integration, end-to-end and electron tests together.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    for (const reason of skipReasons(report.suites ?? [])) console.log(`skipped: ${reason}`);
  }
}

/** Every skipped Playwright test with the reason it gave, so a skip is never silent. */
function skipReasons(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => `${spec.title}: ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`),
    ),
    ...skipReasons(suite.suites ?? []),
  ]);
}

for (const file of missing) console.log(`(no report at ${file}: that runner did not finish)`);
// A runner that never reported counts as a failure, never as a pass.
if (missing.length > 0) failed += missing.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
