// Background handlers for the product's messages. Every payload is parsed with zod; every sender
// is checked: the panel, framed on Strava's page, may only ask about the activity of the tab it is
// on, and never gets tokens, settings, check-ins or other runs.
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { type MessageError, onMessage, type Result } from '../messages';
import {
  ImportRequestSchema,
  NoPayloadSchema,
  OpenPageSchema,
  PanelRequestSchema,
  StepDoneSchema,
} from '../messages-schemas';
import { SettingsSchema } from '../settings';
import { CheckInSchema, WeighInSchema } from '../store/schemas';
import { readSettings, settingsItem } from '../store/settings-item';
import { activityIdFrom } from '../strava-page';
import type { AppService } from './app-service';
import { isExtensionPage, isFramedPanel, type SenderInfo } from './strava-handlers';
import { deleteEverything, exportData, importFile } from './your-data';

/** The panel framed on a Strava activity page: which activity that tab shows. */
export function framedPanelActivity(sender: SenderInfo): number | null {
  if (!isFramedPanel(sender)) return null;
  const url = (sender.tab as { url?: unknown }).url;
  return typeof url === 'string' ? activityIdFrom(url) : null;
}

const FORBIDDEN: MessageError = {
  kind: 'forbidden',
  message: 'Only Bounceback’s own pages may do this.',
};

type Who = 'pages' | 'pages-or-panel';

async function handle<S extends z.ZodMiniType, T>(
  who: Who,
  sender: SenderInfo,
  data: unknown,
  schema: S,
  run: (parsed: z.output<S>, panelActivity: number | null) => Promise<T>,
): Promise<Result<T>> {
  const page = isExtensionPage(sender);
  const panel = page ? null : framedPanelActivity(sender);
  if (!page && (who === 'pages' || panel === null)) return { ok: false, error: FORBIDDEN };
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        kind: 'invalid-input',
        message: issue?.message ?? 'Invalid request.',
        field: issue?.path.map(String).join('.') || undefined,
      },
    };
  }
  try {
    return { ok: true, value: await run(parsed.data as z.output<S>, panel) };
  } catch (error) {
    return {
      ok: false,
      error: {
        kind: 'invalid-input',
        message: (error as Error).message || 'Something went wrong.',
      },
    };
  }
}

export function createAppHandlers(app: AppService) {
  return {
    getPanel: (data: unknown, sender: SenderInfo) =>
      handle('pages-or-panel', sender, data, PanelRequestSchema, async (req, tabActivity) => {
        // The framed panel asks only about the activity its tab shows.
        if (tabActivity !== null && tabActivity !== req.activityId)
          throw new Error('Not this page’s activity.');
        return app.panelState(req.activityId, req.own);
      }),
    syncNow: (data: unknown, sender: SenderInfo) =>
      handle('pages-or-panel', sender, data, NoPayloadSchema, () => app.syncNow(true)),
    markStepDone: (data: unknown, sender: SenderInfo) =>
      handle('pages-or-panel', sender, data, StepDoneSchema, async (req, tabActivity) => {
        if (tabActivity !== null && tabActivity !== req.activityId)
          throw new Error('Not this page’s activity.');
        return app.markStepDone(req.activityId, req.stepId, req.done);
      }),
    openPage: (data: unknown, sender: SenderInfo) =>
      handle('pages-or-panel', sender, data, OpenPageSchema, async ({ page }) => {
        if (page === 'options') await browser.runtime.openOptionsPage();
        else await browser.tabs.create({ url: browser.runtime.getURL('/popup.html#check-in') });
        return true as const;
      }),
    getPopup: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, NoPayloadSchema, () => app.popupState()),
    checkIn: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, CheckInSchema, (c) => app.checkIn(c)),
    saveWeighIn: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, WeighInSchema, (w) => app.saveWeighIn(w)),
    exportData: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, NoPayloadSchema, () => exportData(app.collections, Date.now())),
    importData: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, ImportRequestSchema, async ({ text }) => {
        const outcome = await importFile(app.collections, text, Date.now());
        if (outcome.ok) await app.afterDataChange();
        return outcome;
      }),
    deleteEverything: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, NoPayloadSchema, async () => {
        await deleteEverything(app.collections);
        await app.afterDataChange();
        return true as const;
      }),
    getSettings: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, NoPayloadSchema, () => readSettings()),
    saveSettings: (data: unknown, sender: SenderInfo) =>
      handle('pages', sender, data, SettingsSchema, async (s) => {
        await settingsItem.setValue(s);
        await app.scheduleAlarms();
        // Units and the profile show in the popup's first frame.
        await app.refreshViews();
        return s;
      }),
  };
}

/** Registers the handlers; call synchronously at background start-up. */
export function registerAppHandlers(app: AppService): void {
  const h = createAppHandlers(app);
  onMessage('getPanel', (m) => h.getPanel(m.data, m.sender));
  onMessage('syncNow', (m) => h.syncNow(m.data, m.sender));
  onMessage('markStepDone', (m) => h.markStepDone(m.data, m.sender));
  onMessage('openPage', (m) => h.openPage(m.data, m.sender));
  onMessage('getPopup', (m) => h.getPopup(m.data, m.sender));
  onMessage('checkIn', (m) => h.checkIn(m.data, m.sender));
  onMessage('saveWeighIn', (m) => h.saveWeighIn(m.data, m.sender));
  onMessage('exportData', (m) => h.exportData(m.data, m.sender));
  onMessage('importData', (m) => h.importData(m.data, m.sender));
  onMessage('deleteEverything', (m) => h.deleteEverything(m.data, m.sender));
  onMessage('getSettings', (m) => h.getSettings(m.data, m.sender));
  onMessage('saveSettings', (m) => h.saveSettings(m.data, m.sender));
}
