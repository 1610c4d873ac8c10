import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { type Consent, type ConsentContradiction, passesToRecipients } from '../../contracts/consent';
import { useRefreshCase } from '../casefile/api';
import { ConfirmModal } from '../ui/ConfirmModal';
import { notifyError, notifySaved } from '../ui/errors';
import { formatDate, formatDateTime } from '../ui/format';
import { enumLabel, languageName } from '../ui/labels';
import { withdrawConsent } from './api';
import { type ConsentDraft, type ConsentFix, ConsentForm, correction, newConsent } from './ConsentForm';
import { PrintForm } from './PrintForm';

/** What may be shared with whom right now, in plain words. */
function SharingNow({ sharing }: { sharing: CaseFile['consent']['sharing'] }) {
  const { t } = useTranslation('consent');
  const yes = (b: boolean) => (
    <Badge color={b ? 'green' : 'gray'}>{b ? t('consent.yes') : t('consent.no')}</Badge>
  );
  return (
    <Card withBorder>
      <Group gap="xs" mb="sm">
        <IconShieldCheck size={20} />
        <Title order={3} size="h4">
          {t('consent.now')}
        </Title>
      </Group>
      <Stack gap="xs" data-testid="sharing-now">
        <Group gap="xs">
          {yes(sharing.counsellingRecord)}
          <Text size="sm">{t('consent.counsellingRecord')}</Text>
        </Group>
        <Group gap="xs">
          {yes(sharing.conferences.allowed)}
          <Text size="sm">
            {sharing.conferences.allowed
              ? t('consent.conferencesAllowed', { scope: enumLabel(t, 'scope', sharing.conferences.scope) })
              : t('consent.conferencesAnonymous')}
          </Text>
        </Group>
        <Text size="sm" fw={500} mt="xs">
          {t('consent.institutions')}
        </Text>
        {sharing.institutions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consent.noInstitutions')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {sharing.institutions.map((i) => (
              <List.Item key={`${i.name}-${i.scope}`}>
                <b>{i.name}</b> – {enumLabel(t, 'scope', i.scope)};{' '}
                {i.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–'}
                {i.until && ` (${t('casefile:case.until')} ${formatDate(i.until)})`}
              </List.Item>
            ))}
          </List>
        )}
        {sharing.employers.length > 0 && (
          <>
            <Text size="sm" fw={500} mt="xs">
              {t('consent.employers')}
            </Text>
            <List size="sm">
              {sharing.employers.map((e) => (
                <List.Item key={e.name}>{e.name}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Buttons that open the correction of a record that contradicts itself, with the fix applied. */
const fixes: Record<ConsentContradiction, ConsentFix[]> = {
  recipients_without_purpose: ['add_purpose', 'remove_recipients'],
  purpose_without_recipients: ['name_recipients', 'remove_purpose'],
};

/** One consent record: what it allows, whether it is in force, and what can be done with it. */
function ConsentCard({
  c,
  onWithdraw,
  onFix,
}: {
  c: Consent;
  onWithdraw(): void;
  onFix(fix: ConsentFix): void;
}) {
  const { t } = useTranslation('consent');
  const state = c.active ? 'active' : c.replacedBy ? 'corrected' : c.withdrawnAt ? 'withdrawn' : 'inactive';
  return (
    <Card withBorder data-testid="consent-card">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={c.active ? 'green' : 'gray'}>{t(`consent.${state}`)}</Badge>
            <Text size="sm">{c.purposes.map((p) => enumLabel(t, 'purpose', p)).join(', ')}</Text>
          </Group>
          {c.institutions.length > 0 && <Text size="sm">{c.institutions.join(', ')}</Text>}
          <Text size="xs" c="dimmed">
            {[
              enumLabel(t, 'scope', c.scope),
              `${t('casefile:case.fields.givenOn')} ${formatDate(c.givenOn)}`,
              c.validUntil && `${t('casefile:case.until')} ${formatDate(c.validUntil)}`,
              `${t('casefile:case.fields.formLanguage')}: ${languageName(c.formLanguage)}`,
              c.withdrawnAt &&
                `${c.replacedBy ? t('consent.correctedAt') : t('consent.withdrawnAt')} ${formatDateTime(c.withdrawnAt)}`,
              c.recordedBy,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {c.dataCategories.length > 0 && (
            <Text size="xs">{c.dataCategories.map((d) => enumLabel(t, 'dataCategory', d)).join(', ')}</Text>
          )}
          {c.contradiction && !c.withdrawnAt && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle />}
              title={t('consent.contradictory')}
              mt="xs"
              data-testid="consent-contradiction"
            >
              <Text size="sm">
                {t(`consent.onCard.${c.contradiction}`, { recipients: c.institutions.join(', ') })}
              </Text>
              <Group gap="xs" mt="xs">
                {fixes[c.contradiction]
                  // Removing the purpose must leave one: a consent without a purpose is none.
                  .filter(
                    (fix) => fix !== 'remove_purpose' || !c.purposes.every((p) => passesToRecipients([p])),
                  )
                  .map((fix) => (
                    <Button key={fix} size="xs" variant="light" onClick={() => onFix(fix)}>
                      {t(`consent.fix.${fix}`)}
                    </Button>
                  ))}
              </Group>
            </Alert>
          )}
        </Stack>
        {!c.withdrawnAt && (
          <Button color="red" variant="light" size="xs" onClick={onWithdraw}>
            {t('consent.withdraw')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function CaseConsent({ file }: { file: CaseFile }) {
  const { t } = useTranslation('consent');
  const id = file.client.id;
  const refresh = useRefreshCase(id);
  const [draft, setDraft] = useState<ConsentDraft | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  // Whoever received data under a consent should hear of its withdrawal (Art. 19 GDPR).
  const recipients = [...new Set(file.network.disclosures.map((d) => d.recipient))];
  const consentDocs = file.documents.filter((d) => d.category === 'consent_form');

  return (
    <Stack gap="lg">
      <SharingNow sharing={file.consent.sharing} />
      <Group>
        <Button onClick={() => setDraft(newConsent())}>{t('consent.record')}</Button>
        <PrintForm clientId={id} />
      </Group>
      <Title order={3} size="h4">
        {t('consent.records')}
      </Title>
      {file.consent.consents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consent.none')}
        </Text>
      )}
      {file.consent.consents.map((c) => (
        <ConsentCard
          key={c.id}
          c={c}
          onWithdraw={() => setWithdrawing(c.id)}
          onFix={(fix) => setDraft(correction(c, fix))}
        />
      ))}
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('consent.withdraw')}
        text={
          recipients.length
            ? `${t('consent.withdrawText')} ${t('consent.tellRecipients', { recipients: recipients.join(', ') })}`
            : t('consent.withdrawText')
        }
        confirmLabel={t('consent.withdraw')}
        onClose={() => setWithdrawing(null)}
        onConfirm={async () => {
          try {
            if (withdrawing) await withdrawConsent(id, withdrawing);
            notifySaved(t, t('consent.withdrawnNow'));
            await refresh();
          } catch (e) {
            notifyError(t, e);
          }
        }}
      />
      {draft && (
        <ConsentForm
          clientId={id}
          draft={draft}
          documents={consentDocs}
          onClose={() => setDraft(null)}
          onSaved={refresh}
        />
      )}
    </Stack>
  );
}
