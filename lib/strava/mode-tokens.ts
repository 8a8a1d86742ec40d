// One TokenSource over the two connection modes: the broker's session when the build names a
// broker and the runner connected through it, the runner's own app otherwise. The API client and
// sync see one source and never know which mode they run in.
import type { Connection } from '../model/connection';
import type { BrokerTokens } from './broker-tokens';
import type { OwnAppTokens } from './own-app-tokens';
import type { TokenSource, TokenStatus } from './token-source';

type ConnectionMode = Connection['mode'];

export interface ModeTokens extends TokenSource {
  mode(): Promise<ConnectionMode>;
}

export function modeTokens(ownApp: OwnAppTokens, hosted: BrokerTokens | null): ModeTokens {
  const mode = async (): Promise<ConnectionMode> =>
    hosted && (await hosted.record()) ? 'hosted' : 'own-app';
  const active = async (): Promise<TokenSource> =>
    hosted && (await mode()) === 'hosted' ? hosted : ownApp;
  return {
    mode,
    async getAccessToken() {
      return (await active()).getAccessToken();
    },
    invalidate(rejectedToken) {
      ownApp.invalidate(rejectedToken);
      hosted?.invalidate(rejectedToken);
    },
    async status(): Promise<TokenStatus> {
      return (await active()).status();
    },
  };
}
