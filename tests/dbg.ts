import { startTestApp } from './support/app';
import { conversation } from './support/intake';
(async () => { const t = await startTestApp(); const c = (k: string) => t.app.services.content.text(k);
const p = conversation(t, 'x2');
await p.say('hi'); console.log(await p.say('check in')); console.log(await p.say("I can't do this anymore")); console.log(await p.say("I'm okay"));
const q = conversation(t, 'x3');
await q.say('hi'); console.log(await q.say(c('menu.options.program'))); 
await t.stop(); })();
