import { ContentError } from '../platform/content/Content';
import { loadContent } from '../platform/content/loader';
import { checkReading, formatReadingReport } from '../platform/content/readingCheck';

/** `npm run content:check`: validates the content library and prints the reading-level table. Exit 1 on any failure. */
function main(): number {
  const locale = process.argv[2] ?? 'en';
  let report;
  try {
    report = checkReading(loadContent(locale));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stdout.write(`${formatReadingReport(report)}\n`);
  return report.failures.length > 0 ? 1 : 0;
}

process.exitCode = main();
