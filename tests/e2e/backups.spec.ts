import { expect, expectAccessible, test } from './fixtures';

test('Settings backs up, then restores the backup in place: the old data is back and the restore can be undone', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const name = page.getByRole('textbox', { name: 'Partnership name' });
  await name.fill('Northshire before the restore');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByText(/^Backup made and checked \(written in \d+ ms, checked in \d+ ms\)/)).toBeVisible();
  const table = backups.getByRole('table', { name: 'Backups, newest first' });
  const mine = table.getByRole('row').filter({ hasText: 'Made by you' });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole('cell', { name: 'Yes' })).toBeVisible();

  await name.fill('Northshire after the backup');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await mine.getByRole('button', { name: /^Restore the backup from / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /^Restore the backup from / })).toBeVisible();
  await expect(dialog).toContainText('First, Concordat backs up what you have now, so you can undo this');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('restore-confirm.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Back up current data and restore' }).click();

  await expect(backups.getByText(/^Restored the backup from \d+ \w+ \d{4} at \d\d:\d\d\. Anything entered after/)).toBeVisible();
  await expect(name).toHaveValue('Northshire before the restore');
  await expect(table.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('restored.png'), fullPage: true });

  // Undo: restore the copy made just before.
  await table
    .getByRole('row')
    .filter({ hasText: 'Before a restore' })
    .getByRole('button', { name: /^Restore the backup from / })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Back up current data and restore' }).click();
  await expect(name).toHaveValue('Northshire after the backup');
});
