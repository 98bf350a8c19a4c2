import fs from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/security';
import { DocumentPreview } from '../../../renderer/src/documents/preview';
import { barChart } from '../../../shared/charts/bar';
import type { DocumentTree } from '../../../shared/documents/tree';

const chart = barChart({
  title: 'Attendance <script>alert(1)</script>',
  bars: [
    { label: 'Police', value: 12, previous: 9 },
    { label: 'Health & care', value: 4 },
  ],
});

const tree: DocumentTree = {
  meta: {
    title: 'Annual report',
    version: '1',
    date: '2026-04-30',
    marking: 'OFFICIAL',
    author: 'Coordinator',
    subject: 'Annual report',
    partnershipName: 'Partnership',
  },
  blocks: [
    { kind: 'image', ...chart, caption: 'Figure 1: attendance by sector' },
    { kind: 'image', ...chart, alt: 'Without a caption' },
  ],
};

describe('a chart in the preview', () => {
  it('is a figure with the chart as an image named by its summary, and its caption', () => {
    render(<DocumentPreview tree={tree} />);
    const figures = screen.getAllByRole('figure');
    expect(figures).toHaveLength(2);
    const img = within(figures[0]!).getByRole('img', { name: chart.alt });
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(decodeURIComponent(img.getAttribute('src')!.split(',')[1]!)).toBe(chart.svg);
    expect(img.getAttribute('width')).toBe('640');
    expect(within(figures[0]!).getByText('Figure 1: attendance by sector').tagName).toBe('FIGCAPTION');
    expect(within(figures[1]!).getByRole('img', { name: 'Without a caption' })).toBeTruthy();
    expect(figures[1]!.querySelector('figcaption')).toBeNull();
    // The SVG is only ever an image: none of its markup is in the page.
    expect(document.querySelector('svg')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('is allowed by the page policy, which admits data: images and no scripts from anywhere else', () => {
    const imgSrc = /img-src ([^;]+)/.exec(CONTENT_SECURITY_POLICY)![1]!;
    expect(imgSrc.split(' ').sort()).toEqual(["'self'", 'blob:', 'data:']);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    // The page's own copy of the policy (index.html) says the same about images and scripts.
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    expect(html).toContain("img-src 'self' data: blob:;");
    expect(html).toContain("script-src 'self';");
    expect(html).not.toMatch(/unsafe-eval/);
  });
});
