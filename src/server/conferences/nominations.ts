/**
 * Nominated cases: the question, the institutions needed, the consent check against every
 * invited institution, anonymisation, coordination agreed beforehand, written input.
 */
import type { Nomination } from '../../contracts/conferences';
import type { Db } from '../db/client';
import type { Actor } from '../lib/actor';
import type { ConferenceRow } from './load';

/** The nominations of a conference as the caller may see them, in agenda order. */
export async function nominationsOf(_db: Db, _actor: Actor, _c: ConferenceRow): Promise<Nomination[]> {
  return [];
}
