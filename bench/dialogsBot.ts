// A second reference point: the bare stack plus botbuilder-dialogs and nothing of ours. Each turn answers
// a text prompt inside a component dialog and is asked the next one, with conversation state saved to
// MemoryStorage. What it costs over the echo bot is the dialog library's own share of a turn.
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import restify from 'restify';

const PROMPT = 'prompt';
const LOOP = 'loop';

class QuestionLoop extends ComponentDialog {
  constructor() {
    super('questions');
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(LOOP, [
        async (step: WaterfallStepContext) => step.prompt(PROMPT, { prompt: 'Next question?' }),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`noted: ${String(step.result)}`);
          return step.replaceDialog(LOOP);
        },
      ]),
    );
    this.initialDialogId = LOOP;
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
dialogs.add(new QuestionLoop());
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog('questions');
  await conversationState.saveChanges(context);
  await next();
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as { port: number }).port}\n`);
});
