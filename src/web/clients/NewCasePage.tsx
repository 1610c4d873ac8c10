import { Alert, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createClientBody, type DuplicateCandidate } from '../../contracts/clients';
import { ApiError } from '../lib/http';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { Form } from '../ui/Form';
import { cleanValues, Fields, formValues, resolver } from '../ui/fields';
import { PageHeader } from '../ui/PageHeader';
import { caseKeys, duplicateCheck, openCase } from './api';
import { DuplicateCandidateText } from './DuplicateCandidateText';
import { personSpecs } from './specs';

/** Intake: a new case, warned of duplicates while typing and again on saving. */
export function NewCasePage() {
  const { t } = useTranslation('clients');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: formValues(personSpecs, null, { intakeDate: new Date().toISOString().slice(0, 10) }),
    validate: resolver(createClientBody),
  });

  const v = form.values;
  const [key] = useDebouncedValue(JSON.stringify([v.givenNames, v.familyName, v.birthDate, v.email]), 600);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced key stands for the four fields
  useEffect(() => {
    void check();
  }, [key]);

  async function check() {
    const v = form.getValues();
    if (!((v.givenNames && v.familyName && v.birthDate) || v.email)) return;
    try {
      const found = await duplicateCheck({
        givenNames: v.givenNames,
        familyName: v.familyName,
        birthDate: v.birthDate || null,
        email: v.email || null,
      });
      setDuplicates(found);
      setConfirmed(false);
    } catch {
      // The check is a help; saving checks again.
    }
  }

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await openCase({ ...cleanValues(values), ignoreDuplicates: confirmed });
      await queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      navigate(`/cases/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'duplicate') {
        setDuplicates((e.details.candidates as DuplicateCandidate[]) ?? []);
      } else if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });

  return (
    <Stack maw={1000}>
      <PageHeader title={t('cases.new')} description={t('cases.newHelp')} />
      <Form form={form} onSubmit={submit}>
        <Card withBorder>
          <Stack>
            <ErrorAlert error={error} />
            <Fields form={form} specs={personSpecs.map((s) => ({ ...s }))} />
            {duplicates.length > 0 && (
              <Alert color="orange" title={t('cases.duplicateTitle')} data-testid="duplicate-warning">
                <Text size="sm">{t('cases.duplicateText')}</Text>
                <List size="sm" mt="xs">
                  {duplicates.map((d, i) => (
                    // A candidate the user may not open has no id to key it by.
                    <List.Item key={d.id ?? `hidden-${i}`}>
                      <DuplicateCandidateText candidate={d} />
                    </List.Item>
                  ))}
                </List>
                <Button
                  mt="sm"
                  size="xs"
                  variant={confirmed ? 'filled' : 'light'}
                  color="orange"
                  onClick={() => setConfirmed(true)}
                >
                  {confirmed ? t('cases.duplicateConfirmed') : t('cases.duplicateConfirm')}
                </Button>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="subtle" component={Link} to="/cases">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} disabled={duplicates.length > 0 && !confirmed}>
                {t('cases.create')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Form>
    </Stack>
  );
}
