import { useQuery } from '@tanstack/react-query';
import { useArchiveOrganisation } from './mutations';
import { partnerKeys } from './queries';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { OrganisationDetail } from '../../../shared/partners/domain';
import { formatPhone } from '../../../shared/partners/phone';
import { FOUR_PS, membershipLabel, sectorLabel } from '../../../shared/partners/sectors';
import { call } from '../api/client';
import { Loaded } from '../ui/loaded';
import type { Message } from '../ui/notice';
import { Notice } from '../ui/notice';
import { navigate } from '../ui/router';
import { ConfirmDialog } from '../ui/dialog';
import { DetailSection, archiveMessages } from './detail';
import { RemovalImpactList } from './impact-list';
import { OrganisationForm, PersonForm } from './forms';
import { PostList } from './person-detail';

export function OrganisationPane({ id, mode }: { id: number; mode: 'view' | 'edit' | 'add-person' }) {
  const detail = useQuery({
    queryKey: partnerKeys.organisation(id),
    queryFn: () => call('partners.organisations.get', { id }),
  });
  return (
    <Loaded query={detail} failed="Could not load this organisation.">
      {(o) => <OrganisationMode org={o} mode={mode} />}
    </Loaded>
  );
}

function OrganisationMode({ org: o, mode }: { org: OrganisationDetail; mode: 'view' | 'edit' | 'add-person' }) {
  if (mode === 'edit') {
    const { id: _id, posts: _posts, archivedAt: _a, createdAt: _c, updatedAt: _u, version, ...stored } = o;
    return (
      <DetailSection title={`Edit ${o.name}`}>
        <OrganisationForm
          id={o.id}
          version={version}
          stored={stored}
          done={(oid) => navigate(`/partners/organisations/${oid}`)}
        />
      </DetailSection>
    );
  }
  if (mode === 'add-person') {
    return (
      <DetailSection title={`Add a person at ${o.name}`}>
        <PersonForm
          id={null}
          organisation={{ id: o.id, name: o.name }}
          done={() => navigate(`/partners/organisations/${o.id}`)}
        />
      </DetailSection>
    );
  }
  return <OrganisationView org={o} />;
}

function OrganisationView({ org: o }: { org: OrganisationDetail }) {
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);
  const archive = useArchiveOrganisation(o, archiveMessages(setMessage, 'it'));
  const current = o.posts.filter((p) => p.endedOn === null);
  const past = o.posts.filter((p) => p.endedOn !== null);
  const ps = FOUR_PS.filter((p) => o[p.key]).map((p) => p.label);
  const hasSpoc = current.some((p) => p.isSpoc);
  return (
    <DetailSection
      title={
        <>
          {o.name}
          {o.archivedAt ? <span className="tag">Archived</span> : null}
        </>
      }
      tools={
        <>
          <Button className="button" onPress={() => navigate(`/partners/organisations/${o.id}/edit`)}>
            Edit
          </Button>
          <Button className="button" onPress={() => navigate(`/partners/organisations/${o.id}/add-person`)}>
            Add person
          </Button>
          <Button className="button" onPress={() => (o.archivedAt ? archive.mutate() : setConfirming(true))}>
            {o.archivedAt ? 'Restore' : 'Archive…'}
          </Button>
        </>
      }
    >
      <ConfirmDialog
        title={`Archive ${o.name}?`}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => archive.mutate()}
        confirmLabel="Archive"
        cancelLabel="Keep it"
      >
        <p>
          An archived organisation leaves the lists and every picker; what already names it keeps its name. Restore brings it
          back.
        </p>
        <RemovalImpactList
          kind="organisation"
          id={o.id}
          none="No agreed or in-review document, open action or upcoming meeting names it."
          onLeave={() => setConfirming(false)}
        />
      </ConfirmDialog>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <dl className="facts">
        <dt>Sector</dt>
        <dd>{sectorLabel(o.sector)}</dd>
        <dt>Membership</dt>
        <dd>{membershipLabel(o.membership)}</dd>
        <dt>Contributes to</dt>
        <dd>{ps.length > 0 ? ps.join(', ') : '—'}</dd>
        <dt>Email</dt>
        <dd>{o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : '—'}</dd>
        <dt>Phone</dt>
        <dd>{formatPhone(o.phone) || '—'}</dd>
        <dt>Website</dt>
        <dd>{o.website || '—'}</dd>
        <dt>Address</dt>
        <dd className="pre">{o.address || '—'}</dd>
        {o.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre">{o.notes}</dd>
          </>
        ) : null}
      </dl>
      {!hasSpoc && o.membership !== 'former' ? (
        <Notice tone="info">No modern slavery single point of contact is recorded for this organisation.</Notice>
      ) : null}
      <h3>People</h3>
      {current.length === 0 ? (
        <p className="muted">Nobody is recorded in post here yet.</p>
      ) : (
        <PostList posts={current} personView={false} />
      )}
      {past.length > 0 ? (
        <>
          <h3>Past posts</h3>
          <PostList posts={past} personView={false} />
        </>
      ) : null}
    </DetailSection>
  );
}
