import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.collection-response',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'certificateAuthorityPath: List mutualTlsOauthConfigurations (the collection response); observed message for unknown members in msgraph-sdk-powershell#3230',
  description:
    'A collection GET response ({"value": [ … ]}) is not a PATCH body: Graph reads "value" as a member the resource does not have. The configuration it holds (the only one, or the one named by id) is checked in its place.',
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: () => "Invalid property 'value'.",
    basis: 'observed',
    citation: 'the answer for members a directory object does not have (msgraph-sdk-powershell#3230); for "value", an inference',
  },
  check(ctx, emit) {
    const c = ctx.collection;
    if (!c) return;
    // Checked: the finding sits on the configuration itself (`/value/<index>` once placed in the text as given).
    if (c.index !== null) emit({ path: '', params: { id: c.id ?? c.ids[c.index] ?? '', index: String(c.index) } });
    else if (c.id !== null) emit({ path: '', variant: 'not-found', params: { id: c.id, ids: c.ids.join(', ') || '—' } });
    else if (c.ids.length === 0) emit({ path: '', variant: 'empty' });
    else emit({ path: '', variant: 'choose', params: { count: String(c.ids.length), ids: c.ids.join(', ') } });
  },
});
