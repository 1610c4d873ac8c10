import { Alert, MultiSelect, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type Consent,
  consentBody,
  consentContradiction,
  consentFormLanguageCodes,
  passesToRecipients,
} from '../../contracts/consent';
import type { ClientDocument } from '../../contracts/documents';
import { FormModal } from '../ui/FormModal';
import { Fields, formValues } from '../ui/fields';
import { languageName } from '../ui/labels';
import { correctConsent, recordConsent } from './api';
import { RecipientsInput, recipientValues, splitRecipients } from './RecipientsInput';
import { noteSpecs, purposeSpecs, termSpecs } from './specs';

/** How a record that contradicts itself is put right, as the client signed it. */
export type ConsentFix = 'add_purpose' | 'remove_recipients' | 'name_recipients' | 'remove_purpose';

/** What the consent dialog opens with: a new record, or the correction of one that contradicts itself. */
export interface ConsentDraft {
  initial: Record<string, unknown>;
  known?: Consent['recipients'];
  replaces?: Consent;
}

export function newConsent(): ConsentDraft {
  return {
    initial: {
      ...formValues([...purposeSpecs, ...termSpecs, ...noteSpecs], null, {
        scope: 'pseudonymised',
        givenOn: new Date().toISOString().slice(0, 10),
        purposes: ['counselling_record'],
      }),
      recipients: [],
      formLanguage: 'deu',
      evidenceDocumentId: null,
    },
  };
}

/** The record as it stands with the fix applied; the counsellor checks it against the signed form. */
export function correction(c: Consent, fix: ConsentFix): ConsentDraft {
  const purposes =
    fix === 'add_purpose'
      ? [...c.purposes, 'institution_sharing']
      : fix === 'remove_purpose'
        ? c.purposes.filter((p) => !passesToRecipients([p]))
        : c.purposes;
  return {
    replaces: c,
    known: c.recipients,
    initial: {
      ...formValues([...purposeSpecs, ...termSpecs, ...noteSpecs], c),
      purposes,
      recipients: fix === 'remove_recipients' ? [] : recipientValues(c.recipients),
      // Records naming a language no printed form exists in were the German form, explained.
      formLanguage: (consentFormLanguageCodes as readonly string[]).includes(c.formLanguage)
        ? c.formLanguage
        : 'deu',
      evidenceDocumentId: c.evidenceDocumentId,
    },
  };
}

/** Recording a consent, or correcting one: purposes first, then the recipients they allow. */
export function ConsentForm(p: {
  clientId: string;
  draft: ConsentDraft;
  documents: ClientDocument[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { t } = useTranslation('consent');
  const { replaces } = p.draft;
  // The contract's rule, checked in the browser with the words of this form.
  const schema = consentBody
    .omit({ institutions: true, institutionIds: true })
    .extend({ recipients: z.array(z.string()).default([]) })
    .superRefine((v, ctx) => {
      const contradiction = consentContradiction(v.purposes, v.recipients.length);
      if (contradiction)
        ctx.addIssue({
          code: 'custom',
          path: ['recipients'],
          message: t(`consent.contradiction.${contradiction}`),
        });
    });
  return (
    <FormModal
      title={replaces ? t('consent.correctTitle') : t('consent.record')}
      specs={purposeSpecs}
      initial={p.draft.initial}
      schema={schema}
      save={async ({ recipients, ...values }) => {
        const body = { ...values, ...splitRecipients(recipients as string[]) };
        if (replaces) await correctConsent(p.clientId, replaces.id, body);
        else await recordConsent(p.clientId, body);
        await p.onSaved();
      }}
      onClose={p.onClose}
      extra={(form) => {
        const purposes = form.values.purposes as string[];
        const recipients = form.values.recipients as string[];
        const passes = passesToRecipients(purposes);
        const contradicts =
          consentContradiction(purposes, recipients.length) === 'recipients_without_purpose';
        return (
          <Stack>
            <RecipientsInput
              label={t('casefile:case.fields.institutions')}
              value={recipients}
              onChange={(v) => form.setFieldValue('recipients', v)}
              known={p.draft.known}
              // Nothing to name until a purpose passes data on; recipients already named stay removable.
              disabled={!passes && recipients.length === 0}
              description={passes ? t('consent.recipientsHelp') : t('consent.recipientsNeedPurpose')}
              error={
                contradicts
                  ? t('consent.contradiction.recipients_without_purpose')
                  : (form.errors.recipients ?? form.errors.institutions ?? form.errors.institutionIds)
              }
            />
            <Fields form={form} specs={termSpecs} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('casefile:case.fields.formLanguage')}
                description={t('consent.formLanguageHelp')}
                required
                data={consentFormLanguageCodes.map((code) => ({ value: code, label: languageName(code) }))}
                {...form.getInputProps('formLanguage')}
              />
              {p.documents.length > 0 && (
                <MultiSelect
                  label={t('casefile:case.fields.evidenceDocumentId')}
                  maxValues={1}
                  data={p.documents.map((d) => ({ value: d.id, label: d.filename }))}
                  value={form.values.evidenceDocumentId ? [form.values.evidenceDocumentId] : []}
                  onChange={(v) => form.setFieldValue('evidenceDocumentId', v[0] ?? null)}
                />
              )}
            </SimpleGrid>
            <Fields form={form} specs={noteSpecs} />
          </Stack>
        );
      }}
    >
      {() => (
        <Alert color="blue" variant="light">
          {replaces ? t('consent.correctText') : t('consent.rules')}
        </Alert>
      )}
    </FormModal>
  );
}
