// The console platform: scheduled digests for the console channel are printed to the terminal.
import type { Reply } from '../../reply/model.js';
import { renderPlain } from '../../reply/render-plain.js';
import type { Platform } from '../platform.js';

export interface ConsolePlatformOptions {
  output: NodeJS.WritableStream;
}

/** Serves no requests itself (the console chat does); `post` prints a reply for the 'console' channel. */
export function createConsolePlatform(options: ConsolePlatformOptions): Platform {
  let ready = false;
  return {
    name: 'console',
    async start() {
      ready = true;
    },
    async stop() {
      ready = false;
    },
    async post(_channelId: string, reply: Reply) {
      options.output.write(`\n${renderPlain(reply)}`);
    },
    isReady: () => ready,
  };
}
