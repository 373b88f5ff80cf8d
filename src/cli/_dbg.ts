import { loadContent } from '/work/wt/understanding5/src/platform/content/loader';
import { Understanding } from '/work/wt/understanding5/src/features/understanding/understand';
const u = new Understanding(loadContent('en'));
for (const t of process.argv.slice(2)) console.log(t, '=>', JSON.stringify(u.intents.match(t)), JSON.stringify(u.bank.find(t)), JSON.stringify(u.read(t)));
