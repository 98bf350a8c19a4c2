import { useId } from 'react';
import type { ImportPreview } from '../../../shared/contract/partners';
import type { Membership, SectorKey } from '../../../shared/partners/sectors';
import { MEMBERSHIPS, SECTORS } from '../../../shared/partners/sectors';

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
  const allId = useId();
  if (preview.organisationsToCreate.length === 0) return null;
  const set = (key: string, patch: Partial<OrganisationChoice>) =>
    onChange({ ...choices, [key]: { ...choices[key]!, ...patch } });
  return (
    <div className="new-organisations" role="region" aria-label="New organisations">
      <h4>New organisations: check the sector and choose the membership</h4>
      <div className="field">
        <label htmlFor={allId}>Set every membership to</label>
        <select
          id={allId}
          value=""
          onChange={(e) => {
            const m = e.target.value as Membership;
            if (m) onChange(Object.fromEntries(Object.entries(choices).map(([k, c]) => [k, { ...c, membership: m }])));
          }}
        >
          <option value="">Choose…</option>
          {MEMBERSHIPS.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
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
                  <select
                    aria-label={`Sector of ${o.name}`}
                    value={c.sector}
                    onChange={(e) => set(key, { sector: e.target.value as SectorKey })}
                  >
                    {SECTORS.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Membership of ${o.name}`}
                    value={c.membership}
                    onChange={(e) => set(key, { membership: e.target.value as Membership | '' })}
                  >
                    <option value="">Choose…</option>
                    {MEMBERSHIPS.map((m) => (
                      <option key={m.key} value={m.key}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
