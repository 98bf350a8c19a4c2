import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course, TrainingMatrix, TrainingRecord } from '../../../shared/toolkit/training';
import { addMonths } from '../../../shared/toolkit/training';
import { createTestApp } from '../../helpers/db';
import { addOrganisation, addPerson } from '../meetings/fixtures';
import type { App } from './helpers';
import { fails, ok } from './helpers';

let app: App;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('training records and the matrix', () => {
  it('counts people once per course, adds delegate counts, and lists first responders and refreshers due', async () => {
    const police = addOrganisation(app.db, 'Police');
    const council = addOrganisation(app.db, 'Council');
    const ann = addPerson(app.db, 'Ann Lee', police);
    const bob = addPerson(app.db, 'Bob Ray', police);
    const cat = addPerson(app.db, 'Cat Doe', council);
    const courses = await ok<Course[]>(app, 'toolkit.training.courses.list', {});
    const fr = courses.find((c) => c.firstResponder)!;
    const aware = courses.find((c) => c.title.startsWith('UK modern slavery awareness'))!;
    expect(courses.length).toBeGreaterThanOrEqual(9);

    // Ann trained twice on the same course: one person. Bob's first-responder refresher lapsed.
    await ok(app, 'toolkit.training.records.add', { personId: ann, courseId: fr.id, trainedOn: daysAgo(400) });
    await ok(app, 'toolkit.training.records.add', { personId: ann, courseId: fr.id, trainedOn: daysAgo(30) });
    const lapsed = await ok<TrainingRecord>(app, 'toolkit.training.records.add', {
      personId: bob,
      courseId: fr.id,
      trainedOn: daysAgo(800),
    });
    expect(lapsed.refresherDue).toBe(addMonths(daysAgo(800), 24));
    await ok(app, 'toolkit.training.records.add', { personId: cat, courseId: aware.id, trainedOn: daysAgo(10) });
    await ok(app, 'toolkit.training.delegates.add', {
      organisationId: council,
      courseId: aware.id,
      trainedOn: daysAgo(5),
      delegates: 12,
    });
    // Outside the three-year window: not counted.
    await ok(app, 'toolkit.training.delegates.add', {
      organisationId: council,
      courseId: aware.id,
      trainedOn: daysAgo(1200),
      delegates: 50,
    });

    const m = await ok<TrainingMatrix>(app, 'toolkit.training.matrix', {});
    const col = (c: Course) => m.courses.findIndex((x) => x.id === c.id);
    const row = (name: string) => m.organisations.find((o) => o.name === name)!;
    expect(row('Police').cells[col(fr)]).toBe(2);
    expect(row('Council').cells[col(aware)]).toBe(13);
    expect(row('Police').firstResponders).toBe(1);
    expect(row('Council').firstResponders).toBe(0);
    // Ann's earlier record is superseded by her later one; Bob's lapsed refresher is listed.
    expect(m.refreshersDue.map((r) => r.personName)).toEqual(['Bob Ray']);
  });

  it('names people and organisations from the directory in records, counts and refreshers, refreshers by date then name', async () => {
    const police = addOrganisation(app.db, 'Police');
    const zed = addPerson(app.db, 'Zed Ash', police);
    const amy = addPerson(app.db, 'Amy Fox', police);
    const courses = await ok<Course[]>(app, 'toolkit.training.courses.list', {});
    const fr = courses.find((c) => c.firstResponder)!;
    for (const [personId, trainedOn] of [
      [zed, daysAgo(900)],
      [amy, daysAgo(900)],
      [zed, daysAgo(1000)],
    ] as const)
      await ok(app, 'toolkit.training.records.add', { personId, courseId: fr.id, trainedOn });
    await ok(app, 'toolkit.training.delegates.add', {
      organisationId: police,
      courseId: fr.id,
      trainedOn: daysAgo(3),
      delegates: 4,
    });

    const records = await ok<TrainingRecord[]>(app, 'toolkit.training.records.list', {});
    // Newest first, the later entry first on the same day.
    expect(records.map((r) => [r.personName, r.organisationName])).toEqual([
      ['Amy Fox', 'Police'],
      ['Zed Ash', 'Police'],
      ['Zed Ash', 'Police'],
    ]);
    const counts = await ok<{ organisationName: string; delegates: number }[]>(app, 'toolkit.training.delegates.list', {});
    expect(counts.map((c) => [c.organisationName, c.delegates])).toEqual([['Police', 4]]);
    const m = await ok<TrainingMatrix>(app, 'toolkit.training.matrix', {});
    // Zed's older record is superseded; the two due on the same day are in name order.
    expect(m.refreshersDue.map((r) => [r.personName, r.organisationName, r.refresherDue])).toEqual([
      ['Amy Fox', 'Police', addMonths(daysAgo(900), 24)],
      ['Zed Ash', 'Police', addMonths(daysAgo(900), 24)],
    ]);
    expect(m.organisations.map((o) => o.name)).toEqual(['Police']);
  });

  it('refuses a record for someone not in the directory', async () => {
    const courses = await ok<Course[]>(app, 'toolkit.training.courses.list', {});
    expect(
      (await fails(app, 'toolkit.training.records.add', { personId: 999, courseId: courses[0]!.id, trainedOn: '2026-01-01' }))
        .code,
    ).toBe('not_found');
  });

  it('imports courses from CSV, all or nothing', async () => {
    const before = (await ok<Course[]>(app, 'toolkit.training.courses.list', {})).length;
    const good =
      'Title,Provider,Audience,Cost,Link\nSpotting exploitation in farms,County trainers,Frontline staff,Free,https://example.org/farms\n';
    expect(await ok(app, 'toolkit.training.courses.import', { text: good })).toEqual({ added: 1 });
    const bad = 'title,link\nA course,not a link\n';
    const err = await fails(app, 'toolkit.training.courses.import', { text: bad });
    expect(err.message).toMatch(/Nothing was imported/);
    expect(err.details?.[0]).toMatch(/^Row 2:/);
    const after = await ok<Course[]>(app, 'toolkit.training.courses.list', {});
    expect(after.length).toBe(before + 1);
    expect(after.find((c) => c.title === 'Spotting exploitation in farms')).toMatchObject({
      cost: 'free',
      audience: 'frontline',
    });
  });

  it('exports records as CSV and a certificate as .docx', async () => {
    const org = addOrganisation(app.db, 'Police');
    const ann = addPerson(app.db, 'Ann Lee', org);
    const courses = await ok<Course[]>(app, 'toolkit.training.courses.list', {});
    const r = await ok<TrainingRecord>(app, 'toolkit.training.records.add', {
      personId: ann,
      courseId: courses[0]!.id,
      trainedOn: '2026-11-01',
    });
    await ok(app, 'toolkit.training.records.exportCsv', {});
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(app.saved[0]!.bytes);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFPerson,Organisation,Course,Date trained,Refresher due,Certificate kept');
    expect(csv).toContain('Ann Lee,Police,');
    await ok(app, 'toolkit.training.records.certificate', { id: r.id });
    const mammoth = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(app.saved[1]!.bytes) })).value;
    expect(text).toContain('Certificate of achievement');
    expect(text).toContain('Ann Lee');
    expect(text).toContain('1 November 2026');
  });

  it('adds months keeping to the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 24)).toBe('2028-11-15');
  });
});
