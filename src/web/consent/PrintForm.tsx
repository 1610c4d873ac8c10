import { Button, Group, Modal, MultiSelect, SegmentedControl, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consentContradiction,
  consentFormLanguages,
  consentPurposes,
  type PrintLanguage,
  passesToRecipients,
} from '../../contracts/consent';
import { enumLabel, enumOptions, languageName } from '../ui/labels';
import { consentFormUrl } from './api';
import { RecipientsInput } from './RecipientsInput';

/** A consent form to print for signature, in a language it is written in, with the same rule as the record. */
export function PrintForm({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('consent');
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState<PrintLanguage>(i18n.language === 'en' ? 'en' : 'de');
  const [purposes, setPurposes] = useState<string[]>(['counselling_record', 'conference_sharing']);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [names, setNames] = useState<string[]>([]);
  const [scope, setScope] = useState('pseudonymised');
  const contradiction = consentContradiction(purposes, recipients.length);
  const href = consentFormUrl(clientId, { language, scope, purposes, institutions: names.join(';') });
  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setOpened(true)}>
        {t('consent.printForm')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('consent.printForm')}>
        <Stack>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as PrintLanguage)}
            data={Object.entries(consentFormLanguages).map(([code, print]) => ({
              value: print,
              label: languageName(code),
            }))}
            aria-label={t('casefile:case.fields.formLanguage')}
          />
          <MultiSelect
            label={t('casefile:case.fields.purposes')}
            data={enumOptions(t, 'purpose', consentPurposes)}
            value={purposes}
            onChange={setPurposes}
          />
          <RecipientsInput
            label={t('casefile:case.fields.institutions')}
            value={recipients}
            onChange={setRecipients}
            onNames={setNames}
            disabled={!passesToRecipients(purposes) && recipients.length === 0}
            description={
              passesToRecipients(purposes) ? t('consent.recipientsHelp') : t('consent.recipientsNeedPurpose')
            }
            error={
              contradiction === 'recipients_without_purpose' && t(`consent.contradiction.${contradiction}`)
            }
          />
          <SegmentedControl
            value={scope}
            onChange={setScope}
            data={[
              { value: 'pseudonymised', label: enumLabel(t, 'scope', 'pseudonymised') },
              { value: 'identified', label: enumLabel(t, 'scope', 'identified') },
            ]}
          />
          <Group justify="flex-end">
            <Button
              component="a"
              href={href}
              target="_blank"
              rel="noopener"
              leftSection={<IconPrinter size={16} />}
              // A form that contradicts itself is not printed for signature.
              disabled={contradiction !== null}
              onClick={() => setOpened(false)}
            >
              {t('consent.openPdf')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
