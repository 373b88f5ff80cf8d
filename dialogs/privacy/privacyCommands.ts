import type { GlobalCommand } from '../../src/platform/bot/commands';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import { exportFileName } from '../../src/features/privacy/personalData';
import { summarizeExport } from '../../src/features/privacy/summary';
import { DELETE_DATA_DIALOG } from './DeleteDataDialog';
import { resumeOrMenu } from '../shared/rootDialog';

/** privacy, export my data, delete my data: available in every dialog, whether or not the person consented. */
export function privacyCommands(services: DialogServices, retentionDays: number): GlobalCommand[] {
  const { content, renderer, personalData, clock, logger } = services;
  return [
    {
      id: 'privacy',
      phrasesKey: 'privacy.commands.policy',
      async run(dc) {
        const channelId = dc.context.activity.channelId;
        await dc.context.sendActivities([
          renderer.render({ text: content.text('privacy.policy') }, channelId),
          renderer.render({ text: content.text('privacy.retention', { retentionDays }) }, channelId),
          renderer.render({ text: content.text('privacy.rights') }, channelId),
        ]);
        await resumeOrMenu(dc);
      },
    },
    {
      id: 'exportData',
      phrasesKey: 'privacy.commands.export',
      async run(dc) {
        const activity = dc.context.activity;
        const now = clock.now();
        const data = await personalData.export(personIdOf(activity), now);
        const file = {
          name: exportFileName(now),
          contentType: 'application/json',
          content: JSON.stringify(data, null, 2),
        };
        await dc.context.sendActivity(
          renderer.render({ text: summarizeExport(data, content), files: [file] }, activity.channelId),
        );
        logger.info({ sections: Object.keys(data.sections).length }, 'personal data exported on request');
        await resumeOrMenu(dc);
      },
    },
    {
      id: 'deleteData',
      phrasesKey: 'privacy.commands.delete',
      async run(dc) {
        await dc.beginDialog(DELETE_DATA_DIALOG);
      },
    },
  ];
}
