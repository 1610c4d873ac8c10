import type { z } from 'zod';
import type { setupBody, setupResult, setupStatus } from '../../contracts/organisation';
import { getJson, postJson } from '../lib/http';

/** First run: whether an organisation must be set up, and setting it up. */
export const fetchSetupStatus = () => getJson<typeof setupStatus>('/api/setup');
export const setUp = (body: z.input<typeof setupBody>) => postJson<typeof setupResult>('/api/setup', body);
