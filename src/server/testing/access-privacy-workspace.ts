/**
 * The dpo's workspace and paperwork (issue 15): the dpo's alone. The breach helper needs a user or
 * a window, which the generated query does not know to give.
 */
import { type Entry, staff } from './access-expect';

const window = () => ({ from: '2026-01-01T00:00:00Z' });

export const privacyWorkspace: Record<string, Entry> = {
  'GET /api/privacy/workspace/disclosures': staff('privacy.manage'),
  'GET /api/privacy/workspace/consents': staff('privacy.manage'),
  'GET /api/privacy/workspace/reads': staff('privacy.manage'),
  'GET /api/privacy/workspace/breach': staff('privacy.manage', { query: window }),
  'GET /api/privacy/workspace/breach/export': staff('privacy.manage', { query: window }),
  'GET /api/privacy/paperwork/:document': staff('privacy.manage'),
};
