import { Center, Container, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../ui/Logo';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages before login: set-up, login, invitation. */
export function PublicFrame({
  title,
  children,
  width = 420,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Center mih="100vh" py="xl" bg="gray.0">
      <Container size={width} w="100%">
        <Stack gap="md">
          <Group justify="space-between">
            <Logo />
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
            <Title order={1} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}
