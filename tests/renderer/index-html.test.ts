// renderer/index.html repeats the hosts' CSP as a meta tag, and holds nothing that CSP blocks.
// One directive cannot travel in a <meta>: browsers ignore frame-ancestors there and Chromium
// logs a console error for it, so the meta carries every other directive verbatim and the
// hosts send the whole policy as a header (tests/e2e checks the header browser mode sends).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/security';

// A path, not new URL(…, import.meta.url): under jsdom the global URL is jsdom's, which node:url rejects.
const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
const doc = new DOMParser().parseFromString(html, 'text/html');

describe('renderer/index.html', () => {
  it('carries exactly the shared CSP (less frame-ancestors) in one meta tag', () => {
    const metas = [...doc.querySelectorAll('meta')].filter(
      (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
    );
    expect(metas).toHaveLength(1);
    const content = metas[0]!.getAttribute('content');
    expect(content).toBe(CONTENT_SECURITY_POLICY_META);
    // Only frame-ancestors is left out: if the shared policy gains another directive a meta
    // cannot carry, this fails and the meta needs a look.
    expect(CONTENT_SECURITY_POLICY.split('; ').length - content!.split('; ').length).toBe(1);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('has no inline script, no <style> element and no style attribute', () => {
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s.getAttribute('src')).toBeTruthy();
      expect(s.textContent?.trim()).toBe('');
    }
    expect(doc.querySelectorAll('style')).toHaveLength(0);
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('declares Chinese as the document language', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
  });
});
