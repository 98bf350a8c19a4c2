import type { ImportPreview } from '../../../shared/contract/partners';
import type { Membership, SectorKey } from '../../../shared/partners/sectors';
import { MEMBERSHIPS, SECTORS } from '../../../shared/partners/sectors';
import { NativeSelect, SelectField } from '../ui/fields';

export type OrganisationChoice = { sector: SectorKey; membership: Membership | '' };
export type OrganisationChoices = Record<string, OrganisationChoice>;

/** The starting choices: the sector the file gives or Concordat guessed, membership as the file says (else unchosen). */
export function initialChoices(p: ImportPreview): OrganisationChoices {
  return Object.fromEntries(
    p.organisationsToCreate.map((o) => [o.name.toLowerCase(), { sector: o.sector, membership: o.membership ?? '' }]),
  );
}

/** Why Import must wait (a membership not chosen yet), or null. */
export function choicesMissing(choices: OrganisationChoices): string | null {
  const n = Object.values(choices).filter((c) => c.membership === '').length;
  if (n === 0) return null;
  return `Choose the membership of ${n === 1 ? 'the new organisation' : `${n} new organisations`} before importing.`;
}

const sectorOptions = SECTORS.map((s) => ({ value: s.key, label: s.label }));
const membershipOptions: { value: Membership | ''; label: string }[] = [
  { value: '', label: 'Choose…' },
  ...MEMBERSHIPS.map((m) => ({ value: m.key, label: m.label })),
];

const FROM: Record<string, string> = {
  file: 'from the file',
  name: 'guessed from the name',
  email: 'guessed from an email address',
};

/** New organisations with their sector (confirm or change the guess) and membership (the coordinator chooses). */
export function NewOrganisations({
  preview,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  choices: OrganisationChoices;
  onChange: (c: OrganisationChoices) => void;
}) {
  if (preview.organisationsToCreate.length === 0) return null;
  const set = (key: string, patch: Partial<OrganisationChoice>) =>
    onChange({ ...choices, [key]: { ...choices[key]!, ...patch } });
  return (
    <div className="new-organisations" role="region" aria-label="New organisations">
      <h4>New organisations: check the sector and choose the membership</h4>
      <SelectField<Membership | ''>
        label="Set every membership to"
        value=""
        options={membershipOptions}
        onChange={(m) => {
          if (m) onChange(Object.fromEntries(Object.entries(choices).map(([k, c]) => [k, { ...c, membership: m }])));
        }}
      />
      <table className="sample">
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Sector</th>
            <th scope="col">Membership</th>
          </tr>
        </thead>
        <tbody>
          {preview.organisationsToCreate.map((o) => {
            const key = o.name.toLowerCase();
            const c = choices[key] ?? { sector: o.sector, membership: '' };
            return (
              <tr key={key}>
                <th scope="row">
                  {o.name}
                  {o.sectorFrom ? <span className="muted"> (sector {FROM[o.sectorFrom]})</span> : null}
                </th>
                <td>
                  <NativeSelect
                    aria-label={`Sector of ${o.name}`}
                    value={c.sector}
                    options={sectorOptions}
                    onChange={(sector) => set(key, { sector })}
                  />
                </td>
                <td>
                  <NativeSelect
                    aria-label={`Membership of ${o.name}`}
                    value={c.membership}
                    options={membershipOptions}
                    onChange={(membership) => set(key, { membership })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
