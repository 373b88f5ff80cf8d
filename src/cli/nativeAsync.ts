import { join } from 'node:path';
import { ROOT_DIR } from '../paths';
import { rewriteInstalledBotbuilder } from '../vendor/installNativeAsync';

/**
 * Runs after `npm install` / `npm ci` (package.json "postinstall"): turns botbuilder's compiled async
 * helpers back into native async functions (src/vendor/nativeAsync.ts says why). Safe to run again.
 */
function main(): void {
  const reports = rewriteInstalledBotbuilder(join(ROOT_DIR, 'node_modules'));
  const sum = (key: 'files' | 'alreadyDone' | 'rewritten' | 'kept') => reports.reduce((total, report) => total + report[key], 0);
  process.stdout.write(
    `native async: ${sum('rewritten')} botbuilder async functions rewritten in ${sum('files')} files of ${reports.length} packages` +
      ` (${sum('alreadyDone')} files already done, ${sum('kept')} left as they were)\n`,
  );
  for (const file of reports.flatMap((report) => report.unreadable)) process.stdout.write(`native async: left as published (not a plain script): ${file}\n`);
}

main();
