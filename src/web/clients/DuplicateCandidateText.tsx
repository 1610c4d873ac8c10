import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../contracts/clients';
import { formatDate } from '../ui/format';

/**
 * One possible duplicate, worded the same at intake and in an import's dry run: a case the user
 * may open with its link, code, name and birth date; any other only as "exists, ask its owner",
 * because the server sends nothing more of it.
 */
export function DuplicateCandidateText({ candidate: d }: { candidate: DuplicateCandidate }) {
  const { t } = useTranslation('clients');
  const reason = t(`cases.duplicateReason.${d.reason}`);
  if (!d.visible || !d.id) return <>{`${t('cases.duplicateElsewhere', { owner: d.owner })} (${reason})`}</>;
  return (
    <>
      <Anchor component={Link} to={`/cases/${d.id}`} target="_blank">
        {d.caseCode}
      </Anchor>{' '}
      {d.name}
      {d.birthDate ? `, ${formatDate(d.birthDate)}` : ''} – {d.owner} ({reason})
    </>
  );
}
