import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TemplateField } from '../../../shared/documents/template-schema';
import { call } from '../api/client';
import { errorText } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { Notice } from '../ui/notice';

type Values = Record<string, unknown>;
type Tier = 'members' | 'core' | 'associate';
const TIERS: { value: Tier; label: string }[] = [
  { value: 'members', label: 'Core members and associates' },
  { value: 'core', label: 'Core members only' },
  { value: 'associate', label: 'Associates only' },
];

/** A group of parties: each item names an organisation and the contacts who act for it there. */
export function isPartyGroup(field: TemplateField): boolean {
  const subs = field.fields ?? [];
  return field.type === 'group' && subs[0]?.type === 'organisation' && subs.some((f) => f.type === 'contact');
}

/**
 * "Add all members": one item per current member organisation not already listed (observers and
 * former members left out), with each contact field filled from the directory: the organisation's
 * single point of contact, or its first current post. Every prefilled value stays editable.
 */
export function AddAllMembers({
  field,
  items,
  onAdd,
}: {
  field: TemplateField;
  items: Values[];
  onAdd: (items: Values[]) => void;
}) {
  const [tier, setTier] = useState<Tier>('members');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const subs = field.fields ?? [];
  const orgKey = subs.find((f) => f.type === 'organisation')!.key;
  const contactKeys = subs.filter((f) => f.type === 'contact').map((f) => f.key);
  const noun = field.itemLabel ?? 'party';

  const add = async () => {
    setBusy(true);
    setNote(null);
    try {
      const tiers = tier === 'members' ? (['core', 'associate'] as const) : ([tier] as const);
      const rows = (
        await Promise.all(
          tiers.map((m) => call('partners.organisations.list', { membership: m, archived: 'active', limit: 200 })),
        )
      ).flatMap((p) => p.rows);
      const listed = new Set(items.map((i) => i[orgKey]));
      const fresh = rows.filter((r) => !listed.has(r.id)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      const added = await Promise.all(
        fresh.map(async (org) => {
          const detail = await call('partners.organisations.get', { id: org.id });
          const current = detail.posts.filter((p) => !p.endedOn);
          const contact = current.find((p) => p.isSpoc) ?? current[0];
          const item: Values = { [orgKey]: org.id };
          if (contact) for (const k of contactKeys) item[k] = contact.id;
          return item;
        }),
      );
      onAdd(added);
      setNote({
        tone: 'info',
        text:
          added.length === 0
            ? 'Every member organisation is already listed.'
            : `Added ${added.length} ${added.length === 1 ? noun : `${noun === 'party' ? 'parties' : `${noun}s`}`}, with contacts from the directory. Check each one.`,
      });
    } catch (e) {
      setNote({ tone: 'error', text: errorText(e, 'The member organisations could not be added.') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="add-members">
      <div className="toolbar">
        <SelectField label="Which members" value={tier} options={TIERS} onChange={setTier} />
        <Button className="button" isDisabled={busy} onPress={() => void add()}>
          {busy ? 'Adding…' : 'Add all members'}
        </Button>
      </div>
      {note ? <Notice tone={note.tone}>{note.text}</Notice> : null}
    </div>
  );
}
