/**
 * The page's PKCS#7 reader. The library loads pkijs with `import('./pkcs7.js')` the first time a bundle is read; the page is a
 * classic script (so that it also works opened from disk, where Chromium refuses modules), so its build points that import
 * here instead, and this loads web-pkcs7.js — the same reader built as a classic script — beside the page, once.
 */
import type { SignedDataContents } from '../src/certificate/pkcs7.js';

interface Pkcs7Reader {
  readSignedData(der: Uint8Array): SignedDataContents;
}

declare global {
  var caPreflightPkcs7: Pkcs7Reader | undefined;
}

let loading: Promise<Pkcs7Reader> | null = null;

function load(): Promise<Pkcs7Reader> {
  loading ??= new Promise<Pkcs7Reader>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('web-pkcs7.js', document.baseURI).href;
    script.onload = () => {
      const reader = globalThis.caPreflightPkcs7;
      if (reader) resolve(reader);
      else reject(new Error('the PKCS#7 reader (web-pkcs7.js) loaded but defined nothing'));
    };
    script.onerror = () => {
      loading = null; // a later file may try again
      reject(new Error('the PKCS#7 reader (web-pkcs7.js, beside the page) could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

export async function readSignedData(der: Uint8Array): Promise<SignedDataContents> {
  return (await load()).readSignedData(der);
}
