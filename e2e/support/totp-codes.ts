/**
 * @module Codes from an authenticator "app" for tests: parses the otpauth URI the enrolment page
 * shows and gives a code from a time step not used before (Lantern refuses a replayed code).
 */
import { TOTP, URI } from 'otpauth';

export interface Authenticator {
  /** A code from a time step this authenticator has not handed out yet (waits if needed). */
  nextCode(): Promise<string>;
}

/** An authenticator for the account in an otpauth:// URI. */
export function authenticatorFor(otpauthUri: string): Authenticator {
  const parsed = URI.parse(otpauthUri);
  if (!(parsed instanceof TOTP)) throw new Error(`not a TOTP URI: ${otpauthUri}`);
  const totp = parsed;
  const used = new Set<number>();
  return {
    async nextCode() {
      let step = Math.floor(Date.now() / 1000 / totp.period);
      if (used.has(step)) {
        const nextStepAt = (step + 1) * totp.period * 1000;
        await new Promise((r) => setTimeout(r, nextStepAt - Date.now() + 250));
        step = Math.floor(Date.now() / 1000 / totp.period);
      }
      used.add(step);
      return totp.generate({ timestamp: step * totp.period * 1000 });
    },
  };
}
