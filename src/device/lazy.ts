/**
 * The device check as the public API offers it: the module (and its messages) load the first time it is called, so the
 * browser build keeps it in a chunk that pages checking only trust lists never download.
 */
import type { DeviceCheckOptions, DeviceResult } from './check.js';

/** Checks whether `device` (PEM, DER, a chain with the device first, or a .p7b) would authenticate against `configuration`. */
export async function checkDevice(
  device: string | Uint8Array,
  configuration: unknown,
  options?: DeviceCheckOptions,
): Promise<DeviceResult> {
  return (await import('./check.js')).checkDevice(device, configuration, options);
}
