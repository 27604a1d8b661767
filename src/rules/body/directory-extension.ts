import { defineRule } from '../rule.js';
import { isDirectoryExtension } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';

export default defineRule({
  id: 'body.directory-extension',
  severity: 'error',
  basis: 'graph-inferred',
  citation:
    'extensionProperty resource: a directory extension is named extension_<appId>_<name> and its targetObjects are User, Group, AdministrativeUnit, Application, Device and Organization; directory objects answer an unknown member with 400 "Invalid property \'<name>\'." (msgraph-sdk-powershell#3230)',
  description:
    'A directory extension property (extension_<appId>_<name>): extensions can target users, groups, administrative units, applications, devices and the organization, not this resource.',
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid property '${p.property}'.`,
    basis: 'inferred',
    citation: 'the answer observed for members a directory object does not have (msgraph-sdk-powershell#3230)',
  },
  check(ctx, emit) {
    if (!ctx.bodyObject) return;
    for (const key of Object.keys(ctx.bodyObject)) {
      if (!isDirectoryExtension(key)) continue;
      const appId = key.slice('extension_'.length, 'extension_'.length + 32).toLowerCase();
      emit({
        path: pointer(key),
        params: {
          property: key,
          appId: `${appId.slice(0, 8)}-${appId.slice(8, 12)}-${appId.slice(12, 16)}-${appId.slice(16, 20)}-${appId.slice(20)}`,
        },
      });
    }
  },
});
