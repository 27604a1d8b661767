/**
 * The device vectors' file format (vectors/device/*.json, vectors/README.md) and how a result is compared with one —
 * shared by the generator and the node and Chromium runners. No node: imports.
 */
import { decodeBase64Lenient } from '../../src/certificate/encoding.js';
import type { CrlInput } from '../../src/crl/types.js';
import { checkDevice, type DeviceResult } from '../../src/device/check.js';
import type { TlsClientAuthParameter } from '../../src/device/identity.js';

export interface DeviceVectorFile {
  description: string;
  at: string;
  /** The device file as PEM text … */
  device?: string;
  /** … or its bytes, base64 (a DER certificate or a .p7b bundle). */
  deviceDer?: string;
  config: unknown;
  crls?: { source: string; der: string }[];
  tlsClientAuthParameter?: TlsClientAuthParameter;
  nearMissFor?: string[];
  expect: {
    authenticates: boolean;
    path: number[] | null;
    identity: DeviceResult['identity'];
    failures: (string | null)[];
    findings: { rule: string; path: string; severity: string }[];
  };
}

export function deviceInput(v: Pick<DeviceVectorFile, 'device' | 'deviceDer'>): string | Uint8Array {
  return v.device ?? decodeBase64Lenient(v.deviceDer!)!;
}

export function crlInputs(v: Pick<DeviceVectorFile, 'crls'>): CrlInput[] | undefined {
  return v.crls?.map((c) => ({ source: c.source, bytes: decodeBase64Lenient(c.der)! }));
}

export function projectDeviceResult(r: DeviceResult): DeviceVectorFile['expect'] {
  return {
    authenticates: r.authenticates,
    path: r.path?.map((p) => p.index) ?? null,
    identity: r.identity,
    failures: r.failures.map((f) => f.code),
    findings: r.findings.map((f) => ({ rule: f.rule, path: f.path, severity: f.severity })),
  };
}


/** Runs one device vector through `checkDevice` and projects the result as the vector states it. */
export async function runDeviceVector(v: DeviceVectorFile): Promise<{ result: DeviceResult; projected: DeviceVectorFile['expect'] }> {
  const crls = crlInputs(v);
  const result = await checkDevice(deviceInput(v), v.config, {
    at: v.at,
    ...(crls ? { crls } : {}),
    ...(v.tlsClientAuthParameter ? { tlsClientAuthParameter: v.tlsClientAuthParameter } : {}),
  });
  return { result, projected: projectDeviceResult(result) };
}
