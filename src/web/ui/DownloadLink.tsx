import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A document the server makes (a report as PDF or XLSX): a link the browser downloads, dressed as a button. */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} />}
    >
      {children}
    </Button>
  );
}
