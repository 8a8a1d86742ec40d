// Every message the background answers, one row each: who may send it, what its payload must be,
// what it does. The framed panel, on Strava's page, may only ask about its own tab's activity and
// never gets tokens, settings, check-ins or other runs.
import { browser } from 'wxt/browser';
import { type HandlerTable, InvalidInput, row } from '../messaging/handler';
import {
  ConnectRequestSchema,
  ImportRequestSchema,
  NoPayloadSchema,
  OpenPageSchema,
  PanelRequestSchema,
  RunKindRequestSchema,
  RunnerSaysRequestSchema,
  StepDoneSchema,
  TagOnStravaSchema,
} from '../messaging/payloads';
import { CheckInSchema } from '../model/check-in';
import { SettingsSchema } from '../model/settings';
import { WeighInSchema } from '../model/weigh-in';
import { readSettings, settingsItem } from '../store/settings-item';
import { StravaError } from '../strava/errors';
import { WRITE_SCOPE } from '../strava/oauth';
import type { AppService } from './app-service';
import type { StravaService } from './strava-service';
import { deleteEverything, exportData, importFile } from './your-data';

const SECRET_NEEDED = new InvalidInput(
  'Enter the Client Secret from strava.com/settings/api (click "show").',
  'clientSecret',
);

/** The framed panel asks only about the activity its tab shows. */
function ownTab(activityId: number, panelActivity: number | null): void {
  if (panelActivity !== null && panelActivity !== activityId)
    throw new InvalidInput('Not this page’s activity.');
}

/** Connecting fails as a Strava error the options page can explain, whatever went wrong. */
function asStravaError(error: unknown): never {
  throw error instanceof StravaError ? error : new StravaError({ kind: 'oauth', reason: 'failed' });
}

export function createHandlers(app: AppService, strava: StravaService): HandlerTable {
  return {
    // Secret-free, but it names the athlete: for this extension's own contexts only.
    getConnection: row('extension', NoPayloadSchema, () => strava.getConnection()),
    getRedirectUrl: row('pages', NoPayloadSchema, () => strava.redirectUrl()),
    connect: row('pages', ConnectRequestSchema, async ({ clientId, clientSecret }) => {
      let secret = clientSecret;
      if (!secret) {
        // Reconnecting: the saved secret is reused only for the same app.
        const saved = await strava.savedCredentials();
        if (saved?.clientId !== clientId) throw SECRET_NEEDED;
        secret = saved.clientSecret;
      }
      return strava.connect({ clientId, clientSecret: secret }).catch(asStravaError);
    }),
    connectHosted: row('pages', NoPayloadSchema, () => strava.connectHosted().catch(asStravaError)),
    setTagOnStrava: row('pages', TagOnStravaSchema, async ({ on }) => {
      const settings = await readSettings();
      const connection = await strava.getConnection();
      if (!on || connection.mode === 'hosted') {
        await settingsItem.setValue({ ...settings, tagOnStrava: false });
        return {
          on: false,
          message: on
            ? 'Connected through Bounceback, corrections stay in Bounceback only: tagging on Strava needs your own Strava app.'
            : 'Corrections stay in Bounceback only.',
        };
      }
      let scopes = connection.scopes;
      if (!scopes.includes(WRITE_SCOPE)) {
        const saved = await strava.savedCredentials();
        if (!saved) throw SECRET_NEEDED;
        scopes = (await strava.connect(saved, { write: true }).catch(asStravaError)).scopes;
      }
      const granted = scopes.includes(WRITE_SCOPE);
      await settingsItem.setValue({ ...settings, tagOnStrava: granted });
      return granted
        ? { on: true, message: 'Your corrections will also be tagged on Strava.' }
        : {
            on: false,
            message:
              'Strava did not allow Bounceback to edit your activities, so corrections stay in Bounceback only.',
          };
    }),
    disconnect: row('pages', NoPayloadSchema, () => strava.disconnect().catch(asStravaError)),

    getPanel: row('pages-or-panel', PanelRequestSchema, (req, { panelActivity, panelTab }) => {
      ownTab(req.activityId, panelActivity);
      return app.panelState(req.activityId, req.own, panelTab);
    }),
    // The page controls the panel's URL and hash: only our own pages may ask for a whole pass.
    syncNow: row('pages', NoPayloadSchema, () => app.syncNow(true)),
    markStepDone: row('pages-or-panel', StepDoneSchema, (req, { panelActivity }) => {
      ownTab(req.activityId, panelActivity);
      return app.markStepDone(req.activityId, req.stepId, req.done);
    }),
    setRunKind: row('pages-or-panel', RunKindRequestSchema, (req, { panelActivity }) => {
      ownTab(req.activityId, panelActivity);
      return app.setRunKind(req.activityId, req.kind);
    }),
    setRunnerSays: row('pages-or-panel', RunnerSaysRequestSchema, (req, { panelActivity }) => {
      ownTab(req.activityId, panelActivity);
      return app.setRunnerSays(req);
    }),
    openPage: row('pages-or-panel', OpenPageSchema, async ({ page }) => {
      if (page === 'options') await browser.runtime.openOptionsPage();
      else await browser.tabs.create({ url: browser.runtime.getURL('/popup.html#check-in') });
      return true as const;
    }),
    getPopup: row('pages', NoPayloadSchema, () => app.popupState()),
    checkIn: row('pages', CheckInSchema, (c) => app.checkIn(c)),
    saveWeighIn: row('pages', WeighInSchema, (w) => app.saveWeighIn(w)),
    exportData: row('pages', NoPayloadSchema, () => exportData(app.collections, Date.now())),
    importData: row('pages', ImportRequestSchema, async ({ text }) => {
      const outcome = await importFile(app.collections, text, Date.now(), await app.profile());
      if (outcome.ok) await app.afterDataChange();
      return outcome;
    }),
    deleteEverything: row('pages', NoPayloadSchema, async () => {
      await deleteEverything(app.collections);
      await app.afterDataChange();
      return true as const;
    }),
    getSettings: row('pages', NoPayloadSchema, () => readSettings()),
    saveSettings: row('pages', SettingsSchema, async (s) => {
      await settingsItem.setValue(s);
      await app.scheduleAlarms();
      // Units and the profile show in the popup's first frame.
      await app.refreshViews();
      return s;
    }),
  };
}
