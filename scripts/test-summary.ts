/**
 * Prints one closing line for the whole test run, "N passed, N failed, N skipped", from the
 * JSON reports of Vitest (unit) and Playwright (end-to-end) in test-results/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const results = path.resolve(import.meta.dirname, '..', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;

const unitFile = path.join(results, 'vitest.json');
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}

const endToEndFile = path.join(results, 'playwright.json');
if (existsSync(endToEndFile)) {
  const endToEnd = JSON.parse(readFileSync(endToEndFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  passed += endToEnd.stats.expected + endToEnd.stats.flaky;
  failed += endToEnd.stats.unexpected;
  skipped += endToEnd.stats.skipped;
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
